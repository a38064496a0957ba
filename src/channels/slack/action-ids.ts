/**
 * Button identities. A button's action_id is the core's action id (`refer`,
 * `show_more` …), with "~2", "~3" added only when the same id appears twice in
 * one actions block (Slack requires them unique there; the "Only in …" buttons
 * share one id). Its value is the core's value, untouched. The block_id carries
 * the conversation the buttons belong to, so a press on an ephemeral message
 * (whose payload has no message or thread) still reaches the right conversation.
 */
import type { ActionId } from "../../conversation/reply.js";
import { blockKit } from "./block-kit-limits.js";

/** A Slack-only button: opens a form that could not be opened as a modal straight away (no trigger id). */
export const openFormActionId = "open_form";

const buttonIds = new Set<ActionId>(["refer", "show_more", "narrow_area", "report_outdated", "details"]);

/** Matches every action_id this channel puts on a button. */
export const buttonActionIdPattern = /^(?:refer|show_more|narrow_area|report_outdated|details|open_form)(?:~\d+)?$/;

/** Unique action ids within one block: the first keeps the core's id, repeats get "~n". */
export function uniqueActionIds(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}~${count}`;
  });
}

export type DecodedAction = { readonly kind: "core"; readonly id: Exclude<ActionId, "submit_form"> } | { readonly kind: "open_form" };

export function decodeActionId(actionId: string): DecodedAction | undefined {
  const id = actionId.replace(/~\d+$/, "");
  if (id === openFormActionId) return { kind: "open_form" };
  return buttonIds.has(id as ActionId) ? { kind: "core", id: id as Exclude<ActionId, "submit_form"> } : undefined;
}

const prefix = "sp";

/** "sp|<n>|<conversationId>", or "sp|<n>" when the id would not fit in a block_id. */
export function actionsBlockId(index: number, conversationId: string): string {
  const withConversation = `${prefix}|${index}|${conversationId}`;
  return withConversation.length <= blockKit.blockIdLength ? withConversation : `${prefix}|${index}`;
}

/** The conversation a button belongs to, if its block says. */
export function conversationFromBlockId(blockId: string | undefined): string | undefined {
  if (!blockId?.startsWith(`${prefix}|`)) return undefined;
  const [, , ...rest] = blockId.split("|");
  const id = rest.join("|");
  return id === "" ? undefined : id;
}
