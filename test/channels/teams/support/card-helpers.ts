/**
 * Reading what the bot sent: the Adaptive Cards in a recorded activity, the
 * text in them, their buttons, and a form's inputs filled in the way Teams
 * merges them into a submit's data.
 */
import type { RecordedCall } from "./recording-connector.js";

export interface CardJson {
  readonly type: string;
  readonly version: string;
  readonly body: readonly Record<string, unknown>[];
  readonly actions?: readonly { type: string; title: string; data?: { signpost?: { id: string; value: string; route?: string } } }[];
}

export function cardsOf(call: RecordedCall | undefined): CardJson[] {
  const attachments = (call?.body.attachments as { contentType: string; content: CardJson }[] | undefined) ?? [];
  return attachments.filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive").map((a) => a.content);
}

/** Every element in a card, depth first (containers and action sets opened). */
export function elementsOf(card: CardJson): Record<string, unknown>[] {
  const walk = (items: readonly Record<string, unknown>[]): Record<string, unknown>[] =>
    items.flatMap((item) => [item, ...walk((item.items as Record<string, unknown>[] | undefined) ?? [])]);
  return walk(card.body);
}

export function textOf(card: CardJson): string {
  return elementsOf(card)
    .flatMap((e) => (e.type === "TextBlock" ? [e.text as string] : e.type === "FactSet" ? (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`) : []))
    .join("\n");
}

export function allText(calls: readonly RecordedCall[]): string {
  return calls.flatMap((call) => cardsOf(call).map(textOf)).join("\n");
}

export function buttonsOf(card: CardJson) {
  const inSets = elementsOf(card).flatMap((e) => (e.type === "ActionSet" ? (e.actions as CardJson["actions"]) ?? [] : []));
  return [...(card.actions ?? []), ...inSets];
}

/** What Teams sends for a form's Action.Submit: the button's data, plus every input's current value, changed as given. */
export function submitForm(card: CardJson, changes: Record<string, string>): Record<string, unknown> {
  const submit = buttonsOf(card).find((b) => b.data?.signpost?.id === "submit_form");
  if (!submit?.data) throw new Error("the card has no submit button");
  const inputs = Object.fromEntries(elementsOf(card).filter((e) => String(e.type).startsWith("Input.")).map((e) => [e.id as string, (e.value as string | undefined) ?? ""]));
  const changed = Object.fromEntries(Object.entries(changes).map(([name, value]) => [`field_${name}`, value]));
  return { ...submit.data, ...inputs, ...changed };
}
