/**
 * Validates cards against the Adaptive Cards 1.5 JSON schema from
 * microsoft/AdaptiveCards (../shared/fixtures/schema/adaptive-cards, a draft-06
 * schema) with ajv. The schema names itself with the pre-draft-06 "id", which
 * ajv reads only as "$id", so that one key is renamed on loading. Its own
 * annotations ("version", "features") are not JSON Schema keywords, so strict
 * mode is off; its two formats are checked for real: a uri must parse as an
 * absolute URL, a uri-reference relative to one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import AjvModule from "ajv";

const Ajv = AjvModule.default;
const schemaFile = path.join(import.meta.dirname, "../../../../../shared/fixtures/schema/adaptive-cards/adaptive-card-1.5.0.schema.json");
const draft06File = path.join(import.meta.dirname, "../../../../node_modules/ajv/dist/refs/json-schema-draft-06.json");

function parses(url: string, base?: string): boolean {
  try {
    new URL(url, base);
    return true;
  } catch {
    return false;
  }
}

export function adaptiveCardValidator(): (card: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(draft06File, "utf8")) as object);
  ajv.addFormat("uri", (value: string) => parses(value));
  ajv.addFormat("uri-reference", (value: string) => parses(value, "https://example.org/"));
  const { id, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
  const validate = ajv.compile({ $id: String(id), ...schema });
  return (card) => (validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`));
}
