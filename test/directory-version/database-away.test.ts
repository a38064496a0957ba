// What a Signpost server on PostgreSQL does while its database is away, checked on a database of
// this test's own (it refuses connections for a while): answers still come, from the directory it
// holds; anything that must be stored is refused with a sentence; the version listener comes back.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { KyselyDirectoryVersions } from "../../src/directory-version/kysely-directory-versions.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { StorageError } from "../../src/errors/storage-error.js";
import { createHttpApp } from "../../src/http/create-http-app.js";
import { createSignpost, type Signpost } from "../../src/create-signpost.js";
import { openDatabase, postgresAdminUrl, postgresDatabase, type TestDatabase } from "../support/databases.js";
import { copyDirectory } from "../support/directory-copy.js";
import { memoryLogger } from "../support/memory-logger.js";
import { projectRoot, waitFor } from "../support/run-process.js";

const folder = copyDirectory();
let database: TestDatabase;
let core: Signpost;
const { logger, lines } = memoryLogger();
const url = () => (database.settings.kind === "postgres" ? database.settings.url : "");
const name = () => new URL(url()).pathname.slice(1);

/** Lets connections to this test's database in or not, and drops those already open. */
async function allowConnections(allow: boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${name()} ALLOW_CONNECTIONS ${allow ? "true" : "false"}`);
    if (!allow) await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1", [name()]);
  } finally {
    await admin.end();
  }
}

beforeAll(async () => {
  database = await postgresDatabase();
  const config = loadConfig(
    { DATA_DIR: mkdtempSync(path.join(tmpdir(), "signpost-away-")), DIRECTORY_DIR: folder.dir, REFERRAL_STORE: "postgres", DATABASE_URL: url(), INSTANCE_NAME: "signpost-a" },
    { cwd: projectRoot, readEnvFile: false },
  );
  core = await createSignpost(config, logger, { role: "server" });
}, 60_000);
afterAll(async () => {
  await allowConnections(true);
  await core.close();
  await database.drop();
});

describe("a server whose PostgreSQL goes away", () => {
  it("still answers and reports ready; refuses a referral with a sentence; listens again when the database is back, and follows", async () => {
    await waitFor(() => Promise.resolve(lines().some((line) => line.msg === "recorded the shared directory version") || undefined));
    await allowConnections(false);
    try {
      const ready = await createHttpApp({ core: () => core, logger }).request("/readyz", { headers: { host: "127.0.0.1:3978" } });
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", engine: "embedded", onSharedVersion: true, database: "unreachable", degraded: true, detail: expect.stringMatching(/^the database is unreachable/) as unknown });
      const answer = await core.ask("lonely widower in Loughborough");
      expect(answer.results.length).toBeGreaterThan(0);

      const refused = await core.bot.handle({ channel: "web", conversationId: "tab-1", userId: "web:away-test", text: "refer Mrs P to First Contact for a home safety check" }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StorageError);
      expect((refused as StorageError).userMessage).toBe("I couldn't save or read that just now, so nothing was changed. Please try again in a minute.");
      await waitFor(() => Promise.resolve(lines().some((line) => line.msg === "lost the database connection that listens for directory versions; reconnecting") || undefined));
      expect(await core.jobs.runNow("directory-refresh")).toMatchObject({ status: "failed" });
    } finally {
      await allowConnections(true);
    }

    await waitFor(() => Promise.resolve(lines().some((line) => line.msg === "listening for directory versions again") || undefined), 60_000);
    expect(lines().filter((line) => line.msg === "lost the database connection that listens for directory versions; reconnecting")).toHaveLength(1);
    // Another instance records a new version: this one takes it up.
    folder.edit("services/vcs/wreake-valley-good-neighbours.yaml", (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    const next = await loadDirectory(folder.dir);
    const db = openDatabase(database.settings);
    try {
      await new KyselyDirectoryVersions(db, "postgres").record({ fingerprint: next.fingerprint, services: next.services.length, madeAt: new Date().toISOString(), madeBy: "signpost-b", reason: "refresh" });
    } finally {
      await db.destroy();
    }
    await waitFor(() => Promise.resolve(core.directory.fingerprint === next.fingerprint || undefined), 10_000);
    const back = await createHttpApp({ core: () => core, logger }).request("/readyz", { headers: { host: "127.0.0.1:3978" } });
    const body = (await back.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ database: "reachable", onSharedVersion: true });
    expect(body.degraded).toBeUndefined();
  }, 120_000);
});
