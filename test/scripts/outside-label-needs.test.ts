import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Answer, AnswerResult } from "../../src/answer/answer.js";
import type { AreaId, NeedId } from "../../src/directory/ids.js";
import { type BlindCase, firstRunFile, readBlindSets } from "../../scripts/lib/blind-sets.js";
import { expectedNeeds, outsideLabelNeeds } from "../../scripts/lib/outside-label-needs.js";
import { figuresOf, scoreCase } from "../../scripts/lib/score-blind.js";

/**
 * Every `outside:` label of blind rounds 1-5, as written there, with what it counts as today
 * (scripts/list-outside-labels.ts prints them). Reviewed by hand: the need a label names, or
 * nothing when it still names no need of the taxonomy.
 */
const reviewed: Readonly<Record<string, readonly NeedId[]>> = {
  "advocacy": ["legal-advice-and-advocacy"],
  "art group": ["arts-and-creativity"],
  "arts and crafts group": ["arts-and-creativity"],
  "arts and creative groups": ["arts-and-creativity"],
  "arts group": ["arts-and-creativity"],
  "arts groups": ["arts-and-creativity"],
  "bereavement support": ["bereavement"],
  "blue badge": ["physical-disability-and-mobility"],
  "blue badge application": ["physical-disability-and-mobility"],
  "childcare": [],
  "children's mental health": ["young-peoples-mental-health"],
  "children's mental health support": ["young-peoples-mental-health"],
  "choir": ["arts-and-creativity"],
  "choir or singing group": ["arts-and-creativity"],
  "craft group": ["arts-and-creativity"],
  "creative or arts group": ["arts-and-creativity"],
  "domestic abuse support": ["domestic-abuse"],
  "domestic abuse survivor support": ["domestic-abuse"],
  "elder abuse support": [],
  "financial abuse safeguarding advice": [],
  "financial abuse safeguarding support": [],
  "financial abuse support": [],
  "gambling support": ["alcohol-and-drugs"],
  "gardening": ["nature-and-gardening"],
  "gardening / community garden": ["nature-and-gardening"],
  "gardening group": ["nature-and-gardening"],
  "gardening help": [],
  "hearing loss": ["hearing-loss"],
  "hearing loss support": ["hearing-loss"],
  "help with lasting power of attorney": ["legal-advice-and-advocacy"],
  "help with the garden": [],
  "home visiting hairdresser": [],
  "immigration advice": ["refugees-and-asylum"],
  "independent advocacy": ["legal-advice-and-advocacy"],
  "LGBT+ bereavement support": ["bereavement", "lgbtq-support"],
  "LGBT+ support group": ["lgbtq-support"],
  "pet care": ["pets"],
  "pet care while in hospital": ["pets"],
  "pet fostering": ["pets"],
  "pet fostering while in hospital": ["pets"],
  "refugee advice": ["refugees-and-asylum"],
  "scam and financial abuse support": [],
  "short-term pet fostering": ["pets"],
  "sight loss support": ["sight-loss"],
  "suicide bereavement support": ["bereavement"],
  "support for financial abuse": [],
  "veterans support": ["veterans"],
  "volunteering": ["volunteering"],
  "will and lasting power of attorney advice": ["legal-advice-and-advocacy"],
  "young carers support": ["young-carers"],
};

const blindCase = (changes: Partial<BlindCase>): BlindCase => ({ text: "t", intent: "find_service", tier: "routine", clinical: false, needs: [], outside: [], area: "charnwood", age: null, ...changes });
const result = (needs: NeedId[], areas: AreaId[] = ["charnwood"]): AnswerResult => ({ id: needs.join("-"), name: "n", organization: "o", needs, areas, why: "", score: 1, last_verified: "2026-01-01", how_to_refer: "" });
const answer = (needs: NeedId[], results: AnswerResult[]): Answer => ({ intent: "find_service", confidence: 1, entities: { areas: ["charnwood"], needs, age: null, nhsNumber: null, reference: null, urgency: null, person: null }, results, reply: "", engine: "embedded" });

describe("outside labels that name a need today", () => {
  it.each(Object.entries(reviewed))("%j counts as %j", (label, needs) => {
    expect(outsideLabelNeeds(label)).toEqual(needs);
  });

  it("reads other wordings of the same needs alike, and leaves what is still not covered outside", () => {
    expect(outsideLabelNeeds("Bereavement counselling")).toEqual(["bereavement"]);
    expect(outsideLabelNeeds("support for a young carer")).toEqual(["young-carers"]);
    expect(outsideLabelNeeds("CAMHS")).toEqual(["young-peoples-mental-health"]);
    expect(outsideLabelNeeds("wheelchair loan")).toEqual(["physical-disability-and-mobility"]);
    expect(outsideLabelNeeds("asylum support")).toEqual(["refugees-and-asylum"]);
    expect(outsideLabelNeeds("parenting course")).toEqual(["parenting-and-families"]);
    expect(outsideLabelNeeds("visual impairment team")).toEqual(["sight-loss"]);
    expect(outsideLabelNeeds("deaf club")).toEqual(["hearing-loss"]);
    for (const label of ["NHS dentist", "nursery place", "garden maintenance", "home visiting hairdresser", "elder abuse"]) expect(outsideLabelNeeds(label)).toEqual([]);
  });

  it("joins a case's named needs to its labelled ones, keeping only the rest outside", () => {
    expect(expectedNeeds({ needs: ["social-isolation"], outside: ["bereavement support", "gardening help"] })).toEqual({ needs: ["social-isolation", "bereavement"], outside: ["gardening help"] });
  });
});

describe("scoring a case whose outside label names a need", () => {
  it("counts the need as expected: served in the top three is a find, nothing offered is a miss", () => {
    const c = blindCase({ outside: ["bereavement support"] });
    const served = scoreCase(c, answer(["bereavement"], [result(["bereavement"])]));
    expect(served).toMatchObject({ serviceOk: true, findOk: true, needsFound: 1, needsExpected: ["bereavement"], stillOutside: [] });
    const nothing = scoreCase(c, answer([], []));
    expect(nothing).toMatchObject({ serviceOk: false, findOk: false, needsFound: 0 });
    expect(figuresOf([served, nothing])).toMatchObject({ needsExpected: 2, needsFound: 1, findOk: 1 });
  });

  it("keeps a label that names no need outside: success is still offering nothing as a match", () => {
    const c = blindCase({ outside: ["gardening help"] });
    expect(scoreCase(c, answer([], []))).toMatchObject({ serviceOk: true, needsExpected: [], stillOutside: ["gardening help"] });
    expect(scoreCase(c, answer(["nature-and-gardening"], [result(["nature-and-gardening"])]))).toMatchObject({ serviceOk: false });
  });

  it("needs a served area as before", () => {
    const c = blindCase({ needs: ["social-isolation"], outside: ["veterans support"] });
    expect(scoreCase(c, answer(["veterans"], [result(["veterans"], ["rutland"])])).serviceOk).toBe(false);
    expect(scoreCase(c, answer(["veterans"], [result(["veterans"], ["charnwood"])])).serviceOk).toBe(true);
  });
});

describe("reading only the open rounds", () => {
  it("does not even read a sealed round's files", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "signpost-blind-open-"));
    mkdirSync(path.join(folder, "round-1"));
    mkdirSync(path.join(folder, "round-2"));
    writeFileSync(path.join(folder, "round-1", "find.yaml"), "set: find\ncases:\n  - text: lonely in Oadby\n    intent: find_service\n    outside: [bereavement support]\n");
    writeFileSync(firstRunFile(1, folder), "{}\n");
    writeFileSync(path.join(folder, "round-2", "find.yaml"), "not: [valid"); // would throw if read
    expect(readBlindSets(folder, "open").map((set) => [set.round, set.cases[0]!.outside])).toEqual([[1, ["bereavement support"]]]);
    expect(() => readBlindSets(folder)).toThrow();
  });
});
