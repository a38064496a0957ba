/**
 * Imports an Open Referral UK feed (v3, or the older v1 shape) into the directory:
 *   npm run import -- oruk <file.json | folder of page files | URL> [--feed name] [--areas ids]
 *                          [--relabel-unplaced] [--max-bad pct] [--out folder] [--map file]
 *                          [--max-pages n] [--timeout-ms n] [--dry-run]
 * Writes one YAML file per organisation to directory/services/imported/<feed>/ (which the
 * loader reads like any other service file), replacing that feed's earlier import in one step,
 * and prints the report: records rejected as wrong (field and reason), skipped, inferred,
 * tidied. Refuses the whole feed (exit 1, nothing written) when more than --max-bad of its
 * records are wrong.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/load-config.js";
import { areaGroupIds, isAreaId } from "../src/directory/ids.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { explainUnknownArea } from "../src/directory/suggest-id.js";
import { DirectoryError, formatProblem } from "../src/errors/directory-error.js";
import { formatOrukReport } from "../src/oruk/format-oruk-report.js";
import { importFeed } from "../src/oruk/import-feed.js";
import { slugify } from "../src/oruk/oruk-ids.js";
import { formatOrukProblem, OrukImportError } from "../src/errors/oruk-import-error.js";

const usage = `Usage: npm run import -- oruk <file.json | folder of page files | URL> [options]
  --feed <name>       the feed's name, lower-case words and hyphens (default: from the file or host name)
  --areas <ids>       area or group ids (comma-separated) for services that name no place at all
  --relabel-unplaced  also give --areas to services whose places are outside LLR or unknown (they are reported otherwise)
  --max-bad <pct>     refuse the feed when more than this share of records is wrong after tidying (default 10%; 0 refuses any)
  --out <folder>      write here instead of <directory>/services/imported/<feed>/
  --map <file>        the taxonomy map (default <directory>/oruk-taxonomy-map.yaml)
  --max-pages <n>     stop with an error after n pages of a URL (default 1000)
  --timeout-ms <n>    per HTTP request (default 30000)
  --dry-run           check and report, write nothing
`;

function fail(lines: readonly string[]): never {
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(1);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        feed: { type: "string" },
        areas: { type: "string" },
        "relabel-unplaced": { type: "boolean" },
        "max-bad": { type: "string" },
        out: { type: "string" },
        map: { type: "string" },
        "max-pages": { type: "string" },
        "timeout-ms": { type: "string" },
        "dry-run": { type: "boolean" },
      },
    });
  } catch (error) {
    return fail([(error as Error).message, usage]);
  }
})();
const [format, target] = positionals;
if (format !== "oruk" || target === undefined || positionals.length > 2) fail([usage]);
const isUrl = /^https?:\/\//i.test(target);
const feed = values.feed ?? slugify(isUrl ? new URL(target).hostname : path.basename(target).replace(/\.json$/i, ""));
const number = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) fail([`--${name} must be a whole number of 1 or more`]);
  return Number(raw);
};
const maxPages = number("max-pages", values["max-pages"], 1000);
const timeoutMs = number("timeout-ms", values["timeout-ms"], 30_000);
const maxBad = (() => {
  const raw = values["max-bad"];
  if (raw === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(raw.trim());
  if (!match || Number(match[1]) > 100) return fail([`--max-bad must be a percentage from 0 to 100, like 10 or 10%, not "${raw}"`]);
  return Number(match[1]) / 100;
})();

try {
  const config = loadConfig(process.env, { cwd: process.cwd() });
  const directory = await loadDirectory(config.directoryDir);
  const areaList = (values.areas ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  const badAreas = areaList.filter((id) => !isAreaId(id) && !(areaGroupIds as readonly string[]).includes(id));
  if (badAreas.length > 0) fail(badAreas.map((id) => `--areas: ${explainUnknownArea(id, directory.gazetteer, areaGroupIds)}`));
  const progress = (line: string) => process.stderr.write(`  ... ${line}\n`);
  const { report, out } = await importFeed({
    feed,
    source: target,
    directory,
    directoryDir: config.directoryDir,
    maxPages,
    timeoutMs,
    onProgress: progress,
    ...(values.map ? { mapFile: values.map } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values["dry-run"] ? { dryRun: true } : {}),
    ...(values["relabel-unplaced"] ? { relabelUnplaced: true } : {}),
    ...(maxBad === undefined ? {} : { maxBad }),
    ...(areaList.length > 0 ? { defaultAreas: directory.gazetteer.expand(areaList) } : {}),
  });
  const relative = path.relative(process.cwd(), out);
  const shownOut = relative === "" || relative.startsWith("..") ? out : relative;
  process.stdout.write(formatOrukReport(report, values["dry-run"] ? undefined : shownOut));
  if (values["dry-run"]) process.stdout.write(`Dry run: nothing was written (without --dry-run the files go to ${shownOut}).\n`);
} catch (error) {
  if (error instanceof OrukImportError) {
    fail([...(error.summary ? [error.summary] : []), `Import refused, nothing was written. ${error.problems.length} problem(s):`, ...error.problems.map(formatOrukProblem)]);
  }
  if (error instanceof DirectoryError) fail([`The directory has ${error.problems.length} problem(s):`, ...error.problems.map(formatProblem)]);
  fail([`import failed: ${(error as Error).message}`]);
}
