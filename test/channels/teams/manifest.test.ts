// deploy/teams/manifest.json, as the app package carries it (the bot's app id filled in), is valid
// against Microsoft's published schema for the manifest version it declares (1.29), checked with
// ajv rather than trusted from its "$schema" string; and the validator refuses what that schema
// refuses, so a pass means something.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildAppPackage } from "../../../deploy/teams/app-package/app-package.js";
import { teamsManifestSchemaDraft, teamsManifestSchemaVersion, teamsManifestValidator } from "./support/teams-manifest-schema.js";

const deploy = path.join(import.meta.dirname, "../../../deploy/teams");
const read = (name: string) => readFileSync(path.join(deploy, name));
const validate = teamsManifestValidator();

function packagedManifest(): Record<string, unknown> {
  const { manifest } = buildAppPackage({
    manifestTemplate: read("manifest.json").toString("utf8"),
    appId: "6f1c7e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
    colorPng: read("color.png"),
    outlinePng: read("outline.png"),
  });
  return manifest;
}

describe("the Teams app manifest", () => {
  it(`declares manifest ${teamsManifestSchemaVersion} and names that version's schema`, () => {
    const manifest = packagedManifest();
    expect(manifest.manifestVersion).toBe(teamsManifestSchemaVersion);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${teamsManifestSchemaVersion}/MicrosoftTeams.schema.json`);
  });

  it(`is valid against Microsoft's ${teamsManifestSchemaVersion} schema`, () => {
    expect(validate(packagedManifest())).toEqual([]);
  });
});

describe(`the ${teamsManifestSchemaVersion} schema, as the tests read it`, () => {
  it("is the file Microsoft publishes, which names itself draft-04", () => {
    expect(teamsManifestSchemaDraft()).toBe("http://json-schema.org/draft-04/schema#");
  });

  it("refuses an older manifest version, a scope Teams does not have, a missing bot scope list and a key it does not define", () => {
    const manifest = packagedManifest();
    expect(validate({ ...manifest, manifestVersion: "1.25" })).toEqual(["/manifestVersion must be equal to constant"]);
    const bots = manifest.bots as Record<string, unknown>[];
    expect(validate({ ...manifest, bots: [{ ...bots[0], scopes: ["everyone"] }] })).toContain("/bots/0/scopes/0 must be equal to one of the allowed values");
    const unscoped = { ...bots[0] };
    delete unscoped.scopes;
    expect(validate({ ...manifest, bots: [unscoped] })).toEqual(["/bots/0 must have required property 'scopes'"]);
    expect(validate({ ...manifest, commandLists: [] })).toEqual(["/ must NOT have additional properties"]);
  });

  it("refuses a short description over 80 characters, an app id that is not a GUID and a schema address that is not a URL", () => {
    const manifest = packagedManifest();
    const description = manifest.description as Record<string, unknown>;
    expect(validate({ ...manifest, description: { ...description, short: "x".repeat(81) } })).toEqual(["/description/short must NOT have more than 80 characters"]);
    expect(validate({ ...manifest, id: "{{MicrosoftAppId}}" })).toEqual([expect.stringMatching(/^\/id must match pattern/)]);
    expect(validate({ ...manifest, $schema: "MicrosoftTeams.schema.json" })).toEqual(['/$schema must match format "uri"']);
  });
});
