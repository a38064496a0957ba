import path from "node:path";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { createUnderstander, type Understander } from "../../src/understanding/create-understander.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { realDirectory } from "./directory-copy.js";

export const realIntents = path.join(import.meta.dirname, "../../intents");

export interface RealCore {
  readonly directory: Directory;
  readonly engine: EmbeddedSearchEngine;
  readonly understander: Understander;
}

let loaded: Promise<RealCore> | undefined;

/** The real directory and intents, indexed and trained once per test file, with the default threshold. */
export function realDirectoryAndEngine(): Promise<RealCore> {
  loaded ??= (async () => {
    const [directory, intents] = await Promise.all([loadDirectory(realDirectory), loadIntents(realIntents)]);
    const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
    await engine.index(directory);
    return { directory, engine, understander: createUnderstander(directory, intents, 0.4) };
  })();
  return loaded;
}
