import { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { SearchError } from "../../src/errors/search-error.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";

/**
 * deploy/meilisearch/README.md tells an admin to give Signpost a key with
 * exactly these actions (on every index: Meilisearch shows an index swap's task
 * only to such keys). This creates that key on a real server
 * and shows it is enough for everything the engine does, and that one action
 * less fails plainly without harming the live index.
 */
const documented = ["search", "documents.add", "indexes.create", "indexes.get", "indexes.delete", "indexes.swap", "settings.update", "tasks.get", "stats.get"];

let directory: Directory;
let meili: RunningMeilisearch;
let admin: Meilisearch;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
  meili = await startMeilisearch();
  admin = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
}, 60_000);
afterAll(async () => {
  await meili.stop();
});

const keyFor = async (actions: string[]) => (await admin.createKey({ actions: actions, indexes: ["*"], expiresAt: null })).key;
const query: SearchQuery = { text: "befriending", needs: ["social-isolation"], areas: ["melton"], age: null, limit: 5 };

describe("the Meilisearch key deploy/meilisearch/README.md documents", () => {
  it("is enough to build, search, report health and rebuild the index", async () => {
    const engine = new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: await keyFor(documented) }), "services");
    await engine.index(directory);
    expect((await engine.search(query)).length).toBeGreaterThan(0);
    expect(await engine.health()).toMatchObject({ engine: "meilisearch", ready: true, services: directory.services.length });
    await engine.index({ ...directory, fingerprint: "f".repeat(64) }); // a new version: the swap and the delete of the old index
    expect((await engine.search(query)).length).toBeGreaterThan(0);
  }, 60_000);

  it("is needed whole: a search-only key cannot build the index, and says so, but can search one built for its directory", async () => {
    const engine = new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: await keyFor(["search"]) }), "services_readonly");
    await expect(engine.index(directory)).rejects.toThrow(/could not build the Meilisearch index/);
    await new MeilisearchSearchEngine(admin, "services_readonly").index(directory);
    await engine.index(directory);
    expect((await engine.search(query)).length).toBeGreaterThan(0);
  }, 60_000);

  it("without indexes.swap, fails with a clear error and leaves the live index answering", async () => {
    const full = new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: await keyFor(documented) }), "services_noswap");
    await full.index(directory);
    const before = (await full.search(query)).map((hit) => hit.service.id);
    const lacking = new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: await keyFor(documented.filter((a) => a !== "indexes.swap")) }), "services_noswap");
    const failure = await lacking.index({ ...directory, services: directory.services.slice(0, 3), fingerprint: "e".repeat(64) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SearchError);
    expect((failure as SearchError).message).toMatch(/live index is unchanged/);
    expect((await full.search(query)).map((hit) => hit.service.id)).toEqual(before);
  }, 60_000);
});
