/**
 * Measures what decision 0015 records: two Signpost servers on one fresh
 * PostgreSQL database and one Meilisearch, sharing a synthetic directory of
 * the given size; how long they take to start, how many times Meilisearch
 * builds the index, and how long the second takes to answer from a refresh
 * the first won:
 *   npx tsx scripts/measure-directory-version.ts [services, default 10000]
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { createSignpost } from "../src/create-signpost.js";
import { meilisearchClient } from "../src/search/meilisearch-client.js";
import { postgresDatabase } from "../test/support/databases.js";
import { realDirectory } from "../test/support/directory-copy.js";
import { buildCount } from "../test/support/meilisearch-builds.js";
import { startMeilisearch } from "../test/support/meilisearch-server.js";
import { memoryLogger } from "../test/support/memory-logger.js";
import { syntheticDirectory } from "./lib/synthetic-directory.js";
import { writeDirectory } from "./lib/write-directory.js";

const size = Number(process.argv[2] ?? 10_000);
const folder = path.join(mkdtempSync(path.join(tmpdir(), "signpost-measure-")), "directory");
await writeDirectory(syntheticDirectory(await loadDirectory(realDirectory), size), realDirectory, folder);
const [database, meili] = await Promise.all([postgresDatabase(), startMeilisearch()]);
const client = meilisearchClient({ url: meili.url, apiKey: meili.masterKey });
const server = async (name: string) => {
  const { logger, lines } = memoryLogger();
  const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), `signpost-${name}-`)), DIRECTORY_DIR: folder, REFERRAL_STORE: "postgres", DATABASE_URL: database.settings.kind === "postgres" ? database.settings.url : "" };
  const config = loadConfig({ ...env, MEILI_URL: meili.url, MEILI_API_KEY: meili.masterKey, INSTANCE_NAME: name }, { cwd: process.cwd(), readEnvFile: false });
  return { core: await createSignpost(config, logger, { role: "server" }), lines };
};
try {
  let started = performance.now();
  const [a, b] = await Promise.all([server("signpost-a"), server("signpost-b")]);
  process.stdout.write(`${size} services: both servers ready in ${Math.round(performance.now() - started)} ms; Meilisearch builds so far: ${await buildCount(client, "services")}\n`);
  const file = path.join(folder, "services", readdirSync(path.join(folder, "services"))[0]!);
  writeFileSync(file, readFileSync(file, "utf8").replace("description: ", "description: Dominoes on Thursdays. "));
  started = performance.now();
  const result = await a.core.jobs.runNow("directory-refresh");
  const jobDone = performance.now();
  while (b.core.directory.fingerprint !== a.core.directory.fingerprint) await sleep(10);
  const taken = b.lines().find((line) => line.msg === "took up the shared directory version");
  process.stdout.write(
    `refresh on A: ${Math.round(jobDone - started)} ms (${result.status === "succeeded" ? result.summary : result.status}); ` +
      `B answering from it ${Math.round(performance.now() - jobDone)} ms after A's job finished (load and index ${String(taken?.ms)} ms); ` +
      `Meilisearch builds: ${await buildCount(client, "services")}\n`,
  );
  await Promise.all([a.core.close(), b.core.close()]);
} finally {
  await Promise.all([meili.stop(), database.drop()]);
}
