import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DirectoryError, formatProblem } from "../../src/errors/directory-error.js";
import { intentIds } from "../../src/understanding/intents.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { realIntents } from "../support/load-real-directory.js";

function copyIntents(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "signpost-intents-")), "intents");
  cpSync(realIntents, dir, { recursive: true });
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  const error = await loadIntents(dir).then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(DirectoryError);
  return (error as DirectoryError).problems.map(formatProblem);
}

describe("loadIntents", () => {
  it("loads every intent with at least 25 examples", async () => {
    const intents = await loadIntents(realIntents);
    expect(intents.map((i) => i.id)).toEqual([...intentIds]);
    for (const intent of intents) expect(intent.examples.length).toBeGreaterThanOrEqual(25);
  });

  it("refuses a missing file, a file for the wrong intent and too few examples", async () => {
    const dir = copyIntents();
    writeFileSync(path.join(dir, "help.yaml"), readFileSync(path.join(dir, "greeting.yaml"), "utf8"));
    writeFileSync(path.join(dir, "feedback.yaml"), "id: feedback\ndescription: x\nreply: y\nexamples: [one, two]\n");
    writeFileSync(path.join(dir, "unknown.yaml"), "");
    const found = await problems(dir);
    expect(found).toContain('intents/help.yaml: id: says "greeting" but the file is for "help"');
    expect(found).toContain("intents/feedback.yaml: examples: must have at least 25 examples");
    expect(found.some((p) => p.startsWith("intents/unknown.yaml: "))).toBe(true);
  });
});
