import type { Directory } from "../directory/directory.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import { areaIds, needIds } from "../directory/ids.js";
import { tokenize } from "../text/normalise-text.js";
import type { TermMatch } from "../text/term-matcher.js";
import { extractAge } from "./extract-age.js";

export interface Entities {
  readonly needs: NeedId[];
  readonly areas: AreaId[];
  readonly age: number | null;
}

/** What in the message gave each entity: used to explain why a result matched. */
export interface Evidence {
  readonly needs: readonly { readonly need: NeedId; readonly written: string }[];
  readonly places: readonly { readonly areas: readonly AreaId[]; readonly written: string }[];
}

/**
 * Finds needs (through the taxonomy) and areas (through the gazetteer) in a
 * message, typo tolerant, plus the person's age. Place names are matched first
 * because they are the more specific vocabulary; exact matches before fuzzy.
 * Areas are never guessed: no place named means no area.
 */
export function extractEntities(text: string, directory: Directory): { entities: Entities; evidence: Evidence } {
  const tokens = tokenize(text);
  const claimed = new Set<number>();
  const { gazetteer, taxonomy } = directory;
  const placeMatches = gazetteer.matcher.matchExact(tokens, claimed);
  const needMatches = taxonomy.matcher.matchExact(tokens, claimed);
  placeMatches.push(...gazetteer.matcher.matchFuzzy(tokens, claimed));
  needMatches.push(...taxonomy.matcher.matchFuzzy(tokens, claimed));

  return {
    entities: {
      needs: ordered(needIds, needMatches),
      areas: ordered(areaIds, placeMatches),
      age: extractAge(tokens),
    },
    evidence: {
      needs: needMatches.flatMap((match) => match.values.map((need) => ({ need, written: match.written }))),
      places: placeMatches.map((match) => ({ areas: match.values, written: match.written })),
    },
  };
}

/** The matched values in the vocabulary's canonical order, without repeats. */
function ordered<V extends string>(canonical: readonly V[], matches: readonly TermMatch<V>[]): V[] {
  const found = new Set(matches.flatMap((match) => match.values));
  return canonical.filter((value) => found.has(value));
}
