// assessSafety on signs described in plain words, as staff and families write them; the
// emergencies, concerns and what is not happening now are in assess-safety.test.ts.
import { describe, expect, it } from "vitest";
import { assessSafety } from "../../src/understanding/assess-safety.js";

// Written as a probe of signs in plain words (docs/decisions/0008, after round 6): what someone who is
// there sees, hears or smells, and ordinary requests that carry an old or settled version of the same.
describe("assessSafety: signs in plain words", () => {
  it.each([
    "he's gone a funny colour and isn't making sense, one side of his face has dropped",
    "mum's been sick with blood in it and she's very pale and sweaty",
    "found my neighbour at the bottom of her stairs, she's groaning and her leg is at a weird angle",
    "the resident has swallowed a bottle of something from under the sink",
    "he's locked himself in the bathroom and says he's got the razor blades",
    "she rang me saying she's taken all her tablets and wanted to say goodbye",
    "there's water pouring through the ceiling onto the electrics and sparks",
    "my dad's lips are swollen and he's wheezing after eating the curry",
    "she's shaking all over and won't answer me, eyes rolled back",
    "he's clutching his chest and says it feels like an elephant sitting on it",
    "his blood sugar meter says LO and he's sweaty and confused",
    "can smell burning plastic from the flat upstairs and the alarm's going",
    "the tenant's ex has turned up with a knife and is banging on the door",
    "she hasn't moved since I got here and her breathing is really slow",
    "the baby in the flat next door has been screaming for hours and no one is answering",
    "grandad went out to the garage two hours ago and isn't answering his phone, it's dark and he has dementia",
    "he keeps saying he can't feel his arm and his words are coming out jumbled",
    "she's fallen in the bath and can't get out, the water's gone cold",
    "visit note: opened the door to a strong smell of gas, pt on the sofa drowsy",
    "he is on the floor in the kitchen and there's a lot of blood from his head",
    "my client has just texted me a photo of pills and says this is it",
    "son has grabbed her by the throat in front of me",
    "she's turned blue round the mouth and is gasping",
    "he's not breathing properly and I can't wake him",
    "lady in the sheltered flat pulled her cord, found her on the floor, says she's been there since yesterday teatime",
    "autistic lad of 17 never got off the college minibus and his dad has no idea, nobody knows where he has gone",
    "we don't know where she is, she left the day centre at lunch and has dementia",
    "there's a fire in the bin store now, nobody hurt yet but the smoke is coming in",
    "at her flat for the tea call, she's down on the floor beside the settee and says she can't get up. what should I do",
    "fitting the key safe when her partner pinned her against the wall by the throat. I've gone outside, he's still in there with her",
    "two men at his door shouting they'll stab him if he doesn't pay",
    "dad put his hands round his wife's neck in front of me",
    "says he has saved up his tablets and will take them all tonight. Won't agree to a safety plan.",
    "not a carer, just the lady next door: he's calling for help from the bedroom and I can't get in. Who should I ring",
    "the carbon monoxide detector in her kitchen is beeping and she feels dizzy and sick",
    "toddler got into the cupboard and there's an empty bottle of dad's pills on the floor",
    "he's fitting on the kitchen floor and it's been 5 minutes",
  ])("%s is an emergency", (text) => {
    expect(assessSafety(text).tier).toBe("emergency");
  });

  it.each([
    "she had a fall in the bath last year and wants a bath board",
    "his COPD means he gets breathless on the stairs, wants a stairlift assessment",
    "the smoke alarm kept going off when she made toast, can the fire service check it",
    "he had a stroke in 2020 and his speech is still slurred, wants a stroke club",
    "she was in A&E last week with chest pain, all tests fine, wants a walking group",
    "he's had 3 falls this year, none recently, wants a falls class",
    "her husband died by suicide in 2019, she'd like a bereavement group",
    "the gas engineer capped the boiler last month, they need help with heating costs",
    "he used to self harm as a teenager, now 40 and wants volunteering",
    "she gets dizzy when she stands up, GP aware, wants a pendant alarm",
    "the carers found him on the floor on Monday, he went to hospital and is home now with a care package",
    "he's diabetic and had a hypo last month, now wants help with cooking healthy food",
    "her breathing is worse in the cold, she wants help with heating bills",
    "he was scammed out of \u00a3500 last year and now wants a call blocker",
    "the house was freezing when I visited, she's wrapped in blankets, needs heating help",
    "she's got a blue badge but wants help with a wheelchair",
    "daughter is exhausted and crying a lot, wants respite for her mum",
    "he shouted at the carers last week because he's confused with dementia, wants a memory cafe",
    "she bled a lot after her op in May, all healed, wants to get back to swimming",
    "the flat is damp and mouldy, kids keep coughing, wants housing advice",
    "toaster caught fire in the spring, the brigade came, nobody was hurt; wants a smoke alarm check",
    "he doesn't know where he is some evenings, wife wants a memory cafe",
    "any handyman who does lock fitting and door chains for a widow in Anstey?",
    "where can she get a wig fitting after chemo in Melton?",
    "registered SI last month, wants a talking books service",
    "admitted with chest pain in June, all clear; chest pain free since, keen on a walking group",
    "he said once he thinks they'd all be better off without him. No intent, safety plan agreed with the crisis team.",
    "not eaten properly for a week since the bereavement, daughter worried, wants a lunch club",
    "she fell on the floor in May and could not get up. Now she wants a pendant alarm",
    "his mood is on the floor since the redundancy, wants a job club",
    "any leaflets on fire safety for a tenant in Hinckley?",
    "her purse has gone missing twice at the day centre, wants advice on scams",
    "he hasn't been back to the bowls club since his hip op, wants a lift there",
  ])("%s is not an emergency", (text) => {
    expect(assessSafety(text).tier).not.toBe("emergency");
  });
});
