import { type NeedId, needIds } from "../directory/ids.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import type { TextIndex } from "./text-index.js";

const strongShare = 0.25;

/**
 * How well a message's words match each need's lay and professional terms,
 * with the text index's own prefix and typo rules. A service's share of it is
 * worked out from the needs it meets, so the hundreds of terms of a need are
 * indexed once (24 small documents), not once in every service that meets it.
 * That keeps the signal ("cant afford to heat" leans to affordable warmth even
 * where the taxonomy matcher found no need) while a 100,000-service index holds
 * only names and descriptions.
 */
export class NeedTermScorer {
  private needs: readonly NeedId[] = [];

  constructor(private readonly index: TextIndex) {}

  async build(taxonomy: Taxonomy): Promise<void> {
    this.needs = taxonomy.needs.map((need) => need.id);
    await this.index.build(
      taxonomy.needs.map((need) => ({ name: need.label, organization: "", description: "", eligibility: "", needTerms: taxonomy.termsText([need.id]) })),
    );
  }

  /** The needs whose terms the text matched, with the score and the query words matched. */
  async score(text: string): Promise<NeedTermScores> {
    const scores = text.trim() === "" ? undefined : await this.index.search(text);
    const byNeed = new Map<NeedId, { score: number; words: readonly string[] }>();
    for (const position of scores?.positions ?? []) byNeed.set(this.needs[position]!, { score: scores!.score(position), words: scores!.words(position) });
    return new NeedTermScores(byNeed);
  }
}

/** One message's need-term matches, and a service's share of them. */
export class NeedTermScores {
  /** By position in `needIds`, for reading in a loop over many services. */
  private readonly byIndex = new Float64Array(needIds.length);

  constructor(private readonly byNeed: ReadonlyMap<NeedId, { readonly score: number; readonly words: readonly string[] }>) {
    for (const [need, match] of byNeed) this.byIndex[needIds.indexOf(need)] = match.score;
  }

  /**
   * The needs the words matched well, for finding candidates when the taxonomy
   * matcher found none: those scoring at least a quarter of the best. A need
   * reached only through a passing word ("back", "year") would otherwise bring
   * in every service that meets it, none of them likely to be wanted.
   */
  get strongNeeds(): NeedId[] {
    const best = Math.max(0, ...[...this.byNeed.values()].map((match) => match.score));
    return [...this.byNeed].filter(([, match]) => match.score >= best * strongShare).map(([need]) => need);
  }

  /**
   * A service's need-term score from its needs (positions in `needIds`): the sum,
   * damped by the square root of how many it has, as a longer field scores each term lower.
   */
  score(needIndexes: readonly number[]): number {
    let score = 0;
    for (const index of needIndexes) score += this.byIndex[index]!;
    return needIndexes.length > 0 ? score / Math.sqrt(needIndexes.length) : 0;
  }

  /** The query words that matched the terms of these needs. */
  words(needs: readonly NeedId[]): string[] {
    return [...new Set(needs.flatMap((need) => this.byNeed.get(need)?.words ?? []))];
  }
}
