import { Meilisearch } from "meilisearch";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { FallbackSearchEngine } from "../../src/search/fallback-search-engine.js";
import { MeilisearchSearchEngine } from "../../src/search/meilisearch-search-engine.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";
import { startMeilisearch } from "../support/meilisearch-server.js";
import { memoryLogger } from "../support/memory-logger.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

const query: SearchQuery = { text: "lonely", needs: ["social-isolation"], areas: ["melton"], age: null, limit: 5 };

describe("FallbackSearchEngine", () => {
  it("answers from the embedded engine while Meilisearch is down, says so, and switches back when it recovers", async () => {
    const first = await startMeilisearch();
    const port = Number(new URL(first.url).port);
    const clock = new ManualClock();
    const { logger, lines } = memoryLogger();
    const meili = new MeilisearchSearchEngine(new Meilisearch({ host: first.url, apiKey: first.masterKey, timeout: 2000 }));
    const engine = new FallbackSearchEngine(meili, new EmbeddedSearchEngine(() => new CompactTextIndex()), logger, clock, 30_000);
    await engine.index(directory);
    expect(engine.kind).toBe("meilisearch");
    const healthy = await engine.search(query);
    expect(await engine.health()).toMatchObject({ engine: "meilisearch", ready: true });

    await first.stop();
    const degraded = await engine.search(query);
    expect(engine.kind).toBe("embedded");
    expect(degraded.map((h) => h.service.id)).toEqual(healthy.map((h) => h.service.id));
    expect(await engine.health()).toMatchObject({ engine: "meilisearch", ready: true, degraded: true });
    expect(lines().filter((l) => l.msg === "search degraded: answering from the embedded engine")).toHaveLength(1);
    await engine.search(query); // still degraded: no second warning, and no wait on the dead server
    expect(lines().filter((l) => l.msg === "search degraded: answering from the embedded engine")).toHaveLength(1);

    // Meilisearch comes back at the same address, empty: the next retry reindexes it.
    const second = await startMeilisearch({ port, masterKey: first.masterKey });
    try {
      clock.advance(30_000);
      const recovered = await engine.search(query);
      expect(engine.kind).toBe("meilisearch");
      expect(recovered.map((h) => h.service.id)).toEqual(healthy.map((h) => h.service.id));
      expect((await engine.health()).degraded).toBeUndefined();
      expect(lines().some((l) => l.msg === "search recovered")).toBe(true);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
