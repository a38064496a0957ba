import type { Logger } from "../logging/create-logger.js";
import type { Clock } from "../time/clock.js";
import { CompactTextIndex } from "./compact-text-index.js";
import { EmbeddedSearchEngine } from "./embedded-search-engine.js";
import { FallbackSearchEngine } from "./fallback-search-engine.js";
import type { IndexBuilds } from "./index-builds.js";
import { type MeilisearchClientSettings, meilisearchClient } from "./meilisearch-client.js";
import { MeilisearchSearchEngine } from "./meilisearch-search-engine.js";
import type { SearchEngine } from "./search-engine.js";

/**
 * The embedded engine, or Meilisearch in front of it when MEILI_URL is set and
 * this process may use it: `builds` says whether it may build the shared index
 * (a server, one at a time) or only read it (a tool); without it, no Meilisearch.
 * `settings.meilisearch` is Config's (src/config/ reads it; search owns its shape).
 */
export function createSearchEngine(settings: { readonly meilisearch?: MeilisearchClientSettings & { readonly index: string } },  logger: Logger, clock: Clock, builds: IndexBuilds | undefined): SearchEngine {
  const embedded = new EmbeddedSearchEngine(() => new CompactTextIndex());
  const meili = settings.meilisearch;
  if (!meili || !builds) return embedded;
  return new FallbackSearchEngine(new MeilisearchSearchEngine(meilisearchClient(meili), meili.index, builds), embedded, logger, clock);
}
