/**
 * Validates every file in directory/ and prints a summary:
 *   npm run directory:check
 * Exits 1 with every problem (file, record, field) when anything is invalid.
 */
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { summariseDirectory } from "../src/directory/summarise-directory.js";
import { DirectoryError, formatProblem } from "../src/errors/directory-error.js";

const table = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([key, value]) => `  ${key.padEnd(32)} ${String(value).padStart(4)}`)
    .join("\n");

try {
  const config = loadConfig(process.env, { cwd: process.cwd() });
  const directory = await loadDirectory(config.directoryDir);
  const summary = summariseDirectory(directory, new Date());
  const lines = [
    `Directory OK: ${summary.services} services, fingerprint ${directory.fingerprint.slice(0, 12)}`,
    `  ${summary.fromSeeds} from the seed documents (${summary.seedsWithIllustrativeContacts} of them with illustrative contact details)`,
    `  ${summary.illustrative} illustrative samples (not real services)`,
    "",
    "By offer:",
    table(summary.byOffer),
    "",
    "By need:",
    table(summary.byNeed),
    "",
    "By area (county-wide services count in every district):",
    table(summary.byArea),
    "",
    `Not verified in the last 12 months: ${summary.unverified.length}`,
    ...summary.unverified.map((s) => `  ${s.last_verified}  ${s.id}  (${s.file})`),
    "",
    summary.gaps.length === 0
      ? "Coverage: every need has at least one service in every area."
      : `Coverage gaps (need in area with no service): ${summary.gaps.length}\n${summary.gaps.map((g) => `  ${g.need} in ${g.area}`).join("\n")}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} catch (error) {
  if (error instanceof DirectoryError) {
    process.stderr.write(`Directory has ${error.problems.length} problem(s):\n${error.problems.map(formatProblem).join("\n")}\n`);
  } else {
    process.stderr.write(`directory:check failed: ${(error as Error).message}\n`);
  }
  process.exit(1);
}
