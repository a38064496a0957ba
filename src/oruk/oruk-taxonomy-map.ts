/**
 * directory/oruk-taxonomy-map.yaml: how the taxonomy terms and organisations in
 * an Open Referral UK feed become Signpost needs, offers and referral routes.
 * A person edits the file; this module checks it (need ids with a suggestion
 * for a slip) and answers "which needs does this term mean?", and, for a
 * service named in `services:` by its feed id or name, "which needs does this
 * service meet?" (which overrides its terms and any needs inferred from text).
 */
import path from "node:path";
import { z } from "zod";
import { isNeedId, type NeedId, type Offer, offers, type ReferralRoute, referralRoutes } from "../directory/ids.js";
import { readYamlFile } from "../directory/read-yaml-file.js";
import { explainUnknownNeed } from "../directory/suggest-id.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import { normaliseText } from "../text/normalise-text.js";
import { OrukImportError } from "../errors/oruk-import-error.js";

/** A term as a feed gives it: its vocabulary (ORUK `taxonomy`), and a code and/or a name. */
export interface TermKey {
  readonly vocabulary: string;
  readonly code?: string;
  readonly name?: string;
}

const text = z.string().trim().min(1, "must not be empty");
const term = { vocabulary: text, code: text.optional(), name: text.optional() };
const oneOf = (entry: { code?: string | undefined; name?: string | undefined }) => (entry.code === undefined) !== (entry.name === undefined);
const oneOfMessage = { message: "give either code or name (not both)" };

export const orukTaxonomyMapSchema = z.strictObject({
  needs: z.array(z.strictObject({ ...term, needs: z.array(z.string()).min(1, "must list at least one need") }).refine(oneOf, oneOfMessage)).default([]),
  offers: z
    .array(
      z.union([
        z.strictObject({ organization: text, offer: z.enum(offers) }),
        z.strictObject({ organization_contains: text, offer: z.enum(offers) }),
        z.strictObject({ ...term, offer: z.enum(offers) }).refine(oneOf, oneOfMessage),
      ]),
    )
    .default([]),
  referral_routes: z.array(z.strictObject({ ...term, routes: z.array(z.enum(referralRoutes)).min(1) }).refine(oneOf, oneOfMessage)).default([]),
  services: z
    .array(
      z
        .strictObject({ id: text.optional(), name: text.optional(), needs: z.array(z.string()).min(1, "must list at least one need") })
        .refine((entry) => (entry.id === undefined) !== (entry.name === undefined), { message: "give either the feed's id or the service's name (not both)" }),
    )
    .default([]),
});
type MapFile = z.infer<typeof orukTaxonomyMapSchema>;

const keyOf = (vocabulary: string, by: "code" | "name", value: string) => `${normaliseText(vocabulary)}\u0000${by}\u0000${normaliseText(value)}`;

/** Looks terms up by vocabulary and code, then by vocabulary and name, then in any vocabulary ("*"). */
class TermIndex<V> {
  private readonly entries = new Map<string, V>();

  add(entry: { vocabulary: string; code?: string | undefined; name?: string | undefined }, value: V): void {
    const by = entry.code === undefined ? "name" : "code";
    this.entries.set(keyOf(entry.vocabulary, by, entry.code ?? entry.name ?? ""), value);
  }

  find(term: TermKey): V | undefined {
    for (const vocabulary of [term.vocabulary, "*"]) {
      const found =
        (term.code === undefined ? undefined : this.entries.get(keyOf(vocabulary, "code", term.code))) ??
        (term.name === undefined ? undefined : this.entries.get(keyOf(vocabulary, "name", term.name)));
      if (found !== undefined) return found;
    }
    return undefined;
  }
}

export class OrukTaxonomyMap {
  private readonly needs = new TermIndex<NeedId[]>();
  private readonly offerTerms = new TermIndex<Offer>();
  private readonly routes = new TermIndex<ReferralRoute[]>();
  private readonly offerByOrganisation = new Map<string, Offer>();
  private readonly offerByPart: { part: string; offer: Offer }[] = [];
  private readonly serviceById = new Map<string, NeedId[]>();
  private readonly serviceByName = new Map<string, NeedId[]>();

  constructor(file: MapFile) {
    for (const entry of file.services) {
      if (entry.id !== undefined) this.serviceById.set(entry.id, entry.needs.filter(isNeedId));
      else if (entry.name !== undefined) this.serviceByName.set(normaliseText(entry.name), entry.needs.filter(isNeedId));
    }
    for (const entry of file.needs) this.needs.add(entry, entry.needs.filter(isNeedId));
    for (const entry of file.referral_routes) this.routes.add(entry, entry.routes);
    for (const entry of file.offers) {
      if ("organization" in entry) this.offerByOrganisation.set(normaliseText(entry.organization), entry.offer);
      else if ("organization_contains" in entry) this.offerByPart.push({ part: ` ${normaliseText(entry.organization_contains)} `, offer: entry.offer });
      else this.offerTerms.add(entry, entry.offer);
    }
  }

  /** The needs the map file gives this service (by its feed id, then its name), if it names it. */
  needsForService(orukId: string, name: string): readonly NeedId[] | undefined {
    return this.serviceById.get(orukId) ?? this.serviceByName.get(normaliseText(name));
  }

  needsFor(term: TermKey): readonly NeedId[] | undefined {
    return this.needs.find(term);
  }

  routesFor(term: TermKey): readonly ReferralRoute[] | undefined {
    return this.routes.find(term);
  }

  offerFor(terms: readonly TermKey[], organisation: string): Offer | undefined {
    for (const term of terms) {
      const offer = this.offerTerms.find(term);
      if (offer) return offer;
    }
    const name = normaliseText(organisation);
    return this.offerByOrganisation.get(name) ?? this.offerByPart.find((rule) => ` ${name} `.includes(rule.part))?.offer;
  }
}

export const emptyTaxonomyMap = new OrukTaxonomyMap({ needs: [], offers: [], referral_routes: [], services: [] });

/** Reads and checks the map file; a wrong need id is refused with the closest one suggested. */
export async function loadOrukTaxonomyMap(file: string, taxonomy: Taxonomy): Promise<OrukTaxonomyMap> {
  const shown = path.relative(process.cwd(), file) || file;
  const read = await readYamlFile(file, shown, orukTaxonomyMapSchema);
  if (!read.ok) throw new OrukImportError(read.problems.map((p) => ({ record: p.file, field: p.path, message: p.message })));
  const check = (section: "needs" | "services", entries: readonly { needs: readonly string[] }[]) =>
    entries.flatMap((entry, e) =>
      entry.needs.flatMap((need, n) => (isNeedId(need) ? [] : [{ record: shown, field: `${section}[${e}].needs[${n}]`, message: explainUnknownNeed(need, taxonomy) }])),
    );
  const problems = [...check("needs", read.value.needs), ...check("services", read.value.services)];
  if (problems.length > 0) throw new OrukImportError(problems);
  return new OrukTaxonomyMap(read.value);
}
