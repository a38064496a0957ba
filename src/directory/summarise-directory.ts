import type { Directory, Service } from "./directory.js";
import { addMonths } from "../time/add-months.js";
import { areaIds, type AreaId, type NeedId, needIds, offers } from "./ids.js";
import { unverifiedSince } from "./unverified-services.js";

export interface DirectorySummary {
  readonly services: number;
  readonly byOffer: Readonly<Record<string, number>>;
  readonly byNeed: Readonly<Record<NeedId, number>>;
  readonly byArea: Readonly<Record<AreaId, number>>;
  /** Wholly invented records (`source: illustrative sample`). */
  readonly illustrative: number;
  /** Records from the seed documents, and how many of those carry invented contact details. */
  readonly fromSeeds: number;
  readonly seedsWithIllustrativeContacts: number;
  /** Services whose last_verified is more than 12 months before `today`, oldest first. */
  readonly unverified: readonly Pick<Service, "id" | "name" | "last_verified" | "file">[];
  /** Need and area pairs that no service (other than a front door) covers. */
  readonly gaps: readonly { readonly need: NeedId; readonly area: AreaId }[];
  /** The taxonomy's groups with their needs, in order. */
  readonly groups: readonly { readonly id: string; readonly label: string; readonly needs: readonly NeedId[] }[];
  /** Needs with no term of the LGA's ESD lists mapped to them yet. */
  readonly needsWithoutEsd: readonly NeedId[];
}

/**
 * The coverage gaps as one line per need, "nothing for <need> in <areas>", so that a maintainer
 * sees at a glance what to add; empty when every need has a service in every area.
 */
export function describeGaps(summary: Pick<DirectorySummary, "gaps">, label: (need: NeedId) => string): string[] {
  const byNeed = new Map<NeedId, AreaId[]>();
  for (const gap of summary.gaps) byNeed.set(gap.need, [...(byNeed.get(gap.need) ?? []), gap.area]);
  return [...byNeed].map(([need, areas]) =>
    areas.length === areaIds.length ? `nothing for ${label(need)} (${need}) in any area` : `nothing for ${label(need)} (${need}) in ${areas.join(", ")}`,
  );
}

/** The figures `npm run directory:check` prints. `today` is passed in so tests can fix it. */
export function summariseDirectory(directory: Directory, today: Date): DirectorySummary {
  const { services } = directory;
  const count = <K extends string>(keys: readonly K[], has: (service: Service, key: K) => boolean) =>
    Object.fromEntries(keys.map((key) => [key, services.filter((service) => has(service, key)).length])) as Record<K, number>;

  const cutoff = addMonths(today.toISOString().slice(0, 10), -12);
  const gaps = needIds.flatMap((need) =>
    areaIds
      .filter((area) => !services.some((s) => !s.front_door && s.needs.includes(need) && s.areas.includes(area)))
      .map((area) => ({ need, area })),
  );
  return {
    services: services.length,
    byOffer: count(offers, (service, offer) => service.offer === offer),
    byNeed: count(needIds, (service, need) => service.needs.includes(need)),
    byArea: count(areaIds, (service, area) => service.areas.includes(area)),
    illustrative: services.filter((service) => service.source === "illustrative sample").length,
    fromSeeds: services.filter((service) => service.source.startsWith("seed ")).length,
    seedsWithIllustrativeContacts: services.filter((s) => s.source.startsWith("seed ") && s.source.includes("illustrative sample")).length,
    unverified: unverifiedSince(services, cutoff).map(({ id, name, last_verified, file }) => ({ id, name, last_verified, file })),
    gaps,
    groups: directory.taxonomy.groups.map((group) => ({ id: group.id, label: group.label, needs: directory.taxonomy.needsInGroup(group.id) })),
    needsWithoutEsd: directory.taxonomy.needs.filter((need) => (need.esd ?? []).length === 0).map((need) => need.id),
  };
}
