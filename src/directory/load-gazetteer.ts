import type { DirectoryProblem } from "../errors/directory-error.js";
import { normaliseText } from "../text/normalise-text.js";
import { type Area, Gazetteer } from "./gazetteer.js";
import { type AreaGroupId, type AreaId, areaGroupIds, areaIds, isAreaId } from "./ids.js";
import type { PlacesFile } from "./places-file-schema.js";

/**
 * Checks places.yaml: exactly the nine areas, the two groups, and every place
 * name, alias and postcode district meaning one area only. Builds the gazetteer.
 */
export function buildGazetteer(file: PlacesFile, shownAs: string): { gazetteer?: Gazetteer; problems: DirectoryProblem[] } {
  const problems: DirectoryProblem[] = [];
  const problem = (path: string, message: string): void => {
    problems.push({ file: shownAs, path, message });
  };

  const areas: Area[] = [];
  const owner = new Map<string, string>();
  file.areas.forEach((area, a) => {
    if (!isAreaId(area.id)) {
      problem(`areas[${a}].id`, `"${area.id}" is not one of ${areaIds.join(", ")}`);
      return;
    }
    if (areas.some((known) => known.id === area.id)) {
      problem(`areas[${a}].id`, `"${area.id}" is listed twice`);
      return;
    }
    const claim = (name: string, path: string) => {
      const key = normaliseText(name);
      const other = owner.get(key);
      if (other !== undefined && other !== area.id) problem(path, `"${name}" already means ${other}; a name may mean one area only`);
      else if (other === area.id && !areaIds.includes(key as AreaId)) problem(path, `"${name}" is listed twice in ${area.id}`);
      owner.set(key, area.id);
    };
    (area.aliases ?? []).forEach((alias, i) => claim(alias, `areas[${a}].aliases[${i}]`));
    area.places.forEach((place, p) => {
      claim(place.name, `areas[${a}].places[${p}].name`);
      (place.aliases ?? []).forEach((alias, i) => claim(alias, `areas[${a}].places[${p}].aliases[${i}]`));
    });
    (area.postcode_districts ?? []).forEach((district, i) => claim(district, `areas[${a}].postcode_districts[${i}]`));
    (area.postcode_sectors ?? []).forEach((sector, i) => claim(sector, `areas[${a}].postcode_sectors[${i}]`));
    areas.push({
      id: area.id,
      name: area.name,
      kind: area.kind,
      places: [
        ...(area.aliases ?? []).map((alias) => ({ name: alias, aliases: [] })),
        ...area.places.map((place) => ({ name: place.name, aliases: place.aliases ?? [] })),
      ],
      postcodeDistricts: area.postcode_districts ?? [],
      postcodeSectors: area.postcode_sectors ?? [],
    });
  });
  for (const id of areaIds) if (!areas.some((area) => area.id === id)) problem("areas", `area "${id}" is missing`);

  const groups = {} as Record<AreaGroupId, AreaId[]>;
  for (const group of areaGroupIds) {
    const members = file.groups[group];
    if (!members) {
      problem("groups", `group "${group}" is missing`);
      continue;
    }
    const unknown = members.filter((member) => !isAreaId(member));
    if (unknown.length > 0) problem(`groups.${group}`, `${unknown.map((u) => `"${u}"`).join(", ")} not an area id`);
    groups[group] = members.filter(isAreaId);
  }
  for (const group of Object.keys(file.groups)) {
    if (!(areaGroupIds as readonly string[]).includes(group)) problem(`groups.${group}`, `unknown group; use ${areaGroupIds.join(" or ")}`);
  }
  return problems.length > 0 ? { problems } : { gazetteer: new Gazetteer(areas, groups), problems };
}
