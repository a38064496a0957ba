/**
 * Shared set-up for the ORUK tests: the fixture folders, the real directory and
 * taxonomy map (loaded once per test file), import options with sensible
 * defaults, and a record builder for hand-made feeds.
 */
import path from "node:path";
import { Hono } from "hono";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import type { OrukImportOptions } from "../../src/oruk/import-oruk.js";
import { mountOrukRoutes } from "../../src/oruk/mount-oruk-routes.js";
import { loadOrukTaxonomyMap, type OrukTaxonomyMap } from "../../src/oruk/oruk-taxonomy-map.js";
import type { OrukInputRecord } from "../../src/oruk/parse-oruk-records.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectory } from "../support/directory-copy.js";

export const orukFixtures = path.join(import.meta.dirname, "../../../shared/fixtures/oruk");
export const schemaFixtures = path.join(import.meta.dirname, "../../../shared/fixtures/schema");
export const mapFile = path.join(realDirectory, "oruk-taxonomy-map.yaml");

/** The published feed alone, on an app of its own, reading whichever directory `loaded` gives (undefined: not loaded yet). */
export function orukFeedApp(loaded: () => Directory | undefined): Hono {
  const app = new Hono();
  mountOrukRoutes(app, { directory: loaded });
  return app;
}

let loaded: Promise<{ directory: Directory; map: OrukTaxonomyMap }> | undefined;

export function realDirectoryAndMap(): Promise<{ directory: Directory; map: OrukTaxonomyMap }> {
  loaded ??= (async () => {
    const directory = await loadDirectory(realDirectory);
    return { directory, map: await loadOrukTaxonomyMap(mapFile, directory.taxonomy) };
  })();
  return loaded;
}

/** Options for importOruk against the real directory, inferring needs as `npm run import` does; tests override what they need. */
export async function importOptions(overrides: Partial<OrukImportOptions> = {}): Promise<OrukImportOptions> {
  const { directory, map } = await realDirectoryAndMap();
  return {
    feed: "test-feed",
    gazetteer: directory.gazetteer,
    map,
    existing: directory.services,
    esdNeeds: (vocabulary, code) => directory.taxonomy.needsForEsdTerm(vocabulary, code),
    inferNeeds: (text) => extractEntities(text, directory).entities.needs,
    today: "2026-06-01",
    ...overrides,
  };
}

/** A small valid ORUK v3 service in Charnwood that maps to social-isolation; `changes` are merged over it. */
export function orukService(id: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `Test befriending ${id}`,
    description: "Weekly phone calls and visits from a volunteer befriender.",
    status: "active",
    organization: { id: `org-${id}`, name: "Test Friends Network", description: "A test organisation." },
    service_areas: [{ id: `${id}-area`, name: "Charnwood" }],
    attributes: [{ id: `${id}-attr`, taxonomy_term: { id: "t1", name: "Befriending", description: "Befriending", taxonomy: "esd-service-types" } }],
    assured_date: "2026-01-15",
    ...changes,
  };
}

export const asRecords = (values: readonly unknown[], where = "feed.json"): OrukInputRecord[] =>
  values.map((value, i) => ({ where: `${where} [${i}]`, value }));
