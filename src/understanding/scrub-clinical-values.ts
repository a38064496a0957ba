/**
 * Takes out of a message everything that is a number about something other
 * than the person's age or safety: test results and vital signs (BP 146/90,
 * BMI 38.4, HbA1c 81, sats 93%, FEV1 42% pred, eGFR 39, PHQ-9 19), doses and
 * quantities (2.5mg, 24u, 20/day), NHS and phone numbers, postcodes, house
 * numbers, dates and clock times. Each becomes a neutral placeholder, so the
 * safety net and the age reader never take "BMI 34" for an age, "LE11 3SH"
 * for self-harm or "0D" for an overdose. Sentence punctuation is kept.
 *
 * Places are read from the message as written (postcode districts name
 * areas); this is only for the readers that must not see these numbers.
 */

/** Tests, scores and observations staff write before a value. */
const measures = [
  "bp", "blood pressure", "bmi", "hba1c", "a1c", "egfr", "gfr", "creat(?:inine)?", "sats?", "spo2", "sp02", "o2 sats", "o2",
  "fev1(?:/fvc)?", "fvc", "ef", "lvef", "pulse", "hr", "heart rate", "p", "rr", "resp(?:iratory)? rate", "temp(?:erature)?", "t",
  "cbg", "bms?", "blood sugars?", "glucose", "inr", "hb", "crp", "wcc", "k", "na", "mmse", "moca", "ace-?iii", "6cit",
  "phq-?9", "gad-?7", "mrc(?: dyspnoea)?(?: score)?", "news2?", "edss", "tinetti", "barthel", "waterlow", "must(?: score)?",
  "weight", "wt", "height", "pain score", "peak flow", "pef", "chol(?:esterol)?", "ldl", "tsh", "b12", "vit(?:amin)? d",
  "psa", "ca125", "trop(?:onin)?", "d-?dimer", "ferritin", "urea", "alt", "ast", "bnp", "nt-?probnp", "acr", "uacr",
  "gold", "cat", "grade", "stage", "nyha", "cfs", "rockwood", "qrisk\\d?", "frax", "audit(?:-c)?", "gcs",
];
const measure = new RegExp(
  `\\b(?:${measures.join("|")})\\b(?:\\s*(?:of|was|is|at|now|today|taken|reading|readings|recorded|=|:|-))*\\s*[<>≥≤~]?\\s*\\d+(?:[.,]\\d+)?(?:\\s*/\\s*\\d+(?:[.,]\\d+)?)?(?:\\s*(?:%|mmhg|kg|mmol(?:/l|/mol)?|mg|bpm|pred(?:icted)?|ml/min))*`,
  "gi",
);
const units = "(?:mg|mcg|micrograms?|g|ml|units?|u|iu|mmol(?:/l|/mol)?|mmhg|kg|kgs|lbs?|st|stone|%|bpm|l/min|litres?|cm|mm|ng/ml|mcg/l|°c?|c\\b)";
const quantity = new RegExp(`\\b\\d+(?:[.,]\\d+)?\\s*${units}(?![a-z])`, "gi");
const perDay = /\b\d+(?:\s*-\s*\d+)?\s*(?:\/|a |per |x )(?:day|daily|wk|week|night)\b|\bx\s?\d+\b|\b\d+\s?x\b(?!\s*(?:tablets?|tabs?|pills?|capsules?|caps)\b|\s*[a-z-]+\s+(?:\d+(?:\.\d+)?\s?(?:mg|mcg|g)\b|\d+\s?\/\s?\d+|‹value›))/gi;
const ratio = /\b\d+(?:[.,]\d+)?\s*\/\s*\d+(?:[.,]\d+)?\b/g;
const nhsNumber = /\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g;
const phone = /(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b/g;
const postcode = /\b[a-z]{1,2}\d[a-z\d]?(?:\s*\d[a-z]{0,2}(?:\.{1,3})?)?(?![a-z\d])/gi;
const streets = "(?:close|road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|court|ct|crescent|cres|gardens|gdns|grove|place|pl|terrace|walk|view|row|hill|park|square|sq|mews|rise|green|croft|fields?|parade|bungalows?|flats?|house|cottages?)";
const houseNumber = new RegExp(`\\b(?:flat|apartment|apt|no\\.?|number|unit|room|bed|bay|ward)\\s*\\d+[a-z]?\\b|\\b\\d+[a-z]?,?\\s+(?:[a-z]+\\s+){1,3}${streets}\\b`, "gi");
const date = /\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b/gi;
const clock = /\b\d{1,2}[:.]\d{2}\s*(?:am|pm|hrs?)?\b|\b\d{1,2}\s*(?:am|pm)\b|\b(?:at|from|until|till|by)\s+\d{4}\b|\b\d{4}\s*(?:visit|call|hrs|hours)\b/gi;

/** A blood glucose below 3.5 mmol/l ("BM 1.9", "cbg 2.4"): kept as a word, since with drowsiness it is a 999 call. */
const lowGlucose = /\b(?:cbg|bms?|bg|blood sugars?|blood glucose|glucose|sugars?)\b(?:\s*(?:of|was|is|at|now|reading|down to|only|=|:|-))*\s*(?:[0-2](?:\.\d+)?|3(?:\.[0-4]\d*)?)(?![.,]?\d)(?!\s*(?:mmol\/mol|%))/gi;

/**
 * Observations past the NHS's red-flag lines (NICE sepsis, NEWS2): breathing 25 or more a minute,
 * a pulse over 130, sats of 91% or less, a systolic BP of 90 or less, ketones of 3 or more, a blood
 * glucose over 20 or "HI", a GCS of 12 or less. Kept as a word, since with drowsiness, new
 * confusion or vomiting they make a 999 call; a baseline alone (a COPD patient's sats) does not.
 */
const sep = String.raw`(?:\s*(?:of|was|is|at|now|reading|reads|=|:|-))*\s*`;
const redFlag = new RegExp(
  [
    String.raw`\b(?:rr|resps?|resp(?:iratory)? rate)${sep}(?:2[5-9]|[3-6]\d)\b`,
    String.raw`\b(?:hr|pulse|heart rate)${sep}(?:13[1-9]|1[4-9]\d|2\d\d)\b`,
    String.raw`\b(?:sats?|spo2|sp02|o2 sats)${sep}(?:[4-8]\d|9[01])\s*%?(?![.\d])`,
    String.raw`\b(?:bp|blood pressure)${sep}(?:[5-8]\d|90)\s*\/\s*\d+`,
    String.raw`\bketones?${sep}(?:[3-9](?:\.\d+)?|\d\d(?:\.\d+)?)(?![.\d])`,
    String.raw`\b(?:cbg|bms?|bg|blood sugars?|blood glucose|glucose|sugars?)${sep}(?:hi|high|>\s*\d+|2\d(?:\.\d+)?|3\d(?:\.\d+)?)\b`,
    String.raw`\bgcs${sep}(?:[3-9]|1[0-2])(?:\s*\/\s*15)?(?![.\d])`,
  ].join("|"),
  "gi",
);

/** The message with every such value replaced by a placeholder that no reader takes for anything. */
export function scrubClinicalValues(text: string): string {
  return text
    .replace(nhsNumber, " ‹nhs› ")
    .replace(phone, " ‹phone› ")
    .replace(lowGlucose, " ‹low glucose› ")
    .replace(redFlag, " ‹red flag› ")
    .replace(measure, " ‹value› ")
    .replace(houseNumber, " ‹address› ")
    .replace(postcode, (match) => (/\d/.test(match) && /^[a-z]/i.test(match) ? " ‹postcode› " : match))
    .replace(date, " ‹date› ")
    .replace(clock, " ‹time› ")
    .replace(quantity, " ‹value› ")
    .replace(perDay, " ‹value› ")
    .replace(ratio, " ‹value› ")
    .replace(/[ \t]+/g, " ");
}
