import type { Directory } from "../directory/directory.js";
import type { SearchEngine } from "../search/search-engine.js";
import type { Understander } from "../understanding/create-understander.js";

/** What answering a message needs: the directory, a search engine and the understander. */
export interface AnswerDependencies {
  readonly directory: Directory;
  readonly engine: SearchEngine;
  readonly understander: Understander;
  /** How many services one answer shows. */
  readonly maxResults: number;
}
