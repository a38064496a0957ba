/**
 * Checks docs/safety/hazard-log.yaml and writes its Markdown view,
 * docs/safety/hazard-log.md. Run after every change to the log:
 *   npm run safety:hazard-log
 * (test/safety/hazard-log.test.ts also checks the named tests and that the view is current.)
 */
import { writeFileSync } from "node:fs";
import { hazardLogView, readHazardLogFile, renderHazardLog } from "./lib/hazard-log.js";

const read = readHazardLogFile();
if (!read.ok) {
  process.stderr.write(`docs/safety/hazard-log.yaml has problems:\n${read.problems.map((p) => `  ${p}`).join("\n")}\n`);
  process.exitCode = 1;
} else {
  writeFileSync(hazardLogView, renderHazardLog(read.log));
  process.stdout.write(`${read.log.hazards.length} hazards written to docs/safety/hazard-log.md\n`);
}
