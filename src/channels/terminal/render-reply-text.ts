import type { Reply, ServiceCard } from "../../conversation/reply.js";
import { terminalText } from "./terminal-text.js";

/**
 * A Reply as plain text for a terminal: the text, each service as a numbered
 * card, and what the person can type next. An emergency is framed so it
 * cannot be missed. Nothing in it can reach the terminal as a control
 * sequence (terminal-text.ts).
 */
export function renderReplyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.urgent) {
    parts.push(["!".repeat(60), ...reply.text, "!".repeat(60)].join("\n"));
  } else {
    parts.push(...reply.text);
  }
  reply.cards.forEach((card, index) => parts.push(renderCard(card, index + 1)));
  const hints: string[] = [];
  if (reply.actions.some((a) => a.id === "show_more")) hints.push('"more" for more results');
  if (reply.cards.some((card) => !card.full)) hints.push(`"tell me about the ${reply.cards.length > 1 ? "second" : "first"} one" for the full record`);
  if (reply.form) {
    const field = reply.form.fields[0];
    const error = field ? reply.form.errors?.[field.name] : undefined;
    parts.push([`${reply.form.title}:`, field ? `${field.label}${field.hint ? ` (${field.hint})` : ""}` : "", error ? `Problem: ${error}` : ""].filter(Boolean).join("\n"));
  }
  if (hints.length > 0) parts.push(`Type ${hints.join(", or ")}.`);
  return terminalText(parts.join("\n\n"));
}

/** A compact card: name, organisation, why, how to refer, one way to get in touch, last verified. */
function renderCompactCard(card: ServiceCard, position: number): string {
  const contact = card.contact.phone ?? card.contact.email ?? card.contact.url;
  return [
    `${position}. ${card.name} (${card.organization})`,
    `   Why: ${card.why}`,
    `   How to refer: ${card.howToRefer}`,
    ...(contact ? [`   Contact: ${contact}`] : []),
    `   ${verified(card)}`,
  ].join("\n");
}

/** Who verified the record and when, where the record says; else when it was last verified. */
function verified(card: ServiceCard): string {
  return card.verifiedBy ? `Verified by ${card.verifiedBy} on ${card.lastVerifiedText}` : `Last verified: ${card.lastVerifiedText}`;
}

function renderCard(card: ServiceCard, position: number): string {
  if (!card.full) return renderCompactCard(card, position);
  const contact = [card.contact.phone, card.contact.email, card.contact.url].filter(Boolean).join(" | ");
  return [
    `${position}. ${card.name} (${card.organization})`,
    `   ${card.summary}`,
    ...(card.matched.length ? [`   ${card.matched.length === 1 ? "Matched need" : "Matched needs"}: ${card.matched.map((n) => n.label).join(", ")}`] : []),
    `   Why: ${card.why}`,
    `   How to refer: ${card.howToRefer}`,
    ...(contact ? [`   Contact: ${contact}`] : []),
    `   Areas: ${card.areas.map((a) => a.name).join(", ")}`,
    ...(card.needsNote ? [`   Needs: ${card.needs.map((n) => n.label).join(", ")} (${card.needsNote})`] : []),
    `   ${verified(card)} (${card.source})`,
  ].join("\n");
}
