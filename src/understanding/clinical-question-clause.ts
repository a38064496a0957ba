/**
 * One clause of a message that asks a clinical question, whatever else the message asks.
 *
 * `detectClinicalQuestion` looks for ways of asking for a judgment anywhere in the message. A
 * mixed message ("could her dizzy spells be the amlodipine? Also any falls classes in Syston")
 * asks in words no list of phrasings foresees, and its service half hides the question. So the
 * message is also read clause by clause: a clause that is a question ("...?", or opening with
 * is / could / should / what's / how..., or "asking if...") about a measurement or a medicine,
 * and that asks for no service, is a clinical question. Found blind in round 25 (decision 0008):
 * a healthy BMI, a side effect, HRT "safe with her migraines", "likely to be the new gabapentin dose".
 */
import { medicineClassEndings, namedMedicines } from "./clinical-vocabulary.js";

/** Measurements and medicines: what a question in a clause has to be about. */
const measurementOrMedicine = new RegExp(
  [
    String.raw`\b(?:hba1c|a1c|egfr|bp|blood pressure|bmi|sugars?|glucose|inr|psa|cholesterol|sats|pulse|temp(?:erature)?)\b`,
    String.raw`\b(?:dose|dosage|mg|medication|medicines?|meds|tablets?|pills?|patch(?:es)?|inhalers?|hrt|side[- ]effects?|${namedMedicines})\b`,
    // Medicines named by their ending: amlodipine, lisinopril; and, in a clause that is a question, the looser
    // endings of gabapentin, ibuprofen, co-codamol, clozapine, sertraline, lorazepam.
    String.raw`\b\w{3,}(?:${medicineClassEndings}|pentin|gabalin|profen|codamol|amol|pine|line|pam)\b`,
  ].join("|"),
);

/** Said as a question: "is...", "could...", "what's...", "how...", or "asking if...". Not "will see GP re BP." */
const questionOpening =
  /^\W*(?:[a-z ]{0,30}?[-:,] ?)?(?:is|are|could|can|would|should|does|do|might|whats|what'?s|what is|how)\b|\b(?:asking|asks|asked|wondering|wants to know|want to know) (?:me |us )?(?:if|whether)\b/;

/**
 * A clause about getting something rather than a judgment: a group or a service, practical help
 * with medicines (delivery, reminders, a dispenser, a review), a device called a tablet, a check.
 */
const asksForSomething =
  /\b(?:is there|are there|any (?:\w+ ){0,2}(?:groups?|classes|caf[eé]s?|clubs?|services?|support|help)|groups?|class(?:es)?|caf[eé]s?|clubs?|services?|support|help|befriend\w*|referr?al|refer|lifts?|transport|pip|attendance allowance|blue badge|benefits?|learn\w*|lessons?|ipad|video|smartphone|phone|apps?|online|checks?|checked|mot|gadgets?|dispensers?|reminders?|alarms?|lifeline|where|who|anyone|anybody|somewhere|suggest|something (?:he|she|they) could do|deliver\w*|collect\w*|pick(?:ed)? up|pharmacy|chemist|review|blister|dosette|prompt\w*|remind\w*|forget\w*|forgetting)\b/;

/** Sentences, and the joins where a second request starts ("also", "and is there", ", and wants"). */
const clauseBreak = /(?<=[?.!])\s+|\n+|\s(?=(?:also|and also|and is there|and are there|and wants|, and|plus)\b)|;\s*/;

/** The text is lower-cased and cleaned by the caller. */
export function asksClinicalQuestionInAClause(text: string): boolean {
  return text.split(clauseBreak).some((part) => {
    const clause = part.trim();
    return (clause.endsWith("?") || questionOpening.test(clause)) && measurementOrMedicine.test(clause) && !asksForSomething.test(clause);
  });
}
