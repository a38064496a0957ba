/**
 * One service card as Block Kit. A compact card (in a search's answer): a header with the name,
 * the organisation and why it matched, fields for how to refer and one way to get in touch, a
 * context line with when it was last verified, its buttons ("More about this" posts the full card),
 * and a divider. The full card: the organisation and whole record, fields for the needs of the
 * search it meets, how to refer, contact, areas and needs (saying when they were inferred), a
 * context line with when it was last verified (and by whom, where known), where the facts came
 * from and why it matched. Six blocks at most, every text escaped and cut to its limit.
 */
import type { types } from "@slack/bolt";
import type { ServiceCard } from "../../conversation/reply.js";
import { blockKit } from "./block-kit-limits.js";
import { actionsBlocks } from "./render-buttons.js";
import { emphasise, mrkdwnFit, plain } from "./slack-text.js";

function field(title: string, raw: string): types.MrkdwnElement {
  const heading = `*${title}*\n`;
  return { type: "mrkdwn", text: `${heading}${mrkdwnFit(raw, blockKit.sectionFieldText - heading.length)}` };
}

/** A context element; Slack refuses an empty text, so a blank one is a dash. */
function contextText(raw: string): types.MrkdwnElement {
  return { type: "mrkdwn", text: mrkdwnFit(raw, blockKit.sectionFieldText) || "-" };
}

function contactLine(card: ServiceCard): string {
  return [card.contact.phone, card.contact.email, card.contact.url].filter((c): c is string => Boolean(c)).join("\n");
}

/** The one way to get in touch a compact card shows: the phone, else the email, else the website. */
function oneContact(card: ServiceCard): string | undefined {
  return card.contact.phone ?? card.contact.email ?? card.contact.url;
}

function compactBlocks(card: ServiceCard, conversationId: string, nextIndex: () => number): types.KnownBlock[] {
  const organisation = emphasise(mrkdwnFit(card.organization, 300), "*");
  const why = card.why ? mrkdwnFit(card.why, blockKit.sectionText - organisation.length - 1) : "";
  const contact = oneContact(card);
  const fields = [field("How to refer", card.howToRefer), ...(contact ? [field("Contact", contact)] : [])];
  return [
    { type: "header", text: plain(card.name, blockKit.headerText) },
    { type: "section", text: { type: "mrkdwn", text: why ? `${organisation}\n${why}` : organisation || "-" } },
    { type: "section", fields },
    { type: "context", elements: [contextText(card.verifiedText)] },
    ...actionsBlocks(card.actions, conversationId, nextIndex),
    { type: "divider" },
  ];
}

export function cardBlocks(card: ServiceCard, conversationId: string, nextIndex: () => number): types.KnownBlock[] {
  if (!card.full) return compactBlocks(card, conversationId, nextIndex);
  const organisation = emphasise(mrkdwnFit(card.organization, 300), "*");
  const summary = mrkdwnFit(card.summary, blockKit.sectionText - organisation.length - 1);
  const contact = contactLine(card);
  const needs = card.needs.map((n) => n.label).join(", ");
  const fields = [
    ...(card.matched.length ? [field(card.matched.length === 1 ? "Matched need" : "Matched needs", card.matched.map((n) => n.label).join(", "))] : []),
    field("How to refer", card.howToRefer),
    ...(contact ? [field("Contact", contact)] : []),
    ...(card.areas.length ? [field("Areas", card.areas.map((a) => a.name).join(", "))] : []),
    ...(card.needs.length ? [field("Needs", card.needsNote ? `${needs} (${card.needsNote})` : needs)] : []),
  ].slice(0, blockKit.sectionFields);
  const context: types.MrkdwnElement[] = [
    contextText(card.verifiedText),
    ...(card.source.trim() ? [contextText(card.source)] : []),
    ...(card.why.trim() ? [contextText(`Why: ${card.why}`)] : []),
  ].slice(0, blockKit.contextElements);
  return [
    { type: "header", text: plain(card.name, blockKit.headerText) },
    { type: "section", text: { type: "mrkdwn", text: summary ? `${organisation}\n${summary}` : organisation || "-" } },
    { type: "section", fields },
    { type: "context", elements: context },
    ...actionsBlocks(card.actions, conversationId, nextIndex),
    { type: "divider" },
  ];
}
