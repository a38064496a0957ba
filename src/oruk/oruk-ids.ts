/**
 * Ids on both sides of the Open Referral UK bridge. ORUK wants UUIDs; Signpost
 * wants kebab-case words. Exported ids are name-based UUIDs (RFC 9562 version
 * 5) so they never change between runs; imported ids are a slug of the name
 * plus a short hash of the feed's id, so they are readable and stable.
 */
import { createHash } from "node:crypto";

/** The namespace of every UUID Signpost publishes (a fixed random UUID). */
const signpostNamespace = "6f3c1a52-8d4e-4b7a-9f21-3c5d7e9a0b14";

/** The vocabularies Signpost publishes and reads back without a mapping. */
export const signpostVocabularies = {
  needs: "signpost-needs",
  offers: "signpost-offers",
  referralRoutes: "signpost-referral-routes",
  /** Codes `service-id` (the attribute's value is the Signpost id) and `front-door`. */
  flags: "signpost",
} as const;

const namespaceBytes = Buffer.from(signpostNamespace.replaceAll("-", ""), "hex");

/** A version 5 UUID for `name` in Signpost's namespace. */
export function signpostUuid(name: string): string {
  const bytes = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isKebabId(value: string): boolean {
  return kebab.test(value);
}

/** "Kettle's On Carers' Network" -> "kettles-on-carers-network", at most `max` characters, cut at a word. */
export function slugify(text: string, max = 48): string {
  const words = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\p{M}+/gu, "")
    .replace(/['\u2018\u2019`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > max) break;
    slug = next;
  }
  return slug === "" ? (words[0]?.slice(0, max) ?? "") : slug;
}

/** Six hex characters of SHA-256: enough to tell apart the services of one directory. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 6);
}

/** The Signpost id for a feed's service: `community-counselling-3f9a1c`. */
export function importedServiceId(name: string, orukId: string): string {
  return `${slugify(name) || "service"}-${shortHash(orukId)}`;
}
