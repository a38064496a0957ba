import { freePort } from "../support/free-port.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";
import { run, start, waitFor } from "../support/run-process.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { meilisearchClient } from "../../src/search/meilisearch-client.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import { realDirectory } from "../support/directory-copy.js";

/**
 * npm start and ask --json with MEILI_URL set: they report which engine answered, and degrade
 * honestly; a command-line tool never builds the shared index.
 */
describe("Signpost on Meilisearch", () => {
  let meili: RunningMeilisearch;
  beforeAll(async () => {
    meili = await startMeilisearch();
  }, 60_000);
  afterAll(async () => {
    await meili.stop();
  });

  it("answers ask --json from Meilisearch only when it already holds this directory, never building it; from the embedded engine otherwise", async () => {
    const env = { MEILI_URL: meili.url, MEILI_API_KEY: meili.masterKey, MEILI_INDEX: "ask_test" };
    const client = meilisearchClient({ url: meili.url, apiKey: meili.masterKey });
    const ask = () => run(process.execPath, ["--import", "tsx", "scripts/ask.ts", "--json", "lonely in Melton"], env);
    const tasks = async () => (await client.tasks.getTasks({ limit: 1000 })).results.length;

    // Nothing built yet: a command-line tool answers from the embedded engine and builds nothing.
    const before = await tasks();
    const empty = await ask();
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ engine: "embedded", entities: { areas: ["melton"] } });
    expect(await tasks()).toBe(before);
    expect((await client.getIndexes()).results.map((index) => index.uid)).not.toContain("ask_test");

    // Built as a server builds it: the tool now searches it, read-only.
    await new MeilisearchSearchEngine(client, "ask_test").index(await loadDirectory(realDirectory));
    const built = await tasks();
    const up = await ask();
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ engine: "meilisearch", entities: { areas: ["melton"] } });
    expect(await tasks()).toBe(built);

    const down = await run(process.execPath, ["--import", "tsx", "scripts/ask.ts", "--json", "lonely in Melton"], { MEILI_URL: `http://127.0.0.1:${await freePort()}` });
    expect(down.code).toBe(0);
    const answer = JSON.parse(down.stdout) as { engine: string; results: unknown[] };
    expect(answer.engine).toBe("embedded");
    expect(answer.results.length).toBeGreaterThan(0);
  }, 60_000);

  it("says in /readyz which engine serves, and that it is degraded when Meilisearch is unreachable", async () => {
    const check = async (env: Record<string, string>) => {
      const port = await freePort();
      const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], { PORT: String(port), ...env });
      try {
        return await waitFor(async () => {
          const response = await fetch(`http://127.0.0.1:${port}/readyz`);
          return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
        });
      } finally {
        server.child.kill("SIGTERM");
        await server.exited;
      }
    };
    expect(await check({ MEILI_URL: meili.url, MEILI_API_KEY: meili.masterKey, MEILI_INDEX: "readyz_test" })).toMatchObject({ status: "ready", engine: "meilisearch" });
    const degraded = await check({ MEILI_URL: `http://127.0.0.1:${await freePort()}` });
    expect(degraded).toMatchObject({ status: "ready", engine: "meilisearch", degraded: true });
    expect(String(degraded.detail)).toMatch(/^answering from the embedded engine/);
  }, 90_000);
});
