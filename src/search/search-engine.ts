import type { Directory, Service } from "../directory/directory.js";
import type { AreaId, NeedId, Offer } from "../directory/ids.js";

/** What to look for. Needs, areas, age and offers are validated ids and numbers, never raw text. */
export interface SearchQuery {
  /** The words as written; used for full-text relevance only, never for filtering. */
  readonly text: string;
  /** Services must meet at least one of these (when any are given). */
  readonly needs: readonly NeedId[];
  /** Hard filter: services must serve at least one of these (when any are given). */
  readonly areas: readonly AreaId[];
  /** Hard filter: the person's age must be within the service's age range. */
  readonly age: number | null;
  /** Hard filter on the kind of offer (when any are given). */
  readonly offers?: readonly Offer[];
  readonly limit: number;
}

export interface SearchHit {
  readonly service: Service;
  /** Higher is better; comparable within one answer only. */
  readonly score: number;
  /** Query words the service's text matched (after typo tolerance). */
  readonly words: readonly string[];
}

export interface EngineHealth {
  readonly engine: "embedded" | "meilisearch";
  readonly ready: boolean;
  readonly services: number;
  /** Why it is not ready or is degraded, for operators. */
  readonly detail?: string;
  /** True while the production engine is down and answers come from the embedded one. */
  readonly degraded?: boolean;
}

/** The port every search backend implements. */
export interface SearchEngine {
  readonly kind: "embedded" | "meilisearch";
  /** Replaces whatever was indexed with this directory. */
  index(directory: Directory): Promise<void>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  health(): Promise<EngineHealth>;
}
