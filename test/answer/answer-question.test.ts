import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Directory } from "../../src/directory/directory.js";
import type { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import type { Understander } from "../../src/understanding/create-understander.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
let engine: EmbeddedSearchEngine;
let understander: Understander;
beforeAll(async () => {
  ({ directory, engine, understander } = await realDirectoryAndEngine());
});
const ask = (question: string, maxResults = 5) => answerQuestion(question, { directory, engine, understander, maxResults });

describe("answerQuestion", () => {
  it("keeps the ask --json contract", async () => {
    const answer = await ask("lonley gent in loughbrough, 84, hardly goes out");
    expect(Object.keys(answer).sort()).toEqual(["confidence", "engine", "entities", "intent", "reply", "results"]);
    expect(answer.intent).toBe("find_service");
    expect(answer.confidence).toBeGreaterThan(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
    expect(answer.entities).toEqual({ areas: ["charnwood"], needs: ["social-isolation"], age: 84, nhsNumber: null, reference: null, urgency: null, person: null });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(5);
    for (const result of answer.results) {
      expect(Object.keys(result).sort()).toEqual(["areas", "how_to_refer", "id", "last_verified", "name", "needs", "organization", "score", "why"]);
      expect(result.needs).toContain("social-isolation");
      expect(result.areas).toContain("charnwood");
      expect(result.why).toMatch(/loneliness/i);
      expect(result.why).toMatch(/Charnwood/);
    }
  });

  it("shows when each service was last verified, and offers First Contact Plus beside the results", async () => {
    const answer = await ask("keeps falling, lives in Shepshed");
    expect(answer.reply).toMatch(/last verified \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
    expect(answer.reply).toMatch(/First Contact Plus is the front door/);
    expect(answer.results.map((r) => r.id)).not.toContain("first-contact-plus");
  });

  it("says plainly when nothing serves the need there, and pads with nothing", async () => {
    // Every alcohol and drugs service serving Rutland is for adults.
    const answer = await ask("15 year old lad in Oakham drinking heavily");
    expect(answer.entities).toMatchObject({ areas: ["rutland"], needs: ["alcohol-and-drugs"], age: 15 });
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/^I couldn't find anything in the directory for alcohol, drugs and gambling in Rutland for someone aged 15\./);
    expect(answer.reply).toMatch(/First Contact Plus, the front door to the prevention offer, covers Leicestershire's seven districts, not Rutland\./);
  });

  it("says there's nothing for one need where the person lives, beside what there is for the rest, and names the area's front door", async () => {
    const answer = await ask("15 year old in Oakham drinking heavily and being bullied at school");
    expect(answer.entities).toMatchObject({ areas: ["rutland"], needs: ["alcohol-and-drugs", "young-peoples-mental-health"], age: 15 });
    expect(answer.results.length).toBeGreaterThan(0);
    for (const result of answer.results) expect(result.needs).toContain("young-peoples-mental-health");
    expect(answer.reply).toContain("There's nothing for alcohol, drugs and gambling in Rutland for someone aged 15 in the directory.");
    expect(answer.reply).toMatch(/For someone who lives in Rutland, the front door is Rutland Wayfinder \(01632 960700\)/);
    // A need that merely ranks below the others is not called missing.
    const many = await ask("lonely, keeps falling, cold house, money worries, needs lifts, Shepshed", 2);
    expect(many.reply).not.toMatch(/There's nothing for/);
  });

  it("says what it can do when the message is out of scope", async () => {
    const answer = await ask("qwertyuiop");
    expect(answer.intent).toBe("unknown");
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/never give clinical advice/);
  });

  it("invites a place when none was named", async () => {
    const answer = await ask("lonely widower");
    expect(answer.entities.areas).toEqual([]);
    expect(answer.reply).toMatch(/Tell me where the person lives/);
  });

  it("refuses an over-long message rather than cutting it", async () => {
    const answer = await ask(`lonely in Shepshed ${"x".repeat(2100)}`);
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/too long/);
  });

  it("reports the engine that answered", async () => {
    expect((await ask("lonely")).engine).toBe("embedded");
  });
});

describe("age bands", () => {
  it("finds young carers' services for a 13-year-old carer, and not the adult carers' offer", async () => {
    const answer = await ask("13yo looking after her mum in Hinckley");
    expect(answer.entities).toMatchObject({ areas: ["hinckley-and-bosworth"], needs: ["young-carers"], age: 13 });
    expect(answer.results.length).toBeGreaterThan(0);
    for (const result of answer.results) expect(result.needs).toContain("young-carers");
    expect(answer.results.map((r) => r.id)).not.toContain("leicestershire-carers-support");
    expect(answer.reply).toMatch(/^Here are \d services for young carers in Hinckley and Bosworth for someone aged 13:/);
  });

  it("finds carers' support for an adult carer, and no young carers' service", async () => {
    for (const question of ["my mum's carer is exhausted, anything in Hinckley?", "daughter caring for her mum with dementia, Hinckley", "carer for her husband, she is 74, Hinckley"]) {
      const answer = await ask(question);
      expect(answer.entities.needs, question).toContain("carers-support");
      expect(answer.entities.needs, question).not.toContain("young-carers");
      expect(answer.results.length, question).toBeGreaterThan(0);
      for (const result of answer.results) expect(result.needs, question).not.toContain("young-carers");
    }
  });
});

describe("groups of needs", () => {
  it("finds every need of a group named as the request, for the person's age", async () => {
    const family = directory.taxonomy.needsInGroup("family-and-carers");
    const answer = await ask("something for family and carers in Melton");
    expect(answer.entities).toMatchObject({ areas: ["melton"], age: null });
    expect([...answer.entities.needs].sort()).toEqual([...family].sort());
    expect(answer.reply).toMatch(/^Here are 5 services for family and carers in Melton:/);
    const met = new Set(answer.results.flatMap((r) => r.needs.filter((need) => family.includes(need))));
    expect(met.size).toBeGreaterThanOrEqual(3);
    for (const result of answer.results) expect(result.needs.some((need) => family.includes(need))).toBe(true);

    const older = await ask("something for family and carers in Melton, he is 70");
    expect([...older.entities.needs].sort()).toEqual(family.filter((need) => directory.taxonomy.fitsAge(need, 70)).sort());
    expect(older.entities.needs).not.toContain("young-carers");
    expect(older.reply).toMatch(/ for family and carers in Melton for someone aged 70:/);
  });

  it("reads a group's name beside a need as the need alone", async () => {
    const answer = await ask("known to health and social care, lonely, lives in Melton");
    expect(answer.entities.needs).toEqual(["social-isolation"]);
  });
});

describe("answerQuestion: the needs asked for come first", () => {
  it.each([
    [
      "Residential home, Oadby. 84M, heart failure and CKD 3b, on apixaban, stable, carers twice a day, uses a walking frame and a pendant alarm. He'd love to get back to growing veg with an allotment group.",
      "nature-and-gardening",
    ],
    ["81F, Shepshed. COPD and AF, breathless on the stairs, had two falls. Husband died in June. Would like a bereavement group near her.", "bereavement"],
  ])("%s -> a service for %s in the top three", async (question, need) => {
    const answer = await ask(question);
    expect(answer.results.slice(0, 3).some((result) => result.needs.includes(need as never))).toBe(true);
  });
});

