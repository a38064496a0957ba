import type { Service } from "../directory/directory.js";
import type { SearchHit, SearchQuery } from "./search-engine.js";
import { meetsAnyNeed, passesFilters, queryFacts, type ServiceFacts, sharedNeedCount } from "./service-filters.js";

/** A candidate and how well its text matched (any scale: only ratios to the best are used). */
export interface TextScored {
  readonly service: Service;
  readonly facts: ServiceFacts;
  readonly textScore: number;
  readonly words: readonly string[];
}

/** A service serving this many areas or fewer is local to a named area (+1 in the ranking). */
export const localAreaCount = 3;

/**
 * The one ranking every engine uses, so they answer alike:
 *   for a need search: 6 x share of the asked-for needs the service meets
 *                    + 2 x share of the service's needs that were asked for (focus)
 *                    + 2 x text relevance relative to the best text match
 *                    + 1 when the service is local to a named area (3 areas or fewer);
 *   without needs:     only services whose text matches, by text relevance (+1 local).
 * Hard filters (area, age, offer) are applied here as well as in the engine.
 */
export function rankServices(candidates: readonly TextScored[], query: SearchQuery): SearchHit[] {
  const asked = queryFacts(query);
  let bestText = 0;
  for (const candidate of candidates) if (candidate.textScore > bestText) bestText = candidate.textScore;
  const best = new TopHits(query.limit);
  for (const { service, facts, textScore, words } of candidates) {
    if (!passesFilters(facts, asked)) continue;
    const textShare = bestText > 0 ? textScore / bestText : 0;
    const local = asked.areas !== 0 && facts.areaCount <= localAreaCount ? 1 : 0;
    let score: number;
    if (asked.needCount > 0) {
      if (!meetsAnyNeed(facts, asked)) continue;
      const met = sharedNeedCount(facts.needs, asked.needs);
      score = 6 * (met / asked.needCount) + 2 * (met / facts.needIndexes.length) + 2 * textShare + local;
    } else {
      if (textScore <= 0) continue;
      score = 10 * textShare + local;
    }
    best.offer(Math.round(score * 1000) / 1000, service, words);
  }
  return best.sorted();
}

/**
 * The best `limit` hits, best first, ties by name (plain code order: cheap, and
 * the same in every engine), without sorting every candidate: a need search in
 * a 100,000-service directory has tens of thousands of them.
 */
class TopHits {
  private readonly hits: SearchHit[] = [];

  constructor(private readonly limit: number) {}

  offer(score: number, service: Service, words: readonly string[]): void {
    const { hits, limit } = this;
    if (limit <= 0) return;
    if (hits.length === limit && !before(score, service, hits[limit - 1]!)) return;
    let at = hits.length;
    while (at > 0 && before(score, service, hits[at - 1]!)) at--;
    hits.splice(at, 0, { service, score, words });
    if (hits.length > limit) hits.pop();
  }

  sorted(): SearchHit[] {
    return [...this.hits];
  }
}

function before(score: number, service: Service, hit: SearchHit): boolean {
  return score > hit.score || (score === hit.score && service.name < hit.service.name);
}
