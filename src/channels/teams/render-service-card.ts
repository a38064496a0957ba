/**
 * One service as an Adaptive Card: what it is, why it matched, how to refer,
 * how to get in touch, and when it was last verified (always visible), with
 * the core's buttons as Action.Submit. The message extension inserts the same
 * card without buttons, since the chat it lands in may not have the bot in it.
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
  return { ...adaptiveCard(serviceCardElements(card), actions), fallbackText: plainText(`${card.name}: last verified ${card.lastVerifiedText}`) };
}
