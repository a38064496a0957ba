/**
 * The Teams app package an administrator uploads: deploy/teams/manifest.json
 * with the bot's Microsoft App ID filled in (the manifest writes it as
 * {{MicrosoftAppId}}), and its two icons, zipped at the root. Refuses an app id
 * that is not a GUID and a manifest left with a placeholder in it.
 */
import { zip } from "./zip.js";

export const appIdPlaceholder = "{{MicrosoftAppId}}";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const semver = /^\d+\.\d+\.\d+$/;

export interface AppPackageInput {
  /** The text of deploy/teams/manifest.json. */
  readonly manifestTemplate: string;
  /** MicrosoftAppId: the bot's Entra app registration (the Teams app id too). */
  readonly appId: string;
  /** Replaces the manifest's version (each upload of a changed app needs a higher one). */
  readonly version?: string;
  readonly colorPng: Buffer;
  readonly outlinePng: Buffer;
}

export interface AppPackage {
  readonly manifest: Record<string, unknown>;
  readonly zip: Buffer;
}

export function buildAppPackage(input: AppPackageInput): AppPackage {
  if (!guid.test(input.appId)) throw new Error("the app id must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000");
  if (input.version !== undefined && !semver.test(input.version)) throw new Error("the version must look like 1.0.1");
  const manifest = JSON.parse(input.manifestTemplate.split(appIdPlaceholder).join(input.appId.toLowerCase())) as Record<string, unknown>;
  if (input.version !== undefined) manifest.version = input.version;
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (/\{\{[^}]*\}\}/.test(text)) throw new Error("the manifest still has a {{placeholder}} in it");
  const icons = manifest.icons as { color?: unknown; outline?: unknown } | undefined;
  if (icons?.color !== "color.png" || icons.outline !== "outline.png") throw new Error("the manifest must name color.png and outline.png as its icons");
  return {
    manifest,
    zip: zip([
      { name: "manifest.json", data: Buffer.from(text, "utf8") },
      { name: "color.png", data: input.colorPng },
      { name: "outline.png", data: input.outlinePng },
    ]),
  };
}
