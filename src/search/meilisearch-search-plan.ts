import type { Hit, SearchParams } from "meilisearch";
import { buildFilter, maxExactTierNeeds, tierFilter } from "./meilisearch-filter.js";
import { orderField } from "./meilisearch-ranking-fields.js";
import type { SearchQuery } from "./search-engine.js";

/**
 * Text matches fetched beyond the limit. Only the best `limit + textMargin`
 * matches for the words count as matching (with their Meilisearch ranking
 * score as the text score); any other service competes on its needs, focus and
 * locality alone. Before this, the best 1,000 counted. With 5, the order on the
 * real directory is the one every text match counting gives, for all 85
 * labelled queries; 5 more changed no query's relevance at any size
 * (decision 0016).
 */
export const textMargin = 5;

/** One search of the multi-search request; `text` when its hits carry a text score. */
export interface PlannedSearch {
  readonly text: boolean;
  readonly params: SearchParams;
}

/** What the plan needs to know of the index: its order fields and the most needs any service meets. */
export interface IndexShape {
  readonly tiers: number;
  readonly mostNeeds: number;
}

/**
 * The searches that together hold the query's best `limit` services, sent as
 * one multi-search request (docs/decisions/0016-meilisearch-ranking.md):
 *
 * - with words: the best `limit + textMargin` text matches among the services
 *   the query may return, best first, with their ranking scores;
 * - with needs: for each tier (services meeting exactly m of the asked needs,
 *   most first), the first `limit` services in the ranking's order without
 *   text: by the precomputed key (2m/needs + local, or need count), then name.
 *
 * rank-services.ts orders their union. A service in neither matched no words
 * (as far as the ranking counts), so its score is its tier's part alone, and
 * the `limit` services listed for its tier each score at least as much (a text
 * match only adds) and come first on a tie: the union holds the best `limit`
 * exactly as rank-services.ts would pick them from every service.
 */
export function planSearch(query: SearchQuery, shape: IndexShape): PlannedSearch[] {
  const text = query.text.trim();
  if (query.limit <= 0) return [];
  const textLimit = query.limit + textMargin;
  const textSearch = (needs: boolean): PlannedSearch => ({
    text: true,
    params: { q: text, filter: buildFilter(query, { needs }), limit: textLimit, showRankingScore: true, attributesToRetrieve: ["id"] },
  });
  if (query.needs.length === 0) return text === "" ? [] : [textSearch(false)];
  const searches = text === "" ? [] : [textSearch(true)];
  const perTier = query.limit;
  const asked = new Set(query.needs).size;
  if (asked > maxExactTierNeeds) {
    // So many needs at once (the labelled queries ask at most 3): one list by focus, not tier by tier.
    searches.push({ text: false, params: { q: "", filter: buildFilter(query, { needs: true }), sort: tierSort(query, 1, shape), limit: perTier * asked, attributesToRetrieve: ["id"] } });
    return searches;
  }
  for (let tier = Math.min(asked, shape.mostNeeds); tier >= 1; tier--) {
    searches.push({ text: false, params: { q: "", filter: tierFilter(query, tier), sort: tierSort(query, tier, shape), limit: perTier, attributesToRetrieve: ["id"] } });
  }
  return searches;
}

/** Within a tier the ranking without text is 2m/needs (+1 local when areas are asked), then the name: one key each. */
function tierSort(query: SearchQuery, tier: number, shape: IndexShape): string[] {
  return query.areas.length > 0 ? [`${orderField(tier, shape.tiers)}:desc`] : ["need_order:asc"];
}

/** Every service the searches returned, with its text score (0 when no text search returned it). */
export function readPlan(searches: readonly PlannedSearch[], results: readonly { readonly hits: readonly Hit<{ id: string }>[] }[]): Map<string, number> {
  const found = new Map<string, number>();
  results.forEach((result, at) => {
    const text = searches[at]?.text === true;
    for (const hit of result.hits) {
      if (text) found.set(hit.id, hit._rankingScore ?? 0);
      else if (!found.has(hit.id)) found.set(hit.id, 0);
    }
  });
  return found;
}
