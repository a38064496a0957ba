import type { Directory } from "../directory/directory.js";
import type { Evidence } from "../understanding/extract-entities.js";
import type { SearchHit, SearchQuery } from "../search/search-engine.js";

/**
 * One plain sentence on why a service was offered: the needs it meets and the
 * words of the message that meant them, and the area it serves and the place
 * named. Nothing else: never a word that merely appears in its description.
 */
export function explainMatch(hit: SearchHit, query: SearchQuery, evidence: Evidence, directory: Directory): string {
  const { service } = hit;
  const parts: string[] = [];
  const needs = service.needs.filter((need) => query.needs.includes(need));
  if (needs.length > 0) {
    const said = needs.map((need) => {
      const words = unique(evidence.needs.filter((e) => e.need === need).map((e) => e.written));
      const label = directory.taxonomy.label(need).toLowerCase();
      return words.length > 0 ? `${label} ("${words.join('", "')}")` : label;
    });
    parts.push(`meets ${said.join(" and ")}`);
  }
  const areas = service.areas.filter((area) => query.areas.includes(area));
  if (areas.length > 0) {
    const named = unique(evidence.places.filter((p) => p.areas.some((a) => areas.includes(a))).map((p) => p.written));
    const said = named.length > 0 ? ` ("${named.join('", "')}")` : "";
    const wide = service.areas.length > 3 ? `, one of ${service.areas.length} areas it covers` : "";
    parts.push(`serves ${areas.map((area) => directory.gazetteer.name(area)).join(", ")}${said}${wide}`);
  }
  return parts.length > 0 ? capitalise(parts.join("; ")) : "Matched your search";
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
