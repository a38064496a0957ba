import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { MiniSearchTextIndex } from "../../src/search/minisearch-text-index.js";
import { realDirectory } from "./directory-copy.js";

let loaded: Promise<{ directory: Directory; engine: EmbeddedSearchEngine }> | undefined;

/** The real directory, loaded and indexed once per test file. */
export function realDirectoryAndEngine(): Promise<{ directory: Directory; engine: EmbeddedSearchEngine }> {
  loaded ??= (async () => {
    const directory = await loadDirectory(realDirectory);
    const engine = new EmbeddedSearchEngine(new MiniSearchTextIndex());
    await engine.index(directory);
    return { directory, engine };
  })();
  return loaded;
}
