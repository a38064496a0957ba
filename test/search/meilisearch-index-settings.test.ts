import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { Taxonomy } from "../../src/directory/taxonomy.js";
import { indexSettings, toDocument } from "../../src/search/meilisearch-index-settings.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

describe("Meilisearch index settings, derived from the directory", () => {
  it("searches names first, filters only on ids and numbers, sorts by verification date", () => {
    const settings = indexSettings(directory);
    expect(settings.searchableAttributes?.[0]).toBe("name");
    expect(settings.searchableAttributes).toEqual(expect.arrayContaining(["needLabels", "needTerms", "description", "areaNames"]));
    expect(settings.filterableAttributes).toEqual(["needs", "areas", "offer", "minimum_age", "maximum_age", "referral_routes", "front_door"]);
    expect(settings.sortableAttributes).toEqual(["last_verified"]);
    expect(settings.typoTolerance).toEqual({ enabled: true });
  });

  it("sends one-word need terms to their need's label and one-word places to their area's name", () => {
    const synonyms = indexSettings(directory).synonyms!;
    expect(synonyms.lonely).toContain("loneliness and social isolation");
    expect(synonyms.loughborough).toContain("charnwood");
    expect(Object.keys(synonyms).filter((key) => key.includes(" "))).toEqual([]);
    expect(Object.keys(synonyms).length).toBeGreaterThan(500);
  });

  it("follows the taxonomy: a new term is a new synonym, with no list kept by hand", () => {
    const needs = directory.taxonomy.needs.map((need) => (need.id === "hoarding" ? { ...need, layTerms: [...need.layTerms, "squirrelling"] } : need));
    const changed = { ...directory, taxonomy: new Taxonomy(needs) };
    expect(indexSettings(directory).synonyms!.squirrelling).toBeUndefined();
    expect(indexSettings(changed).synonyms!.squirrelling).toEqual([directory.taxonomy.label("hoarding").toLowerCase()]);
  });

  it("gives every document ages that range filters can use, and its needs' terms", () => {
    const service = directory.services.find((s) => s.minimum_age === undefined && s.maximum_age === undefined)!;
    const document = toDocument(service, directory);
    expect([document.minimum_age, document.maximum_age]).toEqual([0, 120]);
    expect(document.needTerms).toBe(directory.taxonomy.termsText(service.needs));
  });
});
