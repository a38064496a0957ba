import { normaliseText } from "../text/normalise-text.js";
import { TermMatcher } from "../text/term-matcher.js";
import type { NeedId } from "./ids.js";

export interface Need {
  readonly id: NeedId;
  readonly label: string;
  readonly description: string;
  readonly layTerms: readonly string[];
  readonly professionalTerms: readonly string[];
}

/** A need the directory does not cover yet, with the words that name it. */
export interface NotListedNeed {
  readonly label: string;
  readonly terms: readonly string[];
}

/**
 * The needs taxonomy (directory/needs.yaml), the matcher from people's words to
 * needs, and a second matcher for the needs the directory does not cover, so
 * that those are named honestly instead of matched to the nearest need.
 */
export class Taxonomy {
  readonly matcher: TermMatcher<NeedId>;
  readonly notListedMatcher: TermMatcher<string>;
  private readonly byId: ReadonlyMap<NeedId, Need>;
  private readonly circumstances: ReadonlySet<string>;

  constructor(
    readonly needs: readonly Need[],
    readonly notListed: readonly NotListedNeed[] = [],
    circumstances: readonly string[] = [],
  ) {
    this.circumstances = new Set(circumstances.map(normaliseText));
    this.notListedMatcher = new TermMatcher(notListed.flatMap((gap) => gap.terms.map((term) => [term, gap.label] as const)));
    this.byId = new Map(needs.map((need) => [need.id, need]));
    this.matcher = new TermMatcher(
      needs.flatMap((need) =>
        [need.id.replaceAll("-", " "), need.label, ...need.layTerms, ...need.professionalTerms].map(
          (term) => [term, need.id] as const,
        ),
      ),
    );
  }

  /** True for a term that describes a circumstance ("lives alone"), which counts as its need only when nothing else is asked. */
  isCircumstance(term: string): boolean {
    return this.circumstances.has(term);
  }

  need(id: NeedId): Need {
    const need = this.byId.get(id);
    if (!need) throw new Error(`unknown need id ${id}`);
    return need;
  }

  label(id: NeedId): string {
    return this.need(id).label;
  }

  /** Every term of the given needs as one text, for a service's search document. */
  termsText(needs: readonly NeedId[]): string {
    return needs.flatMap((need) => this.termsFor(need)).join(" ; ");
  }

  /** Every word and phrase that means this need, for search indexes and synonyms. */
  termsFor(id: NeedId): string[] {
    const need = this.need(id);
    return [need.label, ...need.layTerms, ...need.professionalTerms];
  }
}
