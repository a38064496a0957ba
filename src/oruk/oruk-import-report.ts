/**
 * What an ORUK import did, for the person running it: how many records were
 * read and imported, which were skipped and why, which taxonomy terms and areas
 * could not be mapped (with how many services each), which details were
 * dropped under the honesty rules, and which fields took a default.
 */
import type { MappingNotes } from "./map-oruk-service.js";
import { feedSource } from "./map-oruk-service.js";
import type { TermKey } from "./oruk-taxonomy-map.js";

export interface OrukImportReport {
  readonly feed: string;
  readonly source: string;
  readonly read: number;
  readonly imported: number;
  readonly organizations: number;
  readonly skipped: readonly { readonly label: string; readonly reason: string; readonly detail: string }[];
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
  private readonly terms = new Counter<TermKey>();
  private readonly areas = new Counter<string>();
  private readonly dropped = new Counter<string>();
  private readonly defaulted = new Counter<string>();

  constructor(
    private readonly feed: string,
    private readonly read: number,
  ) {}

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

  finish(imported: number, organizations: number): OrukImportReport {
    return {
      feed: this.feed,
      source: feedSource(this.feed),
      read: this.read,
      imported,
      organizations,
      skipped: this.skipped,
      unmappedTerms: this.terms.sorted().map(({ key, count }) => ({ ...key, services: count })),
      unmappedAreas: this.areas.sorted().map(({ key, count }) => ({ area: key, services: count })),
      dropped: this.dropped.sorted().map(({ key, count }) => ({ field: key, services: count })),
      defaulted: this.defaulted.sorted().map(({ key, count }) => ({ field: key, services: count })),
    };
  }
}
