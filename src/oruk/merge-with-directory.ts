/**
 * Merges a feed's records with what the directory already holds. Local YAML
 * records win: an imported record with a local record's id is left out, and so
 * is one with the same name and organisation as a local record or a record
 * from another feed (a duplicate). The feed's own earlier import is replaced,
 * so it never conflicts. Within the feed, the first of two duplicates is kept.
 */
import type { Service } from "../directory/directory.js";
import type { ServiceRecord } from "../directory/service-file-schema.js";
import { normaliseText } from "../text/normalise-text.js";
import type { ImportedOrganization } from "./map-oruk-service.js";

export interface MergeCandidate {
  readonly label: string;
  readonly record: ServiceRecord;
  readonly organization: ImportedOrganization;
}

export interface MergeSkip {
  readonly label: string;
  readonly id: string;
  readonly reason: "local record wins (same id)" | "id already imported from another feed" | "duplicate (same name and organisation)";
  readonly detail: string;
}

/** What merging needs to know of a service already in the directory. */
export type ExistingService = Pick<Service, "id" | "name" | "source" | "file"> & { readonly organization: { readonly name: string } };

const orgNoise = /\b(the|ltd|limited|inc|cic|plc|llp|charity|charitable|trust)\b/g;

/** Name and organisation in a normal form, so "Community Counselling" at "Example Org Ltd" matches "community counselling" at "Example Org". */
export function duplicateKey(name: string, organisation: string): string {
  const org = normaliseText(organisation).replace(orgNoise, " ").replace(/\s+/g, " ").trim();
  return `${normaliseText(name)}\u0000${org}`;
}

export function feedOf(source: string): string | undefined {
  return /^ORUK feed (\S+)$/.exec(source)?.[1];
}

function describe(service: ExistingService): string {
  const feed = feedOf(service.source);
  return feed ? `"${service.id}" from ORUK feed ${feed} (${service.file})` : `local record "${service.id}" (${service.file})`;
}

export function mergeWithDirectory<C extends MergeCandidate>(
  candidates: readonly C[],
  existing: readonly ExistingService[],
  feed: string,
): { kept: C[]; skipped: MergeSkip[] } {
  const others = existing.filter((service) => feedOf(service.source) !== feed);
  const byId = new Map(others.map((service) => [service.id, service]));
  const byKey = new Map(others.map((service) => [duplicateKey(service.name, service.organization.name), service]));
  const keptByKey = new Map<string, C>();
  const kept: C[] = [];
  const skipped: MergeSkip[] = [];

  for (const candidate of candidates) {
    const { record, label } = candidate;
    const sameId = byId.get(record.id);
    if (sameId) {
      const local = feedOf(sameId.source) === undefined;
      skipped.push({ label, id: record.id, reason: local ? "local record wins (same id)" : "id already imported from another feed", detail: describe(sameId) });
      continue;
    }
    const key = duplicateKey(record.name, candidate.organization.name);
    const twin = byKey.get(key);
    if (twin) {
      skipped.push({ label, id: record.id, reason: "duplicate (same name and organisation)", detail: `of ${describe(twin)}` });
      continue;
    }
    const earlier = keptByKey.get(key);
    if (earlier) {
      skipped.push({ label, id: record.id, reason: "duplicate (same name and organisation)", detail: `of ${earlier.label} in this feed` });
      continue;
    }
    keptByKey.set(key, candidate);
    kept.push(candidate);
  }
  return { kept, skipped };
}
