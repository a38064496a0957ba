import type { DirectoryProblem } from "../errors/directory-error.js";
import { normaliseText } from "../text/normalise-text.js";
import { isNeedGroupId, isNeedId, type NeedId, needGroupIds, needIds } from "./ids.js";
import type { NeedsFile } from "./needs-file-schema.js";
import { type EsdTerm, type Need, type NeedGroup, Taxonomy } from "./taxonomy.js";

/**
 * Checks needs.yaml holds exactly the agreed groups and need ids, each once, every need in one
 * group and every group with a need, and that a word means one need only (or is declared in
 * `shared_terms`); then builds the taxonomy.
 */
export function buildTaxonomy(file: NeedsFile, shownAs: string): { taxonomy?: Taxonomy; problems: DirectoryProblem[] } {
  const problems: DirectoryProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file: shownAs, path, message });

  const groups: NeedGroup[] = [];
  file.groups.forEach((group, index) => {
    if (!isNeedGroupId(group.id)) problem(`groups[${index}].id`, `"${group.id}" is not one of the agreed group ids (${needGroupIds.join(", ")})`);
    else if (groups.some((g) => g.id === group.id)) problem(`groups[${index}].id`, `"${group.id}" is listed twice`);
    else groups.push({ id: group.id, label: group.label, description: group.description, terms: group.terms });
  });
  for (const id of needGroupIds) if (!groups.some((g) => g.id === id)) problem("groups", `group "${id}" is missing`);

  const seen = new Set<string>();
  const needs: Need[] = [];
  file.needs.forEach((need, index) => {
    const path = `needs[${index}]`;
    if (!isNeedId(need.id)) {
      problem(`${path}.id`, `"${need.id}" is not one of the agreed need ids (${needIds.join(", ")})`);
      return;
    }
    if (seen.has(need.id)) {
      problem(`${path}.id`, `"${need.id}" is listed twice`);
      return;
    }
    seen.add(need.id);
    if (!isNeedGroupId(need.group)) {
      problem(`${path}.group`, `"${need.group}" is not one of the groups (${needGroupIds.join(", ")})`);
      return;
    }
    const esd: EsdTerm[] = [
      ...(need.esd?.needs ?? []).map((t) => ({ vocabulary: "esdNeeds" as const, ...t })),
      ...(need.esd?.circumstances ?? []).map((t) => ({ vocabulary: "esdCircumstances" as const, ...t })),
      ...(need.esd?.service_types ?? []).map((t) => ({ vocabulary: "esdServiceTypes" as const, ...t })),
    ];
    needs.push({
      id: need.id,
      group: need.group,
      label: need.label,
      description: need.description,
      layTerms: need.lay_terms,
      professionalTerms: need.professional_terms,
      ...(need.minimum_age === undefined ? {} : { minimumAge: need.minimum_age }),
      ...(need.maximum_age === undefined ? {} : { maximumAge: need.maximum_age }),
      ...(need.for_other_ages === undefined ? {} : { forOtherAges: need.for_other_ages as NeedId }),
      esd,
    });
  });
  for (const id of needIds) if (!seen.has(id)) problem("needs", `need "${id}" is missing`);
  // A need read as another outside its age band: it has a band, the other is a need without one.
  file.needs.forEach((need, index) => {
    const other = need.for_other_ages;
    if (other === undefined) return;
    const path = `needs[${index}].for_other_ages`;
    const target = file.needs.find((n) => n.id === other);
    if (!isNeedId(other) || !target) problem(path, `"${other}" is not one of the agreed need ids`);
    else if (other === need.id) problem(path, "must name another need");
    else if (need.minimum_age === undefined && need.maximum_age === undefined) problem(path, "only a need with an age band (minimum_age or maximum_age) can be read as another outside it");
    else if (target.minimum_age !== undefined || target.maximum_age !== undefined || target.for_other_ages !== undefined) problem(path, `"${other}" must be a need for every age, with no age band of its own`);
    else if (file.needs.some((n, i) => i < index && n.for_other_ages === other)) problem(path, `"${other}" is already the other need of an age band`);
  });
  for (const group of groups) if (!needs.some((need) => need.group === group.id)) problem("groups", `group "${group.id}" has no needs`);

  // A word means one need (or one need the directory does not cover), unless shared on purpose.
  const shared = new Set(file.shared_terms.map(normaliseText));
  const owners = new Map<string, string>();
  file.needs.forEach((need, index) => {
    if (!isNeedId(need.id)) return;
    const words = [need.label, ...need.lay_terms, ...need.professional_terms];
    new Set(words.map(normaliseText)).forEach((word) => {
      const owner = owners.get(word);
      if (owner && owner !== need.id && !shared.has(word)) {
        problem(`needs[${index}]`, `"${word}" already means ${owner}; a word may mean one need only (or list it in shared_terms)`);
      }
      if (!owner) owners.set(word, need.id);
    });
  });
  const groupOwners = new Map<string, string>();
  file.groups.forEach((group, index) => {
    [group.label, ...group.terms].forEach((word, t) => {
      const key = normaliseText(word);
      const owner = groupOwners.get(key);
      if (owner && owner !== group.id) problem(`groups[${index}].terms[${t}]`, `"${word}" already names the group ${owner}`);
      else groupOwners.set(key, group.id);
    });
  });
  file.not_listed.forEach((gap, index) => {
    gap.terms.forEach((word, t) => {
      const owner = owners.get(normaliseText(word));
      if (owner) problem(`not_listed[${index}].terms[${t}]`, `"${word}" already means ${owner}; a word may mean one need only`);
    });
  });
  // A circumstance is one of a need's own terms, read more weakly.
  file.circumstances.forEach((word, index) => {
    if (!owners.has(normaliseText(word))) problem(`circumstances[${index}]`, `"${word}" is not a term of any need`);
  });
  const notListed = file.not_listed.map((gap) => ({ label: gap.label, terms: gap.terms }));
  return problems.length > 0 ? { problems } : { taxonomy: new Taxonomy(needs, notListed, groups, file.circumstances), problems };
}
