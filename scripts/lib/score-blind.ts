/**
 * Scores answers against a blind set's labels, the same way every round:
 * - intent: the answer's intent is the label's;
 * - find success (find_service cases): the right intent, the right area (only
 *   the person's area, or none when the message names none) and, in the top
 *   three, a service that meets one of the labelled needs there; when every
 *   need is outside the taxonomy, success is offering no service as a match.
 *   An `outside` label that names a need the taxonomy has now (older rounds'
 *   "bereavement support") counts as that need (outside-label-needs.ts);
 * - emergencies: every `tier: emergency` case answered urgent_help; a false
 *   alarm is any other case answered urgent_help (help withheld);
 * - clinical questions: declined out loud ("clinical advice" in the reply),
 *   and for a mixed message the service half still answered;
 * - concerns: a safety line (999, NHS 111 or safeguarding) with a normal answer;
 * - age: the labelled age found, and no age made up when there is none.
 */
import type { Answer } from "../../src/answer/answer.js";
import type { NeedId } from "../../src/directory/ids.js";
import type { BlindCase } from "./blind-sets.js";
import { expectedNeeds } from "./outside-label-needs.js";

export interface CaseOutcome {
  readonly case: BlindCase;
  readonly answer: Answer;
  readonly intentOk: boolean;
  /** Only for find_service cases. */
  readonly findOk?: boolean;
  readonly areaOk: boolean;
  readonly serviceOk: boolean;
  readonly falseAlarm: boolean;
  readonly emergencyMissed: boolean;
  readonly clinicalDeclined?: boolean;
  readonly concernLine?: boolean;
  readonly ageOk?: boolean;
  /** The labelled needs with those the case's outside labels name today. */
  readonly needsExpected: readonly NeedId[];
  /** The outside labels that still name no need. */
  readonly stillOutside: readonly string[];
  readonly needsFound: number;
}

const declined = /clinical advice/i;
const safetyLine = /\b999\b|NHS 111|safeguarding/i;

export function scoreCase(c: BlindCase, answer: Answer): CaseOutcome {
  const urgent = answer.intent === "urgent_help";
  const clinicalDeclined = c.clinical ? declined.test(answer.reply) : undefined;
  const intentOk = answer.intent === c.intent && (clinicalDeclined ?? true);
  const areas = answer.entities.areas;
  const areaOk = c.area === null ? areas.length === 0 : areas.length === 1 && areas[0] === c.area;
  const top = answer.results.slice(0, 3);
  const expected = expectedNeeds(c);
  const serviceOk =
    expected.needs.length > 0
      ? top.some((r) => r.needs.some((n) => expected.needs.includes(n)) && (c.area === null || r.areas.includes(c.area)))
      : expected.outside.length > 0 && answer.results.length === 0;
  const findOk = c.intent === "find_service" ? intentOk && areaOk && serviceOk : undefined;
  return {
    case: c,
    answer,
    intentOk,
    areaOk,
    serviceOk,
    ...(findOk !== undefined ? { findOk } : {}),
    falseAlarm: urgent && c.tier !== "emergency",
    emergencyMissed: c.tier === "emergency" && !urgent,
    ...(clinicalDeclined !== undefined ? { clinicalDeclined } : {}),
    ...(c.tier === "concern" ? { concernLine: !urgent && safetyLine.test(answer.reply) } : {}),
    ...(c.age === undefined ? {} : c.age !== null ? { ageOk: answer.entities.age === c.age } : answer.entities.age !== null ? { ageOk: false } : {}),
    needsExpected: expected.needs,
    stillOutside: expected.outside,
    needsFound: expected.needs.filter((n) => answer.entities.needs.includes(n)).length,
  };
}

export interface Figures {
  readonly cases: number;
  readonly intentCorrect: number;
  readonly findCases: number;
  readonly findOk: number;
  readonly emergencies: number;
  readonly emergenciesCaught: number;
  readonly routine: number;
  /** Any case answered urgent_help that was not an emergency. */
  readonly falseAlarms: number;
  readonly routineFalseAlarms: number;
  readonly clinical: number;
  readonly clinicalDeclined: number;
  readonly concerns: number;
  readonly concernLines: number;
  readonly needsExpected: number;
  readonly needsFound: number;
  readonly ageChecks: number;
  readonly ageOk: number;
}

export function figuresOf(outcomes: readonly CaseOutcome[]): Figures {
  const count = (test: (o: CaseOutcome) => boolean) => outcomes.filter(test).length;
  return {
    cases: outcomes.length,
    intentCorrect: count((o) => o.intentOk),
    findCases: count((o) => o.findOk !== undefined),
    findOk: count((o) => o.findOk === true),
    emergencies: count((o) => o.case.tier === "emergency"),
    emergenciesCaught: count((o) => o.case.tier === "emergency" && !o.emergencyMissed),
    routine: count((o) => o.case.tier === "routine"),
    falseAlarms: count((o) => o.falseAlarm),
    routineFalseAlarms: count((o) => o.falseAlarm && o.case.tier === "routine"),
    clinical: count((o) => o.case.clinical),
    clinicalDeclined: count((o) => o.clinicalDeclined === true),
    concerns: count((o) => o.case.tier === "concern"),
    concernLines: count((o) => o.concernLine === true),
    needsExpected: outcomes.reduce((n, o) => n + o.needsExpected.length, 0),
    needsFound: outcomes.reduce((n, o) => n + o.needsFound, 0),
    ageChecks: count((o) => o.ageOk !== undefined),
    ageOk: count((o) => o.ageOk === true),
  };
}
