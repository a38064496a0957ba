/**
 * The First Contact hub's tools for referrals, reading the store in DATA_DIR
 * (SQLite) or PostgreSQL, as configured:
 *   npm run referrals -- export --format json|csv [--since YYYY-MM-DD]
 *   npm run referrals -- inbox              (the triage inbox, when TRIAGE_NOTIFIER=inbox)
 *   npm run referrals -- status FC-XXXXXX acknowledged|accepted <service>|declined <reason>|closed <outcome> --by <user id>
 * Exports carry SNOMED CT 871731000000106 (referral to social prescribing service) on every
 * referral and 871711000000103 (social prescribing declined) on declined ones; each export says so
 * on standard error, so standard output stays the file.
 * Every export is audited against each referral it contains.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config/load-config.js";
import { createLogger } from "../src/logging/create-logger.js";
import { parseUserId, terminalUserId } from "../src/identity/user-id.js";
import { createSignpost } from "../src/create-signpost.js";
import { describeExportCodes, exportReferrals } from "../src/referrals/export-referrals.js";
import { statusChangeSchema } from "../src/referrals/referral-status.js";

const usage = `Usage:
  npm run referrals -- export --format json|csv [--since YYYY-MM-DD]
  npm run referrals -- inbox
  npm run referrals -- status FC-XXXXXX <acknowledged|accepted|declined|closed> [detail] --by <user id>
User ids are namespaced as in TRIAGE_USER_IDS: terminal:1000, web:<sub>, slack:<workspace>:<user>, teams:<tenant>:<user>.`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { format: { type: "string", default: "json" }, since: { type: "string" }, by: { type: "string" } },
});
const [command, ...rest] = positionals;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

if (command !== "export" && command !== "inbox" && command !== "status") fail(usage);
if (command === "export" && values.format !== "json" && values.format !== "csv") fail(`--format must be json or csv\n${usage}`);
if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) fail(`--since must be a date written YYYY-MM-DD\n${usage}`);
const checkedBy = values.by === undefined ? undefined : parseUserId(values.by);
if (checkedBy && !checkedBy.ok) fail(`--by: ${checkedBy.problem}\n${usage}`);
// Whoever runs an export is recorded in the audit trail: the operating-system user unless --by names someone.
const operatorId = values.by ?? terminalUserId(process.getuid?.() ?? "operator");

const config = loadConfig(process.env, { cwd: process.cwd() });
const signpost = await createSignpost(config, createLogger({ level: "warn", destination: process.stderr }), { role: "tool", meilisearch: "off" });
try {
  if (command === "export") {
    const operator = { userId: operatorId, channel: "cli", conversationId: "cli" };
    const referrals = await signpost.referrals.exportAll(values.since, operator);
    process.stdout.write(exportReferrals(referrals, values.format === "csv" ? "csv" : "json", signpost.directory));
    process.stderr.write(`${describeExportCodes()}\n`);
  } else if (command === "inbox") {
    await signpost.sendNotifications();
    const messages = await signpost.inbox.takeUnread(config.referrals.triage.destination);
    process.stdout.write(messages.length === 0 ? "No new messages.\n" : `${messages.join("\n\n")}\n`);
  } else {
    const [reference, status, ...detail] = rest;
    if (!reference || !status || !values.by) fail(usage);
    const text = detail.join(" ");
    const change = statusChangeSchema.safeParse(
      status === "accepted" ? { status, service: text } : status === "declined" ? { status, reason: text } : status === "closed" ? { status, outcome: text } : { status },
    );
    if (!change.success) fail(change.error.issues[0]?.message ?? "That status change is not valid.");
    const moved = await signpost.referrals.move(reference, change.data, { userId: values.by, channel: "cli", conversationId: "cli" });
    if (!moved) fail(`No referral ${reference} that ${values.by} may change.`, 1);
    await signpost.sendNotifications();
    process.stdout.write(`${moved.reference} is now ${moved.status}.\n`);
  }
} catch (error) {
  process.stderr.write(`referrals ${command} failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await signpost.close();
}
