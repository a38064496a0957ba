/**
 * Validators for Signpost's ORUK output, built with ajv from the ORUK v3
 * schemas in ../shared/fixtures/schema/oruk-v3 (OpenReferralUK/uk-profile).
 * Those schema files carry no $schema of their own; the ORUK OpenAPI file
 * beside them declares `jsonSchemaDialect` 2020-12, so ajv's 2020-12 build is
 * used. Their datapackage annotations (name, core, constraints, example) are
 * not JSON Schema keywords, so strict mode is off; the formats they use (uuid,
 * uri, email, date-time) are checked for real. The page envelope is ORUK's
 * `Page` schema from the OpenAPI file, with every field required.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { schemaFixtures } from "./support.js";

const Ajv2020 = Ajv2020Module.default;
const read = (file: string) => JSON.parse(readFileSync(path.join(schemaFixtures, "oruk-v3", file), "utf8")) as Record<string, unknown>;

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export type Check = (value: unknown) => string[];

export function orukValidators(): { service: Check; listItem: Check; page: Check } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  ajv.addFormat("uri", parsesAsUrl);
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const openapi = read("openapi.json") as { components: { schemas: { Page: Record<string, unknown> } } };
  const pageSchema = openapi.components.schemas.Page;
  ajv.addSchema({ ...read("service_list.compiled.json"), $id: "https://signpost.example.org/oruk/service_list.json" });
  const check = (validate: ReturnType<typeof ajv.compile>): Check => (value) =>
    validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
  return {
    service: check(ajv.compile(read("service.compiled.json"))),
    listItem: check(ajv.getSchema("https://signpost.example.org/oruk/service_list.json")!),
    page: check(
      ajv.compile({
        allOf: [pageSchema],
        required: [...Object.keys(pageSchema.properties as object), "contents"],
        properties: { contents: { type: "array", items: { $ref: "https://signpost.example.org/oruk/service_list.json" } } },
      }),
    ),
  };
}
