// Clinical questions put as a cause ("is X what's making..."), as pressing the GP for a medicine,
// as taking medicines together, and as how long people have; with the service half of a mixed
// message still heard. Written in words no blind round used.
import { describe, expect, it } from "vitest";
import { asksClinicalQuestionInAClause } from "../../src/understanding/clinical-question-clause.js";
import { detectClinicalQuestion } from "../../src/understanding/detect-clinical-question.js";

describe("detectClinicalQuestion", () => {
  it.each([
    "is the furosemide what's making her so tired?",
    "could it be her new sertraline causing him to feel sick",
    "should we be asking the doctor for stronger painkillers for her back?",
    "she has paracetamol, codeine and ibuprofen in the drawer, is it ok to take them all together?",
    "he's got end stage COPD now. how long do patients usually have left once they're on oxygen?",
    "is that his parkinson's disease progressing, or the new tablets?",
    "will he end up blind with the glaucoma, do you know?",
  ])("declines %s on its own", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: true });
  });

  it.each([
    "is her bisoprolol what's making her dizzy? also can anyone do her shopping in Wigston",
    "should he press the GP for antibiotics? any walking groups near Shepshed for when he's better",
    "can she take the two inhalers together? and any befrienders in Oakham",
    "what dosage of mirtazapine should she be on now? separately, any bereavement groups in Coalville",
    "will her speech ever come back after the stroke? her husband wants a carers group",
    "is his breathlessness going to get any better? and a singing for lung health group in Melton",
    "can she have a glass of wine with her mirtazapine at Christmas? also any lunch clubs in Anstey",
    "is the tingling in his feet likely to be permanent? and is there a diabetes group in Shepshed",
    "he asked what his eGFR of 48 means and whether he should be concerned; any kidney support groups?",
    "does amitriptyline make people groggy in the morning? also a pain management group near Hinckley",
    "is the patch safe for her with her blood clot history? and any menopause groups in Melton",
    "does he need insulin now or can he try diet first? and are there any cooking classes in Blaby",
  ])("declines the clinical half of %s and hears the service half", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: false });
  });

  it.each([
    "should we ask the GP to refer her to social prescribing?",
    "can the three of them travel together on the community bus?",
    "is the lunch club what's making her happier these days? any more like it in Syston",
    "how long do people usually have to wait for a blue badge?",
    "will his bus pass get any better if he reapplies?",
    "is her bus route going to get any better after the timetable change?",
    "can he have lunch with his friends at the club on Tuesdays?",
    "is the blue badge permanent or does she have to reapply?",
    "what the lunch club means to her is hard to say, any more like it near Oakham?",
    "does the minibus make people wait long? any other transport in Lutterworth",
    "is the swimming pool safe for her with a wheelchair? any accessible sessions",
  ])("leaves %s alone: it asks no clinical judgment", (text) => {
    expect(detectClinicalQuestion(text)).toBeUndefined();
  });
});

describe("detectClinicalQuestion: after round 20 (new words)", () => {
  it.each(["is it ok to keep giving him his gabapentin now the hospital added tramadol?", "is it fine to take her sertraline with the new antibiotics"])(
    "declines %s on its own",
    (text) => {
      expect(detectClinicalQuestion(text)).toEqual({ alone: true });
    },
  );
});

describe("detectClinicalQuestion: after round 21 (new words)", () => {
  it("declines a medicine question asked with a request for someone to talk to, and answers the request", () => {
    expect(detectClinicalQuestion("Man at the counter asks whether he can take ginkgo with his warfarin. He's also after someone to talk to, feeling flat")).toEqual({ alone: false });
  });
});

describe("detectClinicalQuestion: a prognosis stated is not asked (after round 21)", () => {
  it.each(["Palliative, prognosis weeks, wants a hospice volunteer to sit with her", "prognosis short months; family would like a befriender"])("%s is not a clinical question", (text) => {
    expect(detectClinicalQuestion(text)).toBeUndefined();
  });

  it("still declines a prognosis asked", () => {
    expect(detectClinicalQuestion("what's his prognosis now the cancer has spread?")).toEqual({ alone: true });
  });
});


describe("detectClinicalQuestion: after round 22 (new words)", () => {
  it.each([
    ["HbA1c 58 - is that why they won't do her cataract op yet? she'd also like a diabetes education class near Wigston"],
    ["Does lercanidipine make you unsteady? He's been wobbly since it started. Also after a seated exercise class in Syston"],
    ["his wife wants to know if a raised CRP means an infection. also needs help with a blue badge form"],
    ["she's drowsy since the memantine went up, should the dose be reduced? and any carers group near Oakham"],
  ])("declines %s and answers the request", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: false });
  });

  it.each([
    "He asked me if there's a free weight loss group, BMI 38",
    "wants to know what's out there for people losing their sight",
    "daughter asking how to get power of attorney sorted, dad has early dementia",
    "client's BP was high before class today. is it safe for him to do the circuits session?",
  ])("%s: a question about what there is, or a clinical one alone, is read as such", (text) => {
    const found = detectClinicalQuestion(text);
    if (text.includes("circuits")) expect(found).toEqual({ alone: true });
    else expect(found).toBeUndefined();
  });
});

describe("detectClinicalQuestion: after round 23 (new words)", () => {
  it.each([
    ["woman 51 in Uppingham, would HRT patches suit her better than tablets? she'd also like a menopause cafe"],
    ["Mrs T just started warfarin - can she still have a glass of wine with her tea? She'd also like a lunch club near her"],
  ])("declines %s and answers the request", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: false });
  });

  it("declines the odds of a stroke after a TIA", () => {
    expect(detectClinicalQuestion("he had a TIA last year, fully recovered. what are the odds of him having a proper stroke now?")).toEqual({ alone: true });
  });

  it.each(["what are the chances of getting a place at the day centre in Hinckley?", "would a befriender suit her better than a group?"])("%s is not clinical", (text) => {
    expect(detectClinicalQuestion(text)).toBeUndefined();
  });
});

describe("detectClinicalQuestion: after round 24 (new words)", () => {
  it.each([
    "the hospice nurse says weeks. will she make it to her birthday in March?",
    "is it autism or just shyness? her teacher asked me",
    "her son wants to know if it can wait until the GP opens tomorrow, she's more confused",
  ])("declines %s", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: true });
  });

  it("declines a MoCA score's meaning and answers the café request", () => {
    expect(detectClinicalQuestion("MoCA 21 today, what does that mean for him? also any dementia cafe in Oakham")).toEqual({ alone: false });
  });

  it.each(["any anxiety groups in Hinckley?", "autism support for a 9 year old in Melton?", "will she see the GP about it?"])("%s is not clinical", (text) => {
    expect(detectClinicalQuestion(text)).toBeUndefined();
  });
});

describe("detectClinicalQuestion: after round 25, a question in one clause of a mixed message (new words)", () => {
  it.each([
    "could his ankle swelling be the new felodipine? Also is there a walking group in Wigston",
    "what's a normal cholesterol for a woman of 65, hers is 7.1? and any healthy eating groups in Coalville",
    "daughter asking if nicotine patches are ok with his warfarin. Also wants a stop smoking service in Melton",
    "Is his nodding off in the chair likely to be the pregabalin going up? Wife also wants a carers group in Ibstock",
  ])("declines the question in %s and answers the rest", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: false });
  });

  it.each([
    "any iPad classes in Hinckley? she has a tablet but can't work it",
    "can the chemist in Syston deliver her tablets? she can't get out",
    "Will see GP re BP. Wants a walking group in Oadby.",
    "forgets her meds, is there a pill dispenser scheme in Blaby?",
  ])("does not call %s a clinical question", (text) => {
    expect(detectClinicalQuestion(text)).toBeUndefined();
  });
});

describe("detectClinicalQuestion: after round 26 (new words)", () => {
  it.each([
    "how long before she can walk to the shops after her hip replacement? and is there a befriender in Blaby",
    "his gliclazide makes him shaky some afternoons, should he carry on with it? also any diabetes groups in Oakham",
  ])("declines the question in %s and answers the rest", (text) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone: false });
  });

  it("still declines 'is there a risk with his warfarin?' on its own", () => {
    expect(detectClinicalQuestion("is there a risk with his warfarin?")).toEqual({ alone: true });
  });
});

describe("detectClinicalQuestion: after round 27 (new words)", () => {
  it("declines whether hair or taste will come back, and answers the rest", () => {
    expect(detectClinicalQuestion("dad's on radiotherapy, will his sense of taste come back? also any cancer support cafe in Hinckley")).toEqual({ alone: false });
  });
});

describe("detectClinicalQuestion: after round 28 (kidney numbers, damp and chests, worry)", () => {
  it.each([
    ["mum's kidney function has gone down on her last bloods, should we be worried? also she is struggling to pay her gas bill", false],
    ["Might the damp in the flat be what's causing his chest to be so bad? any help with damp?", false],
    ["night sweats and a racing heart - is that the change or something she should worry about?", true],
  ])("%s -> declined", (text, alone) => {
    expect(detectClinicalQuestion(text)).toEqual({ alone });
  });
});

describe("detectClinicalQuestion: after round 29 (lunch, wine and antidepressants)", () => {
  it("declines a question about a child's medicine and weight, though it mentions lunch", () => {
    expect(detectClinicalQuestion("Y7 girl on melatonin isn't eating any lunch - should it be given with food, and is losing weight normal?")).toEqual({ alone: true });
  });

  it("declines drinking with an antidepressant, and answers the rest", () => {
    expect(detectClinicalQuestion("he's asking if he can have a pint with his new antidepressant. also any bereavement group near Melton?")).toEqual({ alone: false });
  });
});

describe("detectClinicalQuestion: one vocabulary of medicines for both readers", () => {
  it.each(["is the madopar why he's seeing things at night?", "could the mounjaro be why she's so tired?"])("reads %s as a clinical question in a clause", (clause) => {
    expect(asksClinicalQuestionInAClause(clause)).toBe(true);
  });
});

describe("detectClinicalQuestion: after round 30 (accents)", () => {
  it("hears a café asked for beside a clinical question", () => {
    expect(detectClinicalQuestion("his memory test score was 21/30, does that mean dementia? his wife would like a memory café near Oadby")).toEqual({ alone: false });
  });
});
