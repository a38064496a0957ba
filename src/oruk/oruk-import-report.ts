/**
 * What an ORUK import did, for the person running it: how many records were
 * read and imported, which shape the feed had (v3, or v1 read as v3), what was
 * tidied before checking, which records were rejected as wrong (each field and
 * why), which were skipped and why, whose needs were inferred, which taxonomy
 * terms and areas could not be mapped (with how many services each), which
 * details were dropped, which fields took a default, and how many records the
 * feed last assured more than a year ago.
 */
import type { NeedId } from "../directory/ids.js";
import type { MappingNotes } from "./map-oruk-service.js";
import { feedSource } from "./map-oruk-service.js";
import type { NormaliseFix } from "./normalise-oruk-record.js";
import type { OrukProblem } from "../errors/oruk-import-error.js";
import type { TermKey } from "./oruk-taxonomy-map.js";

export interface OrukImportReport {
  readonly feed: string;
  readonly source: string;
  readonly read: number;
  readonly imported: number;
  readonly organizations: number;
  readonly skipped: readonly { readonly label: string; readonly reason: string; readonly detail: string }[];
  /** Records left out because they are wrong even after tidying: every problem, each with its field. */
  readonly rejected: readonly { readonly label: string; readonly problems: readonly OrukProblem[] }[];
  /** The largest share of rejected records the import accepts (0.1 = 10%). */
  readonly maxBad: number;
  /** Records per shape: `v3`, `v1` (read from the older shape). */
  readonly formats: readonly { readonly format: "v1" | "v3"; readonly services: number }[];
  /** Tidying done before checking, by field and kind, with how many services each. */
  readonly normalised: readonly { readonly field: string; readonly what: string; readonly services: number }[];
  /** v1 fields not read (site extensions `pc_*` and others), with how many services each. */
  readonly ignored: readonly { readonly field: string; readonly services: number }[];
  /** Imported records whose needs were inferred from their name and description. */
  readonly inferred: readonly { readonly label: string; readonly needs: readonly NeedId[] }[];
  /** Imported records last verified (assured) more than 12 months before the import. */
  readonly notVerifiedIn12Months: number;
  /** Most used first. */
  readonly unmappedTerms: readonly (TermKey & { readonly services: number })[];
  readonly unmappedAreas: readonly { readonly area: string; readonly services: number }[];
  /** Details not loaded, by field (indexes removed), e.g. `url`, `phones`, `contacts.name (a person's name; …)`. */
  readonly dropped: readonly { readonly field: string; readonly services: number }[];
  readonly defaulted: readonly { readonly field: string; readonly services: number }[];
}

class Counter<K> {
  private readonly counts = new Map<string, { key: K; count: number }>();

  addOncePer(keys: readonly K[], id: (key: K) => string): void {
    const seen = new Set<string>();
    for (const key of keys) {
      const at = id(key);
      if (seen.has(at)) continue;
      seen.add(at);
      const entry = this.counts.get(at) ?? { key, count: 0 };
      entry.count += 1;
      this.counts.set(at, entry);
    }
  }

  sorted(): { key: K; count: number }[] {
    return [...this.counts.values()].sort((a, b) => b.count - a.count);
  }
}

const termId = (term: TermKey) => `${term.vocabulary}\u0000${term.code ?? ""}\u0000${term.name ?? ""}`;
const same = (text: string) => text;

export class OrukReportBuilder {
  private readonly skipped: { label: string; reason: string; detail: string }[] = [];
  private readonly rejected: { label: string; problems: readonly OrukProblem[] }[] = [];
  private readonly inferred: { label: string; needs: readonly NeedId[] }[] = [];
  private readonly formats = new Counter<"v1" | "v3">();
  private readonly fixes = new Counter<NormaliseFix>();
  private readonly ignored = new Counter<string>();
  private readonly terms = new Counter<TermKey>();
  private readonly areas = new Counter<string>();
  private readonly dropped = new Counter<string>();
  private readonly defaulted = new Counter<string>();

  constructor(
    private readonly feed: string,
    private readonly read: number,
    private readonly maxBad: number,
  ) {}

  addRecord(format: "v1" | "v3", fixes: readonly NormaliseFix[], ignored: readonly string[]): void {
    this.formats.addOncePer([format], same);
    this.fixes.addOncePer(fixes, (fix) => `${fix.field}\u0000${fix.what}`);
    this.ignored.addOncePer(ignored, same);
  }

  reject(label: string, problems: readonly OrukProblem[]): void {
    this.rejected.push({ label, problems });
  }

  infer(label: string, needs: readonly NeedId[]): void {
    this.inferred.push({ label, needs });
  }

  addNotes(notes: MappingNotes): void {
    this.terms.addOncePer(notes.unmappedTerms, termId);
    this.areas.addOncePer(notes.unmappedAreas, same);
    this.dropped.addOncePer(
      notes.dropped.map((field) => field.replace(/\[\d+\]/g, "")),
      same,
    );
    this.defaulted.addOncePer(notes.defaulted, same);
  }

  skip(label: string, reason: string, detail: string): void {
    this.skipped.push({ label, reason, detail });
  }

  finish(imported: number, organizations: number, notVerifiedIn12Months: number): OrukImportReport {
    return {
      feed: this.feed,
      source: feedSource(this.feed),
      read: this.read,
      imported,
      organizations,
      skipped: this.skipped,
      rejected: this.rejected,
      maxBad: this.maxBad,
      formats: this.formats.sorted().map(({ key, count }) => ({ format: key, services: count })),
      normalised: this.fixes.sorted().map(({ key, count }) => ({ ...key, services: count })),
      ignored: this.ignored.sorted().map(({ key, count }) => ({ field: key, services: count })),
      inferred: this.inferred,
      notVerifiedIn12Months,
      unmappedTerms: this.terms.sorted().map(({ key, count }) => ({ ...key, services: count })),
      unmappedAreas: this.areas.sorted().map(({ key, count }) => ({ area: key, services: count })),
      dropped: this.dropped.sorted().map(({ key, count }) => ({ field: key, services: count })),
      defaulted: this.defaulted.sorted().map(({ key, count }) => ({ field: key, services: count })),
    };
  }
}
