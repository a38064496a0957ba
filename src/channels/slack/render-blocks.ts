/**
 * A Reply as Slack messages of Block Kit. The urgent text (the safety net)
 * comes first in a section of its own, with no cards; then the paragraphs; then
 * one card per service; then the reply's buttons. Blocks are packed into as
 * many messages as needed, at most 50 blocks each, never splitting a card, so
 * a long list pages over several messages instead of being refused. Every
 * message has a plain-text `text` for notifications and screen readers.
 */
import type { types } from "@slack/bolt";
import type { Reply } from "../../conversation/reply.js";
import { blockKit } from "./block-kit-limits.js";
import { actionsBlocks, type ButtonSpec } from "./render-buttons.js";
import { cardBlocks } from "./render-card.js";
import { emphasise, mrkdwnFit, mrkdwnPieces } from "./slack-text.js";

export interface SlackMessage {
  /** The fallback text (escaped mrkdwn). */
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}

export interface RenderOptions {
  /** The conversation the buttons act on (carried in their block ids). */
  readonly conversationId: string;
  /** An extra button after the reply's own (the "open the form" button when no modal could be opened). */
  readonly extraButton?: ButtonSpec;
}

const urgentMark = ":rotating_light: ";

function section(text: string): types.SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function urgentSections(paragraph: string): types.SectionBlock[] {
  return mrkdwnPieces(paragraph, blockKit.sectionText - urgentMark.length - 2).map((piece, i) => section(i === 0 ? `${urgentMark}${emphasise(piece, "*")}` : piece));
}

/** Groups of blocks that belong together (a card stays in one message). */
function blockGroups(reply: Reply, options: RenderOptions): types.KnownBlock[][] {
  let index = 0;
  const nextIndex = () => index++;
  const groups: types.KnownBlock[][] = [];
  const [first, ...rest] = reply.text;
  // A blank urgent line gives no section (an empty group would leave the reply with no message at all).
  const urgent = reply.urgent && first !== undefined ? urgentSections(first) : [];
  if (urgent.length > 0) groups.push(urgent);
  for (const paragraph of reply.urgent ? rest : reply.text) {
    for (const piece of mrkdwnPieces(paragraph, blockKit.sectionText)) groups.push([section(piece)]);
  }
  if (!reply.urgent) {
    for (const card of reply.cards) groups.push(cardBlocks(card, options.conversationId, nextIndex));
  }
  const buttons: ButtonSpec[] = [...reply.actions, ...(options.extraButton ? [options.extraButton] : [])];
  for (const block of actionsBlocks(buttons, options.conversationId, nextIndex)) groups.push([block]);
  if (groups.length === 0) groups.push([section("-")]);
  return groups;
}

function pack(groups: readonly types.KnownBlock[][]): types.KnownBlock[][] {
  const messages: types.KnownBlock[][] = [];
  let current: types.KnownBlock[] = [];
  for (const group of groups) {
    for (let start = 0; start < group.length; start += blockKit.blocksPerMessage) {
      const part = group.slice(start, start + blockKit.blocksPerMessage);
      if (current.length + part.length > blockKit.blocksPerMessage) {
        messages.push(current);
        current = [];
      }
      current.push(...part);
    }
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

function names(blocks: readonly types.KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === "header" ? [b.text.text] : []));
}

/** Plain words for the notification: the reply's text on the first message, the services' names on each. */
function fallbackText(reply: Reply, blocks: readonly types.KnownBlock[], first: boolean): string {
  const lines = [...(first ? reply.text : ["More from Signpost:"]), ...names(blocks).map((n) => `• ${n}`)];
  return mrkdwnFit(lines.join("\n"), blockKit.fallbackText) || "Signpost";
}

export function renderReply(reply: Reply, options: RenderOptions): SlackMessage[] {
  return pack(blockGroups(reply, options)).map((blocks, i) => ({ text: fallbackText(reply, blocks, i === 0), blocks }));
}
