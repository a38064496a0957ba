import { randomUUID } from "node:crypto";
import type { PreviousSearch } from "../answer/previous-search.js";
import { runTurnSearch, takeTurn } from "../answer/take-turn.js";
import type { TurnResult, TurnSearch } from "../answer/turn.js";
import type { Directory } from "../directory/directory.js";
import type { Understanding } from "../understanding/understand.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { buildCard } from "./build-card.js";
import { frontDoorLines } from "./front-door-memory.js";
import { searchReply, textReply } from "./build-replies.js";
import type { ConversationState, ListMemory } from "./conversation-state.js";
import type { Reply, ReplyAction, ServiceCard } from "./reply.js";

/** How many results a search keeps for "show more". */
export const resultsKept = 20;

/** A new message: answered in the context of the last search, and remembered when it searched; feedback goes to `onFeedback`. */
export async function answerMessage(conversationId: string, text: string, state: ConversationState | undefined, deps: TurnDependencies, understood: Understanding, onFeedback?: (notes: readonly string[]) => Promise<Reply>): Promise<Reply> {
  const turn = await takeTurn(text, deps, { limit: resultsKept, understood, ...(state?.list ? { previous: state.list.search } : {}) });
  // Feedback about a service ("that first one's shut down"), when the message is not a search or a follow-up.
  if (!turn.search && !turn.urgent && turn.intent === "feedback" && onFeedback) return onFeedback(turn.notes);
  if (!turn.search) return textReply(conversationId, turn.intent, [...turn.notes, turn.reply ?? ""].join("\n"), turn.urgent);
  deps.unmetSearches?.note(turn.search.query, turn.search.results.length);
  // The cards show the services, so the numbered list is left out.
  return presentSearch(conversationId, turn.intent, turn.search, [...turn.notes, turn.search.parts.intro, ...turn.search.parts.closing], state, deps);
}

/** The last search again, limited to one area (the "Only in …" buttons). */
export async function narrowSearch(conversationId: string, query: PreviousSearch, state: ConversationState, deps: TurnDependencies): Promise<Reply> {
  const search = await runTurnSearch(query, deps, resultsKept);
  deps.unmetSearches?.note(query, search.results.length);
  return presentSearch(conversationId, "action", search, [search.parts.intro, ...search.parts.closing], state, deps);
}

/** The next page of the last search. */
export async function showMore(conversationId: string, state: ConversationState, list: ListMemory, deps: TurnDependencies): Promise<Reply> {
  if (list.shown >= list.resultIds.length) {
    return textReply(conversationId, "action", "That's everything I found for that search. Try another place or need, or ask First Contact Plus.");
  }
  const results = (await runTurnSearch(list.search, deps, resultsKept)).results.slice(list.shown, list.shown + deps.maxResults);
  const next: ListMemory = { ...list, shown: list.shown + results.length, onScreen: results.map((r) => r.id) };
  await deps.conversations.set(conversationId, { ...state, list: next });
  const intro = `Here ${results.length === 1 ? "is 1 more service" : `are ${results.length} more services`} (${next.shown} of ${list.resultIds.length}).`;
  return searchReply(conversationId, "action", [intro], cardsFor(results, list.search, deps.directory), listActions(next, deps));
}

/** Results as cards, from the services the search found, for someone living in the search's areas, each naming the needs of the search it meets. */
export function cardsFor(results: readonly TurnResult[], search: Pick<PreviousSearch, "areas" | "needs">, directory: Directory): ServiceCard[] {
  return results.map((result) => buildCard(result.service, result.why, directory, { areas: search.areas, asked: search.needs }));
}

/** Remembers a search's results and shows the first page as cards. */
async function presentSearch(conversationId: string, intent: Reply["intent"], search: TurnSearch, lines: readonly string[], state: ConversationState | undefined, deps: TurnDependencies): Promise<Reply> {
  const shown = search.results.slice(0, deps.maxResults);
  const frontDoor = frontDoorLines(search.parts, search.results.length, state);
  const list: ListMemory = {
    search: search.query,
    searchId: randomUUID(),
    resultIds: search.results.map((r) => r.id),
    shown: shown.length,
    onScreen: shown.map((r) => r.id),
  };
  await deps.conversations.set(conversationId, { ...state, list, frontDoorsShown: frontDoor.shown });
  return searchReply(conversationId, intent, [...lines, ...frontDoor.lines], cardsFor(shown, search.query, deps.directory), listActions(list, deps));
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
