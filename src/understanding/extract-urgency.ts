import { tokenize } from "../text/normalise-text.js";

/** How soon a referral should be picked up: the referral form's two choices. */
export type Urgency = "routine" | "soon";

/** "not urgent", "no rush" -> routine; "urgent", "asap", "soon" -> soon; otherwise null. */
export function extractUrgency(text: string): Urgency | null {
  const normal = ` ${tokenize(text).join(" ")} `;
  if (/ (?:not urgent|non urgent|no rush|no hurry|routine|whenever|not a priority) /.test(normal)) return "routine";
  if (/ (?:urgent|urgently|asap|as soon as possible|soon|quickly|priority|this week|today|tomorrow) /.test(normal)) return "soon";
  return null;
}
