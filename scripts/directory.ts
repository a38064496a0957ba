/**
 * The directory maintainers' review list, reading directory/, the "report
 * outdated details" reports and the review store (SQLite in DATA_DIR, or the
 * PostgreSQL every instance shares, as configured; an older Signpost's
 * DATA_DIR/feedback.jsonl is moved in first, as start-up does):
 *   npm run directory -- review [--months 12] [--limit 50]
 *   npm run directory -- review verify <service-id> --by <name> [--note "…"]
 *   npm run directory -- review correct <service-id> --by <name> --note "…"
 *   npm run directory -- review close <service-id> --by <name> [--note "…"]
 *   npm run directory -- review history <service-id>
 * Exits 2 with the usage for bad arguments, 1 with one sentence when a review
 * is refused (nothing is changed), 0 otherwise.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { formatHistory, formatReviewList } from "../src/directory/format-review-list.js";
import { KyselyReviewStore } from "../src/directory/kysely-review-store.js";
import { recordReview } from "../src/directory/record-review.js";
import { buildReviewList } from "../src/directory/review-list.js";
import type { ReviewAction } from "../src/directory/review-store.js";
import { DirectoryError, formatProblem } from "../src/errors/directory-error.js";
import { ReviewError } from "../src/errors/review-error.js";
import { importFeedbackFile } from "../src/feedback/import-feedback-file.js";
import { KyselyFeedbackStore } from "../src/feedback/kysely-feedback-store.js";
import { migrateToLatest } from "../src/storage/migrate.js";
import { openDatabase } from "../src/storage/open-database.js";
import { addMonths } from "../src/time/add-months.js";
import { systemClock } from "../src/time/clock.js";
import { londonDate } from "../src/time/wall-clock.js";

const usage = `Usage:
  npm run directory -- review [--months 12] [--limit 50]        what needs review: reports first, then the stalest
  npm run directory -- review verify <service-id> --by <name> [--note "…"]
  npm run directory -- review correct <service-id> --by <name> --note "what was corrected"
  npm run directory -- review close <service-id> --by <name> [--note "…"]
  npm run directory -- review history <service-id>`;

const actions: Readonly<Record<string, ReviewAction>> = { verify: "verified", correct: "corrected", close: "closed" };

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { by: { type: "string" }, note: { type: "string" }, months: { type: "string", default: "12" }, limit: { type: "string", default: "50" } },
  });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { positionals, values } = parsed;
const [command, subcommand, serviceId, ...extra] = positionals;
if (command !== "review") fail(usage);
if (subcommand !== undefined && subcommand !== "history" && !(subcommand in actions)) fail(`"${subcommand}" is not a review command.\n${usage}`);
if (subcommand !== undefined && (serviceId === undefined || extra.length > 0)) fail(`review ${subcommand} takes one service id (put a note in --note "…").\n${usage}`);
const months = Number(values.months);
const limit = Number(values.limit);
if (!Number.isInteger(months) || months < 1 || months > 120) fail(`--months must be a whole number of months from 1 to 120.\n${usage}`);
if (!Number.isInteger(limit) || limit < 1) fail(`--limit must be a whole number, 1 or more.\n${usage}`);

const config = loadConfig(process.env, { cwd: process.cwd() });
let directory;
try {
  directory = await loadDirectory(config.directoryDir);
} catch (error) {
  if (!(error instanceof DirectoryError)) throw error;
  fail(`directory/ has ${error.problems.length} problem(s), so nothing was reviewed; fix them first (npm run directory:check):\n${error.problems.map(formatProblem).join("\n")}`, 1);
}
const db = openDatabase(config.referrals.store);
try {
  await migrateToLatest(db);
  const store = new KyselyReviewStore(db);
  const feedback = new KyselyFeedbackStore(db);
  const moved = await importFeedbackFile(path.join(config.dataDir, "feedback.jsonl"), feedback);
  if (moved) {
    const unreadable = moved.unreadableLines > 0 ? `; ${moved.unreadableLines} line(s) could not be read and are only in the old file` : "";
    process.stderr.write(`Moved ${moved.added} report(s) from DATA_DIR/feedback.jsonl into the database (the file is now ${moved.keptAs}${unreadable}).\n`);
  }
  const reports = await feedback.list();
  if (subcommand === undefined) {
    const today = londonDate(systemClock.now());
    const staleBefore = addMonths(today, -months);
    const list = buildReviewList({ services: directory.services, reports, reviews: await store.list(), staleBefore });
    process.stdout.write(formatReviewList(list, { today, staleBefore, limit }));
  } else if (subcommand === "history") {
    const entries = (await store.list()).filter((entry) => entry.serviceId === serviceId);
    process.stdout.write(formatHistory(serviceId!, entries));
  } else {
    const outcome = await recordReview(
      { action: actions[subcommand]!, serviceId: serviceId!, by: values.by, note: values.note },
      { directory, servicesDir: path.join(config.directoryDir, "services"), store, reports, clock: systemClock },
    );
    process.stdout.write(`${outcome.sentence}\n`);
  }
} catch (error) {
  if (error instanceof ReviewError) {
    process.stderr.write(`${error.userMessage}\n`);
  } else {
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
    process.stderr.write(`directory review failed, and nothing was changed: ${(error as Error).message}${cause}\n`);
  }
  process.exitCode = 1;
} finally {
  await db.destroy();
}
