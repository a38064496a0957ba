import type { DirectoryProblem } from "../errors/directory-error.js";
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
  return problems.length > 0 ? { problems } : { taxonomy: new Taxonomy(needs), problems };
}
