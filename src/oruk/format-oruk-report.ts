/**
 * The import report as plain text for the terminal: the totals first, then
 * each list a person may need to act on (skipped records, terms to add to the
 * map file, areas the gazetteer lacks, details not loaded). Long lists are cut
 * with a count of what was left out.
 */
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
  const lines = [
    `ORUK feed ${report.feed}: ${report.read} record(s) read, ${report.imported} imported from ${report.organizations} organisation(s), ${report.skipped.length} skipped.`,
    `Source on every imported record: "${report.source}".`,
    ...(writtenTo ? [`Written to ${writtenTo}`] : []),
    ...section("Skipped, by reason:", [...reasons], ([reason, count]) => `${reason}: ${count}`),
    ...section("Skipped records:", report.skipped, (skip) => `${skip.label}: ${skip.reason}: ${skip.detail}`),
    ...section(
      "Taxonomy terms not mapped (add them to directory/oruk-taxonomy-map.yaml):",
      report.unmappedTerms,
      (term) =>
        `vocabulary "${term.vocabulary}"${term.code === undefined ? "" : `, code "${term.code}"`}${term.name === undefined ? "" : `, name "${term.name}"`}: ${services(term.services)}`,
    ),
    ...section("Areas not found in the gazetteer (directory/places.yaml):", report.unmappedAreas, (area) => `"${area.area}": ${services(area.services)}`),
    ...section(
      "Details not loaded (Signpost holds only Ofcom drama numbers, example.org addresses, roles rather than people's names, and prices in GBP):",
      report.dropped,
      (drop) => `${drop.field}: ${services(drop.services)}`,
    ),
    ...section("Defaults used:", report.defaulted, (field) => `${field.field}: ${services(field.services)}`),
  ];
  return `${lines.join("\n")}\n`;
}
