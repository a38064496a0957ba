import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Directory } from "../directory/directory.js";
import type { AreaId } from "../directory/ids.js";
import { extractEntities } from "../understanding/extract-entities.js";
import { fetchOrukFeed } from "./fetch-oruk-feed.js";
import type { ImportedFile } from "./build-imported-files.js";
import { importOruk, type OrukImportResult } from "./import-oruk.js";
import { loadOrukTaxonomyMap } from "./oruk-taxonomy-map.js";
import { readOrukFiles } from "./read-oruk-files.js";
import { renderImportedFile, writeImportedFeed } from "./write-imported-feed.js";

export interface FeedImport {
  /** The feed's name: lower-case words and hyphens; its files go to services/imported/<name>/. */
  readonly feed: string;
  /** A URL (paged ORUK API) or a file or folder of ORUK JSON. */
  readonly source: string;
  /** The directory now: its taxonomy and gazetteer map the feed, its services win over the feed's. */
  readonly directory: Directory;
  readonly directoryDir: string;
  readonly mapFile?: string;
  readonly out?: string;
  readonly defaultAreas?: readonly AreaId[];
  /** Give `defaultAreas` also to services whose places are outside LLR or unknown (off: those are reported). */
  readonly relabelUnplaced?: boolean;
  /** The largest share of wrong records before the whole feed is refused (0 to 1; default 0.1). */
  readonly maxBad?: number;
  readonly maxPages?: number;
  readonly timeoutMs?: number;
  readonly dryRun?: boolean;
  readonly onProgress?: (line: string) => void;
}

export interface FeedImported {
  readonly report: OrukImportResult["report"];
  /** Where the files are (or would be) written. */
  readonly out: string;
  /** False for a dry run, or when the files on disk already say exactly this. */
  readonly written: boolean;
}

/**
 * Imports one Open Referral UK feed into the directory, as `npm run import` and
 * the directory refresh job both do: read it, map it, merge it with the local
 * records, and replace the feed's folder in one step. All-or-nothing: a feed
 * refused (too many wrong records, OrukImportError listing every problem)
 * leaves the folder as it was; otherwise the sound records replace it whole.
 * Needs of records without usable terms are inferred by the understanding
 * layer's entity extraction over the name and description. Files are rewritten only when their content changed,
 * so an unchanged feed leaves the directory's fingerprint, and the index, alone.
 */
export async function importFeed(options: FeedImport): Promise<FeedImported> {
  const { feed, source, directory, onProgress } = options;
  const map = await loadOrukTaxonomyMap(options.mapFile ?? path.join(options.directoryDir, "oruk-taxonomy-map.yaml"), directory.taxonomy);
  const records = /^https?:\/\//i.test(source)
    ? await fetchOrukFeed(source, {
        maxPages: options.maxPages ?? 1000,
        timeoutMs: options.timeoutMs ?? 30_000,
        ...(onProgress
          ? { onProgress: (done: number, total: number | undefined, what: string) => onProgress(`${what === "pages" ? "page" : "service"} ${done}${total === undefined ? "" : ` of ${total}`} ${what === "pages" ? "read" : "fetched in full"}`) }
          : {}),
      })
    : await readOrukFiles(source);
  const { files, report } = importOruk(records, {
    feed,
    gazetteer: directory.gazetteer,
    map,
    existing: directory.services,
    esdNeeds: (vocabulary, code) => directory.taxonomy.needsForEsdTerm(vocabulary, code),
    inferNeeds: (text) => extractEntities(text, directory).entities.needs,
    ...(options.defaultAreas ? { defaultAreas: options.defaultAreas } : {}),
    ...(options.relabelUnplaced ? { relabelUnplaced: true } : {}),
    ...(options.maxBad === undefined ? {} : { maxBad: options.maxBad }),
    ...(onProgress && records.length >= 1000 ? { onProgress: (done: number, total: number) => onProgress(`${done} of ${total} records mapped`) } : {}),
  });
  const out = path.resolve(options.out ?? path.join(options.directoryDir, "services", "imported", feed));
  const header = `Imported by Signpost from the ORUK feed "${feed}" (${source}). Do not edit: importing the feed again replaces this folder; local records elsewhere in services/ win over these.`;
  if (options.dryRun || (await sameOnDisk(out, files, header))) return { report, out, written: false };
  await writeImportedFeed(out, files, header);
  return { report, out, written: true };
}

async function sameOnDisk(folder: string, files: readonly ImportedFile[], header: string): Promise<boolean> {
  const present = await readdir(folder).catch(() => undefined);
  if (!present || present.length !== files.length) return false;
  for (const file of files) {
    const text = await readFile(path.join(folder, file.name), "utf8").catch(() => undefined);
    if (text !== renderImportedFile(file, header)) return false;
  }
  return true;
}
