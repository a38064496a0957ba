import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { SearchError } from "../../src/errors/search-error.js";
import { readOnly } from "../../src/search/index-builds.js";
import { meilisearchClient } from "../../src/search/meilisearch-client.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { copyDirectory } from "../support/directory-copy.js";
import { buildCount, taskCount } from "../support/meilisearch-builds.js";
import { type RunningMeilisearch, startMeilisearch } from "../support/meilisearch-server.js";

let meili: RunningMeilisearch;
let client: ReturnType<typeof meilisearchClient>;
const copy = copyDirectory();
let first: Directory;
beforeAll(async () => {
  meili = await startMeilisearch();
  client = meilisearchClient({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 30_000 });
  first = await loadDirectory(copy.dir);
}, 60_000);
afterAll(async () => {
  await meili.stop();
});

const lonely: SearchQuery = { text: "befriending", needs: ["social-isolation"], areas: ["charnwood"], age: null, limit: 20 };
const version = (directory: Directory) => directory.fingerprint.slice(0, 12);
const indexUids = async () => (await client.getIndexes({ limit: 100 })).results.map((index) => index.uid).sort();

describe("the Meilisearch index, built once per directory version", () => {
  it("builds a version once, however many engines index it, and a new version once more, swapped in whole", async () => {
    const a = new MeilisearchSearchEngine(client, "once");
    const b = new MeilisearchSearchEngine(client, "once");
    await a.index(first);
    const afterFirst = await taskCount(client);
    await b.index(first); // a second instance, or a restart: the index already holds this version
    await a.index(first);
    expect(await taskCount(client)).toBe(afterFirst);
    expect(await buildCount(client, "once")).toBe(1);
    expect((await b.search(lonely)).length).toBeGreaterThan(0);

    copy.edit("services/vcs/wreake-valley-good-neighbours.yaml", (text) => text.replace("for a chat", "for a chat and a game of dominoes"));
    const second = await loadDirectory(copy.dir);
    await a.index(second);
    await b.index(second);
    expect(await buildCount(client, "once")).toBe(2);
    // The fresh index was swapped in and the old documents deleted with it: one index remains.
    expect(await indexUids()).toEqual(["once"]);
    expect((await b.search({ ...lonely, text: "dominoes" }))[0]?.service.id).toBe("wreake-valley-befriending");
  }, 60_000);

  it("never builds read-only: it searches an index that holds its directory, and refuses one that does not", async () => {
    const before = await taskCount(client);
    const reader = new MeilisearchSearchEngine(client, "read_only", readOnly);
    await expect(reader.index(first)).rejects.toThrow(SearchError);
    await expect(reader.index(first)).rejects.toThrow(/does not hold directory version [0-9a-f]{12}, and this process does not rebuild it/);
    expect(await taskCount(client)).toBe(before);
    expect(await indexUids()).not.toContain("read_only");

    await new MeilisearchSearchEngine(client, "read_only").index(first);
    const built = await taskCount(client);
    await reader.index(first);
    expect((await reader.search(lonely)).length).toBeGreaterThan(0);
    expect(await taskCount(client)).toBe(built);
  }, 60_000);

  it("rebuilds an index an older Signpost built for the same directory, and clears a build left half-done", async () => {
    const engine = new MeilisearchSearchEngine(client, "older");
    await engine.index(first);
    // The same directory, stamped with an earlier index format (what an upgrade finds).
    const restamped = first.services.map((service) => ({ id: service.id, index_version: `1:${first.fingerprint}` }));
    expect((await client.index("older").updateDocuments(restamped).waitTask()).status).toBe("succeeded");
    // And a crashed build of this very version left its fresh index behind.
    expect((await client.createIndex(`older-${version(first)}`).waitTask()).status).toBe("succeeded");
    const builds = await buildCount(client, "older");
    await engine.index(first);
    expect(await buildCount(client, "older")).toBe(builds + 1);
    expect(await indexUids()).not.toContain(`older-${version(first)}`);
    expect((await engine.search(lonely)).length).toBeGreaterThan(0);
  }, 60_000);
});
