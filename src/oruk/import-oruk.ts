/**
 * Imports an Open Referral UK feed into Signpost's directory form, all or
 * nothing: every record is checked (ORUK schema, then Signpost's service
 * schema after mapping) and any problem refuses the whole feed, listing them
 * all. What is valid but not for Signpost (inactive, no need, outside LLR) is
 * skipped and reported; the rest is merged with the directory (local wins)
 * and grouped into one service file per organisation.
 */
import type { ServiceFile } from "../directory/service-file-schema.js";
import { checkRecords, groupIntoFiles } from "./build-imported-files.js";
import { type MapContext, mapOrukService } from "./map-oruk-service.js";
import { type ExistingService, type MergeCandidate, mergeWithDirectory } from "./merge-with-directory.js";
import { isKebabId } from "./oruk-ids.js";
import { OrukImportError, type OrukProblem } from "./oruk-import-error.js";
import { OrukReportBuilder, type OrukImportReport } from "./oruk-import-report.js";
import { type OrukInputRecord, parseOrukRecords } from "./parse-oruk-records.js";

export interface OrukImportOptions extends MapContext {
  /** The services already in the directory (local YAML and other feeds), for the merge. */
  readonly existing: readonly ExistingService[];
  /** Called every `progressEvery` records (default 500) and once at the end. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly progressEvery?: number;
}

export interface ImportedFile {
  /** The file name, e.g. `example-organization-inc.yaml`, within the feed's folder. */
  readonly name: string;
  readonly file: ServiceFile;
  /** The feed's id for each service, in order, written as a comment beside it. */
  readonly orukIds: readonly string[];
}

export interface OrukImportResult {
  readonly files: readonly ImportedFile[];
  readonly report: OrukImportReport;
}

/** Throws OrukImportError listing every problem when anything in the feed is invalid. */
export function importOruk(records: readonly OrukInputRecord[], options: OrukImportOptions): OrukImportResult {
  if (!isKebabId(options.feed)) {
    throw new OrukImportError([{ record: "feed", field: "name", message: `"${options.feed}" must be lower-case words joined by hyphens, like "leicestershire-council"` }]);
  }
  const { parsed, problems } = parseOrukRecords(records);
  if (problems.length > 0) throw new OrukImportError(problems);

  const report = new OrukReportBuilder(options.feed, parsed.length);
  const candidates: (MergeCandidate & { orukId: string })[] = [];
  const every = Math.max(1, options.progressEvery ?? 500);
  parsed.forEach(({ label, service }, index) => {
    const mapped = mapOrukService(service, options);
    report.addNotes(mapped.notes);
    if (mapped.kind === "skipped") report.skip(label, mapped.reason, mapped.detail);
    else candidates.push({ label, record: mapped.record, organization: mapped.organization, orukId: service.id });
    if ((index + 1) % every === 0) options.onProgress?.(index + 1, parsed.length);
  });
  if (parsed.length % every !== 0 || parsed.length === 0) options.onProgress?.(parsed.length, parsed.length);

  const mappingProblems: OrukProblem[] = [];
  const firstWithId = new Map<string, string>();
  for (const { label, record } of candidates) {
    const earlier = firstWithId.get(record.id);
    if (earlier) mappingProblems.push({ record: label, field: "id", message: `maps to the Signpost id "${record.id}", which ${earlier} also maps to` });
    firstWithId.set(record.id, label);
  }
  mappingProblems.push(...checkRecords(candidates));
  if (mappingProblems.length > 0) throw new OrukImportError(mappingProblems);

  const { kept, skipped } = mergeWithDirectory(candidates, options.existing, options.feed);
  for (const skip of skipped) report.skip(skip.label, skip.reason, skip.detail);
  const built = groupIntoFiles(kept);
  if (built.problems.length > 0) throw new OrukImportError(built.problems);
  return { files: built.files, report: report.finish(kept.length, built.files.length) };
}
