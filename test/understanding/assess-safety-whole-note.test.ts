// What the rest of a note says about a risk word: a denial of any plan, safety said after the
// disclosure, the day something was told (not the day it happened), wounds already seen to, an
// episode that ended, and violence heard through a wall. Written in words no blind round used.
import { describe, expect, it } from "vitest";
import { assessSafety } from "../../src/understanding/assess-safety.js";

describe("assessSafety: the rest of the note eases a risk word into a concern", () => {
  it.each([
    ["keeps saying what's the point of anything. Denies any current plan or intent when asked directly.", "low-mood"],
    ["he said they'd all be better off without him; no suicidal ideation, family visiting daily", "low-mood"],
    ["she disclosed that her partner threatens her and locks the post away from her. He has moved out since, and she says she is safe now.", "violence"],
    ["her grandson shouts at her and locks the cupboard where the food is kept. She isn't frightened of him, she says, and he works away in the week.", "abuse"],
    ["student told the school nurse today that she has been scratching her wrists at night. The marks are healing and she has a safety plan with CAMHS.", "self-harm"],
    ["young man has run away from the children's home twice this month, came back the next morning both times", "missing"],
  ])("%s -> a concern (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain(kind);
  });
});

describe("assessSafety: and still sees the emergency", () => {
  it.each([
    ["I can hear glass being smashed next door and a woman screaming at someone to stop", "violence"],
    ["from my window it sounds like the lad upstairs is being beaten, there's banging and crying", "violence"],
    ["the dog walker rang: her husband went out at dawn with no coat and nobody's heard from him since", "missing"],
    ["says she feels safe at home, but right now her ex is outside with a knife trying the door", "violence"],
    ["fresh deep cuts on his forearm still bleeding through the towel", "self-harm"],
    ["he denied any plan at first, but then said he has been saving up his sleeping tablets", "suicide"],
    ["she hasn't come back from her walk and the carer says she hasn't turned up anywhere we know", "missing"],
    ["on arrival he admitted he had swallowed a whole strip of his amitriptyline about half an hour before the crew got there", "overdose"],
    ["Reablement call. Client quiet, then said she took a full packet of paracetamol with her breakfast before I arrived.", "overdose"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it("does not take a missing person as back when the note says they are not", () => {
    expect(assessSafety("mum went out this morning and still isn't back, her phone is off").tier).toBe("emergency");
  });
});

describe("assessSafety: an injury already assessed is not one happening now", () => {
  it.each([
    "tripped on the kerb last night, bumped his forehead, obs normal, head injury leaflet given to his daughter",
    "knock to the head when she slipped in the bath on Sunday, seen by the GP, head injury advice explained",
    "he was on the floor about 10 minutes before his son found him on Tuesday, no injuries, now mobilising with frame",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it("still sees a head injury now", () => {
    expect(assessSafety("he has just fallen down the step and has a head wound that is bleeding a lot").tier).toBe("emergency");
  });
});

describe("assessSafety: after round 17 (new words)", () => {
  it.each([
    ["the toddler got into grandad's bag and has swallowed some of his morphine, she's very sleepy and floppy", "overdose"],
    ["nephew, 2, has chewed half of mum's sertraline strip, she's ringing from the car", "overdose"],
    ["baby has gone floppy and pale in the cot and won't feed", "collapse"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it.each([
    "Smoke and CO alarms were fitted by the crew this morning; chimney needs a sweep.",
    "Paracetamol overdose 2019, none since, well in himself today and back at the allotment.",
    "For our induction training: what would Signpost say if a user wrote that they had taken an overdose?",
    "can't remember where he puts things since after the head injury in March, wife would like a group",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it.each([
    ["Bed soaked in urine again, refuses all carers, has capacity and understands the risks.", "neglect"],
    ["Her ex has threatened to set fire to her flat; bail conditions in place, MARAC next week.", "fire-or-gas"],
    ["Told me he pushes her about when he drinks. He's away with work till Monday; gave her the DA support service number and she says it's safe to talk today.", "violence"],
  ])("%s -> a concern (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain(kind);
  });

  it("still sees a threat carried out now", () => {
    expect(assessSafety("he's threatening to set fire to the flat and is pouring petrol in the hall right now").tier).toBe("emergency");
  });
});

describe("assessSafety: after round 18 (new words)", () => {
  it.each([
    ["Visited Mr K at home, his lips are going bluish and he can hardly finish a sentence, says he doesn't want a fuss", "breathing"],
    ["He didn't come back from the day centre in Market Harborough at 3pm, it's now 7pm and he has no phone", "missing"],
    ["he has just collapsed in the street in Market Bosworth and isn't moving", "collapse"],
    ["my neighbour is clutching his chest, I think he is having a heart attack", "chest-pain"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it.each([
    "her old dog has been missing since Tuesday and she is beside herself, any befrienders?",
    "the new rota nearly gave me a heart attack, but the befriending service is great",
    "that invoice gave everyone a heart attack, ha",
  ])("%s -> no risk at all", (text) => {
    expect(assessSafety(text).tier).toBe("none");
  });

  it("keeps abuse a concern when she is stopping with family tonight", () => {
    const check = assessSafety("Her husband takes all her money and she is scared of him. She's stopping at her mum's tonight and for a few days.");
    expect(check.tier).toBe("concern");
  });
});

describe("assessSafety: after round 19 (new words)", () => {
  it.each([
    "bungalow freezing, boiler died last week, she's sitting by a gas fire in the front room, needs grants for a new boiler urgently",
    "82F more muddled since Tuesday, could it be her water infection or is she just dehydrated?",
    "COPD, gets up the hill to the shop but is gasping by the top, wants a pulmonary rehab or singing group",
    "He had a blade on him in the session; he handed it over to staff, police informed, he is calm and wants a detox",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it.each([
    ["the curtains have caught fire in the lounge and she can't get out", "fire-or-gas"],
    ["she is gasping and going grey, can't get a word out", "breathing"],
    ["he's waving a knife at his brother in the kitchen right now", "violence"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });
});

describe("assessSafety: after round 20 (new words)", () => {
  it.each([
    ["suspected OD 20 mins ago, he's drowsy on the sofa", "overdose"],
    ["im going to swallow the lot of her oxycodone tonight, cant do this", "suicide"],
    ["she says she's about to down all her tablets", "suicide"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it.each([
    "On bisoprolol 2.5mg OD now and BP better, wants a walking group",
    "Bereavement referral: husband died unexpectedly in August (heart attack on holiday). She's lonely and wants a widows' group.",
    "Her son passed away last spring - stroke at 52. She'd like a grief cafe in Melton.",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it.each([
    ["Neighbour says his blinds have been closed for days and there's a smell coming from the bungalow", "self-neglect"],
    ["82M, isn't washing, house is getting into a state since his wife went into a care home", "self-neglect"],
    ["She keeps refusing and won't let the district nurses in, legs leaking through the bandages", "self-neglect"],
    ["Hoarder, 70, can't get into the bathroom for the boxes, wants help to sort it", "self-neglect"],
    ["Shop staff watched her grandson make her read out her PIN at the till", "abuse"],
    ["Lads have been using his flat to sell drugs, he calls them his mates", "abuse"],
    ["Year 10 pupil told her tutor she thinks about not waking up, no plan, safety plan with mum", "low-mood"],
    ["Disclosed her husband shoved her into the door last weekend; he's at work all week", "violence"],
  ])("%s -> a concern (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain(kind);
  });
});

describe("assessSafety: after round 21 (new words)", () => {
  it.each([
    ["pt with CP now and SOB, grey", "chest-pain"],
    ["lady in the cafe FAST positive, arm weak", "stroke"],
    ["cut his hand on the glass, won't stop even when we press on it", "collapse"],
    ["fell in the car park, bleeding like mad from her leg", "collapse"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it.each(["has CP and uses a powerchair, wants a swimming group", "CP since birth, now 40, wants volunteering"])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });
});

describe("assessSafety: after round 22 (new words)", () => {
  it.each([
    ["Tenant's flat is floor to ceiling with newspapers, the front door is blocked and he won't engage with us", "self-neglect"],
    ["Bungalow smells, litter trays overflowing, she sent her carers away on Monday", "self-neglect"],
    ["Husband checks her phone and has slapped her before. He's away this week.", "abuse"],
    ["Out of hospital a month, gets dark thoughts at night but no plan", "low-mood"],
    ["Wife says she can't keep doing this, he's up every night", "carer-strain"],
  ])("%s -> a concern (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain(kind);
  });

  it.each([
    "Some days I just want to walk out and never come back, she told me, but she'd never leave him.",
    "Rooms stacked floor to ceiling with books but walkways clear and he is not self-neglecting.",
    "The house smells damp, mould on the bedroom wall, wants help with the landlord.",
    "Abused by her ex-husband decades ago and has hit back at her before in the relationship, now settled",
  ])("%s -> no emergency and no self-neglect", (text) => {
    const check = assessSafety(text);
    expect(check.tier).not.toBe("emergency");
    expect(check.kinds).not.toContain("self-neglect");
  });
});

describe("assessSafety: after round 23 (shorthand emergencies, risks that are only risks)", () => {
  it.each([
    ["79M on floor since 0600 ?#NOF unable to weight bear, lives alone Whitwick, no POC", "collapse"],
    ["she's been on the floor since 06:30 and can't get up", "collapse"],
    ["T2DM on insulin, member at day centre melton unrousable + clammy, BM 1.9", "collapse"],
    ["Diabetic, BM 2.1, sweaty and confused", "collapse"],
    ["carbon monoxide alarm screeching, she's dizzy", "fire-or-gas"],
    ["not sleeping and suicidal, has a plan for tonight", "suicide"],
  ])("%s -> an emergency (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it.each([
    "Mr V, 80, lives in a cottage in Empingham with an open fire and no working smoke alarm. He would benefit from a fire service safe and well visit and a CO alarm.",
    "Hx of SH as a teenager (cutting), none for 10 yrs. No current thoughts of self harm or suicide. Wants a mindfulness course.",
    "Denies SI/SH and suicidal intent, mood better since the new job",
    "BM 2.8 this morning, treated with glucotabs, now 6.1 and well",
    "bm 12.1 and a bit clammy after the walk",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it("reads a neighbour's account of bins, a smell and a full garden as self-neglect", () => {
    const check = assessSafety("the man next door hasnt put his bins out for months, theres a smell from the house and the garden is full of stuff");
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain("self-neglect");
  });
});

describe("assessSafety: after round 24 (red-flag observations, over and safe)", () => {
  it.each([
    "80F Syston, RR 28, HR 135, new confusion since this morning",
    "T1DM 15F, BM HI, ketones 5.2, vomiting since breakfast, drowsy now",
    "resident GCS 9, drowsy and clammy",
  ])("%s -> an emergency (collapse)", (text) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain("collapse");
  });

  it.each([
    "COPD annual review, sats 88% RA which is her baseline, drowsy after a bad night",
    "RR 26 after the stairs, settled to 18 at rest, chatty and well",
    "Home from the LRI: admitted Tuesday with chest pain, two stents, pain free since.",
    "Moved to Syston in 2020 after fleeing DV in Derby. Ex has no contact, no current risk.",
    "She used to go to the chapel with him and hasn't been back since the funeral.",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it("keeps rough handling by a care worker a concern when the note says the person is not at risk now", () => {
    const check = assessSafety("Bruises on both arms, she says the evening carer is rough with her. Not at risk right now, safeguarding raised.");
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain("abuse");
  });
});

describe("assessSafety: after round 25 (tablets swallowed just now, far away, passive thoughts)", () => {
  it("reads tablets named before and swallowed minutes ago as an overdose now", () => {
    const check = assessSafety("found an empty box of her sleeping tablets, she says she swallowed them half an hour ago");
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain("overdose");
  });

  it.each([
    "his aunt in Ireland has had a stroke this morning and he is beside himself, any counselling in Oadby?",
    "his nephew in Poland has just had a heart attack and he's worried sick, anything for anxiety in Loughborough?",
    "They lost their son to suicide in the spring, both struggling, any support group for parents?",
    "carer prompted and she swallowed them with her breakfast",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it("still calls 999 on a stroke happening to a relative nearby", () => {
    expect(assessSafety("my sister in Glenfield is having a stroke, her face has dropped").tier).toBe("emergency");
  });

  it.each([
    "Told me he'd be better off not around, no plan, wife with him tonight.",
    "Says he can't see the point in anything any more. No plan or intent.",
    "Would rather go to sleep and never wake up, denies any plan, daughter aware.",
    "Husband's carer says she's scared she'll 'snap' with him one of these days.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });

  it("does not read 'doesn't see the point in going to the gym' as low mood", () => {
    expect(assessSafety("doesn't see the point in going to the gym").tier).toBe("none");
  });
});

describe("assessSafety: after round 26 (counts of tablets, threats that are not harm, passive wishes, safeguarding in hand)", () => {
  it.each([
    "told me she took approx 40 x co-codamol 30/500 at 6am today, feels sick",
    "he took ~25 sertraline last night and hasn't told anyone",
  ])("%s -> an overdose now", (text) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain("overdose");
  });

  it.each([
    "takes 2 x paracetamol 500mg four times a day for his hips",
    "Tenant being threatened with court action over rent arrears, needs debt advice.",
    "Struggles to get in and out of the bath, so can't get out of the bath without her husband. Asking about a walk-in shower through a DFG.",
  ])("%s -> not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it("still calls 999 on someone who can't get out of the bath now", () => {
    expect(assessSafety("my dad can't get out of the bath and he's been in there two hours, water's cold").tier).toBe("emergency");
  });

  it.each([
    "Said 'it would be easier if I didn't wake up some mornings'. No plan, wife aware.",
    "'I pray that God takes me soon' - no plan or intent, family visit daily.",
    "Raised it with our safeguarding lead as her nephew keeps 'borrowing' her pension.",
    "He seems scared to speak in front of the lads who stay at his flat. Housing safeguarding logged.",
    "School has referred to children's social care as she's often missing school to care for mum.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });

  it("keeps 'no plan' when the sentence goes on 'but I just want it all to stop'", () => {
    expect(assessSafety("Says everyone would be better off without him but he just wants the pain to stop. No plan, safety plan in place.").tier).toBe("concern");
  });
});

describe("assessSafety: after round 27 (a stockpile and a time, far away, concerns in other words)", () => {
  it("reads a stockpile of someone else's medicine with a plan for tonight as 999", () => {
    const check = assessSafety("Told me she's been keeping her dad's old morphine and plans to take it all once everyone's gone to bed. Says everything's all sorted now.");
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain("suicide");
  });

  it("does not call 999 on a relative abroad, however far back the relative is named", () => {
    expect(assessSafety("Her sister in Canada has this morning been taken into intensive care with a stroke, she is in bits, anyone to talk to?").tier).not.toBe("emergency");
  });

  it.each([
    "Says the family would be better off, no plan, promised his wife he'd ring the crisis line.",
    "Goes to sleep hoping she won't wake up, no plan, son staying with her.",
    "Burnt herself with a lighter 3 days ago, says it helps, no suicidal intent.",
    "He grabbed her by the wrist when she tried to take his keys, left a mark.",
    "Her son, 12, does his mum's personal care and has been off school to look after her.",
    "Wearing the same clothes every time I visit, not eating, flat in a poor state, declines support.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });

  it("does not make a steadying hand a concern", () => {
    expect(assessSafety("Carer grabbed her before she fell, no injury.").tier).toBe("none");
  });
});

describe("assessSafety: after round 28 (denials, wishes, habits and history)", () => {
  it.each([
    "Says his family would be better off without him but he's not going to do anything, he's told his GP.",
    "I'm at the end of my rope. Some evenings I want to get in the car and drive off and never come back.",
    "Staff report she is often left in soiled pads for hours, moisture lesion sacrum. Safeguarding referral made.",
  ])("%s -> a concern, not 999", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });

  it("does not call 999 on wanting to meet others who have had a head injury", () => {
    expect(assessSafety("TBI after a fall from a ladder in 2019, still forgetful. Wants to meet other people who've had a head injury and find work he can do now.").tier).toBe("none");
  });

  it("still calls 999 on someone who set off and has not come back", () => {
    expect(assessSafety("Mum wanted to walk to the shop at the end of the road this morning and never came back, she has dementia").tier).toBe("emergency");
  });

  it("still calls 999 on a head injury now", () => {
    expect(assessSafety("she's fallen down the garden steps, head injury and she's being sick").tier).toBe("emergency");
  });

  it.each([
    "Honestly I don't know how much longer she can keep going like this with him up every night.",
    "I love him but I can't cope with it for much longer.",
    "He lashes out at night when he's confused, I'm 80 and covered in bruises.",
    "Most mornings I wish I just wouldn't wake up, but I'd never do anything.",
    "Scary thoughts about her newborn getting hurt, no intent, partner aware.",
    "The 9yo turns up to breakfast club hungry most days; dad drinks and there's often no food in.",
    "Boxes stacked to the ceiling in every room, sleeping in the armchair.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });
});

describe("assessSafety: after round 29 (danger still coming, shorthand, wishes, kept in)", () => {
  it.each([
    "Pupil told me today her mum's boyfriend had her up against the wall by the throat on Sunday, he's picking her up after school and she won't go. What do I do?",
    "Welfare visit: lives alone, no carer calls for 2 days, no drinks within reach, wet through, RR 30, SpO2 86% on air",
    "dad's chest has gone tight for the past 20 mins and his left arm's numb, he's sweating. should he take an aspirin?",
  ])("%s -> 999", (text) => {
    expect(assessSafety(text).tier).toBe("emergency");
  });

  it.each([
    "Y8 boy, historic self-harm (last time 2021, CAMHS discharged, doing well now). Wants a youth club.",
    "Daughter exhausted and in tears, says she isn't at risk, just needs a break from caring.",
    "Sats 89% RA, RR 26 - both her baseline with her COPD, no change today.",
  ])("%s -> not 999", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it.each([
    "Since her nephew moved in the pension's all gone by the second week and she's going without.",
    "Her in-laws don't let her go out alone or ring her own mum. No violence.",
    "Main carer v tearful, carer strain ++, states 'can't cope'.",
    "He said 'I just wish I could fall asleep and not wake up', no plan, no intent.",
    "The twins hadn't had any breakfast and school have noticed she's hungry.",
    "She keeps getting pictures of dropping the baby in the bath, would never act on it.",
    "Intrusive thoughts re harming baby, nil intent or plan.",
    "Some nights he wonders what if he just didn't wake up, no plan.",
    "Y8 girl, missed 25% of school this year looking after her dad.",
    "Mum found old cuts on his arm last week, he says he did it when stressed.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });
});

describe("assessSafety: after round 30 (history before an onset, the means and a time, figures of speech)", () => {
  it.each([
    "hx MI x2, crushing CP 8/10 onset 20 min, sweaty",
    "Routine review otherwise. As I left she said she has a hosepipe in the shed and will use it later.",
    "FIRE at no. 7 man still inside",
  ])("%s -> 999", (text) => {
    expect(assessSafety(text).tier).toBe("emergency");
  });

  it.each([
    "nearly killed myself running for the bus to get to your group, lol",
    "two lads have been dossing at his flat, he's sleeping on the floor of his own lounge",
  ])("%s -> not 999", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });

  it.each([
    "Her brother keeps her phone and her pension, and won't let her go to church alone.",
    "The family have taken his car keys and debit card; he says he has no say in anything.",
    "Husband's parents keep her in the house, she has no key and her phone is checked.",
    "Y6 boy keeps falling asleep in class, he's doing his dad's meds at night.",
    "Says she wouldn't mind if she didn't wake up, no plan.",
    "CPN: FTOD, no plan or intent, protective factors good.",
    "Toddler's nappy looked hours old and the kids are eating once a day.",
    "She's been watering down the formula to make it last till payday.",
    "'I can't cope any more, I grabbed her arm to stop her going out.' No injury to her, he's calm now.",
    "Dad found cuts on his daughter's arms, some healed.",
  ])("%s -> a concern with a safety line", (text) => {
    expect(assessSafety(text).tier).toBe("concern");
  });
});
