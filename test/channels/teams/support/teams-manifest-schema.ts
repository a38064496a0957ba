/**
 * Validates a Teams app manifest against Microsoft's published schema for
 * manifest 1.29 (OfficeDev/microsoft-teams-app-schema, verbatim in
 * ../shared/fixtures/schema/teams-manifest) with ajv. The file names itself
 * draft-04 but uses keywords from later drafts ("const", "if"/"then"), and none
 * that only draft-04 reads differently (boolean exclusiveMinimum/Maximum, "id"
 * as a schema's name), so it is compiled as ajv's default draft-07 with its
 * "$schema" line set aside. Strict mode is off for the annotations it carries
 * that are not JSON Schema keywords; its one format, "uri", is checked for
 * real: the value must parse as an absolute URL.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import AjvModule from "ajv";

const Ajv = AjvModule.default;

export const teamsManifestSchemaVersion = "1.29";
const schemaFile = path.join(
  import.meta.dirname,
  `../../../../../shared/fixtures/schema/teams-manifest/MicrosoftTeams.v${teamsManifestSchemaVersion}.schema.json`,
);

function isAbsoluteUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** The schema's own draft line, so a test can see what it set aside. */
export function teamsManifestSchemaDraft(): unknown {
  return (JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>).$schema;
}

export function teamsManifestValidator(): (manifest: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("uri", isAbsoluteUrl);
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
  delete schema.$schema;
  const validate = ajv.compile(schema);
  return (manifest) => (validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`));
}
