import { normaliseText } from "../text/normalise-text.js";
import { TermMatcher } from "../text/term-matcher.js";
import { type AreaGroupId, type AreaId, areaGroupIds, areaIds } from "./ids.js";
import { InternalError } from "../errors/internal-error.js";

export interface Area {
  readonly id: AreaId;
  readonly name: string;
  readonly kind: "district" | "city" | "unitary";
  readonly places: readonly { readonly name: string; readonly aliases: readonly string[] }[];
  readonly postcodeDistricts: readonly string[];
  /** Sectors ("LE2 0") of a district shared between areas, where the sector lies in one. */
  readonly postcodeSectors: readonly string[];
}

/**
 * The places people name (directory/places.yaml) and the areas they belong to.
 * A name maps to a list of areas: one for a town, several for "Leicestershire".
 */
export class Gazetteer {
  readonly matcher: TermMatcher<AreaId>;
  private readonly byId: ReadonlyMap<AreaId, Area>;

  constructor(
    readonly areas: readonly Area[],
    private readonly groups: Readonly<Record<AreaGroupId, readonly AreaId[]>>,
  ) {
    this.byId = new Map(areas.map((area) => [area.id, area]));
    const entries: (readonly [string, AreaId])[] = [];
    for (const area of areas) {
      entries.push([area.name, area.id], [area.id.replaceAll("-", " "), area.id]);
      for (const place of area.places) {
        for (const name of [place.name, ...place.aliases]) entries.push([name, area.id]);
      }
      for (const code of [...area.postcodeDistricts, ...area.postcodeSectors]) entries.push([code, area.id]);
    }
    for (const group of areaGroupIds) {
      for (const area of groups[group]) entries.push([group, area]);
    }
    this.matcher = new TermMatcher(entries, undefined, true);
  }

  area(id: AreaId): Area {
    const area = this.byId.get(id);
    if (!area) throw new InternalError(`unknown area id ${id}`);
    return area;
  }

  name(id: AreaId): string {
    return this.area(id).name;
  }

  /** Expands area ids and group ids to area ids, in the gazetteer's order, without repeats. */
  expand(ids: readonly string[]): AreaId[] {
    const wanted = new Set<string>();
    for (const id of ids) {
      const group = (this.groups as Record<string, readonly AreaId[] | undefined>)[id];
      for (const area of group ?? [id]) wanted.add(area);
    }
    return areaIds.filter((id) => wanted.has(id));
  }

  /**
   * Tokens to match places in: the inward code of a postcode cut to its sector digit ("le2", "0ab"
   * becomes "le2", "0"), so that a full postcode matches its sector. Same length, same positions.
   */
  static placeTokens(tokens: readonly string[]): string[] {
    return tokens.map((token, i) => (/^\d[a-z]{2}$/.test(token) && /^[a-z]{1,2}\d{1,2}$/.test(tokens[i - 1] ?? "") ? token.slice(0, 1) : token));
  }

  /** The areas a single place name or postcode district means, if it is one we know. */
  lookup(name: string): AreaId[] {
    const found = this.matcher.matchExact(normaliseText(name).split(" "));
    const first = found[0];
    return first && first.start === 0 && first.end === normaliseText(name).split(" ").length ? [...first.values] : [];
  }
}
