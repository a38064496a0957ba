import type { Understander } from "../../src/understanding/create-understander.js";
import { type IntentId, intentIds } from "../../src/understanding/intents.js";
import type { HeldOutMessage } from "./held-out-intents.js";

export interface IntentEvaluation {
  readonly total: number;
  readonly correct: number;
  readonly urgentTotal: number;
  readonly urgentFound: number;
  /** Messages that are not emergencies but were answered with the safety net. */
  readonly falseUrgent: number;
  readonly unsure: number;
  /** confusion[true][predicted] */
  readonly confusion: ReadonlyMap<IntentId, ReadonlyMap<IntentId, number>>;
  readonly misses: readonly { readonly text: string; readonly expected: IntentId; readonly got: IntentId; readonly confidence: number }[];
  readonly latenciesMs: readonly number[];
}

/** Runs every labelled message through the understander and counts what it got right. */
export function evaluateIntents(understander: Understander, messages: readonly HeldOutMessage[]): IntentEvaluation {
  const confusion = new Map<IntentId, Map<IntentId, number>>(intentIds.map((id) => [id, new Map(intentIds.map((p) => [p, 0]))]));
  const misses: IntentEvaluation["misses"][number][] = [];
  const latenciesMs: number[] = [];
  let correct = 0;
  let unsure = 0;
  for (const message of messages) {
    const started = performance.now();
    const result = understander.understand(message.text);
    latenciesMs.push(performance.now() - started);
    const row = confusion.get(message.intent)!;
    row.set(result.intent, row.get(result.intent)! + 1);
    if (result.intent === message.intent) correct++;
    else misses.push({ text: message.text, expected: message.intent, got: result.intent, confidence: result.confidence });
    if (result.unsure) unsure++;
  }
  const urgentRow = confusion.get("urgent_help")!;
  return {
    total: messages.length,
    correct,
    urgentTotal: [...urgentRow.values()].reduce((a, b) => a + b, 0),
    urgentFound: urgentRow.get("urgent_help")!,
    falseUrgent: intentIds.filter((id) => id !== "urgent_help").reduce((sum, id) => sum + confusion.get(id)!.get("urgent_help")!, 0),
    unsure,
    confusion,
    misses,
    latenciesMs,
  };
}
