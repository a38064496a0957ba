import type { Directory } from "../directory/directory.js";
import { Gazetteer } from "../directory/gazetteer.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import { areaIds, needIds } from "../directory/ids.js";
import { tokenize, tokenizeWithBreaks } from "../text/normalise-text.js";
import type { TermMatch } from "../text/term-matcher.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import { applyAgeBands, asYoungCarer, groupNeedsAtAge, withYoungPeoplesNeeds } from "./apply-age-bands.js";
import { askedOnlyForUnlisted } from "./asked-only-for-unlisted.js";
import { extractAge } from "./extract-age.js";
import { residence } from "./resolve-residence.js";
import { preambleTokens, withoutPreamble } from "./writer-preamble.js";

export interface Entities {
  readonly needs: NeedId[];
  readonly areas: AreaId[];
  readonly age: number | null;
  /** Needs named that the directory does not cover (their labels), so that Signpost can say so. */
  readonly notListed: string[];
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
 * Areas are never guessed: no place named means no area; of the places named,
 * only where the person lives counts (resolve-residence.ts).
 */
export function extractEntities(text: string, directory: Directory): { entities: Entities; evidence: Evidence } {
  const tokens = tokenize(text);
  const claimed = new Set<number>();
  const { gazetteer, taxonomy } = directory;
  const placeTokens = Gazetteer.placeTokens(tokens);
  const placeMatches = gazetteer.matcher.matchExact(placeTokens, claimed);
  // Who is writing ("Hospice volunteer coordinator - ...") is not what the person needs.
  for (const at of preambleTokens(text)) claimed.add(at);
  // Needs the directory does not cover claim their words first, so "macular degeneration" never reads as another need.
  const notListed = taxonomy.notListedMatcher.matchExact(tokens, claimed);
  placeMatches.push(...gazetteer.matcher.matchFuzzy(placeTokens, claimed));
  const beforeNeeds = new Set(claimed);
  const age = extractAge(text);
  const needMatches = notListed.length > 0 && askedOnlyForUnlisted(withoutPreamble(text), taxonomy) ? [] : asYoungCarer(applyAgeBands(
    askedForGroup(tokens, beforeNeeds, age, taxonomy) ??
      withoutCircumstances([...taxonomy.matcher.matchExact(tokens, claimed), ...taxonomy.matcher.matchFuzzy(tokens, claimed)], notListed.length, taxonomy),
    age,
    tokens,
    taxonomy,
  ), text, taxonomy);
  const needMatchesAtAge = withYoungPeoplesNeeds(needMatches, age, tokens);
  // Only where the person lives decides what is local: not a hospital's town, a road's name or a relative's home.
  const named = residence(tokens, placeMatches, tokenizeWithBreaks(text).breakBefore);
  const homes = named.length === 0 ? inTheCity(tokens) : named;

  return {
    entities: {
      needs: ordered(needIds, needMatchesAtAge),
      areas: ordered(areaIds, homes),
      age,
      notListed: [...new Set(notListed.flatMap((match) => match.values))],
    },
    evidence: {
      needs: needMatchesAtAge.flatMap((match) => match.values.map((need) => ({ need, written: match.written }))),
      places: homes.map((match) => ({ areas: match.values, written: match.written })),
    },
  };
}

/**
 * A circumstance (needs.yaml `circumstances`, e.g. "lives alone") is not a
 * request: it counts as its need only when nothing else is asked. "Sight loss
 * support for 83F, lives alone" asks for sight loss support.
 */
function withoutCircumstances<V>(matches: TermMatch<V>[], notListed: number, taxonomy: Taxonomy): TermMatch<V>[] {
  const specific = matches.filter((match) => !taxonomy.isCircumstance(match.term));
  return specific.length > 0 || notListed > 0 ? specific : matches;
}

/**
 * A group of needs named as what is asked ("something for family and carers", "anything for home
 * and housing"): each of the group's needs (for the person's age), when the message names no need
 * outside the group's name. A group named beside a need ("known to health and social care, lonely")
 * is not the request, and the need is matched as usual. Undefined when no group is asked for.
 */
function askedForGroup(tokens: readonly string[], claimed: ReadonlySet<number>, age: number | null, taxonomy: Taxonomy): TermMatch<NeedId>[] | undefined {
  const taken = new Set(claimed);
  const groups = taxonomy.groupMatcher.matchExact(tokens, taken);
  if (groups.length === 0) return undefined;
  const others = [...taxonomy.matcher.matchExact(tokens, taken), ...taxonomy.matcher.matchFuzzy(tokens, taken)].filter((match) => !taxonomy.isCircumstance(match.term));
  if (others.length > 0) return undefined;
  return groups.map((match) => ({ ...match, values: [...new Set(match.values.flatMap((group) => groupNeedsAtAge(taxonomy.needsInGroup(group), age, tokens, taxonomy)))] }));
}

/** In Leicestershire and Rutland, "the city" is Leicester: "a hostel in the city", "lives in the city centre". Only when no other place is where the person lives. */
const theCity = /\b(?:lives?|living|based|housed|staying|hostel|flat|in|around|round|about|within|across) the city\b/;

function inTheCity(tokens: readonly string[]): TermMatch<AreaId>[] {
  const at = tokens.findIndex((token, i) => token === "city" && tokens[i - 1] === "the" && theCity.test(tokens.slice(Math.max(0, i - 2), i + 1).join(" ")));
  return at < 0 ? [] : [{ term: "the city", written: "the city", start: at - 1, end: at + 1, values: ["leicester"], fuzzy: false }];
}

/** The matched values in the vocabulary's canonical order, without repeats. */
function ordered<V extends string>(canonical: readonly V[], matches: readonly TermMatch<V>[]): V[] {
  const found = new Set(matches.flatMap((match) => match.values));
  return canonical.filter((value) => found.has(value));
}
