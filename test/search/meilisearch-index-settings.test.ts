import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { eachWordOnce, indexSettings, toDocument, toDocuments } from "../../src/search/meilisearch-index-settings.js";
import { serviceFacts } from "../../src/search/service-filters.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

describe("Meilisearch index settings, derived from the directory", () => {
  it("searches names first, filters only on ids and numbers, sorts only by the ranking keys", () => {
    const settings = indexSettings(directory);
    expect(settings.searchableAttributes?.[0]).toBe("name");
    expect(settings.searchableAttributes).toEqual(expect.arrayContaining(["needLabels", "needTerms", "description", "areaNames"]));
    expect(settings.filterableAttributes).toEqual(["needs", "areas", "offer", "minimum_age", "maximum_age", "front_door"]);
    // The real directory's services meet at most 4 needs: a key for each tier up to 4.
    expect(settings.sortableAttributes).toEqual(["need_order", "order_1", "order_2", "order_3", "order_4"]);
    expect(settings.typoTolerance).toEqual({ enabled: true });
    expect(settings).toMatchObject({ proximityPrecision: "byAttribute", facetSearch: false });
  });

  it("sets no synonyms: every document holds its needs' terms, and Meilisearch 1.21 reads the whole list for every search", () => {
    expect(indexSettings(directory).synonyms).toBeUndefined();
    const lonely = directory.services.find((s) => s.needs.includes("social-isolation"))!;
    expect(toDocument(lonely, directory).needTerms.split(" ")).toEqual(expect.arrayContaining(["lonely", "isolated"]));
  });

  it("gives every document ages that range filters can use, narrowed to its needs' age bands as every engine narrows them", () => {
    const open = directory.services.find((s) => s.minimum_age === undefined && s.maximum_age === undefined && !s.needs.includes("young-carers"))!;
    expect([toDocument(open, directory).minimum_age, toDocument(open, directory).maximum_age]).toEqual([0, 120]);
    const young = directory.services.find((s) => s.needs.length > 0 && s.needs.every((n) => n === "young-carers"))!;
    const facts = serviceFacts(young, directory.taxonomy);
    expect(facts.maximumAge).toBeLessThan(120);
    expect([toDocument(young, directory).minimum_age, toDocument(young, directory).maximum_age]).toEqual([facts.minimumAge, facts.maximumAge]);
  });

  it("holds each word of the needs' terms once, in the order they first come", () => {
    expect(eachWordOnce("carers support ; support for carers ; Carers' break")).toBe("carers support for Carers' break");
    const service = directory.services.find((s) => s.needs.length > 1)!;
    const words = toDocument(service, directory).needTerms.split(" ");
    expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(words.length);
    expect(new Set(words)).toEqual(new Set(eachWordOnce(directory.taxonomy.termsText(service.needs)).split(" ")));
  });

  it("stamps every document with the same version and a distinct place by name", () => {
    const documents = toDocuments(directory);
    expect(new Set(documents.map((d) => d.index_version)).size).toBe(1);
    expect(new Set(documents.map((d) => d.need_order)).size).toBe(documents.length);
    expect(new Set(documents.map((d) => d.order_1)).size).toBe(documents.length);
  });
});
