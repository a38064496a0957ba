import type { Gazetteer } from "./gazetteer.js";
import type { AreaId, NeedId } from "./ids.js";
import type { ServiceRecord } from "./service-file-schema.js";
import type { Taxonomy } from "./taxonomy.js";

/**
 * A service as Signpost uses it: the record as written in YAML (ORUK field
 * names), with its organisation attached, its needs typed and its areas
 * expanded from groups ("leicestershire", "llr") to area ids.
 */
export interface Service extends Omit<ServiceRecord, "needs"> {
  readonly needs: readonly NeedId[];
  readonly areas: readonly AreaId[];
  readonly organization: { readonly id: string; readonly name: string };
  /** The file it came from, relative to the directory folder. */
  readonly file: string;
}

export interface Directory {
  readonly services: readonly Service[];
  readonly taxonomy: Taxonomy;
  readonly gazetteer: Gazetteer;
  /** SHA-256 over every file read: changes whenever any data changes. */
  readonly fingerprint: string;
  /** SHA-256 over needs.yaml and places.yaml only: what understanding's words come from. */
  readonly vocabularyFingerprint: string;
}

export function findService(directory: Directory, id: string): Service | undefined {
  return directory.services.find((service) => service.id === id);
}
