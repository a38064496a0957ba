import { randomUUID } from "node:crypto";
import { type PreviousSearch, respond, runSearch } from "../answer/answer-question.js";
import type { AnswerResult } from "../answer/answer.js";
import { composeReplyParts } from "../answer/compose-reply.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { cardsFor, searchReply, textReply } from "./build-replies.js";
import type { ConversationState, ListMemory } from "./conversation-state.js";
import type { Reply, ReplyAction } from "./reply.js";

/** How many results a search keeps for "show more". */
export const resultsKept = 20;

/** A new message: answered in the context of the last search, and remembered when it searched. */
export async function answerMessage(conversationId: string, text: string, state: ConversationState | undefined, deps: TurnDependencies): Promise<Reply> {
  const responded = await respond(text, deps, { limit: resultsKept, ...(state?.list ? { previous: state.list.search } : {}) });
  const { answer, search, parts } = responded;
  if (!search || !parts) return textReply(conversationId, answer.intent, answer.reply, answer.intent === "urgent_help");
  deps.unmetSearches?.note(search, answer.results.length);
  // The reply's text without the numbered list: the cards show the services.
  const lines = answer.reply.split("\n").filter((line) => !parts.listing.includes(line));
  return presentSearch(conversationId, answer.intent, search, answer.results, lines, state, deps);
}

/** The last search again, limited to one area (the "Only in …" buttons). */
export async function narrowSearch(conversationId: string, search: PreviousSearch, state: ConversationState, deps: TurnDependencies): Promise<Reply> {
  const results = await runSearch(search, deps, resultsKept);
  deps.unmetSearches?.note(search, results.length);
  const parts = composeReplyParts({ needs: search.needs, areas: search.areas, age: search.age, results: results.slice(0, deps.maxResults) }, deps.directory);
  return presentSearch(conversationId, "action", search, results, [parts.intro, ...parts.closing], state, deps);
}

/** The next page of the last search. */
export async function showMore(conversationId: string, state: ConversationState, list: ListMemory, deps: TurnDependencies): Promise<Reply> {
  if (list.shown >= list.resultIds.length) {
    return textReply(conversationId, "action", "That's everything I found for that search. Try another place or need, or ask First Contact Plus.");
  }
  const results = (await runSearch(list.search, deps, resultsKept)).slice(list.shown, list.shown + deps.maxResults);
  const next: ListMemory = { ...list, shown: list.shown + results.length, onScreen: results.map((r) => r.id) };
  await deps.conversations.set(conversationId, { ...state, list: next });
  const intro = `Here ${results.length === 1 ? "is 1 more service" : `are ${results.length} more services`} (${next.shown} of ${list.resultIds.length}).`;
  return searchReply(conversationId, "action", [intro], cardsFor(results, deps.directory), listActions(next, deps));
}

/** Remembers a search's results and shows the first page as cards. */
async function presentSearch(
  conversationId: string,
  intent: Reply["intent"],
  search: PreviousSearch,
  results: readonly AnswerResult[],
  lines: readonly string[],
  state: ConversationState | undefined,
  deps: TurnDependencies,
): Promise<Reply> {
  const shown = results.slice(0, deps.maxResults);
  const list: ListMemory = {
    search: { text: search.text, needs: search.needs, areas: search.areas, age: search.age },
    searchId: randomUUID(),
    resultIds: results.map((r) => r.id),
    shown: shown.length,
    onScreen: shown.map((r) => r.id),
  };
  await deps.conversations.set(conversationId, { ...state, list });
  return searchReply(conversationId, intent, lines, cardsFor(shown, deps.directory), listActions(list, deps));
}

/** Show more, while there is more; narrow to an area, when none was named. */
function listActions(list: ListMemory, deps: TurnDependencies): ReplyAction[] {
  const actions: ReplyAction[] = [];
  if (list.shown < list.resultIds.length) actions.push({ id: "show_more", label: "Show more", value: list.searchId });
  if (list.search.areas.length === 0 && list.resultIds.length > 0) {
    for (const area of deps.directory.gazetteer.areas) {
      actions.push({ id: "narrow_area", label: `Only in ${area.name}`, value: `${list.searchId}|${area.id}` });
    }
  }
  return actions;
}
