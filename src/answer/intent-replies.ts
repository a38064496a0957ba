import type { Directory } from "../directory/directory.js";
import { firstContactPlus } from "../directory/front-doors.js";
import { tokenize } from "../text/normalise-text.js";
import type { IntentId } from "../understanding/intents.js";

/**
 * Replies for the intents that do not search. Referral logging arrives with the
 * referrals issue; until then Signpost says so plainly and points to First
 * Contact Plus, rather than pretending to take the referral.
 */
export function intentReply(intent: Exclude<IntentId, "find_service" | "urgent_help">, text: string, designed: string, directory: Directory): string {
  const frontDoor = firstContactPlus(directory);
  const howToRefer = frontDoor ? ` For now, refer through ${frontDoor.name}: ${frontDoor.how_to_refer}` : "";
  switch (intent) {
    case "make_referral":
      return `I can't log referrals in chat yet.${howToRefer}`;
    case "referral_status":
    case "list_referrals":
      return `I can't look up referrals yet: referrals logged in chat are coming soon.${howToRefer}`;
    case "greeting":
      return greeting(text, designed);
    case "help":
    case "feedback":
    case "unknown":
      return designed;
  }
}

function greeting(text: string, designed: string): string {
  const words = new Set(tokenize(text));
  if (["thanks", "thank", "ta", "cheers", "thx", "ty"].some((word) => words.has(word))) return "You're welcome. Ask me again any time.";
  if (["bye", "goodbye", "cya", "night", "later"].some((word) => words.has(word))) return "Bye for now.";
  return designed;
}

/** Asked when the classifier is unsure: short, and says what Signpost can do. */
export const clarifyingQuestion =
  "I'm not sure what you need. Are you looking for services for someone? If so, tell me what they need and where they live. Or type \"help\" to see what I can do.";

/** A clinical question, on its own: declined, with what Signpost can do instead. */
export const clinicalRefusal =
  "I can't give clinical advice, so I can't answer that: please ask the person's GP, practice nurse or pharmacist, or NHS 111 (999 in an emergency). I can find non-clinical support, such as groups, befriending, help at home or money advice: tell me what the person needs and where they live.";

/** "show more" or "the second one" with no search before it. */
export const noListYet =
  'There\'s no list to follow on from yet. Ask me for support first, for example "lonely widower in Loughborough", then say "show more" or "tell me about the second one".';
