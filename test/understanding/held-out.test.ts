import { beforeAll, describe, expect, it } from "vitest";
import type { Understander } from "../../src/understanding/create-understander.js";
import { evaluateIntents } from "../../scripts/lib/evaluate-intents.js";
import { heldOutSets, readHeldOutIntents } from "../../scripts/lib/held-out-intents.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

/**
 * The held-out messages are never trained on (intents/ is the only training data).
 * Each set must meet the bar: at least 95% accuracy and every emergency caught.
 */
let understander: Understander;
beforeAll(async () => {
  ({ understander } = await realDirectoryAndEngine());
});

describe.each(heldOutSets.map((set) => [set.name, set.file] as const))("intent understanding on %s", (_name, file) => {
  it("is at least 95% accurate and catches every emergency", () => {
    const result = evaluateIntents(understander, readHeldOutIntents(file));
    expect(result.total).toBeGreaterThanOrEqual(150);
    expect(result.urgentFound, result.misses.filter((m) => m.expected === "urgent_help").map((m) => m.text).join("\n")).toBe(result.urgentTotal);
    expect(result.correct / result.total).toBeGreaterThanOrEqual(0.95);
  });
});
