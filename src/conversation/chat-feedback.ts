import { runTurnSearch } from "../answer/take-turn.js";
import { type Directory, findService, type Service } from "../directory/directory.js";
import { tokenize } from "../text/normalise-text.js";
import { joinAnd } from "../text/join-and.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { searchReply, textReply } from "./build-replies.js";
import type { ConversationState } from "./conversation-state.js";
import type { IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";
import { cardsFor, resultsKept } from "./search-turns.js";

/** Longest report kept, as on the "Report outdated details" form. */
const maxDetails = 1000;

const ordinals: Readonly<Record<string, number>> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5, last: -1 };

/** "it's shut", "they've closed", "folded", "stopped running": the report says the service is no longer there. */
const saysClosed = /\b(?:shut|shuts|closed|closing|closes|folded|stopped|ended|finished|gone|no longer (?:runs?|running|meets?|exists?)|not running|(?:isnt|doesnt|dont|arent) (?:run|running|meet|meeting|there)|(?:runs?|running|meets?) (?:any ?more|no more))\b/;

/** Name words too common to pick one service out from another. */
const commonWords = new Set(["the", "and", "for", "with", "group", "club", "service", "services", "support", "project", "scheme", "leicester", "leicestershire", "rutland", "community", "centre", "network", "café", "cafe", "team"]);

/**
 * The service on screen a message in chat points to: by its name ("Wreake Valley befriending has
 * closed"), by its place in the list ("that first one's shut down", "the number for the second
 * one is wrong"), or the only one on screen ("that one has moved"). Undefined when it could be
 * any of several.
 */
export function serviceReported(text: string, onScreen: readonly Service[]): Service | undefined {
  const words = tokenize(text);
  const said = ` ${words.join(" ")} `;
  const byName = onScreen.filter((service) => {
    const name = tokenize(service.name).filter((word) => word.length > 2 && !commonWords.has(word));
    const found = name.filter((word) => said.includes(` ${word} `)).length;
    return name.length > 0 && (found === name.length || found >= 2);
  });
  if (byName.length === 1) return byName[0];
  // "first" in "First Contact Plus" is a name, not a place in the list.
  const ordinal = words.find((word, index) => word in ordinals && !(word === "first" && words[index + 1] === "contact"));
  if (ordinal) {
    const position = ordinals[ordinal]!;
    return onScreen[position === -1 ? onScreen.length - 1 : position - 1];
  }
  return onScreen.length === 1 ? onScreen[0] : undefined;
}

/**
 * Feedback typed in chat, recorded against the service on screen it points to exactly as the
 * "Report outdated details" form records it (the same store, limit and thanks), and answered
 * with the other services on screen still open. Without a list, or when it is unclear which
 * service is meant, nothing is recorded and the reply asks which.
 */
export async function recordChatFeedback(message: IncomingMessage, text: string, state: ConversationState | undefined, deps: TurnDependencies, notes: readonly string[] = []): Promise<Reply> {
  const reply = await recordAndAnswer(message, text, state, deps);
  // A safety line or a clinical question declined, said before the thanks, as in every answer.
  return notes.length > 0 ? { ...reply, text: [...notes, ...reply.text] } : reply;
}

async function recordAndAnswer(message: IncomingMessage, text: string, state: ConversationState | undefined, deps: TurnDependencies): Promise<Reply> {
  const { conversationId } = message;
  const list = state?.list;
  const onScreen = servicesOnScreen(list?.onScreen ?? [], deps.directory);
  if (!state || !list || onScreen.length === 0) {
    return textReply(conversationId, "feedback", 'Thank you for letting me know. Which service is it? Search for it and use "Report outdated details" on its card, or tell me which one in a list I\'ve shown ("the first one has closed"), and I\'ll record it for the directory\'s maintainers.');
  }
  const service = serviceReported(text, onScreen);
  if (!service) {
    const names = joinAnd(onScreen.map((s, index) => `${index + 1}. ${s.name}`));
    return textReply(conversationId, "feedback", `Which service do you mean? I've shown ${names}. Say, for example, "the second one has closed", or use "Report outdated details" on its card. Nothing is recorded yet.`);
  }
  await deps.limits?.take("feedback_report", message.userId);
  await deps.feedback.record({
    serviceId: service.id,
    organizationId: service.organization.id,
    details: text.trim().slice(0, maxDetails),
    channel: message.channel,
    reportedBy: message.userId,
    reportedAt: deps.clock.now().toISOString(),
  });
  const closed = tokenize(text).join(" ").match(saysClosed) !== null;
  const reportedClosed = closed ? [...new Set([...(state.reportedClosed ?? []), service.id])] : (state.reportedClosed ?? []);
  await deps.conversations.set(conversationId, { ...state, reportedClosed });
  const thanks = `Thank you. Your report about ${service.name} is recorded for the directory's maintainers to check with the provider.`;
  const others = onScreen.filter((s) => s.id !== service.id && !reportedClosed.includes(s.id));
  if (others.length === 0) {
    return textReply(conversationId, "feedback", `${thanks} ${closed ? "There's nothing else open in the list I showed: ask me again and I'll search afresh." : "Until it is fixed, please check the details with the provider."}`);
  }
  const results = (await runTurnSearch(list.search, deps, resultsKept)).results.filter((result) => others.some((s) => s.id === result.id));
  const still = results.length === 1 ? "This one from the list is still open" : "These from the list are still open";
  return searchReply(conversationId, "feedback", [`${thanks}${closed ? "" : " Until it is fixed, please check the details with the provider."}`, `${still}:`], cardsFor(results, list.search, deps.directory), []);
}

/** The services a list shows, those still in the directory. */
function servicesOnScreen(ids: readonly string[], directory: Directory): Service[] {
  return ids.map((id) => findService(directory, id)).filter((service): service is Service => service !== undefined);
}
