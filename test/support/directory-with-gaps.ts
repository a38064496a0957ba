import { rmSync } from "node:fs";
import path from "node:path";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { createUnderstander } from "../../src/understanding/create-understander.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { copyDirectory } from "./directory-copy.js";
import { type RealCore, realIntents } from "./load-real-directory.js";

/**
 * The real directory covers every need in every area, so searches that find
 * nothing are tested on a copy with two gaps: nowhere to get help getting
 * online ("digital-inclusion"), and no transport in Rutland while the rest of
 * the county has some.
 */
export async function coreWithGaps(): Promise<RealCore> {
  const copy = copyDirectory();
  for (const file of ["rutland-village-links.yaml", "byte-size-leicester.yaml", "shire-digital-champions.yaml"]) rmSync(path.join(copy.dir, "services", "vcs", file));
  const [directory, intents] = await Promise.all([loadDirectory(copy.dir), loadIntents(realIntents)]);
  const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
  await engine.index(directory);
  return { directory, engine, understander: createUnderstander(directory, intents, 0.4) };
}
