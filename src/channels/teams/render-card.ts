/**
 * A core Reply as Adaptive Cards, in reading order. Urgent replies (the safety
 * net) are one card whose text sits first in an attention-styled container,
 * and nothing else: no service cards, no buttons. Otherwise: the reply's text,
 * one card per service, the form (with the text above it) and the reply's own
 * buttons (show more, only in an area). Long text is split over several cards
 * so that no card outgrows a message (teams-limits.ts), and a card that would
 * outgrow one anyway (text nobody should send) is cut to fit (fit-card.ts).
 */
import type { Reply } from "../../conversation/reply.js";
import { type AdaptiveCard, adaptiveCard, type CardElement, paragraphBlocks, textBlock } from "./adaptive-card.js";
import { submitAction } from "./card-action.js";
import { fitCard } from "./fit-card.js";
import { renderFormCard } from "./render-form-card.js";
import { renderServiceCard } from "./render-service-card.js";
import { jsonBytes, teamsLimits } from "./teams-limits.js";

export interface RenderOptions {
  /** Set when the reply goes to the user's personal chat on behalf of a shared conversation. */
  readonly route?: string;
}

/** Room left in a card for its text, after the envelope of the activity it travels in. */
const textCardBytes = teamsLimits.activityBytes - 2048;

/** Paragraphs as as few cards as fit, each under the size limit; `wrap` puts each card's blocks in a container if needed. */
export function textCards(paragraphs: readonly string[], wrap: (items: CardElement[]) => CardElement[] = (items) => items): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  let current: CardElement[] = [];
  for (const paragraph of paragraphs) {
    const blocks = paragraphBlocks(paragraph);
    if (current.length > 0 && jsonBytes(adaptiveCard(wrap([...current, ...blocks]))) > textCardBytes) {
      cards.push(adaptiveCard(wrap(current)));
      current = [];
    }
    current.push(...blocks);
  }
  if (current.length > 0) cards.push(adaptiveCard(wrap(current)));
  return cards.map((card) => fitCard(card, textCardBytes));
}

function urgentCards(reply: Reply): AdaptiveCard[] {
  const [first, ...rest] = reply.text;
  const lead = first ? [textBlock(first, { weight: "bolder", size: "medium", color: "attention" }), ...rest.flatMap((p) => paragraphBlocks(p))] : [];
  return [adaptiveCard([{ type: "Container", style: "attention", items: lead }])];
}

export function renderReply(reply: Reply, options: RenderOptions = {}): AdaptiveCard[] {
  if (reply.urgent) return urgentCards(reply).map((card) => fitCard(card, textCardBytes));
  const cards: AdaptiveCard[] = [];
  if (!reply.form) cards.push(...textCards(reply.text));
  for (const card of reply.cards) cards.push(renderServiceCard(card, { buttons: true, ...(options.route ? { route: options.route } : {}) }));
  if (reply.form) cards.push(renderFormCard(reply.form, { intro: reply.text, ...(options.route ? { route: options.route } : {}) }));
  if (reply.actions.length > 0) {
    cards.push(adaptiveCard([textBlock("More options", { isSubtle: true, size: "small" })], reply.actions.map((action) => submitAction(action, options.route))));
  }
  return cards.map((card) => fitCard(card, textCardBytes));
}
