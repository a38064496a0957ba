/**
 * Runs a scheduled job by hand, now, under the same lock and record as the
 * scheduler (so it never runs twice at once with `npm start`):
 *   npm run job -- <name>     one of the jobs below
 *   npm run job -- list       each job's schedule and its last runs
 *   npm run job -- inbox      what the jobs told the maintainers (MAINTAINERS_NOTIFIER=inbox)
 * Exits 1 when the job fails, 0 when it ran or was already running elsewhere.
 */
import { loadConfig } from "../src/config/load-config.js";
import { jobNames, type JobName } from "../src/jobs/job.js";
import { createLogger } from "../src/logging/create-logger.js";
import { createSignpost } from "../src/create-signpost.js";

const usage = `Usage: npm run job -- <${jobNames.join(" | ")} | list | inbox>`;
const [command] = process.argv.slice(2);
if (!command || (command !== "list" && command !== "inbox" && !(jobNames as readonly string[]).includes(command))) {
  process.stderr.write(`${usage}\n`);
  process.exit(2);
}

const config = loadConfig(process.env, { cwd: process.cwd() });
const signpost = await createSignpost(config, createLogger({ level: "warn", destination: process.stderr }), { role: "tool", meilisearch: "off" });
try {
  if (command === "list") {
    for (const name of jobNames) {
      const runs = await signpost.jobs.runs.recent(name, 3);
      const last = runs.map((run) => `    ${run.slot}  ${run.outcome}${run.duration_ms === null ? "" : ` in ${run.duration_ms} ms`}${run.summary ? `: ${run.summary}` : ""}`);
      process.stdout.write(`${name}  (${config.jobs.schedules[name]}, London time)${signpost.jobs.byName.has(name) ? "" : "  not built yet"}\n${last.join("\n") || "    never run"}\n`);
    }
  } else if (command === "inbox") {
    await signpost.sendNotifications();
    const messages = await signpost.inbox.takeUnread(config.jobs.maintainers.destination);
    process.stdout.write(messages.length === 0 ? "No new messages.\n" : `${messages.join("\n\n")}\n`);
  } else {
    const result = await signpost.jobs.runNow(command as JobName);
    await signpost.sendNotifications();
    const line = result.status === "succeeded" ? `${command}: ${result.summary}` : result.status === "failed" ? `${command} failed: ${result.reason}` : `${command}: ${result.status === "locked" ? "running elsewhere just now; not started" : "nothing to do"}`;
    process.stdout.write(`${line}\n`);
    if (result.status === "failed") process.exitCode = 1;
  }
} finally {
  await signpost.close();
}
