import type { ReplyParts } from "../answer/compose-reply.js";
import type { ConversationState } from "./conversation-state.js";

/** What a search's reply says about the front door, and the front doors the conversation has then heard of. */
export interface FrontDoorDecision {
  readonly lines: readonly string[];
  readonly shown: readonly string[];
}

/**
 * The front door of the prevention offer is said once per conversation, not in every answer: again
 * only when this answer's front door is one the conversation has not heard (the person lives
 * somewhere else now: Rutland's own front door after First Contact Plus). A search that found
 * nothing always says it, since then the front door is the answer.
 */
export function frontDoorLines(parts: ReplyParts, found: number, state: ConversationState | undefined): FrontDoorDecision {
  const shown = state?.frontDoorsShown ?? [];
  const door = parts.frontDoor;
  if (!door) return { lines: [], shown };
  const known = door.doorIds.every((id) => shown.includes(id));
  if (known && found > 0) return { lines: [], shown };
  return { lines: [door.text], shown: [...new Set([...shown, ...door.doorIds])] };
}
