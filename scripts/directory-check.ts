/**
 * Validates every file in directory/ and prints a summary:
 *   npm run directory:check
 * Exits 1 with every problem (file, record, field) when anything is invalid.
 */
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { describeGaps, summariseDirectory } from "../src/directory/summarise-directory.js";
import { DirectoryError, formatProblem } from "../src/errors/directory-error.js";

const table = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts)
    .map(([key, value]) => `  ${key.padEnd(32)} ${String(value).padStart(4)}`)
    .join("\n");

try {
  const config = loadConfig(process.env, { cwd: process.cwd() });
  const directory = await loadDirectory(config.directoryDir);
  const summary = summariseDirectory(directory, new Date());
  const { taxonomy } = directory;
  const gapLines = describeGaps(summary, (need) => taxonomy.label(need));
  const ageBand = (need: (typeof taxonomy.needs)[number]) =>
    need.minimumAge === undefined && need.maximumAge === undefined ? "" : ` (ages ${need.minimumAge ?? 0} to ${need.maximumAge ?? "any"})`;
  const lines = [
    `Directory OK: ${summary.services} services, fingerprint ${directory.fingerprint.slice(0, 12)}`,
    `  ${summary.fromSeeds} from the seed documents (${summary.seedsWithIllustrativeContacts} of them with illustrative contact details)`,
    `  ${summary.illustrative} illustrative samples (not real services)`,
    "",
    "By offer:",
    table(summary.byOffer),
    "",
    `By need (${taxonomy.needs.length} needs in ${summary.groups.length} groups):`,
    ...summary.groups.flatMap((group) => [
      `  ${group.label}`,
      ...group.needs.map((need) => `  ${`  ${need}${ageBand(taxonomy.need(need))}`.padEnd(46)} ${String(summary.byNeed[need]).padStart(4)}`),
    ]),
    "",
    "By area (county-wide services count in every district):",
    table(summary.byArea),
    "",
    `Not verified in the last 12 months: ${summary.unverified.length}`,
    ...summary.unverified.map((s) => `  ${s.last_verified}  ${s.id}  (${s.file})`),
    "",
    summary.gaps.length === 0
      ? "Coverage: every need has at least one service in every area."
      : `Coverage gaps: ${summary.gaps.length} need and area pairs with no service, for ${gapLines.length} needs\n${gapLines.map((line) => `  ${line}`).join("\n")}`,
    "",
    summary.needsWithoutEsd.length === 0
      ? "ESD mapping: every need is mapped to the LGA's lists."
      : `ESD mapping: ${taxonomy.needs.length - summary.needsWithoutEsd.length} of ${taxonomy.needs.length} needs mapped to the LGA's lists; not yet mapped: ${summary.needsWithoutEsd.join(", ")}`,
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
