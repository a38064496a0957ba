import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstRunFile, isSealed, readBlindSets } from "../../scripts/lib/blind-sets.js";

const oneCase = "set: intents\ncases:\n  - text: hello there\n    intent: greeting\n";

describe("blind rounds: sealed until their first run", () => {
  it("reads every round, and only a round with its first run recorded is open to development", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "signpost-blind-"));
    for (const round of [1, 2]) {
      mkdirSync(path.join(folder, `round-${round}`));
      writeFileSync(path.join(folder, `round-${round}`, "intents.yaml"), oneCase);
    }
    writeFileSync(firstRunFile(1, folder), "{}\n");
    const sets = readBlindSets(folder);
    expect(sets.map((set) => [set.round, set.kind, isSealed(set)])).toEqual([
      [1, "intents", false],
      [2, "intents", true],
    ]);
  });
});
