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
  if (reply.cards.length > 1) hints.push('"tell me about the second one" for details');
  if (reply.form) {
    const field = reply.form.fields[0];
    const error = field ? reply.form.errors?.[field.name] : undefined;
    parts.push([`${reply.form.title}:`, field ? `${field.label}${field.hint ? ` (${field.hint})` : ""}` : "", error ? `Problem: ${error}` : ""].filter(Boolean).join("\n"));
  }
  if (hints.length > 0) parts.push(`Type ${hints.join(", or ")}.`);
  return terminalText(parts.join("\n\n"));
}

function renderCard(card: ServiceCard, position: number): string {
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
    `   ${card.verifiedBy ? `Verified by ${card.verifiedBy} on ${card.lastVerifiedText}` : `Last verified: ${card.lastVerifiedText}`} (${card.source})`,
  ].join("\n");
}
