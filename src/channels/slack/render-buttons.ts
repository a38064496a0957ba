/**
 * Reply actions as Block Kit buttons: the core's id as action_id (made unique
 * within the block), the core's value untouched, the label cut to Slack's 75.
 * A button whose value would not fit is left out rather than altered, since a
 * changed value would act on the wrong thing; the core keeps values far shorter.
 */
import type { types } from "@slack/bolt";
import { actionsBlockId, uniqueActionIds } from "./action-ids.js";
import { blockKit } from "./block-kit-limits.js";
import { plain } from "./slack-text.js";

export interface ButtonSpec {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

/** Actions blocks of at most 25 buttons each; `nextIndex` numbers the blocks so their ids stay unique in a message. */
export function actionsBlocks(buttons: readonly ButtonSpec[], conversationId: string, nextIndex: () => number): types.ActionsBlock[] {
  const usable = buttons.filter((b) => b.value.length <= blockKit.buttonValue && b.id.length <= blockKit.actionIdLength - 4);
  const blocks: types.ActionsBlock[] = [];
  for (let start = 0; start < usable.length; start += blockKit.actionsPerBlock) {
    const chunk = usable.slice(start, start + blockKit.actionsPerBlock);
    const ids = uniqueActionIds(chunk.map((b) => b.id));
    blocks.push({
      type: "actions",
      block_id: actionsBlockId(nextIndex(), conversationId),
      elements: chunk.map((b, i): types.Button => ({ type: "button", action_id: ids[i] ?? b.id, text: plain(b.label, blockKit.buttonText), value: b.value })),
    });
  }
  return blocks;
}
