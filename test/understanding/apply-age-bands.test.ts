import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectory } from "../support/directory-copy.js";

let directory: Directory;
beforeAll(async () => {
  directory = await loadDirectory(realDirectory);
});
const needsOf = (text: string) => extractEntities(text, directory).entities.needs;
const wordsFor = (text: string, need: string) => extractEntities(text, directory).evidence.needs.filter((e) => e.need === need).map((e) => e.written);

describe("the person's age decides which need a carer's words mean", () => {
  it("reads a carer under 18 as a young carer, keeping the words that said so", () => {
    expect(needsOf("13yo looking after her mum in Hinckley")).toEqual(["young-carers"]);
    expect(wordsFor("13yo looking after her mum in Hinckley", "young-carers")).toEqual(["looking after her mum"]);
    expect(needsOf("Pt 16F, main carer for her dad, exhausted")).toEqual(["young-carers"]);
  });

  it("reads a young adult carer of 18 or more as a carer, and leaves the words alone when no age is given", () => {
    expect(needsOf("young adult carer, 20, Melton")).toEqual(["carers-support"]);
    expect(needsOf("young carer in Melton")).toEqual(["young-carers"]);
    expect(needsOf("caring for her mum, Melton")).toEqual(["carers-support"]);
    expect(needsOf("72F caring for her husband")).toEqual(["carers-support"]);
  });

  it("leaves the need alone when the age may be a child's the carer looks after", () => {
    expect(extractEntities("mum caring for her 13yo son with autism", directory).entities).toMatchObject({ age: 13, needs: ["carers-support", "learning-disability-and-autism"] });
    expect(needsOf("gran, looking after her grandson who is 9, needs a break")).toEqual(["carers-support"]);
  });
});

describe("a group of needs named as the request", () => {
  it("means each of the group's needs, for the person's age", () => {
    expect([...needsOf("anything for home and housing in Blaby?")].sort()).toEqual(directory.taxonomy.needsInGroup("home-and-housing").sort());
    expect(needsOf("something for family and carers for a man of 70")).toEqual(["carers-support", "parenting-and-families", "relationships"]);
  });

  it("is not the request when the message names a need outside it: the words are read as usual", () => {
    expect(needsOf("something for family and carers, she is lonely")).toEqual(["social-isolation", "carers-support"]);
  });
});

describe("a child named with their age who does the caring (after round 23)", () => {
  it("reads the carer's words as young carers", () => {
    const text = "DN visit to Mrs B (MS, wheelchair user). Her son, 13, does a lot - helps her to the toilet when the carers are late. Mum would like him to have a break.";
    expect(needsOf(text)).toContain("young-carers");
    expect(needsOf(text)).not.toContain("carers-support");
  });

  it("leaves a parent caring for a child as a carer", () => {
    expect(needsOf("mum caring for her 13yo son with autism, she needs a break")).toContain("carers-support");
  });
});
