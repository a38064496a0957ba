import type { Directory } from "../directory/directory.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import { tokenize } from "../text/normalise-text.js";
import { assessSafety, type SafetyAssessment } from "./assess-safety.js";
import { type ClinicalQuestion, detectClinicalQuestion } from "./detect-clinical-question.js";
import { asksForAlternative, asksForReferral, asksOutOfScope, chasesReferral, commentsOnSignpost, reportsServiceChange, soundsLikeFeedback } from "./detect-request.js";
import { type Entities, extractEntities, type Evidence } from "./extract-entities.js";
import { extractNhsNumber } from "./extract-nhs-number.js";
import { extractPerson } from "./extract-person.js";
import { extractReference } from "./extract-reference.js";
import { extractUrgency, type Urgency } from "./extract-urgency.js";
import type { EntityMarkers } from "./intent-features.js";
import type { IntentClassifier } from "./intent-classifier.js";
import type { IntentId } from "./intents.js";
import { type RiskKind, safeNow } from "./risk-lexicon.js";

export interface UnderstoodEntities {
  readonly areas: AreaId[];
  readonly needs: NeedId[];
  readonly age: number | null;
  /** A valid NHS number (Modulus 11), or null. Personal data: never logged. */
  readonly nhsNumber: string | null;
  readonly reference: string | null;
  readonly urgency: Urgency | null;
  /** The person a referral is for, as written ("Mrs P"). Personal data: never logged. */
  readonly person: string | null;
  /** Needs named that the directory does not cover, by label. */
  readonly notListed: string[];
}

export interface Understanding {
  readonly intent: IntentId;
  readonly confidence: number;
  /** True when the classifier was unsure and Signpost should ask rather than guess. */
  readonly unsure: boolean;
  readonly entities: UnderstoodEntities;
  readonly evidence: Evidence;
  /** The safety net's reading: an emergency now, a concern worth a line, or neither. */
  readonly safety: SafetyAssessment;
  /** The risks that made this urgent_help (empty otherwise). */
  readonly risks: readonly RiskKind[];
  /** A concern worth a safety line before the normal answer: its kinds (none when only the classifier saw it). */
  readonly concern?: { readonly kinds: readonly RiskKind[] };
  /** A clinical question asked, in whole or in part: declined out loud. */
  readonly clinical?: ClinicalQuestion;
  /** An NHS number was given but failed its check digit: tell the user, keep nothing. */
  readonly invalidNhsNumber: boolean;
}

export interface UnderstandOptions {
  readonly directory: Directory;
  readonly classifier: IntentClassifier;
  /** Below this confidence Signpost asks a clarifying question (decision 0004). */
  readonly confidenceThreshold: number;
}

/**
 * Two readers decide an emergency, and either is enough: the risk lexicon
 * (assess-safety.ts) and the intent classifier, from this urgent probability,
 * whatever the lexicon found. Each catches what the other misses in words it
 * has not seen: held out round by round (rounds 1-15), the classifier from 0.7
 * caught 476 of 512 blind emergencies and alarmed 7 of 4,288 other cases; with the
 * lexicon, 512 of 512 and 6 (`npm run measure:emergency-readers`, decision 0008). With no risk
 * word at all, the classifier alone makes a message a concern (a safety line
 * before the normal answer) from `concernProbability`.
 */
export const urgentProbability = 0.7;
export const concernProbability = 0.6;

/**
 * Either reader is enough; the classifier does not overrule a message that says outright the person
 * is safe now or well again ("back to her usual self"), nor call 999 on its own for a clinical question ("is it alright to give mum her
 * amitriptyline now she's on co-codamol?"): that is declined, and a risk in it is the lexicon's to
 * read. No blind emergency of rounds 1-20 was a clinical question the lexicon missed.
 */
/** Said to be over and the person well again: "back to her usual self today", "home the same evening". */
const recovered = /\bback to (?:her|his|their) (?:usual|normal|old) self\b|\b(?:home|discharged) (?:the )?same (?:day|evening|night)\b/;
/** The writer says outright it is not an emergency: the classifier's guess alone does not overrule them (a risk word still can). */
const notAnEmergency = /\b(?:not|isn'?t|is not|it'?s not|no) (?:an? )?(?:emergency|urgent|999)\b|\bnon-?urgent\b/;

export function readsAsEmergency(text: string, safety: SafetyAssessment, urgent: number, threshold = urgentProbability): boolean {
  if (safety.tier === "emergency") return true;
  const lower = text.toLowerCase();
  return urgent >= threshold && !safeNow.test(lower) && !recovered.test(lower) && !notAnEmergency.test(lower) && detectClinicalQuestion(text) === undefined;
}
/**
 * Below this, an intent that has no use for needs (unknown, greeting, help)
 * gives way to a search when a need was recognised: "memory clinic referral
 * done, what can we do while he waits" is a search, not a request for help.
 */
const catchAllConviction = 0.6;
const needlessIntents: ReadonlySet<IntentId> = new Set(["unknown", "greeting", "help"]);
/** Asking what there is ("what falls classes are there pls"), not about Signpost ("does this bot cover Rutland?", "how do I..."). */
const asksWhatThereIs = /\bwhat\b[^?.]{0,40}\b(?:are there|is there|is on|are on|is available|are available)\b/;
const aboutSignpost = /\b(?:you|u|this|it|signpost|bot|tool|app|how)\b/;

/**
 * Understands one message: entities first, then the safety net, then what is
 * asked. The safety net wins over everything: an emergency happening now makes
 * the message urgent_help, whatever else it asks; a concern adds a line. Then a
 * clinical question is declined (alone: unknown; with a service request: the
 * search goes ahead). A referral to First Contact Plus asked for anywhere, and
 * a comment on Signpost, are read from how they are put; the classifier
 * decides the rest, and a recognised need outweighs a weak guess.
 */
export function understand(text: string, options: UnderstandOptions): Understanding {
  const { directory, classifier } = options;
  const { entities, evidence } = extractEntities(text, directory);
  const nhs = extractNhsNumber(text);
  const safety = assessSafety(text);
  const full: UnderstoodEntities = {
    ...entities,
    ...(disclosesDomesticAbuse(text, safety) ? asDomesticAbuse(entities, evidence) : {}),
    nhsNumber: nhs.kind === "valid" ? nhs.nhsNumber : null,
    reference: extractReference(text),
    urgency: extractUrgency(text),
    person: extractPerson(text),
  };
  const guess = classifier.classify(text, markersOf(full, nhs.kind !== "none"));
  const pUrgent = guess.probabilities.urgent_help;
  const ruleless = safety.mentions.length === 0;
  const emergency = readsAsEmergency(text, safety, pUrgent);
  const concerned = !emergency && (safety.tier === "concern" || (ruleless && pUrgent >= concernProbability));
  const clinical = detectClinicalQuestion(text);
  const base = {
    entities: full,
    evidence,
    safety,
    invalidNhsNumber: nhs.kind === "invalid",
    ...(concerned ? { concern: { kinds: safety.tier === "concern" ? safety.kinds : [] } } : {}),
    ...(clinical ? { clinical } : {}),
  };

  if (tokenize(text).length === 0) {
    // Only punctuation, emoji or spaces: nothing to understand, and nothing to guess.
    return { entities: full, evidence, safety, invalidNhsNumber: false, intent: "unknown", confidence: 1, unsure: false, risks: [] };
  }
  if (emergency) {
    return { ...base, intent: "urgent_help", confidence: safety.tier === "emergency" ? 1 : pUrgent, unsure: false, risks: safety.tier === "emergency" ? safety.kinds : [] };
  }
  if (clinical?.alone) return { ...base, intent: "unknown", confidence: 1, unsure: false, risks: [] };
  if (asksOutOfScope(text) && full.needs.length === 0) return { ...base, intent: "unknown", confidence: 1, unsure: false, risks: [] };
  // "Where are we with FC-3TR8WN? lady in Kegworth, waiting on grab rails": the reference is what is asked about.
  if (full.reference !== null && chasesReferral(text)) return { ...base, intent: "referral_status", confidence: 1, unsure: false, risks: [] };
  if (asksForReferral(text)) return { ...base, intent: "make_referral", confidence: 1, unsure: false, risks: [] };
  if (commentsOnSignpost(text) || reportsServiceChange(text)) return { ...base, intent: "feedback", confidence: 1, unsure: false, risks: [] };
  // Not urgent: the best of the other intents.
  const [intent, confidence] = (Object.entries(guess.probabilities) as [IntentId, number][])
    .filter(([id]) => id !== "urgent_help")
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  if (clinical) return { ...base, intent: "find_service", confidence: guess.probabilities.find_service, unsure: false, risks: [] };
  // Feedback is about a service's details or about Signpost: a message that names needs and says
  // nothing of the kind ("used to go to the bowls club, now housebound. befriending?"), or that asks
  // for another ("the lunch club has closed, is there another?"), is a search.
  if (intent === "feedback" && full.needs.length > 0 && (!soundsLikeFeedback(text) || asksForAlternative(text))) {
    return { ...base, intent: "find_service", confidence: guess.probabilities.find_service, unsure: false, risks: [] };
  }
  // A recognised need outweighs a weak guess at an intent that has no use for it:
  // "befriending" or "lonely widower" alone is a search, however little else the message says.
  // So does a need the directory does not cover ("storage for her belongings"): the answer says so.
  // "what falls classes are there pls" names a need and asks nothing about Signpost: a search, however sure the guess at help.
  const helpWithANeed = intent === "help" && asksWhatThereIs.test(text.toLowerCase()) && !aboutSignpost.test(text.toLowerCase());
  const weakCatchAll = needlessIntents.has(intent) && (confidence < catchAllConviction || helpWithANeed);
  if ((full.needs.length > 0 || full.notListed.length > 0) && (weakCatchAll || confidence < options.confidenceThreshold)) {
    return { ...base, intent: "find_service", confidence: guess.probabilities.find_service, unsure: false, risks: [] };
  }
  if (confidence < options.confidenceThreshold) return { ...base, intent, confidence, unsure: true, risks: [] };
  return { ...base, intent, confidence, unsure: false, risks: [] };
}

/** Words of the abuse itself ("controls all the money"), not a need for money advice. */
const abuseWords = new Set(["money", "finances", "phone", "her money", "his money", "the money"]);
// Personally connected, as the Domestic Abuse Act 2021 has it: a partner or ex, or a relative.
const partner =
  /\b(?:partner|husband|wife|boyfriend|girlfriend|ex|ex-partner|ex-husband|ex-wife|spouse|fianc[eé]e?|son|daughter|grandson|granddaughter|nephew|niece|brother|sister|stepson|stepdaughter|mum|mother|dad|father)\b/i;

/**
 * Abuse or violence from a partner, an ex or a relative, disclosed and happening (not long ago, not
 * denied), is domestic abuse: it is named as that need (directory/needs.yaml,
 * `domestic-abuse`) rather than matched to the nearest need by its words.
 */
function disclosesDomesticAbuse(text: string, safety: SafetyAssessment): boolean {
  const present = safety.mentions.some((m) => (m.kind === "abuse" || m.kind === "violence") && m.status === "present");
  return present && partner.test(text);
}

/** The needs of a domestic abuse disclosure: domestic abuse, and no need read from the abuse's own words. */
function asDomesticAbuse(entities: Entities, evidence: Evidence): Pick<Entities, "needs"> {
  const fromAbuseOnly = (need: NeedId) => evidence.needs.filter((e) => e.need === need).every((e) => abuseWords.has(e.written));
  const needs = entities.needs.filter((need) => !fromAbuseOnly(need));
  return { needs: needs.includes("domestic-abuse") ? needs : [...needs, "domestic-abuse"] };
}

/** The markers of a message, found as `understand` finds them: used to train the classifier. */
export function findMarkers(text: string, directory: Directory): EntityMarkers {
  const nhs = extractNhsNumber(text);
  const { entities } = extractEntities(text, directory);
  return markersOf(
    { ...entities, nhsNumber: null, reference: extractReference(text), urgency: null, person: extractPerson(text) },
    nhs.kind !== "none",
  );
}

/** What a message contains, as classifier features. */
export function markersOf(entities: UnderstoodEntities, sawNhsNumber: boolean): EntityMarkers {
  return {
    place: entities.areas.length > 0,
    need: entities.needs.length > 0,
    age: entities.age !== null,
    reference: entities.reference !== null,
    nhsNumber: sawNhsNumber,
    person: entities.person !== null,
  };
}
