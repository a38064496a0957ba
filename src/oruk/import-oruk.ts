/**
 * Imports an Open Referral UK feed into Signpost's directory form, taking
 * what it can: every record is tidied, then checked (ORUK schema, then
 * Signpost's service schema after mapping); a record still wrong is rejected
 * and listed with each field and reason, and the feed is refused whole only
 * when the share of rejected records passes `maxBad` (default 10%). What is
 * valid but not for Signpost (inactive, no need, outside LLR) is skipped and
 * reported; the rest is merged with the directory (local wins) and grouped
 * into one service file per organisation, written in one step by the caller.
 */
import type { NeedId } from "../directory/ids.js";
import { checkRecords, groupIntoFiles, type ImportedFile } from "./build-imported-files.js";
import { type MapContext, mapOrukService } from "./map-oruk-service.js";
import { type ExistingService, type MergeCandidate, mergeWithDirectory } from "./merge-with-directory.js";
import { isKebabId } from "./oruk-ids.js";
import { OrukImportError, type OrukProblem } from "../errors/oruk-import-error.js";
import { OrukReportBuilder, type OrukImportReport } from "./oruk-import-report.js";
import { type OrukInputRecord, parseOrukRecords } from "./parse-oruk-records.js";

export interface OrukImportOptions extends MapContext {
  /** The services already in the directory (local YAML and other feeds), for the merge. */
  readonly existing: readonly ExistingService[];
  /** Called every `progressEvery` records (default 500) and once at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
  /** The largest share of records that may be rejected as wrong before the whole feed is refused (0 to 1; default 0.1). */
  readonly maxBad?: number;
  /** Today, YYYY-MM-DD, for the count of records not verified in 12 months (default: the clock's date). */
  readonly today?: string;
}

export const defaultMaxBad = 0.1;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function yearBefore(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  return date.toISOString().slice(0, 10);
}

export interface OrukImportResult {
  readonly files: readonly ImportedFile[];
  readonly report: OrukImportReport;
}

/**
 * Throws OrukImportError when the feed's name is wrong, when more than
 * `maxBad` of its records are wrong (listing every problem), or when the files
 * built from the sound records would not load.
 */
export function importOruk(records: readonly OrukInputRecord[], options: OrukImportOptions): OrukImportResult {
  if (!isKebabId(options.feed)) {
    throw new OrukImportError([{ record: "feed", field: "name", message: `"${options.feed}" must be lower-case words joined by hyphens, like "leicestershire-council"` }]);
  }
  const maxBad = options.maxBad ?? defaultMaxBad;
  const { parsed, rejected } = parseOrukRecords(records);
  const report = new OrukReportBuilder(options.feed, records.length, maxBad);

  const mapped: (MergeCandidate & { orukId: string })[] = [];
  const every = Math.max(1, options.progressEvery ?? 500);
  parsed.forEach(({ label, service, fixes, format, ignored }, index) => {
    report.addRecord(format, fixes, ignored);
    const result = mapOrukService(service, options);
    report.addNotes(result.notes);
    if (result.kind === "skipped") report.skip(label, result.reason, result.detail);
    else mapped.push({ label, record: result.record, organization: result.organization, orukId: service.id });
    if ((index + 1) % every === 0) options.onProgress?.(index + 1, parsed.length);
  });
  if (parsed.length % every !== 0 || parsed.length === 0) options.onProgress?.(parsed.length, parsed.length);

  // A record that would not load as a Signpost record, or whose Signpost id another record already has, is rejected too.
  const candidates: typeof mapped = [];
  const firstWithId = new Map<string, string>();
  for (const candidate of mapped) {
    const problems: OrukProblem[] = checkRecords([candidate]);
    const earlier = firstWithId.get(candidate.record.id);
    if (earlier) problems.push({ record: candidate.label, field: "id", message: `maps to the Signpost id "${candidate.record.id}", which ${earlier} also maps to` });
    if (problems.length > 0) {
      rejected.push({ label: candidate.label, problems });
      continue;
    }
    firstWithId.set(candidate.record.id, candidate.label);
    candidates.push(candidate);
    if (candidate.record.needs_inferred) report.infer(candidate.label, candidate.record.needs as NeedId[]);
  }

  for (const bad of rejected) report.reject(bad.label, bad.problems);
  const bad = rejected.length;
  if (records.length > 0 && bad / records.length > maxBad) {
    throw new OrukImportError(
      rejected.flatMap((r) => r.problems),
      `${bad} of ${records.length} records (${percent(bad / records.length)}) are wrong even after tidying, more than the ${percent(maxBad)} that --max-bad allows, so the whole feed was refused. Fix them at the source, or raise --max-bad to import the rest.`,
    );
  }

  const { kept, skipped } = mergeWithDirectory(candidates, options.existing, options.feed);
  for (const skip of skipped) report.skip(skip.label, skip.reason, skip.detail);
  const built = groupIntoFiles(kept);
  if (built.problems.length > 0) throw new OrukImportError(built.problems);
  const cutoff = yearBefore(options.today ?? new Date().toISOString().slice(0, 10));
  const stale = kept.filter((candidate) => candidate.record.last_verified < cutoff).length;
  return { files: built.files, report: report.finish(kept.length, built.files.length, stale) };
}
