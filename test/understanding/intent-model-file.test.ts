import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { IntentModelFile, intentModelKey, savedOrTrainedClassifier } from "../../src/understanding/intent-model-file.js";
import type { IntentDefinition } from "../../src/understanding/intents.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { SoftmaxRegression } from "../../src/understanding/softmax-regression.js";
import { realDirectory } from "../support/directory-copy.js";
import { realIntents } from "../support/load-real-directory.js";

const messages = [
  "lonely widower in Loughborough, 84, keeps falling",
  "what's the status of FC-7K3M9Q",
  "he's on the kitchen floor and can't get up",
  "is that HbA1c ok?",
  "thanks!",
];

let directory: Directory;
let intents: IntentDefinition[];
beforeAll(async () => {
  [directory, intents] = await Promise.all([loadDirectory(realDirectory), loadIntents(realIntents)]);
});

const modelIn = (dir: string) => new IntentModelFile(path.join(dir, "intent-model.json"));
const tempDir = () => mkdtempSync(path.join(tmpdir(), "signpost-model-"));

describe("saved intent model", () => {
  it("is trained and written on the first start, then used, giving exactly the same answers", async () => {
    const data = tempDir();
    const first = modelIn(data);
    const trained = await savedOrTrainedClassifier(intents, directory, first);
    expect(first.history).toEqual(["missing", "written"]);
    const second = modelIn(data);
    const restored = await savedOrTrainedClassifier(intents, directory, second);
    expect(second.history).toEqual(["used"]);
    for (const text of messages) expect(restored.classify(text)).toEqual(trained.classify(text));
  });

  it("is retrained when an example or the directory's words change", async () => {
    const data = tempDir();
    await savedOrTrainedClassifier(intents, directory, modelIn(data));
    const edited = intents.map((intent, i) => (i === 0 ? { ...intent, examples: [...intent.examples, "one more way of saying it"] } : intent));
    const afterExample = modelIn(data);
    await savedOrTrainedClassifier(edited, directory, afterExample);
    expect(afterExample.history).toEqual(["stale", "written"]);
    const otherWords: Directory = { ...directory, vocabularyFingerprint: "another needs.yaml" };
    expect(intentModelKey(edited, otherWords)).not.toBe(intentModelKey(edited, directory));
    const afterWords = modelIn(data);
    await savedOrTrainedClassifier(edited, otherWords, afterWords);
    expect(afterWords.history).toEqual(["stale", "written"]);
    // Three trainings on every example: up to a minute on a busy 2-core machine.
  }, 150_000);

  it.each([
    ["garbage", () => "{ not json"],
    ["cut short", (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ["edited inside (checksum)", (text: string) => text.replace(/"bias\\":\[[-0-9.e]+/, '"bias\\":[7')],
  ])("is ignored when %s, and the classifier trained instead", async (_name, damage) => {
    const data = tempDir();
    const trained = await savedOrTrainedClassifier(intents, directory, modelIn(data));
    const file = path.join(data, "intent-model.json");
    const damaged = damage(readFileSync(file, "utf8"));
    expect(damaged).not.toBe(readFileSync(file, "utf8"));
    writeFileSync(file, damaged);
    const again = modelIn(data);
    const retrained = await savedOrTrainedClassifier(intents, directory, again);
    expect(again.history).toEqual(["unreadable", "written"]);
    expect(retrained.classify(messages[0]!)).toEqual(trained.classify(messages[0]!));
  });

  it("refuses a saved model whose weights do not fit its features", () => {
    const model = new SoftmaxRegression(3);
    model.train([
      { features: ["a", "b"], label: 0 },
      { features: ["c"], label: 1 },
      { features: ["d"], label: 2 },
    ]);
    const saved = model.save();
    expect(SoftmaxRegression.restore(saved)?.probabilities(["a"])).toEqual(model.probabilities(["a"]));
    expect(SoftmaxRegression.restore({ ...saved, features: saved.features.slice(1) })).toBeUndefined();
    expect(SoftmaxRegression.restore({ ...saved, bias: [0] })).toBeUndefined();
    expect(SoftmaxRegression.restore({ ...saved, features: ["a", "a", "b", "c"] })).toBeUndefined();
  });

  it("does not stop a start when it cannot be written", async () => {
    const blocked = new IntentModelFile(path.join("/proc", "signpost-intent-model.json"));
    const classifier = await savedOrTrainedClassifier(intents, directory, blocked);
    expect(blocked.history).toEqual(["missing", "write-failed"]);
    expect(classifier.classify("lonely lady in Oakham").intent).toBe("find_service");
  });
});
