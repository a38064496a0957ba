import { normaliseText, tokenize } from "../text/normalise-text.js";
import { TermMatcher } from "../text/term-matcher.js";
import type { NeedGroupId, NeedId } from "./ids.js";
import { InternalError } from "../errors/internal-error.js";

/** The LGA ESD lists Open Referral UK feeds use, by their ORUK vocabulary names. */
export const esdVocabularies = { esdNeeds: "need", esdCircumstances: "circumstance", esdServiceTypes: "service" } as const;
export type EsdVocabulary = keyof typeof esdVocabularies;

/** One term of an ESD list that means a need. */
export interface EsdTerm {
  readonly vocabulary: EsdVocabulary;
  /** The list's identifier: "69", "298", "AddictSubstanceAbuser_Smoking". */
  readonly id: string;
  readonly label: string;
}

/** The term's published URI, e.g. http://id.esd.org.uk/service/298. */
export function esdUri(term: Pick<EsdTerm, "vocabulary" | "id">): string {
  return `http://id.esd.org.uk/${esdVocabularies[term.vocabulary]}/${term.id}`;
}

export interface Need {
  readonly id: NeedId;
  /** The group the need is in; absent only in taxonomies built by hand in tests. */
  readonly group?: NeedGroupId;
  readonly label: string;
  readonly description: string;
  readonly layTerms: readonly string[];
  readonly professionalTerms: readonly string[];
  /** The age band the need belongs to, in whole years (young carers: under 18). */
  readonly minimumAge?: number;
  readonly maximumAge?: number;
  /** The need the same words mean for someone outside the age band (young carers: carers-support). */
  readonly forOtherAges?: NeedId;
  readonly esd?: readonly EsdTerm[];
}

/** The first level of the taxonomy: a named group of needs. */
export interface NeedGroup {
  readonly id: NeedGroupId;
  readonly label: string;
  readonly description: string;
  readonly terms: readonly string[];
}

/** A need the directory does not cover yet, with the words that name it. */
export interface NotListedNeed {
  readonly label: string;
  readonly terms: readonly string[];
}

/**
 * The needs taxonomy (directory/needs.yaml): a two-level tree of groups and
 * needs, the matcher from people's words to needs, a matcher from a group's
 * name to the group, and a second matcher for the needs the directory does
 * not cover, so that those are named honestly instead of matched to the
 * nearest need.
 */
export class Taxonomy {
  readonly matcher: TermMatcher<NeedId>;
  readonly notListedMatcher: TermMatcher<string>;
  readonly groupMatcher: TermMatcher<NeedGroupId>;
  private readonly byId: ReadonlyMap<NeedId, Need>;
  private readonly circumstances: ReadonlySet<string>;
  private readonly byEsdUri: ReadonlyMap<string, NeedId[]>;

  constructor(
    readonly needs: readonly Need[],
    readonly notListed: readonly NotListedNeed[] = [],
    readonly groups: readonly NeedGroup[] = [],
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
    this.groupMatcher = new TermMatcher(
      groups.flatMap((group) => [group.id.replaceAll("-", " "), group.label, ...group.terms].map((term) => [term, group.id] as const)),
    );
    const byEsdUri = new Map<string, NeedId[]>();
    for (const need of needs) {
      for (const term of need.esd ?? []) byEsdUri.set(esdUri(term), [...(byEsdUri.get(esdUri(term)) ?? []), need.id]);
    }
    this.byEsdUri = byEsdUri;
  }

  /** True for a term that describes a circumstance ("lives alone"), which counts as its need only when nothing else is asked. */
  isCircumstance(term: string): boolean {
    return this.circumstances.has(term);
  }

  need(id: NeedId): Need {
    const need = this.byId.get(id);
    if (!need) throw new InternalError(`unknown need id ${id}`);
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

  /** True when the age is within the need's age band, or either is unknown. */
  fitsAge(id: NeedId, age: number | null): boolean {
    if (age === null) return true;
    const need = this.need(id);
    return (need.minimumAge ?? 0) <= age && age <= (need.maximumAge ?? Number.POSITIVE_INFINITY);
  }

  /**
   * The need these words mean for someone of this age: a need outside its age band becomes its
   * `forOtherAges` need, and that need becomes the banded one within the band (a carer of 13 is a
   * young carer; a "young adult carer" of 20 is a carer). Unchanged when the age is unknown.
   */
  needAtAge(id: NeedId, age: number | null): NeedId {
    if (age === null) return id;
    const need = this.need(id);
    if (need.forOtherAges !== undefined) return this.fitsAge(id, age) ? id : need.forOtherAges;
    const banded = this.needs.find((other) => other.forOtherAges === id);
    return banded && this.fitsAge(banded.id, age) ? banded.id : id;
  }

  /**
   * The ages a service meeting only these needs is for, from the needs' age bands: the widest band
   * among them, or no limit when any of them has none (a service for carers of every age is not
   * narrowed by also meeting young carers).
   */
  ageBandOf(needs: readonly NeedId[]): { minimumAge: number; maximumAge: number } {
    const unlimited = { minimumAge: 0, maximumAge: Number.POSITIVE_INFINITY };
    if (needs.length === 0) return unlimited;
    let minimumAge = Number.POSITIVE_INFINITY;
    let maximumAge = 0;
    for (const id of needs) {
      const need = this.byId.get(id);
      if (!need || (need.minimumAge === undefined && need.maximumAge === undefined)) return unlimited;
      minimumAge = Math.min(minimumAge, need.minimumAge ?? 0);
      maximumAge = Math.max(maximumAge, need.maximumAge ?? Number.POSITIVE_INFINITY);
    }
    return { minimumAge, maximumAge };
  }

  /** The needs of a group, in taxonomy order. */
  needsInGroup(group: NeedGroupId): NeedId[] {
    return this.needs.filter((need) => need.group === group).map((need) => need.id);
  }

  /**
   * The groups a text names ("anything for home and housing?"), each with its needs, so
   * that a search for a group finds every need in it. Empty when no group is named.
   */
  groupsNamedIn(text: string): { group: NeedGroup; needs: NeedId[] }[] {
    const named = new Set(this.groupMatcher.matchExact(tokenize(text)).flatMap((match) => match.values));
    return this.groups.filter((group) => named.has(group.id)).map((group) => ({ group, needs: this.needsInGroup(group.id) }));
  }

  /**
   * The needs an ESD term in an ORUK feed means. Accepts the term as feeds write it: the URI
   * (http or https, e.g. http://id.esd.org.uk/service/298), the CURIE (esdServiceType:298) or the
   * bare id with its vocabulary (esdServiceTypes, "298").
   */
  needsForEsdTerm(vocabulary: string, code: string): NeedId[] {
    const trimmed = code.trim();
    const uri = trimmed.replace(/^https:/i, "http:");
    const direct = this.byEsdUri.get(uri);
    if (direct) return [...direct];
    const curie = /^esd(Need|Circumstance|ServiceType)s?:(.+)$/i.exec(trimmed);
    const vocab = curie ? (`esd${curie[1]!.charAt(0).toUpperCase()}${curie[1]!.slice(1)}s` as EsdVocabulary) : vocabulary;
    const id = curie ? curie[2]! : trimmed;
    const match = (Object.keys(esdVocabularies) as EsdVocabulary[]).find((name) => normaliseText(name) === normaliseText(vocab));
    return match ? [...(this.byEsdUri.get(esdUri({ vocabulary: match, id })) ?? [])] : [];
  }
}
