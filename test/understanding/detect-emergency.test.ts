import { describe, expect, it } from "vitest";
import { detectEmergency } from "../../src/understanding/detect-emergency.js";

describe("detectEmergency catches risk to life or safety", () => {
  it.each([
    ["he's talking about ending his life", "suicide"],
    ["says she doesnt want to be here anymore", "suicide"],
    ["says everyone would be better off without her", "suicide"],
    ["sucidal since the funeral", "suicide"],
    ["pt has SI with a plan", "suicide"],
    ["gave away all his things and said goodbye", "suicide"],
    ["says there's no point going on", "suicide"],
    ["she's not eating and says no point living", "suicide"],
    ["stockpiling her tablets", "suicide"],
    ["threatening to jump off the bridge", "suicide"],
    ["cutting her arms again", "self-harm"],
    ["self harming daily", "self-harm"],
    ["od'd on paracetamol last night", "overdose"],
    ["she's taken all her tablets", "overdose"],
    ["took a load of co-codamol", "overdose"],
    ["pt took 30 paracetamol this morning", "overdose"],
    ["took a handful of her amitriptyline last night", "overdose"],
    ["gent has crushing chest pain", "chest-pain"],
    ["pain spreading down his left arm", "chest-pain"],
    ["face has dropped and speech slurred", "stroke"],
    ["think she's having a stroke", "stroke"],
    ["found him not responding", "collapse"],
    ["collapsed in the kitchen", "collapse"],
    ["lady says her son hits her and takes her money", "abuse"],
    ["carer's been taking his pension", "abuse"],
    ["bruises and scared of her carer", "abuse"],
    ["son locks her in her room", "abuse"],
    ["neighbour thinks hes being neglected, not eaten in days", "abuse"],
    ["no heating since nov, he's not eaten properly in days", "abuse"],
    ["safeguarding concern about mrs p", "abuse"],
    ["in a mental health crisis right now", "crisis"],
    ["gent with dementia has gone missing since this morning", "danger"],
    ["LD lady not come home since yesterday", "danger"],
    ["fire in the flat above, smoke coming in under the door", "danger"],
    ["he says he will smother her if it keeps on", "danger"],
    ["threatening to burn his house down", "danger"],
    ["fell this morning, hit his head, now vomiting", "collapse"],
    ["found her freezing and confused on my visit", "collapse"],
    ["her husband is locking her in the house", "abuse"],
    ["lying in bed in her own urine, carers havent been for 3 days", "abuse"],
    ["found on the railway line last night", "suicide"],
  ])("%s -> %s", (text, kind) => {
    const check = detectEmergency(text);
    expect(check.urgent).toBe(true);
    expect(check.kinds).toContain(kind);
  });

  it("finds an emergency hidden inside another request", () => {
    expect(detectEmergency("can you refer him to FC for a grab rail, also he said he wants to kill himself").urgent).toBe(true);
    expect(detectEmergency("lonely gent in coalville. denies SI but says he wants to end it all").urgent).toBe(true);
  });

  it("counts a current mention even when an older one is history", () => {
    expect(detectEmergency("history of overdose in 2019, took another overdose last night").urgent).toBe(true);
  });

  it("sees through typography tricks", () => {
    expect(detectEmergency("SUICIDAL").urgent).toBe(true);
    expect(detectEmergency("sui\u200Bcidal").urgent).toBe(true);
    expect(detectEmergency("he’s talking about ending his life").urgent).toBe(true);
  });
});

describe("detectEmergency handles near misses sensibly", () => {
  it.each([
    ["no risk of self harm, just lonely, coalville", "negated"],
    ["denies suicidal thoughts, wants befriending", "negated"],
    ["denies SI", "negated"],
    ["refer Mrs K, no safeguarding concerns", "negated"],
    ["no thoughts of suicide", "negated"],
    ["history of overdose in 2019, now stable, needs help with benefits", "history"],
    ["had a heart attack in 2018, wants a walking group", "history"],
    ["overdose yrs ago, stable now, wants volunteering", "history"],
    ["previous self harm, now wants a job", "history"],
  ])("%s is not urgent (%s)", (text, why) => {
    const check = detectEmergency(text);
    expect(check.urgent).toBe(false);
    expect(check.mentions.some((m) => m.discounted === why)).toBe(true);
  });

  it.each([
    "stroke 2 yrs ago, wants an exercise group",
    "post stroke, wants to get walking again",
    "dying for a cuppa",
    "killing time before the lunch club",
    "the lunch club was dead last week",
    "heart of the community",
    "my phone died",
    "chest of drawers needs moving",
    "the lunch club has shut, pls take it off the list",
    "meter on emergency credit",
    "alcohol abuse, wants support to cut down",
    "self-neglect and hoarding in wigston",
    "needs a key safe and a pendant alarm",
    "odd jobs and small repairs",
    "takes 2 paracetamol for her knees",
    "keeps falling in the garden",
    "missing his wife since she died, lonely",
    "the carers have been brilliant",
    "fire safety check and smoke alarms please",
    "head injury in 2010, now wants a job",
    "home from hospital since tuesday, needs a carer",
    "chest infection last month, now needs help with shopping",
    "",
    "😀😀😀",
  ])("%j mentions no risk", (text) => {
    expect(detectEmergency(text).urgent).toBe(false);
  });
});
