import type { Service } from "../directory/directory.js";
import type { SearchHit, SearchQuery } from "./search-engine.js";
import { meetsAnyNeed, passesFilters } from "./service-filters.js";

/** A candidate and how well its text matched (any scale: only ratios to the best are used). */
export interface TextScored {
  readonly service: Service;
  readonly textScore: number;
  readonly words: readonly string[];
}

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
  const bestText = Math.max(0, ...candidates.map((c) => c.textScore));
  const hits: SearchHit[] = [];
  for (const { service, textScore, words } of candidates) {
    if (!passesFilters(service, query)) continue;
    const textShare = bestText > 0 ? textScore / bestText : 0;
    const local = query.areas.length > 0 && service.areas.length <= 3 ? 1 : 0;
    let score: number;
    if (query.needs.length > 0) {
      if (!meetsAnyNeed(service, query)) continue;
      const met = service.needs.filter((need) => query.needs.includes(need)).length;
      score = 6 * (met / query.needs.length) + 2 * (met / service.needs.length) + 2 * textShare + local;
    } else {
      if (textScore <= 0) continue;
      score = 10 * textShare + local;
    }
    hits.push({ service, score: Math.round(score * 1000) / 1000, words });
  }
  hits.sort((a, b) => b.score - a.score || a.service.name.localeCompare(b.service.name));
  return hits.slice(0, query.limit);
}
