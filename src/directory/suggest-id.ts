import { editDistance } from "../text/edit-distance.js";
import { normaliseText } from "../text/normalise-text.js";
import type { Gazetteer } from "./gazetteer.js";
import type { Taxonomy } from "./taxonomy.js";

/** The closest of `candidates` to `word`, if it is near enough to be a slip. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `"lonelyness" is not a need; did you mean "social-isolation"?` */
export function explainUnknownNeed(word: string, taxonomy: Taxonomy): string {
  const ids = taxonomy.needs.map((need) => need.id);
  const normal = normaliseText(word);
  const byTerm =
    taxonomy.matcher.matchExact(normal.split(" "))[0]?.values[0] ??
    (() => {
      const term = taxonomy.matcher.closestWord(normal);
      return term === undefined ? undefined : taxonomy.matcher.matchExact([term])[0]?.values[0];
    })();
  const suggestion = closest(word, ids) ?? byTerm;
  const hint = suggestion ? `did you mean "${suggestion}"?` : "see directory/needs.yaml for the list";
  return `"${word}" is not a need; ${hint}`;
}

/** `"loughborough" is a place in charnwood, not an area id; use "charnwood"` */
export function explainUnknownArea(word: string, gazetteer: Gazetteer, groups: readonly string[]): string {
  const ids = [...gazetteer.areas.map((area) => area.id), ...groups];
  const places = gazetteer.lookup(word);
  if (places.length === 1) return `"${word}" is a place in ${places[0]}, not an area id; use "${places[0]}"`;
  const suggestion = closest(word, ids);
  const hint = suggestion ? `did you mean "${suggestion}"?` : `use one of: ${ids.join(", ")}`;
  return `"${word}" is not an area; ${hint}`;
}
