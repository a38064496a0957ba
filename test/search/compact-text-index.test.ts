import { describe, expect, it } from "vitest";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { toTextDocument } from "../../src/search/embedded-search-engine.js";
import { MiniSearchTextIndex } from "../../src/search/minisearch-text-index.js";
import type { TextDocument, TextScores } from "../../src/search/text-index.js";
import { readLabelledQueries } from "../../scripts/lib/relevance-queries.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

const doc = (fields: Partial<TextDocument>): TextDocument => ({ name: "", organization: "", description: "", eligibility: "", needTerms: "", ...fields });
const ranked = (scores: TextScores): number[] => [...scores.positions].sort((a, b) => scores.score(b) - scores.score(a));

function indexOf(documents: TextDocument[]): CompactTextIndex {
  const index = new CompactTextIndex();
  index.build(documents);
  return index;
}

describe("CompactTextIndex scoring", () => {
  it("ranks an exact word above a longer word it begins, and that above a typo", () => {
    const index = indexOf([
      doc({ description: "a befriending scheme" }),
      doc({ description: "a befriend line" }),
      doc({ description: "a befreinding club" }),
      doc({ description: "a lunch club" }),
    ]);
    const scores = index.search("befriend");
    expect(ranked(scores)).toEqual([1, 0]);
    const typo = index.search("befriending");
    expect(ranked(typo)).toEqual([0, 2]);
    expect(typo.score(3)).toBe(0);
  });

  it("weighs a rare word above a common one, and a name above a description", () => {
    const index = indexOf([
      doc({ description: "walking group for older people" }),
      doc({ description: "coffee morning for older people" }),
      doc({ description: "cards for older people" }),
      doc({ name: "Walking for health", description: "a club" }),
    ]);
    const scores = index.search("walking older");
    expect(ranked(scores)[0]).toBe(0); // both words beat one rare word in a name
    expect(scores.score(3)).toBeGreaterThan(scores.score(1)); // "walking" (rare, in a name) beats "older" (common)
    expect(index.search("walking").score(3)).toBeGreaterThan(index.search("walking").score(0));
  });

  it("reports the query words each document matched", () => {
    const index = indexOf([doc({ name: "Memory cafe", description: "for people living with dementia" })]);
    const scores = index.search("dementia memmory cafe");
    expect([...scores.words(0)].sort()).toEqual(["cafe", "dementia", "memmory"]);
  });

  it("scores only the documents `only` allows, and those exactly as without it", () => {
    const index = indexOf([doc({ description: "hoarding support" }), doc({ description: "hoarding and clutter" }), doc({ description: "clutter" })]);
    const all = index.search("hoarding clutter");
    const asked: number[] = [];
    const some = index.search("hoarding clutter", (position) => {
      asked.push(position);
      return position !== 1;
    });
    expect([...some.positions].sort()).toEqual([0, 2]);
    expect(some.score(1)).toBe(0);
    expect(some.score(0)).toBe(all.score(0));
    expect(some.score(2)).toBe(all.score(2));
    expect(asked).toContain(1);
  });

  it("finds nothing for stop words, punctuation, an empty text or an empty index", () => {
    const index = indexOf([doc({ description: "the help and support service" })]);
    expect(index.search("the and help support").positions).toEqual([]);
    expect(index.search("?!… --").positions).toEqual([]);
    expect(index.search("").positions).toEqual([]);
    expect(new CompactTextIndex().search("anything at all").positions).toEqual([]);
  });

  it("copes with hostile text: very long, hundreds of distinct words, invisible characters", () => {
    const index = indexOf([doc({ description: "lonely widower" }), doc({ description: "quokka" })]);
    const many = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    const scores = index.search(`${many} lonely quokka`);
    expect(ranked(scores)).toHaveLength(2);
    expect(scores.words(0)).toEqual(["lonely"]);
    expect(scores.words(1)).toEqual(["quokka"]);
    expect(ranked(index.search("lon\u200Bely wid\u202Eower"))).toEqual([0]);
  });
});

describe("CompactTextIndex against MiniSearch", () => {
  it("scores as MiniSearch does: the same best document for at least 95% of the labelled queries", async () => {
    const { directory } = await realDirectoryAndEngine();
    const documents = directory.services.map((service) => ({ ...toTextDocument(service), needTerms: directory.taxonomy.termsText(service.needs) }));
    const compact = new CompactTextIndex();
    compact.build(documents);
    const mini = new MiniSearchTextIndex();
    mini.build(documents);
    const queries = [...readLabelledQueries(), ...readLabelledQueries(new URL("../fixtures/search-queries-blind.yaml", import.meta.url))];
    let same = 0;
    for (const { q } of queries) if (ranked(compact.search(q))[0] === ranked(mini.search(q))[0]) same++;
    // They differ only in tokenising: MiniSearch splits "men's" into "men" and "s", Signpost joins it.
    expect(same / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});
