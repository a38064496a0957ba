import { describe, expect, it } from "vitest";
import { assessSafety } from "../../src/understanding/assess-safety.js";

describe("assessSafety: emergencies now", () => {
  it.each([
    ["he's talking about ending his life", "suicide"],
    ["says she doesnt want to be here anymore", "suicide"],
    ["says everyone would be better off without her", "low-mood"],
    ["sucidal since the funeral", "suicide"],
    ["pt has SI with a plan", "suicide"],
    ["gave away all his things and said goodbye", "suicide"],
    ["says there's no point going on", "low-mood"],
    ["stockpiling her tablets", "suicide"],
    ["threatening to jump off the bridge", "suicide"],
    ["SU has just texted me 'goodbye, sorry for everything' and isnt picking up", "suicide"],
    ["od'd on paracetamol last night", "overdose"],
    ["she's taken all her tablets", "overdose"],
    ["took a load of co-codamol", "overdose"],
    ["pt took 30 paracetamol this morning", "overdose"],
    ["just told me she took a whole box of paracetamol about an hour ago", "overdose"],
    ["gent has crushing chest pain", "chest-pain"],
    ["pain spreading down his left arm", "chest-pain"],
    ["face has dropped and speech slurred", "stroke"],
    ["think she's having a stroke", "stroke"],
    ["lips blue, cant get words out, sats 78% on home O2", "breathing"],
    ["found him not responding", "collapse"],
    ["collapsed in the kitchen", "collapse"],
    ["88F found on kitchen floor at 0915, been there all night, cant get her up", "collapse"],
    ["fell this morning, hit his head, now vomiting", "collapse"],
    ["found her freezing and confused on my visit", "collapse"],
    ["gas smell in pts bungalow NOW", "fire-or-gas"],
    ["smoke pouring out the upstairs window, he is bedbound up there", "fire-or-gas"],
    ["a pan has caught fire on the hob", "fire-or-gas"],
    ["CO alarm going off, both drowsy with headaches", "fire-or-gas"],
    ["he says he will smother her if it keeps on", "violence"],
    ["son has come in drunk and is threatening to kill her", "violence"],
    ["husband has just hit her and is banging on the bathroom door", "violence"],
    ["son locks her in her room", "violence"],
    ["gent with dementia has gone missing since this morning", "missing"],
    ["LD lady not come home since yesterday", "missing"],
    ["walked out of the house 40 mins ago in his slippers, no sign of him", "missing"],
    ["bedbound, care agency not been since Friday, no food or drink in reach", "neglect"],
    ["lying in bed in her own urine, carers havent been for 3 days", "neglect"],
    ["neighbour thinks hes being neglected, not eaten in days", "neglect"],
    ["no heating since nov, he's not eaten anything in days", "neglect"],
    ["in a mental health crisis right now", "crisis"],
    ["found on the railway line last night", "suicide"],
    ["he rang to say he is taking the lot tonite once the kids are asleep", "suicide"],
    ["she messaged to say she's swallowed 'the lot'", "overdose"],
    ["thinks he has taken about 30 of his amitriptyline", "overdose"],
    ["wife gave him double his insulin by mistake, he's clammy and muddled", "overdose"],
    ["keeps sending goodbye msgs, her pills are lined up on the side", "suicide"],
    ["looking in through the window, she is lying in the hallway not moving", "collapse"],
    ["he's on the floor by the bed, says he can't get up", "collapse"],
    ["she is on the bathroom floor and doesn't respond when I shout", "collapse"],
    ["no carers have been since monday, he is soaked in urine", "neglect"],
    ["old lady in her nightie walking along the middle of the A47", "missing"],
    ["went out the back door at 5 and he's gone, family are out searching", "missing"],
    ["her ex is smashing things in the hall and says he'll do her in", "violence"],
    ["went to the shop at 2 and hasn't come back, it's now dark", "missing"],
    ["he went out for a paper at 9 and still isn't back, family have looked everywhere", "missing"],
    ["on a visit, can't rouse the resident and her breathing sounds wrong", "collapse"],
    ["caller says her husband is hitting the children right now", "violence"],
    ["he's in the kitchen and says he'll finish her off once I've gone", "violence"],
    ["walked in and there's a smell of rotten eggs, the hob knobs are turned on", "fire-or-gas"],
    ["the alarm next to the boiler keeps beeping and they both feel sick and dizzy", "fire-or-gas"],
    ["the curtains by the heater are smouldering", "fire-or-gas"],
    ["she can only get two words out and her lips are a grey colour", "breathing"],
    ["he slid off the chair mid conversation and his breathing is making a snoring noise", "collapse"],
    ["found him on the bathroom floor, been there since last nite", "collapse"],
    ["her son has just shoved me and I can hear her crying out for help", "violence"],
    ["Mr H has dementia and was not in his flat when the lunchtime carer arrived, front door left wide open", "missing"],
    ["the night staff say his dressing gown and slippers are gone and it is snowing", "missing"],
    ["visit at 11: gentleman is on the lounge floor, slipped at 4am and hasn't been able to get up since", "collapse"],
    ["his wife has locked herself in the bathroom, he punched her and is stood blocking the door", "violence"],
    ["lips looking bluish and he can't finish a sentence", "breathing"],
    ["he wandered off after breakfast, nobody has seen him since, in slippers and no coat", "missing"],
    ['she says she took "around 20" of her co-codamol an hour ago', "overdose"],
    ["she keeps whispering please don't leave me with him", "violence"],
    ["my uncle slipped on the drive, it's snowing, he can't get up and we can't lift him", "collapse"],
    ["she's at the bottom of her stairs with blood coming from her ear", "collapse"],
    ["a man is dragging his girlfriend along the street by her hair", "violence"],
  ])("%s -> %s", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("emergency");
    expect(check.kinds).toContain(kind);
  });

  it("finds an emergency hidden inside another request or a long note", () => {
    expect(assessSafety("can you refer him to FC for a grab rail, also he said he wants to kill himself").tier).toBe("emergency");
    expect(assessSafety("lonely gent in coalville. denies SI but says he wants to end it all").tier).toBe("emergency");
    const note =
      "90M, Newbold Verdon. Mobilises with a frame, lives alone, struggles to cook so we were looking at meals on wheels. BP 130/76, bloods last week fine. On my visit now a pan has caught fire on the hob.";
    expect(assessSafety(note).tier).toBe("emergency");
  });

  it("counts a current mention even when an older one is history", () => {
    expect(assessSafety("history of overdose in 2019, took another overdose last night").tier).toBe("emergency");
  });

  it("sees through typography tricks", () => {
    expect(assessSafety("SUICIDAL").tier).toBe("emergency");
    expect(assessSafety("sui\u200Bcidal").tier).toBe("emergency");
    expect(assessSafety("he’s talking about ending his life").tier).toBe("emergency");
  });
});

describe("assessSafety: concerns worth a line, not an emergency", () => {
  it.each([
    ["lady says her son hits her and takes her money", "violence"],
    ["carer's been taking his pension", "abuse"],
    ["bruises and scared of her carer", "abuse"],
    ["partner controls all the money and checks her phone, says she is safe at the moment", "abuse"],
    ["passing thoughts that they'd be better off without her but no plan and a safety plan in place", "low-mood"],
    ["sometimes wonders what's the point, no plans, would never do anything because of the grandchildren", "low-mood"],
    ["carer rang in tears, he is at breaking point with the caring", "carer-strain"],
    ["self harming daily", "self-harm"],
    ["she said her son pushed her down the stairs last week", "violence"],
    ["safeguarding concern about mrs p", "abuse"],
    ["self-neglect and hoarding in wigston", "self-neglect"],
    ["lost his savings to a phone scam, now too frightened to open the door", "abuse"],
    ["police think it's cuckooing; the dealers have not been back since friday and he is not in danger today", "abuse"],
    ["her husband said he is at the end of his rope and can't carry on like this", "low-mood"],
    ["she has left the hob rings on a few times this month, the neighbour turned them off", "fire-or-gas"],
    ["her nephew draws her pension for her and she is always short of money", "abuse"],
    ["says her husband has a temper and throws things at her when he has been drinking, out at work now", "abuse"],
    ["she looked frightened when her son came into the room", "abuse"],
    ["unkempt, has not washed for weeks, bags of rubbish piled in the hall", "self-neglect"],
    ["some days she would rather not wake up, no plan, no intent, family close by", "low-mood"],
    ["the young carer has recent cuts on her arms, school aware", "self-harm"],
    ["the wife cried through the visit and says she can't keep going like this", "carer-strain"],
  ])("%s -> a concern (%s)", (text, kind) => {
    const check = assessSafety(text);
    expect(check.tier).toBe("concern");
    expect(check.kinds).toContain(kind);
  });
});

describe("assessSafety: what is not happening now", () => {
  it.each([
    ["no risk of self harm, just lonely, coalville", "negated"],
    ["denies suicidal thoughts, wants befriending", "negated"],
    ["denies SI", "negated"],
    ["refer Mrs K, no safeguarding concerns", "negated"],
    ["no thoughts of suicide", "negated"],
    ["history of overdose in 2019, now stable, needs help with benefits", "past"],
    ["had a heart attack in 2018, wants a walking group", "past"],
    ["overdose yrs ago, stable now, wants volunteering", "past"],
    ["previous self harm, now wants a job", "past"],
    ["69M admitted with chest pain, ACS ruled out, trop neg x2, home tomorrow", "negated"],
    ["went missing overnight back in Jan (police found him safe same morning), no episodes since", "resolved"],
    ["gas leak at pts house last wk, Cadent capped it and the boiler was condemned", "resolved"],
    ["historic DV from ex husband, 10+ yrs ago, no contact since", "past"],
    ["worried he might take an overdose if the debts get worse", "hypothetical"],
    ["her mother died of a heart attack", "someone-else"],
    ["gas leak last week, Cadent sorted it and all safe now", "resolved"],
    ["safety plan agreed and her sister has removed the stockpiled tablets", "resolved"],
    ["we don't think it's a safeguarding issue, just disorganised", "negated"],
    ["found on the floor by carers on Monday, admitted to LRI, discharged today with a care package", "resolved"],
    ["had a long lie in May (on the floor all night, admitted, home now and well)", "resolved"],
    ["his father died at 60 of a heart attack, wants a health check", "someone-else"],
  ])("%s is not an emergency (%s)", (text, why) => {
    const check = assessSafety(text);
    expect(check.tier).not.toBe("emergency");
    expect(check.mentions.some((m) => m.status === why)).toBe(true);
  });

  it.each([
    "stroke 2 yrs ago, wants an exercise group",
    "post stroke, wants to get walking again",
    "husband had a stroke in 2019 and she cares for him full time",
    "dying for a cuppa",
    "killing time before the lunch club",
    "the lunch club was dead last week",
    "heart of the community",
    "my phone died",
    "chest of drawers needs moving",
    "the lunch club has shut, pls take it off the list",
    "meter on emergency credit",
    "alcohol abuse, wants support to cut down",
    "needs a key safe and a pendant alarm",
    "odd jobs and small repairs",
    "works odd hrs, BMI 34, BP 162/98 x2 readings",
    "lives at LE11 3SH with his wife",
    "Hinckley LE10 1.. Mr T, 73, 12 Castle View Close. COPD GOLD 3, FEV1 38%, SpO2 94% on air",
    "takes 2 paracetamol for her knees",
    "keeps falling in the garden",
    "missing his wife since she died, lonely",
    "girl of 15 is missing a lot of school",
    "the carers have been brilliant",
    "old stroke has left him unable to get his words out, wants a stroke club",
    "end of life plan agreed, she wants to die at home with her cats",
    "the parents want carers support for themselves and a break",
    "slid down the last two stairs last Friday, no injury, GP has seen her",
    "admitted after a long lie at the weekend, treated for a UTI, bloods now normal, home tomorrow",
    "family have driven round twice to check on him this week and he is fine",
    "fire safety check and smoke alarms please",
    "head injury in 2010, now wants a job",
    "home from hospital since tuesday, needs a carer",
    "chest infection last month, now needs help with shopping",
    "wife is at the end of her tether and running on empty, wants respite",
    "has barely left the house since the funeral",
    "looking for a suicide bereavement group for him",
    "bereaved by suicide last year, wants peer support",
    "confused old gent who needs a lunch club",
    "he went out to post a letter and came back with the paper",
    "doesn't respond to letters from the council",
    "son left her in bed all day yesterday with no food or drink, safeguarding raised",
    "landlord not responding about the damp",
    "low since the business collapsed last year, no SI",
    "she's worn out and scared she'll collapse one day",
    "needs a better way of calling for help, pendant alarm",
    "list my referrals pls, the chair will kill me if i dont have numbers",
    "",
    "😀😀😀",
  ])("%j is not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });
});
