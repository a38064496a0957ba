/**
 * The import report as plain text for the terminal: the totals first, then
 * each list a person may need to act on (records rejected as wrong, with each
 * field and reason; skipped records; needs inferred; terms to add to the map
 * file; areas the gazetteer lacks; details not loaded; what was tidied). Long
 * lists are cut with a count of what was left out.
 */
import { formatOrukProblem } from "../errors/oruk-import-error.js";
import type { OrukImportReport } from "./oruk-import-report.js";

const limit = 25;

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, limit).map((item) => `  ${line(item)}`);
  const more = items.length > limit ? [`  ...and ${items.length - limit} more`] : [];
  return ["", title, ...shown, ...more];
}

const services = (count: number) => `${count} service${count === 1 ? "" : "s"}`;

export function formatOrukReport(report: OrukImportReport, writtenTo?: string): string {
  const reasons = new Map<string, number>();
  for (const skip of report.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
  const shapes = report.formats.map((f) => (f.format === "v1" ? `${f.services} in the older ORUK v1 shape (read as v3)` : `${f.services} in the ORUK v3 shape`));
  const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
  const lines = [
    `ORUK feed ${report.feed}: ${report.read} record(s) read, ${report.imported} imported from ${report.organizations} organisation(s), ${report.rejected.length} rejected as wrong, ${report.skipped.length} skipped.`,
    `Source on every imported record: "${report.source}".`,
    ...(shapes.length > 0 ? [`Shape: ${shapes.join(", ")}.`] : []),
    ...(report.rejected.length > 0
      ? [`Rejected records are ${percent(report.rejected.length / Math.max(1, report.read))} of the feed (--max-bad allows ${percent(report.maxBad)}); the rest was imported.`]
      : []),
    ...(report.notVerifiedIn12Months > 0 ? [`${report.notVerifiedIn12Months} imported record(s) were last assured by the feed more than 12 months ago.`] : []),
    ...(writtenTo ? [`Written to ${writtenTo}`] : []),
    ...section("Rejected as wrong even after tidying (fix these in the feed):", report.rejected, (bad) => bad.problems.map(formatOrukProblem).join("\n  ")),
    ...section("Skipped, by reason:", [...reasons], ([reason, count]) => `${reason}: ${count}`),
    ...section("Skipped records:", report.skipped, (skip) => `${skip.label}: ${skip.reason}: ${skip.detail}`),
    ...section(
      "Needs inferred from the name and description (no usable taxonomy terms; marked needs_inferred, and a services: entry in directory/oruk-taxonomy-map.yaml overrides them):",
      report.inferred,
      (item) => `${item.label}: ${item.needs.join(", ")}`,
    ),
    ...section(
      "Taxonomy terms not mapped (add them to directory/oruk-taxonomy-map.yaml):",
      report.unmappedTerms,
      (term) =>
        `vocabulary "${term.vocabulary}"${term.code === undefined ? "" : `, code "${term.code}"`}${term.name === undefined ? "" : `, name "${term.name}"`}: ${services(term.services)}`,
    ),
    ...section("Areas not found in the gazetteer (directory/places.yaml):", report.unmappedAreas, (area) => `"${area.area}": ${services(area.services)}`),
    ...section(
      "Details not loaded (Signpost lists roles rather than people's names, keeps only valid organisation details, and prices in GBP):",
      report.dropped,
      (drop) => `${drop.field}: ${services(drop.services)}`,
    ),
    ...section("Fields of the v1 shape not read (site extensions and others):", report.ignored, (field) => `${field.field}: ${services(field.services)}`),
    ...section("Tidied before checking:", report.normalised, (fix) => `${fix.field}: ${fix.what}: ${services(fix.services)}`),
    ...section("Defaults used:", report.defaulted, (field) => `${field.field}: ${services(field.services)}`),
  ];
  return `${lines.join("\n")}\n`;
}
