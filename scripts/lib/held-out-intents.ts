import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { intentIds } from "../../src/understanding/intents.js";

/** test/fixtures/intents-held-out.yaml: labelled messages the classifier never trains on. */
const heldOutSchema = z.strictObject({
  messages: z.array(z.strictObject({ text: z.string().min(1), intent: z.enum(intentIds) })).min(100),
});

export type HeldOutMessage = z.infer<typeof heldOutSchema>["messages"][number];

export function readHeldOutIntents(file = new URL("../../test/fixtures/intents-held-out.yaml", import.meta.url)): HeldOutMessage[] {
  return heldOutSchema.parse(parse(readFileSync(file, "utf8"))).messages;
}
