/**
 * One service as an Adaptive Card. In a search's answer, compact: its name and organisation, why
 * it matched, how to refer, one way to get in touch and when it was last verified, with the core's
 * buttons as Action.Submit ("More about this" posts the full card). The full card (and the card the
 * message extension inserts, without buttons, since the chat it lands in may not have the bot in
 * it) adds the whole record, every contact, the needs, the areas and the source.
 */
import type { ServiceCard } from "../../conversation/reply.js";
import { type AdaptiveCard, adaptiveCard, type CardElement, facts, textBlock } from "./adaptive-card.js";
import { submitAction } from "./card-action.js";
import { plainText } from "./plain-text.js";

export interface ServiceCardOptions {
  /** Show the core's buttons (refer, details, report outdated). */
  readonly buttons: boolean;
  /** Carried by every button when the card is sent privately (see private-routes.ts). */
  readonly route?: string;
}

/** The compact card's elements: name, organisation, why, how to refer, one contact, last verified. */
export function compactCardElements(card: ServiceCard): CardElement[] {
  const contact: readonly [string, string | undefined] = card.contact.phone
    ? ["Phone", card.contact.phone]
    : card.contact.email
      ? ["Email", card.contact.email]
      : ["Website", card.contact.url];
  const elements: CardElement[] = [textBlock(card.name, { size: "medium", weight: "bolder" }), textBlock(card.organization, { isSubtle: true, spacing: "none" })];
  if (card.why) elements.push(textBlock(card.why, { size: "small" }));
  const details = facts([["How to refer", card.howToRefer], contact]);
  if (details.facts.length > 0) elements.push(details);
  elements.push(textBlock(card.verifiedText, { isSubtle: true, size: "small" }));
  return elements;
}

export function serviceCardElements(card: ServiceCard): CardElement[] {
  const elements: CardElement[] = [
    textBlock(card.name, { size: "medium", weight: "bolder" }),
    textBlock(card.organization, { isSubtle: true, spacing: "none" }),
    textBlock(card.summary),
  ];
  if (card.why) elements.push(textBlock(card.why, { isSubtle: true, size: "small" }));
  const needs = card.needs.map((n) => n.label).join(", ");
  const details = facts([
    [card.matched.length === 1 ? "Matched need" : "Matched needs", card.matched.map((n) => n.label).join(", ")],
    ["How to refer", card.howToRefer],
    ["Phone", card.contact.phone],
    ["Email", card.contact.email],
    ["Website", card.contact.url],
    ["Needs", needs && card.needsNote ? `${needs} (${card.needsNote})` : needs],
    ["Areas", card.areas.map((a) => a.name).join(", ")],
  ]);
  if (details.facts.length > 0) elements.push(details);
  elements.push(textBlock(`${card.verifiedText}. Source: ${card.source}.`, { isSubtle: true, size: "small" }));
  return elements;
}

export function renderServiceCard(card: ServiceCard, options: ServiceCardOptions): AdaptiveCard {
  const actions = options.buttons ? card.actions.map((action) => submitAction(action, options.route)) : [];
  const body = options.buttons && !card.full ? compactCardElements(card) : serviceCardElements(card);
  return { ...adaptiveCard(body, actions), fallbackText: plainText(`${card.name}: last verified ${card.lastVerifiedText}`) };
}
