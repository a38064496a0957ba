import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readYamlFile } from "../directory/read-yaml-file.js";
import { DirectoryError, type DirectoryProblem } from "../errors/directory-error.js";
import { type IntentDefinition, intentIds } from "./intents.js";

const minimumExamples = 25;

const intentFileSchema = z.strictObject({
  id: z.enum(intentIds),
  description: z.string().trim().min(1, "must not be empty"),
  reply: z.string().trim().min(1, "must not be empty"),
  examples: z.array(z.string().trim().min(1, "must not be empty")).min(minimumExamples, `must have at least ${minimumExamples} examples`),
});

/**
 * intents/from-blind-rounds.yaml (optional): the labelled messages of every blind
 * evaluation round whose first run is recorded, added to the training examples
 * (scripts/learn-from-blind-rounds.ts writes it; docs/blind-sets/README.md says why).
 */
const roundsFileSchema = z.strictObject({
  examples: z.array(z.strictObject({ text: z.string().trim().min(1, "must not be empty"), intent: z.enum(intentIds) })),
});
export const roundsFileName = "from-blind-rounds.yaml";

/**
 * Reads intents/<id>.yaml for every intent, and the blind rounds' examples when
 * there are any, all-or-nothing, with the same file-and-field errors as the directory.
 */
export async function loadIntents(intentsDir: string): Promise<IntentDefinition[]> {
  const problems: DirectoryProblem[] = [];
  const definitions: IntentDefinition[] = [];
  for (const id of intentIds) {
    const shownAs = path.join(path.basename(intentsDir), `${id}.yaml`);
    const read = await readYamlFile(path.join(intentsDir, `${id}.yaml`), shownAs, intentFileSchema);
    if (!read.ok) {
      problems.push(...read.problems);
    } else if (read.value.id !== id) {
      problems.push({ file: shownAs, path: "id", message: `says "${read.value.id}" but the file is for "${id}"` });
    } else {
      definitions.push(read.value);
    }
  }
  const roundsFile = path.join(intentsDir, roundsFileName);
  let fromRounds: { text: string; intent: IntentDefinition["id"] }[] = [];
  if (existsSync(roundsFile)) {
    const read = await readYamlFile(roundsFile, path.join(path.basename(intentsDir), roundsFileName), roundsFileSchema);
    if (read.ok) fromRounds = read.value.examples;
    else problems.push(...read.problems);
  }
  if (problems.length > 0) throw new DirectoryError(problems);
  return definitions.map((definition) => ({
    ...definition,
    examples: [...definition.examples, ...fromRounds.filter((example) => example.intent === definition.id).map((example) => example.text)],
  }));
}
