// What issue 14 asked of understanding, each as a behaviour: clinical questions declined (alone, or the
// clinical half of a mixed message), a referral asked for at the end of a long note, follow-ups with
// nothing to follow, the person's home rather than a hospital's town, ages as staff write them, and
// honest matching: no services presented for a need the directory does not cover, or none recognised.
import { beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import type { Understander } from "../../src/understanding/create-understander.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let understander: Understander;
let ask: (text: string) => ReturnType<typeof answerQuestion>;
beforeAll(async () => {
  const core = await realDirectoryAndEngine();
  understander = core.understander;
  ask = (text) => answerQuestion(text, { ...core, maxResults: 5 });
});

describe("two readers of an emergency", () => {
  it.each([
    "the lady at number 9 has been banging on the wall for ages and now it's gone quiet and she's not opening the door",
    "he's taken his dad's car keys and driven off drunk with the kids in the back",
  ])("the classifier calls 999 on %j, which has no risk word the lexicon knows", (text) => {
    const understood = understander.understand(text);
    expect(understood.safety.tier).toBe("none");
    expect(understood.intent).toBe("urgent_help");
  });

  it("leaves the call to the lexicon when the message says outright the person is safe now", () => {
    const understood = understander.understand("client told me her boyfriend hit her last month; she said she's not in danger right now and he's moved out");
    expect(understood.intent).not.toBe("urgent_help");
  });
});

describe("clinical questions", () => {
  it.each([
    "eGFR gone from 48 to 39 in 3 months, is that something to worry about?",
    "whats the max dose of oramorph for a frail 92yo",
    "family keep asking how long she's got, would you say weeks or months?",
    "does that fit vascular dementia or alzheimers better?",
    "?UTI worth dipping or just send an MSU",
    "leg ulcer oozing and smells, is it infected do u think",
    "eGFR 41 in 84F, what stage is that and does she need to see renal?",
    "dip shows nitrites, does he need abx or just push fluids",
    "can 58M come off his citalopram now his mood is better?",
    "could the dizziness be from the new ramipril?",
    "drowsier today, temp 37.9, ?chest infection or ?delirium",
    "BP 182/104 at review, no symptoms, anything to worry about",
    "shaky hands and getting forgetful, more likely Parkinson's or dementia?",
    "wife asking whether his headaches are something serious",
    "is that the steroids doing it?",
    "on the new water tablet a fortnight, worth upping it?",
    "his right ankle is hot and puffy since Monday, something or nothing?",
    "should we omit his bumetanide on clinic days, he hates being caught short",
    "any idea why her ankles are so puffy lately",
    "wondering if the new tablets are what's making him so dozy",
    "is 37.9 a temperature for someone of 90",
    "is it just old age or is it dementia?",
    "on four blood pressure tablets and still 175 systolic, what next?",
    "her INR is 4.6 this morning, hold tonight's warfarin?",
    "what's a safe dose of vitamin D for an 85 year old",
    "what's the difference between vascular dementia and Lewy body",
    "how often should her bloods be done on lithium",
    "realistically how long do people live with heart failure that bad?",
    "can she have another dose of oramorph yet?",
    "is her patch not working properly? the pain is worse at night",
    "is the gurgling in his breathing to be expected at this stage of his illness?",
    "her eyesight went blurry in one eye overnight, is that serious?",
    "wondering whether she should come down to 25mg of her amitriptyline now she sleeps better",
    "he's on apixaban and wants to try turmeric capsules, is there a risk?",
    "after a bleed on the brain last month, will she ever talk again?",
    "she had a new hip in October, is it safe to drive yet?",
  ])("declines %j, and offers what Signpost can do", async (text) => {
    const answer = await ask(text);
    expect(answer.intent).toBe("unknown");
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/^I can't give clinical advice/);
    expect(answer.reply).toMatch(/GP|pharmacist|NHS 111/);
  });

  it.each([
    "T2DM, HbA1c 81 - is that dangerous? he also wants to join a weight management group, lives in Coalville",
    "what should his goal weight be at BMI 38, and is there a weight management group near Coalville",
  ])("declines the clinical half of a mixed message out loud, and answers the service half: %j", async (text) => {
    const answer = await ask(text);
    expect(answer.intent).toBe("find_service");
    expect(answer.reply.split("\n")[0]).toMatch(/^I can't give clinical advice, so I haven't answered the clinical question/);
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.some((r) => r.needs.includes("weight-management"))).toBe(true);
  });

  it.each([
    "does she need her inhalers changing? and is there a breathe easy group in Oakham",
    "could he go on the patches if he still smokes the odd one? also any stop smoking group in Coalville",
    "would he be eligible for mounjaro, and are there weight management groups in Hinckley",
    "her BP was 168 today, is that too high? she also wants a walking group in Wigston",
    "HbA1c 71, is his diabetes well controlled? and is there a cookery class in Syston",
  ])("finds the clinical half of %j, and knows a service was asked for too", (text) => {
    expect(understander.understand(text).clinical).toEqual({ alone: false });
  });

  it("does not take a question about a service for a clinical one", () => {
    expect(understander.understand("is there a breathe easy group for COPD near Melton?").clinical).toBeUndefined();
    expect(understander.understand("should she go to a dementia cafe in Oakham?").clinical).toBeUndefined();
    expect(understander.understand("carer worn out, husband has dementia, where do I start with respite in Syston?").clinical).toBeUndefined();
    expect(understander.understand("not sure if he can take on the tenancy, any housing advice in Wigston?").clinical).toBeUndefined();
    expect(understander.understand("she would benefit from an advocate, any in Coalville?").clinical).toBeUndefined();
    expect(understander.understand("wondering if there is a stop smoking group near Hinckley").clinical).toBeUndefined();
    expect(understander.understand("is the sight loss group in Oakham still running?").clinical).toBeUndefined();
    expect(understander.understand("is the hearing loss drop-in normal price or free?").clinical).toBeUndefined();
    expect(understander.understand("would he qualify for a blue badge in Melton?").clinical).toBeUndefined();
  });
});

describe("what is asked, from how it is put", () => {
  it("takes a referral asked for at the end of a long note for a referral", () => {
    const note =
      "Pt 73, Braunstone Town LE3. Home after elective THR, mobilising with frame. Bath only, no shower, struggling with the stairs and lives alone. Daughter visits weekly. Please refer to FCP for a bath board or level access shower.";
    expect(understander.understand(note).intent).toBe("make_referral");
  });

  it("answers a follow-up that has nothing to follow with how to start", async () => {
    for (const text of ["show more", "tell me about the second one"]) {
      const answer = await ask(text);
      expect(answer.intent).toBe("help");
      expect(answer.reply).toMatch(/no list to follow on from yet/);
    }
  });

  it("takes a comment on Signpost itself for feedback", () => {
    expect(understander.understand("this is really useful, found a carers group for my pt in 2 mins").intent).toBe("feedback");
    expect(understander.understand("v useful, saved me ringing round").intent).toBe("feedback");
    expect(understander.understand("way faster than phoning round the hub, well done whoever made it").intent).toBe("feedback");
    expect(understander.understand("the replies are far too wordy for a quick look between visits").intent).toBe("feedback");
  });

  it("takes a change to a service's details for feedback, unless another is asked for", () => {
    expect(understander.understand("the walking group in Syston only runs monthly now, not weekly").intent).toBe("feedback");
    expect(understander.understand("memory cafe in Melton has moved to the library").intent).toBe("feedback");
    expect(understander.understand("the lunch club in Anstey has closed down, is there another one nearby?").intent).toBe("find_service");
    expect(understander.understand("your entry for the Oadby knit group says Mondays but it's been Fridays since June").intent).toBe("feedback");
    expect(understander.understand("her post office has closed and she wants to learn to pay bills online, Syston").intent).toBe("find_service");
    expect(understander.understand("the Syston chatty cafe isn't at the church any more, it's moved to the scout hut").intent).toBe("feedback");
    expect(understander.understand("the Oadby lunch club stopped in the spring but you're still showing it every Wednesday").intent).toBe("feedback");
    // A long case note that mentions a service closing long ago is a request, not a report.
    expect(
      understander.understand(
        "Mr D, 71, Anstey, cares for his wife who has Parkinson's and falls often. He is exhausted and says he has no time for himself at all. The day centre she went to closed in March and nothing has replaced it. Their daughter lives in Scotland. He'd like a break and someone to talk to about what comes next.",
      ).intent,
    ).toBe("find_service");
  });

  it("takes how to refer, and a referral already sent, for what they are", () => {
    expect(understander.understand("how do I make a referral on here?").intent).not.toBe("make_referral");
    expect(understander.understand("we sent a first contact referral for Mrs Q on Monday, has it gone through?").intent).not.toBe("make_referral");
  });

  it("takes booking a GP appointment as something Signpost does not do", () => {
    expect(understander.understand("can you book Mr Z in with the practice nurse on friday").intent).toBe("unknown");
  });
});

describe("where the person lives, and their age", () => {
  it.each([
    ["on ward 22 at Glenfield Hosp atm but home is Ibstock, needs a key safe before d/c", ["north-west-leicestershire"]],
    ["79M, lives alone off Loughborough Rd, Belgrave, lonely since his wife died", ["leicester"]],
    ["Langham, Rutland. 63F keen to lose weight, wants a course locally not in Leicester", ["rutland"]],
    ["Pt 92, Enderby. On her own all day while her daughter works in Leicester", ["blaby"]],
    ["Birstall, Leicester LE4: 80F lonely", ["charnwood"]],
    ["doesnt drive, keeps missing hospital appts, empingham", ["rutland"]],
    ["needs lifts to the shops, lives in Empingham, doesnt drive", ["rutland"]],
    ["lonely lady in Great Glenn, 80", ["harborough"]],
    ["man in Beaumontleys wants a job club", ["leicester"]],
    ["OT visit Newbold Verdon, needs rails", ["hinckley-and-bosworth"]],
    ["any lunch club nearest to Melton Mowbray?", ["melton"]],
    ["widower on a smallholding a couple of miles outside Ketton, wants company", ["rutland"]],
    ["lady round the Saffron Lane way, wants a lunch club", ["leicester"]],
    ["lives just outside Leicester, wants a walking group", []],
    ["staying with her brother in Syston since the fire, needs help with forms", ["charnwood"]],
    ["on the books at a Melton surgery but lives in Oakham, wants a walking group", ["rutland"]],
  ])("%s -> %j", (text, areas) => {
    expect(understander.understand(text).entities.areas).toEqual(areas);
  });

  it.each([
    ["Barrow 54M ex smoker, BMI 34, BP 162/98, wants a health check", 54],
    ["F 90, ?UTI last wk now resolved, needs lunch calls", 90],
    ["Mr T, 73, 12 Castle View Close, COPD GOLD 3, FEV1 38%", 73],
  ])("%s -> aged %i, never a test value", (text, age) => {
    expect(understander.understand(text).entities.age).toBe(age);
  });
});

describe("honest matching", () => {
  it("names partner abuse as domestic abuse (a need of its own since the grouped taxonomy), not as a money need", () => {
    const understood = understander.understand("she says her husband controls all the money and checks her phone, she is safe at the moment, lives in Shepshed");
    expect(understood.entities.needs).toEqual(["domestic-abuse"]);
    expect(understood.entities.notListed).toEqual([]);
    expect(understood.concern).toBeDefined();
  });

  it("counts living alone as a need for company only when nothing else is asked", () => {
    expect(understander.understand("lives alone in Oadby, wants help with a benefits check").entities.needs).toEqual(["money-and-benefits"]);
    expect(understander.understand("lives alone in Oadby").entities.needs).toEqual(["social-isolation"]);
  });

  // NHS dentistry and childcare places are what needs.yaml still does not cover; sight loss and
  // bereavement, the examples here before the grouped taxonomy, are needs with services now (below).
  it("offers no service as a match for a need the directory does not cover, and says so", async () => {
    const answer = await ask("Edith Weston, 81F, dentures broken and cant find an NHS dentist taking new patients. anything?");
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/The directory doesn't list NHS dentistry yet, so I haven't suggested any services as a match\./);
    expect(answer.reply).toMatch(/First Contact Plus/);
  });

  it("says so beside the services for the needs it does cover", async () => {
    const answer = await ask("lonely young mum in Syston, anything to get her out, and a nursery place for her toddler");
    expect(answer.results.some((r) => r.needs.includes("social-isolation"))).toBe(true);
    expect(answer.reply).toMatch(/The directory doesn't list childcare places yet\./);
  });

  it("matches what used to be outside the directory to the needs that now cover it", async () => {
    const sight = await ask("Edith Weston, 81F macular degeneration, cant read her post anymore. sight loss charity, talking books, anything?");
    expect(sight.results.map((r) => r.needs)).toContainEqual(expect.arrayContaining(["sight-loss"]));
    expect(sight.reply).not.toMatch(/doesn't list/);
    const grief = await ask("lonely since his wife died, bereavement group or anything to get him out, Syston");
    expect(grief.entities.needs).toEqual(expect.arrayContaining(["social-isolation", "bereavement"]));
    expect(grief.results.some((r) => r.needs.includes("bereavement"))).toBe(true);
    expect(grief.results.some((r) => r.needs.includes("social-isolation"))).toBe(true);
    expect(grief.reply).not.toMatch(/doesn't list/);
  });

  it("presents nothing when no need is recognised, and asks one short question", async () => {
    const answer = await ask("partner not wants to stay, Melton");
    expect(answer.results).toEqual([]);
    expect(answer.reply).toMatch(/couldn't tell what support the person needs/);
    expect(answer.reply).toMatch(/\?/);
  });

  it("says why a service matched in the words that meant its need, never a stray word", async () => {
    const answer = await ask("lonely widower in Loughborough, not wanting to go out");
    for (const result of answer.results) {
      expect(result.why).not.toMatch(/matched the words/);
      expect(result.why).toMatch(/^Meets /);
    }
  });
});
