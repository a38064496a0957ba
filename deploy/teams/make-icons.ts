/**
 * Writes the Teams app's icons, color.png (192 x 192) and outline.png (32 x 32,
 * white on transparent), next to this file. They are committed; run this again
 * only to change them (`npx tsx deploy/teams/make-icons.ts`). A test checks that
 * the committed files are exactly what this draws.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { colorIcon, outlineIcon } from "./app-package/icons.js";
import { encodePng } from "./app-package/png.js";

writeFileSync(path.join(import.meta.dirname, "color.png"), encodePng(colorIcon()));
writeFileSync(path.join(import.meta.dirname, "outline.png"), encodePng(outlineIcon()));
process.stdout.write("wrote deploy/teams/color.png and deploy/teams/outline.png\n");
