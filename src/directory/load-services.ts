import { readdir } from "node:fs/promises";
import path from "node:path";
import type { DirectoryProblem } from "../errors/directory-error.js";
import type { Service } from "./directory.js";
import type { Gazetteer } from "./gazetteer.js";
import { areaGroupIds, isAreaId, isNeedId, type NeedId } from "./ids.js";
import { parseYamlText } from "./read-yaml-file.js";
import { serviceFileSchema } from "./service-file-schema.js";
import { explainUnknownArea, explainUnknownNeed } from "./suggest-id.js";
import type { Taxonomy } from "./taxonomy.js";

/** Lists the YAML files below `folder`, sorted, relative to `folder`. */
export async function listYamlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** One service file as read from disk. */
export interface ServiceFileText {
  /** Relative to the services folder. */
  readonly relative: string;
  readonly source: string;
}

/**
 * Parses every service file, checks need and area ids against the taxonomy and
 * gazetteer (suggesting the closest), that service ids are unique, and that a
 * record claiming to come from a feed lives where the import writes that feed.
 */
export function parseServices(
  files: readonly ServiceFileText[],
  shownRoot: string,
  taxonomy: Taxonomy,
  gazetteer: Gazetteer,
): { services: Service[]; problems: DirectoryProblem[] } {
  const services: Service[] = [];
  const problems: DirectoryProblem[] = [];
  const firstSeen = new Map<string, string>();

  for (const { relative, source } of files) {
    const shownAs = path.join(shownRoot, relative);
    const read = parseYamlText(source, shownAs, serviceFileSchema);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const { organization } = read.value;
    read.value.services.forEach((record, index) => {
      const at = `services[${index}]`;
      const problem = (field: string, message: string) => problems.push({ file: shownAs, path: `${at}.${field}`, message });
      const needs: NeedId[] = [];
      record.needs.forEach((need, n) => (isNeedId(need) ? needs.push(need) : problem(`needs[${n}]`, explainUnknownNeed(need, taxonomy))));
      record.service_areas.forEach((area, a) => {
        if (!isAreaId(area) && !(areaGroupIds as readonly string[]).includes(area)) {
          problem(`service_areas[${a}]`, explainUnknownArea(area, gazetteer, areaGroupIds));
        }
      });
      // Real contact details are allowed only in a feed's own records, so a record may say it comes from
      // a feed only where the import writes that feed: services/imported/<feed>/.
      const feed = /^ORUK feed (.+)$/.exec(record.source)?.[1];
      if (feed !== undefined && !relative.split(path.sep).join("/").startsWith(`imported/${feed}/`)) {
        problem("source", `says "${record.source}", but that feed's records are written by the import to services/imported/${feed}/, not here`);
      }
      const earlier = firstSeen.get(record.id);
      if (earlier) problem("id", `"${record.id}" is already used in ${earlier}`);
      firstSeen.set(record.id, shownAs);
      services.push({
        ...record,
        needs,
        areas: gazetteer.expand(record.service_areas),
        organization: { id: organization.id, name: organization.name },
        file: relative,
      });
    });
  }
  return { services, problems };
}
