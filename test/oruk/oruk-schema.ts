/**
 * Validators for Signpost's ORUK output, built with ajv from ORUK's OpenAPI
 * document in ../shared/fixtures/schema/oruk-v3 (OpenReferralUK/uk-profile):
 * each endpoint's 200 response schema is taken from the document's `paths`,
 * and the schemas it references by URL are registered under those URLs —
 * compiled/service.json and compiled/service_list.json from the fixtures, and
 * taxonomy_term.json as the compiled service schema defines a taxonomy term.
 * The fixtures have no copy of uk-profile's schema/taxonomy.json, so that one
 * is transcribed below (and checked against ORUK's own taxonomy examples in
 * the tests). The document declares `jsonSchemaDialect` 2020-12, so ajv's
 * 2020-12 build is used; the datapackage annotations (name, core, constraints,
 * example) are not JSON Schema keywords, so strict mode is off; the formats
 * used (uuid, uri, email, date-time) are checked for real. ORUK's `Page` and
 * `/` schemas list their fields without requiring them; ORUK's validator does
 * require them, so every field is required here too.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import { schemaFixtures } from "./support.js";

const Ajv2020 = Ajv2020Module.default;
type JsonObject = Record<string, unknown>;
const read = (file: string) => JSON.parse(readFileSync(path.join(schemaFixtures, "oruk-v3", file), "utf8")) as JsonObject;

function parsesAsUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export type Check = (value: unknown) => string[];

export type OrukPath = "/" | "/services" | "/services/{id}" | "/taxonomies" | "/taxonomies/{id}" | "/taxonomy_terms" | "/taxonomy_terms/{id}";

/** Where the OpenAPI document's $refs point (uk-profile on GitHub). */
const refBase = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/";
const openapiId = "https://signpost.example.org/oruk/openapi.json";

/** uk-profile schema/taxonomy.json (OpenReferralUK/uk-profile), without its datapackage annotations. */
const taxonomySchema = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    name: { type: "string" },
    description: { type: "string" },
    uri: { type: "string", format: "uri" },
    version: { type: "string" },
    taxonomy_terms: { type: "array", items: { $ref: "taxonomy_term.json" } },
  },
  required: ["id", "name", "description"],
};

const pointer = (...parts: string[]) => `#/${parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;

export function orukOpenApiValidators(): { forPath: (path: OrukPath) => Check; taxonomySchema: JsonObject } {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat("uuid", /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
  ajv.addFormat("uri", parsesAsUrl);
  ajv.addFormat("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const openapi = read("openapi.json") as { paths: Record<string, unknown>; components: { schemas: { Page: { properties: object } } } };
  const service = read("service.compiled.json") as { properties: { attributes: { items: { properties: { taxonomy_term: JsonObject } } } } };
  ajv.addSchema({ ...service, $id: `${refBase}compiled/service.json` });
  ajv.addSchema({ ...read("service_list.compiled.json"), $id: `${refBase}compiled/service_list.json` });
  ajv.addSchema({ ...service.properties.attributes.items.properties.taxonomy_term, $id: `${refBase}taxonomy_term.json` });
  ajv.addSchema({ ...taxonomySchema, $id: `${refBase}taxonomy.json` });
  ajv.addSchema({ ...openapi, $id: openapiId });

  const pageFields = [...Object.keys(openapi.components.schemas.Page.properties), "contents"];
  const rootFields = ["version", "profile", "openapi_url"];
  const checks = new Map<OrukPath, Check>();
  const forPath = (route: OrukPath): Check => {
    let check = checks.get(route);
    if (!check) {
      if (!(route in openapi.paths)) throw new Error(`ORUK's OpenAPI document has no path ${route}`);
      const response = { $ref: `${openapiId}${pointer("paths", route, "get", "responses", "200", "content", "application/json", "schema")}` };
      const paged = route === "/services" || route === "/taxonomies" || route === "/taxonomy_terms";
      const required = paged ? pageFields : route === "/" ? rootFields : [];
      const validate = ajv.compile(required.length === 0 ? response : { allOf: [response], required });
      check = (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`));
      checks.set(route, check);
    }
    return check;
  };
  return { forPath, taxonomySchema };
}

/** The checks the service tests use: a full service and a page of services. */
export function orukValidators(): { service: Check; page: Check } {
  const { forPath } = orukOpenApiValidators();
  return { service: forPath("/services/{id}"), page: forPath("/services") };
}
