import type { DirectoryProblem } from "../errors/directory-error.js";
import { normaliseText } from "../text/normalise-text.js";
import { isNeedId, needIds } from "./ids.js";
import type { NeedsFile } from "./needs-file-schema.js";
import { type Need, Taxonomy } from "./taxonomy.js";

/** Checks needs.yaml holds exactly the agreed need ids, each once, and builds the taxonomy. */
export function buildTaxonomy(file: NeedsFile, shownAs: string): { taxonomy?: Taxonomy; problems: DirectoryProblem[] } {
  const problems: DirectoryProblem[] = [];
  const seen = new Set<string>();
  const needs: Need[] = [];
  file.needs.forEach((need, index) => {
    const path = `needs[${index}].id`;
    if (!isNeedId(need.id)) {
      problems.push({ file: shownAs, path, message: `"${need.id}" is not one of the agreed need ids (${needIds.join(", ")})` });
    } else if (seen.has(need.id)) {
      problems.push({ file: shownAs, path, message: `"${need.id}" is listed twice` });
    } else {
      seen.add(need.id);
      needs.push({
        id: need.id,
        label: need.label,
        description: need.description,
        layTerms: need.lay_terms,
        professionalTerms: need.professional_terms,
      });
    }
  });
  for (const id of needIds) {
    if (!seen.has(id)) problems.push({ file: shownAs, path: "needs", message: `need "${id}" is missing` });
  }
  // A word means a need, or a need the directory does not cover: never both.
  const owners = new Map<string, string>();
  for (const need of needs) for (const word of [need.label, ...need.layTerms, ...need.professionalTerms]) owners.set(normaliseText(word), need.id);
  file.not_listed.forEach((gap, index) => {
    gap.terms.forEach((word, t) => {
      const owner = owners.get(normaliseText(word));
      if (owner) problems.push({ file: shownAs, path: `not_listed[${index}].terms[${t}]`, message: `"${word}" already means ${owner}; a word may mean one need only` });
    });
  });
  // A circumstance is one of a need's own terms, read more weakly.
  file.circumstances.forEach((word, index) => {
    if (!owners.has(normaliseText(word))) problems.push({ file: shownAs, path: `circumstances[${index}]`, message: `"${word}" is not a term of any need` });
  });
  const notListed = file.not_listed.map((gap) => ({ label: gap.label, terms: gap.terms }));
  return problems.length > 0 ? { problems } : { taxonomy: new Taxonomy(needs, notListed, file.circumstances), problems };
}
