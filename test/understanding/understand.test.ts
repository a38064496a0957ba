import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Directory } from "../../src/directory/directory.js";
import type { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { createUnderstander, type Understander } from "../../src/understanding/create-understander.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { realDirectoryAndEngine, realIntents } from "../support/load-real-directory.js";
import { syntheticNhsNumber, withWrongCheckDigit } from "../support/synthetic-nhs-number.js";

let directory: Directory;
let engine: EmbeddedSearchEngine;
let understander: Understander;
beforeAll(async () => {
  ({ directory, engine, understander } = await realDirectoryAndEngine());
});
const understand = (text: string) => understander.understand(text);
const ask = (text: string) => answerQuestion(text, { directory, engine, understander, maxResults: 5 });

const nhs = syntheticNhsNumber(123456);

describe("understand: intents", () => {
  it.each([
    ["lonley gent in loughbrough, 84, hardly goes out", "find_service"],
    ["refer Mrs P to FC for a home safety check, consented", "make_referral"],
    ["any update on FC-7K3M9Q?", "referral_status"],
    ["show me my referrals", "list_referrals"],
    ["what can you do", "help"],
    ["morning!", "greeting"],
    ["the lunch club in syston closed last year", "feedback"],
    ["he's talking about ending his life", "urgent_help"],
    ["what's the max dose of paracetamol", "unknown"],
  ])("%s -> %s", (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  it("reads a referral chased by its reference in a longer message as its status (after round 21)", () => {
    expect(understand("where are we up to with FC-4HP2TX? gent in Whetstone still waiting on his key safe and rails").intent).toBe("referral_status");
  });

  it("lets the classifier alone call no emergency on a clinical question (after round 20)", () => {
    const result = understand("is it fine to give my husband his diazepam at bedtime now he's also on codeine? he's 79 and i can't get through to anyone tonight");
    expect(result.intent).toBe("unknown");
    expect(result.clinical).toEqual({ alone: true });
  });

  it("lets an emergency win over the referral it is hidden in", () => {
    const result = understand("can you refer him to FC for grab rails, also he said he wants to kill himself");
    expect(result.intent).toBe("urgent_help");
    expect(result.risks).toContain("suicide");
  });

  it("searches when a need was recognised and the guess at help is weak", () => {
    // The classifier alone leans to help (0.43); the dementia need makes it a search.
    const result = understand("memory clinic referral done, what can we do while he waits, 79, syston");
    expect(result.intent).toBe("find_service");
    expect(result.entities.needs).toEqual(["dementia-and-memory"]);
    expect(understand("what can you do").intent).toBe("help");
  });

  it("searches when the need named is one the directory lacks, so the answer can say so", () => {
    const result = understand("Can you find something for a man in Hinckley who needs storage for his things");
    expect(result.entities.notListed).toEqual(["storage for belongings"]);
    expect(result.intent).toBe("find_service");
  });

  it("searches, not panics, when the risk is negated", () => {
    const result = understand("no risk of self harm, just lonely, coalville");
    expect(result.intent).toBe("find_service");
    expect(result.entities.needs).toContain("social-isolation");
  });
});

describe("understand: entities", () => {
  it("reads a referral's person, NHS number, area, needs and urgency together", () => {
    const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
    const result = understand(`refer Mrs P to FC, nhs ${spaced}, lives in Shepshed, keeps falling, asap, consented`);
    expect(result.entities).toMatchObject({ person: "Mrs P", nhsNumber: nhs, areas: ["charnwood"], urgency: "soon" });
    expect(result.entities.needs).toContain("falls-prevention");
    expect(result.invalidNhsNumber).toBe(false);
  });

  it("reports an NHS number that fails its check digit, and keeps none", () => {
    const wrong = withWrongCheckDigit(nhs);
    const result = understand(`refer Mr J, nhs ${wrong}`);
    expect(result.entities.nhsNumber).toBeNull();
    expect(result.invalidNhsNumber).toBe(true);
  });
});

describe("understand: hostile input", () => {
  it.each(["?!?!", "😀😀😀", "   ", "\u202E\u200B\u2066", "\u0000\u0007\u001b[31m"])("%j is unknown, not a guess", (text) => {
    const result = understand(text);
    expect(result.intent).toBe("unknown");
    expect(result.unsure).toBe(false);
  });

  it("sees through bidi and zero-width tricks", () => {
    expect(understand("he's talking about end\u200Bing his li\u202Efe\u202C").intent).toBe("urgent_help");
  });

  it("copes with a very long message", () => {
    expect(understand("lonely ".repeat(3000)).intent).toBe("find_service");
  });
});

describe("answers by intent", () => {
  it("leads with 999 for an emergency and never searches", async () => {
    const answer = await ask("face has dropped and her speech is slurred, lives in Oadby");
    expect(answer.intent).toBe("urgent_help");
    expect(answer.confidence).toBe(1);
    expect(answer.results).toEqual([]);
    expect(answer.reply.split("\n")[0]).toMatch(/call 999/);
    expect(answer.reply).toMatch(/stroke/);
  });

  it("points abuse to adult safeguarding at the council", async () => {
    const answer = await ask("lady says her son hits her and takes her pension");
    expect(answer.reply).toMatch(/adult social care at the council where they live/);
  });

  it("refuses a message over the length limit with a clear reply", async () => {
    const answer = await ask(`lonely ${"x".repeat(2100)}`);
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/too long/);
  });

  it("says plainly that referrals cannot be logged yet, and points to First Contact Plus", async () => {
    const answer = await ask("refer Mrs P to FC for a home safety check, consented");
    expect(answer.intent).toBe("make_referral");
    expect(answer.reply).toMatch(/^I can't log referrals in chat yet\. For now, refer through First Contact Plus/);
  });

  it("thanks and goodbyes get their own short replies", async () => {
    expect((await ask("cheers that's great")).reply).toBe("You're welcome. Ask me again any time.");
  });

  it("tells the user an NHS number is wrong without repeating it", async () => {
    const wrong = withWrongCheckDigit(nhs);
    const answer = await ask(`lonely gent in Oakham, nhs ${wrong}`);
    expect(answer.reply).toMatch(/doesn't pass its check digit/);
    expect(answer.reply).not.toContain(wrong);
    expect(answer.entities.nhsNumber).toBeNull();
  });

  it("asks a short clarifying question instead of guessing when unsure", async () => {
    const intents = await loadIntents(realIntents);
    const cautious = createUnderstander(directory, intents, 0.99);
    const answer = await answerQuestion("what about the other thing from before", { directory, engine, understander: cautious, maxResults: 5 });
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/^I'm not sure what you need\./);
  });
});

describe("understand: after round 22", () => {
  it("reads a request to write something (a reference, a letter) as out of scope", () => {
    expect(understand("can you write a reference for our student volunteer, she's applying for a care job").intent).toBe("unknown");
  });

  it("does not let the classifier alone call 999 on a note that says the person is well again", () => {
    const text = "Found on the bathroom floor on Sunday by her carer, small graze, paramedics checked her, home the same day. Back to her usual self now. Needs a falls referral and more care calls.";
    expect(understand(text).intent).not.toBe("urgent_help");
  });

  it("gives a domestic abuse request a safety line, and none when the message says it is long over", async () => {
    const now = await ask("needs DA support, lives in Coalville, wants to talk through her options");
    expect(now.entities.needs).toContain("domestic-abuse");
    expect(now.reply.split("\n")[0]).toBe("If anyone is in danger now, call 999; otherwise follow your safeguarding procedure.");
    const over = await ask("needs DA support, lives in Coalville, left him 6 years ago and is safe now");
    expect(over.entities.needs).toContain("domestic-abuse");
    expect(over.reply).not.toMatch(/999|safeguarding/);
  });
});

describe("understand: after round 23", () => {
  it("does not let the classifier alone call 999 when the writer says it is not an emergency", () => {
    const text = "im his neighbour. the man next door in Sileby, 70s, hasnt put his bins out for months, theres a smell from the house. hes chatting to me ok, not an emergency, but who can help?";
    const understood = understand(text);
    expect(understood.intent).toBe("find_service");
    expect(understood.concern?.kinds).toContain("self-neglect");
  });

  it("reads a note that opens by calling itself a referral for someone as a referral, and one for a service as a search", () => {
    expect(understand("referral for our tenant Ms R, LE11 Loughborough - flat heavily cluttered, ok with someone visiting").intent).toBe("make_referral");
    const forAService = "Referral for a befriender for Mr J, 79, Countesthorpe. Wants someone to play chess with and to take him to the library now he's stopped driving. Also asked if anyone can cut his toenails as he can't reach.";
    expect(understand(forAService).intent).toBe("find_service");
  });

  it("reads 'what X are there' with a need as a search, and a question about Signpost as help", () => {
    expect(understand("what falls classes are there pls").intent).toBe("find_service");
    expect(understand("how do I search for befriending?").intent).toBe("help");
  });
});

describe("understand: after round 28", () => {
  it("reads asking to list referrals already logged as a list, not a new referral", () => {
    expect(understand("show every FCP ref we've raised this week").intent).toBe("list_referrals");
    expect(understand("log an FCP ref for Mr A please").intent).toBe("make_referral");
  });

  it.each([
    ["family in a B&B in temp accommodation, need school uniforms and food", ["housing-options", "food-and-essentials"]],
    ["been really low and just want something to get me out of the house", ["social-isolation", "mental-wellbeing"]],
    ["ESOL classes near Belgrave", ["language-and-interpreting"]],
    ["newly dx prostate ca, wants to do woodwork", ["long-term-conditions", "arts-and-creativity"]],
  ])("%s -> needs %j", (text, needs) => {
    expect(understand(text).entities.needs).toEqual(expect.arrayContaining(needs));
  });

  it("does not read a length of time as the person's age", () => {
    expect(understand("on her own for the first time in 60 years, wants company").entities.age).toBeNull();
  });
});

describe("understand: after round 29", () => {
  it.each([
    ["warm home help Cottesmore", ["affordable-warmth"]],
    ["left the army last year and my marriage is falling apart", ["veterans", "relationships"]],
    ["parents who lost a child, any group?", ["bereavement"]],
    ["wants to get back to growing veg", ["nature-and-gardening"]],
    ["wants to train as a peer mentor, son bunking off school", ["volunteering", "parenting-and-families"]],
    ["post CVA, would like a stroke club", ["long-term-conditions"]],
  ])("%s -> needs %j", (text, needs) => {
    expect(understand(text).entities.needs).toEqual(expect.arrayContaining(needs));
  });

  it("does not read 'falling apart' as a fall", () => {
    expect(understand("his marriage is falling apart, any relationship support?").entities.needs).not.toContain("falls-prevention");
  });

  it("reads a service said to be listed but gone as feedback, and a question about it as a search", () => {
    expect(understand("the lunch club in Oadby is listed but it's closed now").intent).toBe("feedback");
    expect(understand("the lunch club in Oadby is listed but is it still running?").intent).toBe("find_service");
  });

  it("does not let the classifier alone call 999 when the note says the carer is not at risk", () => {
    const text = "Went in for his bloods and his wife was in tears. He has Alzheimer's and is up all night, she's his only carer and says she's running on empty. She isn't at risk and isn't thinking of giving up on him, she just needs a break. Anstey.";
    expect(understand(text).intent).toBe("find_service");
  });

  it("reads an age written with 'now'", () => {
    expect(understand("out of the navy after 20 yrs, 45 now, lives in Melton").entities.age).toBe(45);
  });
});

describe("understand: after round 30", () => {
  it("answers an emergency asked as a clinical question with 999", () => {
    expect(understand("hx of angina, crushing chest pain started 20 min ago, sweaty. can he take another GTN spray?").intent).toBe("urgent_help");
  });

  it("reads a closed bank branch as a need, not a report about a listed service", () => {
    expect(understand("no internet at home and now the bank branch has closed, she can't do her banking").intent).toBe("find_service");
  });
});
