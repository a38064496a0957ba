/**
 * Builds the Teams app package an administrator uploads:
 *   npm run teams:package -- --app-id <MicrosoftAppId> [--version 1.0.1] [--out dist/teams/signpost-teams.zip]
 * It fills the bot's app id into manifest.json and zips it with the two icons.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildAppPackage } from "./app-package/app-package.js";

const here = import.meta.dirname;
const { values } = parseArgs({
  options: { "app-id": { type: "string" }, version: { type: "string" }, out: { type: "string", default: "dist/teams/signpost-teams.zip" } },
});

try {
  const appId = values["app-id"];
  if (!appId) throw new Error("give the bot's Microsoft App ID: npm run teams:package -- --app-id <MicrosoftAppId>");
  const built = buildAppPackage({
    manifestTemplate: readFileSync(path.join(here, "manifest.json"), "utf8"),
    appId,
    ...(values.version ? { version: values.version } : {}),
    colorPng: readFileSync(path.join(here, "color.png")),
    outlinePng: readFileSync(path.join(here, "outline.png")),
  });
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  writeFileSync(values.out, built.zip);
  process.stdout.write(`wrote ${values.out} (app ${appId}, version ${String(built.manifest.version)})\n`);
} catch (error) {
  process.stderr.write(`teams:package: ${(error as Error).message}\n`);
  process.exit(1);
}
