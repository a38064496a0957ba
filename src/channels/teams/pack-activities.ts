/**
 * Cards into messages. As many cards as fit go in one message (attachment
 * layout "list", read top to bottom); the next card starts a new message once
 * a message would pass the size limit, so a long reply paginates over several
 * messages instead of being refused by Teams.
 */
import type { Activity } from "botbuilder";
import { type AdaptiveCard, adaptiveCardContentType } from "./adaptive-card.js";
import { jsonBytes, teamsLimits } from "./teams-limits.js";

/** The activity envelope the connector adds (ids, addresses): kept free in every budget. */
const envelopeBytes = 2048;

export function cardAttachment(card: AdaptiveCard) {
  return { contentType: adaptiveCardContentType, content: card };
}

function message(cards: readonly AdaptiveCard[], summary: string | undefined): Partial<Activity> {
  return { type: "message", attachmentLayout: "list", attachments: cards.map(cardAttachment), ...(summary ? { summary } : {}) };
}

/** `summary` is what Teams shows in notifications for a card message: give text fit for where it is sent. */
export function packActivities(cards: readonly AdaptiveCard[], summary?: string): Partial<Activity>[] {
  const messages: Partial<Activity>[] = [];
  let current: AdaptiveCard[] = [];
  for (const card of cards) {
    if (current.length > 0 && jsonBytes(message([...current, card], summary)) + envelopeBytes > teamsLimits.activityBytes) {
      messages.push(message(current, summary));
      current = [];
    }
    current.push(card);
  }
  if (current.length > 0) messages.push(message(current, summary));
  return messages;
}

/** A short plain summary of a reply's first paragraph, for notifications. */
export function summaryOf(paragraphs: readonly string[]): string | undefined {
  const first = paragraphs[0]?.replace(/\s+/g, " ").trim();
  if (!first) return undefined;
  return first.length <= 120 ? first : `${first.slice(0, 119)}…`;
}
