// Two Signpost servers on one fresh PostgreSQL database and one real Meilisearch, sharing one
// directory/ folder, as deploy/compose.yaml runs them: a refresh won by one is taken up by the other
// within seconds, /readyz on both names the same version, and Meilisearch builds each version once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { createHttpApp } from "../../src/http/create-http-app.js";
import { createSignpost, type Signpost } from "../../src/create-signpost.js";
import { meilisearchClient } from "../../src/search/meilisearch-client.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { postgresDatabase, type TestDatabase } from "../support/databases.js";
import { copyDirectory } from "../support/directory-copy.js";
import { buildCount } from "../support/meilisearch-builds.js";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";
import { memoryLogger } from "../support/memory-logger.js";
import { projectRoot, run, waitFor } from "../support/run-process.js";

const index = "two_instances";
const folder = copyDirectory();
let database: TestDatabase;
let meili: RunningMeilisearch;
let client: ReturnType<typeof meilisearchClient>;
const instances: { name: string; core: Signpost; lines: ReturnType<typeof memoryLogger>["lines"] }[] = [];

/** A server as main() makes it, with its own DATA_DIR and name, on the shared database, index and folder. */
async function server(name: string, directoryDir = folder.dir) {
  const config = loadConfig(
    {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), `signpost-${name}-`)),
      DIRECTORY_DIR: directoryDir,
      REFERRAL_STORE: "postgres",
      DATABASE_URL: databaseUrl(),
      MEILI_URL: meili.url,
      MEILI_API_KEY: meili.masterKey,
      MEILI_INDEX: index,
      INSTANCE_NAME: name,
    },
    { cwd: projectRoot, readEnvFile: false },
  );
  const { logger, lines } = memoryLogger();
  const core = await createSignpost(config, logger, { role: "server" });
  instances.push({ name, core, lines });
  return { core, lines };
}

const databaseUrl = () => (database.settings.kind === "postgres" ? database.settings.url : "");
const readyz = async (core: Signpost) => {
  const response = await createHttpApp({ core: () => core, logger: memoryLogger().logger }).request("/readyz", { headers: { host: "127.0.0.1:3978" } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const find = (text: string): SearchQuery => ({ text, needs: [], areas: [], age: null, limit: 5 });
const ids = (core: Signpost) => new Set(core.directory.services.map((service) => service.id));

beforeAll(async () => {
  [database, meili] = await Promise.all([postgresDatabase(), startMeilisearch()]);
  client = meilisearchClient({ url: meili.url, apiKey: meili.masterKey });
}, 60_000);
afterAll(async () => {
  for (const { core } of instances) await core.close();
  await Promise.all([meili.stop(), database.drop()]);
});

describe("two instances on one PostgreSQL and one Meilisearch", () => {
  let a: Awaited<ReturnType<typeof server>>;
  let b: Awaited<ReturnType<typeof server>>;

  it("start at once on one version, with the Meilisearch index built once", async () => {
    [a, b] = await Promise.all([server("signpost-a"), server("signpost-b")]);
    expect(await buildCount(client, index)).toBe(1);
    const [ra, rb] = await Promise.all([readyz(a.core), readyz(b.core)]);
    expect(ra.status).toBe(200);
    expect(rb.body).toEqual({ ...ra.body, status: "ready", engine: "meilisearch", services: a.core.directory.services.length, onSharedVersion: true });
    expect(ra.body.sharedDirectory).toBe(ra.body.directory);
  }, 120_000);

  it("take up a refresh won by one within seconds: a deleted service gone and a new one found on both, the index built once more", async () => {
    const gone = "wreake-valley-befriending";
    expect(ids(b.core).has(gone)).toBe(true);
    rmSync(path.join(folder.dir, "services/vcs/wreake-valley-good-neighbours.yaml"));
    writeFileSync(path.join(folder.dir, "services/vcs/quorn-dominoes-club.yaml"), dominoesClub);

    const result = await a.core.jobs.runNow("directory-refresh");
    expect(result).toMatchObject({ status: "succeeded", summary: expect.stringMatching(/^reindexed \d+ services; version [0-9a-f]{12} recorded for every instance;/) as unknown });
    const refreshed = performance.now();
    await waitFor(() => Promise.resolve(ids(b.core).has("quorn-dominoes-club") || undefined), 10_000);
    const seenAfterMs = performance.now() - refreshed;
    console.info(`B took up A's refresh ${Math.round(seenAfterMs)} ms after A's job finished`);
    expect(seenAfterMs).toBeLessThan(10_000);

    for (const core of [a.core, b.core]) {
      expect(ids(core).has(gone)).toBe(false);
      const hits = await core.engine.search(find("dominoes"));
      expect(core.engine.kind).toBe("meilisearch");
      expect(hits.map((hit) => hit.service.id)).toContain("quorn-dominoes-club");
      expect((await core.engine.search(find("Wreake Valley befriending"))).map((hit) => hit.service.id)).not.toContain(gone);
    }
    expect(await buildCount(client, index)).toBe(2);
    const taken = b.lines().find((line) => line.msg === "took up the shared directory version");
    expect(taken).toMatchObject({ madeBy: "signpost-a" });
    console.info(`B: load and index ${String(taken?.ms)} ms, ${String(taken?.lagMs)} ms after A recorded the version`);

    const [ra, rb] = await Promise.all([readyz(a.core), readyz(b.core)]);
    expect(rb.body.directory).toBe(ra.body.directory);
    expect(rb.body).toMatchObject({ sharedDirectory: ra.body.directory, onSharedVersion: true, services: b.core.directory.services.length });
  }, 60_000);

  it("keeps an instance whose folder is not shared on its last good version, answering from its own engine, never rebuilding the index over the shared one", async () => {
    const own = copyDirectory();
    rmSync(path.join(own.dir, "services/vcs/wreake-valley-good-neighbours.yaml"));
    writeFileSync(path.join(own.dir, "services/vcs/quorn-dominoes-club.yaml"), dominoesClub);
    const c = await server("signpost-c", own.dir);
    expect(c.core.directory.fingerprint).toBe(a.core.directory.fingerprint); // the same files, for now
    const builds = await buildCount(client, index);

    folder.edit("services/vcs/quorn-dominoes-club.yaml", (text) => text.replace("every Thursday", "every Thursday and Saturday"));
    expect(await a.core.jobs.runNow("directory-refresh")).toMatchObject({ status: "succeeded" });
    await waitFor(() => Promise.resolve(b.core.directory.fingerprint === a.core.directory.fingerprint || undefined), 10_000);
    const report = await waitFor(async () => {
      const { body } = await readyz(c.core);
      return body.onSharedVersion === false && body.degraded === true ? body : undefined;
    }, 10_000);
    expect(report).toMatchObject({ status: "ready", sharedDirectory: (await readyz(a.core)).body.directory, directory: c.core.directory.fingerprint.slice(0, 12) });
    expect(String(report.directoryProblem)).toMatch(/not the shared [0-9a-f]{12}; is DIRECTORY_DIR on storage every instance shares\?/);
    expect(String(report.detail)).toMatch(/^answering from the embedded engine: .*does not hold directory version/);
    expect(c.lines().filter((line) => line.msg === "could not take up the shared directory version; answering from the last good one")).toHaveLength(1);
    // C still answers, from its own directory; the shared index holds the shared version, built once.
    const hits = await c.core.engine.search(find("dominoes"));
    expect(c.core.engine.kind).toBe("embedded");
    expect(hits[0]?.service.description).not.toMatch(/Saturday/);
    expect((await a.core.engine.search(find("dominoes")))[0]?.service.description).toMatch(/Saturday/);
    expect(await buildCount(client, index)).toBe(builds + 1);
    await c.core.close();
    instances.splice(instances.findIndex((each) => each.name === "signpost-c"), 1);
  }, 120_000);

  it("npm run job records a new version without touching the Meilisearch index; the servers take it up and one builds it", async () => {
    // The index the job is given, built for the folder as it is now.
    await new MeilisearchSearchEngine(client, "job_untouched").index(a.core.directory);
    const untouched = async () => (await client.tasks.getTasks({ indexUids: ["job_untouched"], limit: 1 })).total;
    const before = await untouched();
    const builds = await buildCount(client, index);
    folder.edit("services/vcs/quorn-dominoes-club.yaml", (text) => text.replace("every Thursday", "every Thursday afternoon"));

    const job = await run("npm", ["run", "--silent", "job", "--", "directory-refresh"], {
      DIRECTORY_DIR: folder.dir,
      REFERRAL_STORE: "postgres",
      DATABASE_URL: databaseUrl(),
      MEILI_URL: meili.url,
      MEILI_API_KEY: meili.masterKey,
      MEILI_INDEX: "job_untouched",
    });
    expect(job.code, job.stderr).toBe(0);
    expect(job.stdout).toMatch(/^directory-refresh: unchanged; version [0-9a-f]{12} recorded for every instance; 0 of 0 feeds changed; 0 problems\n$/);
    const recorded = /version ([0-9a-f]{12})/.exec(job.stdout)?.[1] ?? "";
    expect(await untouched()).toBe(before);

    await waitFor(() => Promise.resolve([a, b].every(({ core }) => core.directory.fingerprint.startsWith(recorded)) || undefined), 10_000);
    await waitFor(async () => ((await buildCount(client, index)) === builds + 1 ? true : undefined), 10_000);
    for (const { core } of [a, b]) expect((await core.engine.search(find("dominoes")))[0]?.service.description).toMatch(/Thursday afternoon/);
    expect(await buildCount(client, index)).toBe(builds + 1);
    expect(await untouched()).toBe(before);
  }, 120_000);
});

const dominoesClub = `organization:
  id: quorn-dominoes-club
  name: Quorn Dominoes Club
  description: A weekly dominoes and tea afternoon for older people in Quorn.
  url: https://quorndominoes.example.org/
services:
  - id: quorn-dominoes-club
    name: Quorn dominoes afternoon
    description: >-
      A dominoes and tea afternoon every Thursday at the village hall, for older people who would
      like company.
    offer: vcs
    needs: [social-isolation]
    service_areas: [charnwood]
    referral_routes: [self, professional]
    how_to_refer: Come along on a Thursday, or phone the organiser first.
    phones:
      - number: "01632 960199"
        description: Organiser
    last_verified: 2026-11-20
    source: illustrative sample
`;
