import type { Directory } from "../directory/directory.js";
import { tokenize } from "../text/normalise-text.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import type { RiskKind } from "./safety-patterns.js";
import { detectEmergency } from "./detect-emergency.js";
import { extractEntities, type Evidence } from "./extract-entities.js";
import { extractNhsNumber } from "./extract-nhs-number.js";
import { extractPerson } from "./extract-person.js";
import { extractReference } from "./extract-reference.js";
import { extractUrgency, type Urgency } from "./extract-urgency.js";
import type { EntityMarkers } from "./intent-features.js";
import type { IntentClassifier } from "./intent-classifier.js";
import type { IntentId } from "./intents.js";

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
}

export interface Understanding {
  readonly intent: IntentId;
  readonly confidence: number;
  /** True when the classifier was unsure and Signpost should ask rather than guess. */
  readonly unsure: boolean;
  readonly entities: UnderstoodEntities;
  readonly evidence: Evidence;
  /** The risks that made this urgent_help (empty otherwise). */
  readonly risks: readonly RiskKind[];
  /** An NHS number was given but failed its check digit: tell the user, keep nothing. */
  readonly invalidNhsNumber: boolean;
  /**
   * The classifier thought an emergency possible, with no risk words to confirm it:
   * the answer goes ahead but leads with a one-line safety reminder.
   */
  readonly safetyReminder: boolean;
}

export interface UnderstandOptions {
  readonly directory: Directory;
  readonly classifier: IntentClassifier;
  /** Below this confidence Signpost asks a clarifying question (decision 0004). */
  readonly confidenceThreshold: number;
}

/**
 * With no risk words found by the rules, the classifier alone makes a message
 * urgent_help from this probability, and adds a safety reminder to the normal
 * answer from `remindProbability` (decision 0004 has the figures).
 */
export const urgentProbability = 0.6;
export const remindProbability = 0.3;
/**
 * Below this, an intent that has no use for needs (unknown, greeting, help)
 * gives way to a search when a need was recognised: "memory clinic referral
 * done, what can we do while he waits" is a search, not a request for help.
 * Feedback is left out: it names a service's need too ("the falls class link is broken").
 */
const catchAllConviction = 0.6;
const needlessIntents: ReadonlySet<IntentId> = new Set(["unknown", "greeting", "help"]);

/**
 * Understands one message: entities first, then the safety net, then intent.
 * Urgency wins over everything: a risk found by the safety-net rules, or one
 * the classifier finds likely when the rules saw no risk words at all, makes
 * the message urgent_help, whatever else it asks. A risk the rules saw and
 * judged negated or historic ("denies SI", "overdose in 2019") is trusted.
 */
export function understand(text: string, options: UnderstandOptions): Understanding {
  const { directory, classifier } = options;
  const { entities, evidence } = extractEntities(text, directory);
  const nhs = extractNhsNumber(text);
  const full: UnderstoodEntities = {
    ...entities,
    nhsNumber: nhs.kind === "valid" ? nhs.nhsNumber : null,
    reference: extractReference(text),
    urgency: extractUrgency(text),
    person: extractPerson(text),
  };
  const markers = markersOf(full, nhs.kind !== "none");
  const guess = classifier.classify(text, markers);
  const emergency = detectEmergency(text);
  const rulesSawRisk = emergency.mentions.length > 0;
  const pUrgent = guess.probabilities.urgent_help;
  const urgent = emergency.urgent || (!rulesSawRisk && pUrgent >= urgentProbability);
  const safetyReminder = !urgent && !rulesSawRisk && pUrgent >= remindProbability;

  const base = { entities: full, evidence, invalidNhsNumber: nhs.kind === "invalid", safetyReminder };
  if (tokenize(text).length === 0) {
    // Only punctuation, emoji or spaces: nothing to understand, and nothing to guess.
    return { ...base, intent: "unknown", confidence: 1, unsure: false, risks: [], safetyReminder: false };
  }
  if (urgent) {
    return { ...base, intent: "urgent_help", confidence: emergency.urgent ? 1 : pUrgent, unsure: false, risks: emergency.kinds };
  }
  // Not urgent: the best of the other intents.
  const [intent, confidence] = (Object.entries(guess.probabilities) as [IntentId, number][])
    .filter(([id]) => id !== "urgent_help")
    .reduce((a, b) => (b[1] > a[1] ? b : a));
  // A recognised need outweighs a weak guess at an intent that has no use for it:
  // "befriending" or "lonely widower" alone is a search, however little else the message says.
  const weakCatchAll = needlessIntents.has(intent) && confidence < catchAllConviction;
  if (full.needs.length > 0 && (weakCatchAll || confidence < options.confidenceThreshold)) {
    return { ...base, intent: "find_service", confidence: guess.probabilities.find_service, unsure: false, risks: [] };
  }
  if (confidence < options.confidenceThreshold) return { ...base, intent, confidence, unsure: true, risks: [] };
  return { ...base, intent, confidence, unsure: false, risks: [] };
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
