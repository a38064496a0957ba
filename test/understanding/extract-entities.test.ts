import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});
const entities = (text: string) => extractEntities(text, directory).entities;

describe("extractEntities: needs through the taxonomy", () => {
  it.each([
    ["lonley gent, hardly goes out", "social-isolation"],
    ["needs a DFG for a level access shower", "home-adaptations"],
    ["COPD, struggling to manage", "long-term-conditions"],
    ["keeps falling", "falls-prevention"],
    ["house is freezing and damp", "affordable-warmth"],
    ["wife has dementa", "dementia-and-memory"],
    ["wants to quit smoking", "stop-smoking"],
    ["hoarding, cant get in the kitchen", "hoarding"],
    ["needs a pendant alarm", "assistive-technology"],
    ["food bank voucher", "food-and-essentials"],
  ])("%s -> %s", (text, need) => {
    expect(entities(text).needs).toContain(need);
  });

  it("finds several needs in one message", () => {
    expect(entities("lonely, keeps falling and the house is freezing").needs).toEqual(
      expect.arrayContaining(["social-isolation", "falls-prevention", "affordable-warmth"]),
    );
  });

  it("finds no need in words that mean none", () => {
    expect(entities("hello there").needs).toEqual([]);
  });
});

describe("extractEntities: areas through the gazetteer", () => {
  it.each([
    ["Shepshed", ["charnwood"]],
    ["loughbrough", ["charnwood"]],
    ["lives in Ashby-de-la-Zouch", ["north-west-leicestershire"]],
    ["ashby de la zouch", ["north-west-leicestershire"]],
    ["Braunstone Town", ["blaby"]],
    ["Braunstone", ["leicester"]],
    ["Oakham", ["rutland"]],
    ["postcode LE11 2AB", ["charnwood"]],
    ["hinkley", ["hinckley-and-bosworth"]],
    ["Melton Mowbray", ["melton"]],
    ["Beaumont Leys", ["leicester"]],
  ])("%s -> %j", (text, areas) => {
    expect(entities(text).areas).toEqual(areas);
  });

  it("expands the county to its seven districts", () => {
    expect(entities("anywhere in Leicestershire").areas).toHaveLength(7);
  });

  it("never guesses an area when no place is named", () => {
    expect(entities("lonely widower, 84, keeps falling").areas).toEqual([]);
    expect(entities("needs an OT assessment for downstairs toilet").areas).toEqual([]);
  });
});

describe("extractEntities: hostile input", () => {
  it("sees through zero-width and bidi characters", () => {
    expect(entities("lone\u200Bly in Sheps\u202Ehed").areas).toEqual(["charnwood"]);
  });

  it("copes with only punctuation, emoji and very long input", () => {
    expect(entities("!!! ??? 😀😀").needs).toEqual([]);
    const long = "lonely ".repeat(5000);
    expect(entities(long).needs).toEqual(["social-isolation"]);
  });
});

describe("extractEntities: where the person lives, in fewer words", () => {
  it("reads a full postcode or a sector of a shared district by its sector", () => {
    expect(entities("lady of 60 at 14 Evington Close, LE2 1XY, wants a walking group").areas).toEqual(["leicester"]);
    expect(entities("carer at LE2 5 needs a break").areas).toEqual(["oadby-and-wigston"]);
    // A sector that straddles the boundary names no area, as the district alone does not.
    expect(entities("gent in LE2 9, lonely").areas).toEqual([]);
    expect(entities("gent in LE3, lonely").areas).toEqual([]);
  });

  it("takes 'the city' as Leicester only when nothing else is home", () => {
    expect(entities("just out of HMP Leicester, housed in a hostel in the city, needs work").areas).toEqual(["leicester"]);
    expect(entities("lives in Syston, son works in the city").areas).toEqual(["charnwood"]);
    expect(entities("lonely man, no idea where he lives").areas).toEqual([]);
  });

  it("takes a practice's town as home when no other place is named, and the home when one is", () => {
    expect(entities("GP at a Lutterworth practice here. Gent, 80, lives locally, lonely").areas).toEqual(["harborough"]);
    expect(entities("Ringing from a Melton surgery. Man, 58, debts piling up").areas).toEqual(["melton"]);
    expect(entities("Ringing from a Melton surgery. Man, 58, lives in Syston, debts piling up").areas).toEqual(["charnwood"]);
  });

  it("takes a place moved into as home, and a community hospital's town as not", () => {
    expect(entities("couple who relocated into Braunstone Frith last spring, both need help with forms").areas).toEqual(["leicester"]);
    expect(entities("just moving into Shepshed, looking for a lunch club").areas).toEqual(["charnwood"]);
    expect(entities("going home to Kibworth after three weeks at Melton Community Hospital, needs meals").areas).toEqual(["harborough"]);
    expect(entities("can't get into Leicester any more, the bus is too much").areas).toEqual([]);
  });

  it("takes the place a nearby group is asked for as where the person is, and 'round the city' as Leicester", () => {
    expect(entities("is there a chair yoga class near enough to Sileby for her to walk?").areas).toEqual(["charnwood"]);
    expect(entities("closest carers group to Uppingham please").areas).toEqual(["rutland"]);
    expect(entities("been drifting round the city since the hostel shut, 40, wants a bed").areas).toEqual(["leicester"]);
  });

  it("takes a GP practice's town as home when no other place is named", () => {
    expect(entities("referral from the Long Clawson surgery: 80M, wife died in the spring, lonely").areas).toEqual(["melton"]);
    expect(entities("Kibworth practice nurse: lives in Fleckney, wants a walking group").areas).toEqual(["harborough"]);
  });

  it("does not take the hospital someone was discharged from as home", () => {
    expect(entities("d/c from Glenfield on Monday after a bypass, lives in Sileby with his wife").areas).toEqual(["charnwood"]);
    expect(entities("discharged from Loughborough hospital, home is Quorn, needs shopping").areas).toEqual(["charnwood"]);
  });

  it("reads being put out of school or college as learning, not homelessness", () => {
    const found = entities("15yo excluded from school in Coalville, bored all day, wants something to do").needs;
    expect(found).toContain("employment-and-learning");
    expect(found).not.toContain("housing-options");
  });
});

describe("extractEntities: a question only about a need the directory lacks", () => {
  it("does not dress the story's needs up as the answer", () => {
    const found = entities("Chap of 79 with COPD in Hinckley, lonely since his wife died. Is there anyone who does ironing for him?");
    expect(found.needs).toEqual([]);
    expect(found.notListed).toEqual(["laundry services"]);
  });

  it("keeps the needs asked for beside it", () => {
    const found = entities("Widower in Hinckley, 79. Wants a befriender. Also does anyone do ironing?");
    expect(found.needs).toContain("social-isolation");
    expect(found.notListed).toEqual(["laundry services"]);
  });

  it("says so when the only ask is collecting prescriptions or storing belongings", () => {
    expect(entities("Lady of 88 in Whetstone, chemist won't deliver now. Can anyone pick up her prescription each month?").notListed).toEqual(["prescription collection and delivery"]);
    expect(entities("being evicted next week, needs a storage unit for his furniture until the council house comes").notListed).toEqual(["storage for belongings"]);
  });

  it("reads vermin as pest control, not hoarding, unless the home is hoarded", () => {
    expect(entities("mice in the flat and the landlord won't act, any pest control?").needs).not.toContain("hoarding");
    expect(entities("every room piled floor to ceiling, and now mice").needs).toContain("hoarding");
  });

  it("reads needs told in everyday words", () => {
    expect(entities("my dad died in the summer and I can't settle to anything").needs).toContain("bereavement");
    expect(entities("girl of 12 who helps her mum with everything since mum's MS got worse").needs).toContain("young-carers");
    expect(entities("wants to learn video calling so she can see the grandchildren").needs).toContain("digital-inclusion");
    expect(entities("just home from hospital, needs someone to get shopping in for her").needs).toContain("food-and-essentials");
    expect(entities("is there anything on for teens in Shepshed").needs).toContain("youth-activities");
    expect(entities("new dad, no family here, any parent groups").needs).toContain("parenting-and-families");
  });

  it("reads more needs in plain words", () => {
    expect(entities("deaf gent, BSL user, nobody at the home can sign with him").needs).toEqual(expect.arrayContaining(["hearing-loss", "language-and-interpreting"]));
    expect(entities("can't read her letters from the council, English is her second language").needs).toContain("language-and-interpreting");
    expect(entities("garden is overgrown and she's 90, any help?").needs).toContain("nature-and-gardening");
    expect(entities("newly widowed, 66, in Syston").needs).toEqual(expect.arrayContaining(["bereavement", "social-isolation"]));
    expect(entities("care home wants a singalong group to visit").needs).toContain("arts-and-creativity");
  });

  it("does not read 'coming out' of hair or smoke as LGBTQ+", () => {
    expect(entities("hair coming out after chemo, any wig bank?").needs).not.toContain("lgbtq-support");
    expect(entities("17 year old who came out to his parents last month, wants a youth group").needs).toContain("lgbtq-support");
  });

  it("takes a road named after a city neighbourhood as the city when someone lives off or on it", () => {
    expect(entities("lives alone off Belgrave Road, wants a lunch club").areas).toEqual(["leicester"]);
    // A house number and a road are an address, not "lives off".
    expect(entities("Mr K, 14 Evington Road, Hinckley LE10 1").areas).toEqual(["hinckley-and-bosworth"]);
  });

  it("takes home as a relative's place the person has moved to", () => {
    expect(entities("registered at a city practice but she has moved to her son's in Quorn").areas).toEqual(["charnwood"]);
  });

  it("reads a free-standing & as 'and'", () => {
    expect(entities("needs a strength & balance class").needs).toContain("falls-prevention");
  });
});

describe("extractEntities: after round 20 (new words)", () => {
  it.each([
    ["any aphasia groups near Hinckley for my dad", "brain-injury"],
    ["she wants a stroke club where people are her age", "brain-injury"],
    ["looking for a free will writing scheme for a widow in Oakham", "legal-advice-and-advocacy"],
    ["the hedges are overgrown and he can't reach them", "nature-and-gardening"],
    ["needs the bathroom adapted for a wet room", "home-adaptations"],
    ["his daughter could do with a break from it all", "carers-support"],
    ["being discharged from the Royal Derby on Monday", "hospital-discharge"],
    ["lost £900 to a phone scam, bank say it's fraud", "crime-and-antisocial-behaviour"],
  ])("%s -> %s", (text, need) => {
    expect(entities(text).needs).toContain(need);
  });

  it("reads a carer of 13 as a young carer though the note mentions other kids", () => {
    const found = entities("13yo girl in Hinckley, looks after her dad who has MS, wants time with other kids");
    expect(found.needs).toContain("young-carers");
    expect(found.needs).not.toContain("carers-support");
  });

  it("takes a lay-by or a field just outside a town as that town's area", () => {
    expect(entities("sleeping in his van in a lay-by outside Melton Mowbray, needs housing").areas).toEqual(["melton"]);
    expect(entities("lives in a caravan on a farm outside Uppingham, lonely").areas).toEqual(["rutland"]);
  });
});

describe("extractEntities: after round 21 (new words)", () => {
  it.each([
    ["could a chaplain visit him at home, he's Catholic", "faith-and-culture"],
    ["any art group for a retired teacher in Melton", "arts-and-creativity"],
    ["something for anxious teenagers in Hinckley", "young-peoples-mental-health"],
    ["the street wants a no cold calling zone", "crime-and-antisocial-behaviour"],
    ["wants a phased return after his heart op", "employment-and-learning"],
    ["widow in Anstey who misses her friends from the mill", "social-isolation"],
  ])("%s -> %s", (text, need) => {
    expect(entities(text).needs).toContain(need);
  });

  it("reads housebound as the person's circumstance when the question is about a need the directory lacks", () => {
    const found = entities("does anyone know a barber who visits housebound men in Shepshed?");
    expect(found.needs).toEqual([]);
    expect(found.notListed).toContain("hairdressing");
  });
});


describe("extractEntities: after round 22 (new words)", () => {
  it.each([
    ["on the ward at Loughborough, going home to Shepshed on Friday, needs help with shopping", ["hospital-discharge", "food-and-essentials"]],
    ["home after a 12 day admission, lives in Oakham", ["hospital-discharge"]],
    ["mum would like a parents support group after her daughter's ADHD diagnosis", ["parenting-and-families"]],
  ])("%s -> %j", (text, needs) => {
    expect(entities(text).needs).toEqual(expect.arrayContaining(needs));
  });

  it("takes a hospital someone was seen at as somewhere else, not home", () => {
    expect(entities("fall last month, seen at Glenfield, fine now. 80M Belgrave, wants a lunch club").areas).toEqual(["leicester"]);
  });

  it.each([
    ["He has rats in the shed and can't afford the council's charge for pest control. Can anyone help with that?", "pest control"],
    ["She's never registered with a GP since moving from Nottingham. Who can help her with that?", "registering with a GP"],
    ["Can't get his wheelie bin to the kerb since the stroke. Does Blaby do assisted collections?", "assisted bin collections"],
    ["Adopted at birth, 40, wants to trace her birth family. Is there a service for that?", "tracing birth family"],
  ])("%s: asks only for something the directory lacks (%s)", (text, label) => {
    const found = entities(text);
    expect(found.needs).toEqual([]);
    expect(found.notListed).toContain(label);
  });

  it("still finds the listed need asked beside an unlisted one", () => {
    const found = entities("Can't get the wheelie bin down the drive. Does Melton do assisted bin collections? She'd love a befriender too");
    expect(found.needs).toContain("social-isolation");
  });
});

describe("extractEntities: after round 23", () => {
  it.each([
    ["22yo lad with a severe stammer, stopping him getting through interviews, and help getting into work?", "employment-and-learning"],
    ["left an abusive marriage 10 yrs ago, wants to do the Freedom Programme now", "domestic-abuse"],
    ["student house next door has parties till 4am most nights, she's frightened", "crime-and-antisocial-behaviour"],
    ["agency carers missing visits, family want a different care provider", "care-at-home"],
    ["two men doing her roof charged £9,000, trading standards not told yet", "crime-and-antisocial-behaviour"],
    ["is there somewhere she can talk to someone in Gujarati?", "language-and-interpreting"],
  ])("%s -> %s", (text, need) => {
    expect(entities(text).needs).toContain(need);
  });

  it("does not read falling out with someone as falls", () => {
    expect(entities("granddaughter, 15, living with him after falling out with her mum").needs).not.toContain("falls-prevention");
  });
});

describe("extractEntities: after round 24", () => {
  it("reads a teenager's low mood as young people's mental health too, and an adult's as wellbeing only", () => {
    expect(entities("16yo, low and anxious since the exams, Hinckley").needs).toEqual(expect.arrayContaining(["mental-wellbeing", "young-peoples-mental-health"]));
    expect(entities("46yo, low and anxious since the redundancy, Hinckley").needs).not.toContain("young-peoples-mental-health");
  });
});
