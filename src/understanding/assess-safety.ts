/**
 * The safety net's reading of a message, in two tiers:
 * - emergency: a risk to life or safety happening now, anywhere in the message
 *   (999 first, no search);
 * - concern: worth a safety line before the normal answer.
 * Each risk word (risk-lexicon.ts) is read in its sentence and clause: a
 * mention that is negated ("denies SI"), in the past ("overdose in 2006",
 * "chest pain last week, ACS ruled out"), hypothetical ("risk of falls"),
 * someone else's ("her mother died of a heart attack") or resolved ("gas leak
 * made safe") does not count. Clinical values, postcodes, addresses and dates
 * are taken out first, so "LE11 3SH" is not self-harm. One emergency is enough.
 */
import { cleanText } from "../text/normalise-text.js";
import { sentencesOf } from "./clauses.js";
import {
  habitual,
  happeningNow,
  newOnset,
  hypotheticalBefore,
  negatedAfter,
  negatedBefore,
  negatedList,
  negationStop,
  otherPersonBefore,
  pastAfter,
  pastBefore,
  pastTenseBefore,
  recentPast,
  relativeFarAwayBefore,
  resolved,
  returned,
  sceneGoesOn,
  tellingTime,
  unharmed,
} from "./context-cues.js";
import { type RiskKind, type RiskTier, riskTriggers, safeNow } from "./risk-lexicon.js";
import { scrubClinicalValues } from "./scrub-clinical-values.js";

export type MentionStatus = "present" | "negated" | "past" | "hypothetical" | "someone-else" | "resolved" | "not-now";

export interface RiskMention {
  readonly kind: RiskKind;
  /** The tier it carries when present, after its sentence's escalating or mitigating words. */
  readonly tier: RiskTier;
  readonly status: MentionStatus;
}

export interface SafetyAssessment {
  readonly tier: RiskTier | "none";
  /** The kinds that make it an emergency, or (when it is a concern) a concern, in the order first seen. */
  readonly kinds: readonly RiskKind[];
  /** Every mention, including those that do not count, and why. */
  readonly mentions: readonly RiskMention[];
}

/** Reported speech ("she said she was ...", "told me he was ...") is about now, not the past. */
const reported = /\b(?:said|says|saying|told (?:me|us|him|her|them)|telling (?:me|us)|disclosed|mention(?:ed|s)?|reports?|reported|admits?|admitted)\b/;
/** An activity the person used to go to: "hasn't been back" there is a habit dropped. */
const droppedHabit = /\bused to (?:go|attend|visit|take (?:her|him|them))\b|\bstopped going\b/;
const intending = /^(?:going|gonna|about|planning|threaten)/;
const selfNeglectRuledOut = /\bnot self[- ]?neglect\w*|\bno (?:signs? of |evidence of |concerns? (?:about|re|of) )?self[- ]?neglect\b|\b(?:walkways|exits|paths?) (?:are |were )?clear\b/;
/** Just before a risk: wanting it, not doing it ("I just want to walk out and never come back"). */
const wishedBefore = /\b(?:wants?|wanting|feels? like|would like|tempted|wish(?:es)?)(?: to)?\b(?:\s+\S+){0,10}\s*$/;
/**
 * Violence or abuse told in the past, with the person about to be back with whoever did it (round 29: "he's
 * collecting her at 3.15 and she's begging not to go"): the danger is today.
 */
const backToDanger =
  /\b(?:(?:he|she|they)(?:'s| is| are|'re) (?:picking|collecting|fetching) (?:her|him|them) (?:up )?(?:after school|from school|at \d|later|tonight|today|this (?:afternoon|evening))|(?:begging|begged|pleading|pleaded|scared|terrified|frightened|afraid) (?:me )?(?:not )?to (?:go|be sent) (?:home|back)|begging not to go|(?:and|but) (?:she|he|they) (?:won'?t|will not|refuses to|doesn'?t want to|does not want to) go(?: home| back| with (?:him|her|them))?\b)/;
/** Just after a symptom: it began minutes or hours ago. */
const onsetNow = /^\W*(?:\S+\s+){0,3}?(?:onset|started|began|came on|for the (?:last|past))\s+(?:\S+\s+){0,2}?(?:‹value›|\d+|an?|half an?|about an?)?\s*(?:mins?|minutes|hours?|hrs?|h)\b/;
/** A wish or a "what if" that is itself the passive thought. */
const wishedFor = /\b(?:wish(?:es|ed)?|what if)\b[^.]{0,30}$/;
/** What has happened, not what is wished: "wanted to go to the shop and never came back". */
const happened = /\b(?:came|went|left|walked|hasn'?t|has not|didn'?t|did not)\b/;
/** Abuse "before" by someone still in the person's life; and the marks of history long over. */
const againBefore = /\b(?:has|have|had)\b[^.]{0,40}\b(?:before|in the past|previously|a few times|more than once|once or twice)\b|\b(?:controls?|controlling)\b/;
const longAgo = /\b(?:years|decades) ago\b|\blong ago\b|\bas a (?:child|kid|teenager|girl|boy)\b|\bin (?:19|20)\d\d\b|\bhistoric(?:al)?\b|\bex-?(?:partner|husband|wife|boyfriend|girlfriend)\b|\bprevious (?:partner|relationship|marriage)\b|\bchildhood\b/;

function statusOf(clause: string, start: number, end: number, sentence: string, now: boolean): MentionStatus {
  const before = clause.slice(Math.max(0, start - 80), start);
  const after = clause.slice(end, end + 60);
  const matched = clause.slice(start, end);
  // A negation reaches no further back than a new subject after a comma.
  const stops = [...before.matchAll(negationStop)];
  const negationScope = stops.length > 0 ? before.slice(stops.at(-1)!.index) : before;
  // "Nobody has seen him since" carries its own "no": a "no coat" before it does not negate it.
  const ownSubject = /^(?:nobody|no one|no-one|noone)\b/.test(matched);
  if (((negatedBefore.test(negationScope) || negatedList.test(before)) && !ownSubject) || negatedAfter.test(after)) return "negated";
  if (otherPersonBefore.test(before) || relativeFarAwayBefore.test(before)) return "someone-else";
  if (hypotheticalBefore.test(before)) return "hypothetical";
  if (resolved.test(sentence) || (unharmed.test(sentence) && !now)) return "resolved";
  // "hx MI x2, crushing CP 9/10 onset 30 min": an onset in minutes or hours makes it now, whatever history comes before (round 30).
  if (onsetNow.test(after)) return "present";
  if (pastBefore.test(before) || pastAfter.test(after)) return "past";
  if (pastTenseBefore.test(before) && !now && !reported.test(before) && !intending.test(matched)) return "past";
  return "present";
}

/** A message about Signpost itself or a training case: "what would Signpost do if someone typed...", "not a real case". */
const notReal = /\bnot (?:a )?real (?:case|person|patient|client|situation|emergency|one)\b|\bhypothetical(?:ly)?\b|\bwhat (?:would|does|do|will|should) (?:signpost|you|it|the bot|this|the app) (?:do|say|reply|answer)\b|\b(?:for|in) (?:our |the |a |my )?(?:team'?s )?(?:training|induction|teaching|role[- ]?play|test scenario|scenario)(?: pack| session| day| exercise)?\b/;

/** A threat to do it ("made threats to set fire to the house"): a concern unless the note says it is happening now. */
const threatenedBefore = /\bthreat(?:s|ened|ening)?\s+(?:\S+\s+){0,2}?to\s+$/;

/** A sentence that turns, after a reassurance, to what is happening now; "but I just want it to stop" does not ("just" as "only", round 26). */
const contradictedNow = /\b(?:but|however|except|although|though)\b[^.]{0,60}\b(?:right now|now|at the moment|currently|just(?! (?:want|wants|wanted|wish|wishes|need|needs|feel|feels|like|so|a bit|about|because|can'?t|cannot|doesn'?t|don'?t|isn'?t)\b))\b/;

/** "Denies a plan, but says he wants to end it all": a reassurance before a "but" does not ease the risk after it. */
function turnsAfter(mitigate: RegExp | undefined, sentence: string, risk: string): boolean {
  if (!mitigate) return false;
  const eased = sentence.search(mitigate);
  const at = sentence.indexOf(risk);
  if (eased < 0 || at < 0 || eased > at) return false;
  return /\b(?:but|however|although|though|yet)\b/.test(sentence.slice(eased, at));
}

/** Kinds whose repeated, not current, occurrence is a concern ("often left in soiled pads", round 28). Violence, abuse and missing stay as they are read ("driven round the estate twice" is the search, not the event). */
const habitualKinds: ReadonlySet<RiskKind> = new Set(["fire-or-gas", "collapse", "neglect"]);

export function assessSafety(message: string): SafetyAssessment {
  const mentions: RiskMention[] = [];
  const sentences = sentencesOf(scrubClinicalValues(cleanText(message)));
  const whole = cleanText(message).toLowerCase();
  const aboutATrainingCase = notReal.test(whole);
  sentences.forEach((sentence, at) => {
    const next = sentences[at + 1]?.text ?? "";
    // When it was told is not when it happened: "told me today she's been cutting" is not "cutting today".
    const said = sentence.text.replace(tellingTime, "told me");
    // Now: said in the sentence, or the next sentence says the scene goes on ("she's still in there with him").
    const now = happeningNow.test(said) || sceneGoesOn.test(next);
    // What eases a risk may come in the next sentence: "better off without him. No plan, no intent."
    const around = `${sentence.text} ${next}`;
    // The latest word on safety: "she's at her sister's and feels safe there", said after the disclosure.
    const safeLater = safeNow.test(sentences.slice(at + 1).map((s) => s.text).join(" "));
    for (const clause of sentence.clauses) {
      for (const trigger of riskTriggers) {
        for (const match of clause.matchAll(trigger.pattern)) {
          let status = statusOf(clause, match.index, match.index + match[0].length, sentence.text, now);
          let tier = trigger.tier;
          if (trigger.onlyNow && status === "present" && !now) status = "not-now";
          if (aboutATrainingCase && status === "present" && !now) status = "hypothetical";
          // "some nights I just want to walk out and never come back": a wish, not someone missing.
          if (trigger.kind === "missing" && status === "present" && !happened.test(match[0]) && wishedBefore.test(clause.slice(Math.max(0, match.index - 90), match.index))) status = "hypothetical";
          // "I just wish I could go to sleep and not wake up", "what if I just didn't wake up": the wish is the risk (round 29).
          if ((trigger.kind === "low-mood" || trigger.kind === "suicide") && status === "hypothetical" && wishedFor.test(clause.slice(Math.max(0, match.index - 40), match.index))) status = "present";
          // A carer who cannot cope is not eased by "no injury to her" (round 30).
          if (trigger.kind === "carer-strain" && status === "resolved") status = "present";
          // "she used to go to church with him and hasn't been back": a habit dropped, not someone missing.
          if (trigger.kind === "missing" && status === "present" && !now && droppedHabit.test(sentence.text)) status = "past";
          if (tier === "emergency" && status === "present" && !now && threatenedBefore.test(clause.slice(Math.max(0, match.index - 40), match.index))) tier = "concern";
          if (trigger.residual && status === "present" && trigger.residual.test(sentence.text) && !newOnset.test(sentence.text)) status = "past";
          if (trigger.lasting && status === "present" && !now && trigger.lasting.test(whole)) status = "not-now";
          // "She says she feels safe, but right now he is outside": what is said to be happening now wins.
          const turned = turnsAfter(trigger.mitigate, sentence.text, match[0]);
          if (tier === "emergency" && trigger.mitigate?.test(around) && !contradictedNow.test(sentence.text) && !turned) tier = "concern";
          // A disclosure of abuse or violence stays a concern when the note goes on to say the person is safe now.
          const safeSince = (trigger.kind === "abuse" || trigger.kind === "violence") && safeLater;
          if (tier === "concern" && trigger.escalate?.test(said) && !trigger.mitigate?.test(around) && !safeSince) tier = "emergency";
          // A missing episode that has ended ("returned each time", "found safe") is a concern, not 999.
          if (trigger.kind === "missing" && status === "present" && returned.test(around)) tier = "concern";
          // Neglect yesterday, with nothing to say it goes on now, is a safeguarding concern, not 999.
          if (trigger.kind === "neglect" && status === "present" && recentPast.test(sentence.text) && !now) tier = "concern";
          // Something that keeps happening ("left the gas on twice this month") is a home-safety or
          // safeguarding worry, not 999, unless the sentence says it is happening now.
          if (tier === "emergency" && status === "present" && habitualKinds.has(trigger.kind) && habitual.test(sentence.text) && !now) tier = "concern";
          // Abuse or violence in the recent past, or "before" by someone still there ("controls the money
          // and has pushed her before"), is still a safeguarding concern; long ago, it is history.
          const stillThere = againBefore.test(sentence.text) && !longAgo.test(sentence.text);
          // Self-harm days ago is still a concern to follow up (round 27: "last time 4 days ago"), not history.
          if (status === "past" && trigger.kind === "self-harm" && recentPast.test(sentence.text)) status = "present";
          if (status === "past" && (trigger.kind === "abuse" || trigger.kind === "violence") && (recentPast.test(sentence.text) || stillThere)) {
            status = "present";
            tier = "concern";
          }
          // Told in the past, with the person about to be back with whoever did it: 999, unless said to be safe now.
          if ((trigger.kind === "violence" || trigger.kind === "abuse") && (status === "present" || status === "past") && !longAgo.test(sentence.text) && backToDanger.test(whole) && !safeLater) {
            status = "present";
            tier = "emergency";
          }
          mentions.push({ kind: trigger.kind, tier, status });
        }
      }
    }
  });
  // "not self-neglecting, walkways clear": the note itself rules self-neglect out, whatever it describes.
  const ruledOut = selfNeglectRuledOut.test(cleanText(message).toLowerCase());
  const read = mentions.map((m): RiskMention => (ruledOut && m.kind === "self-neglect" && m.status === "present" ? { ...m, status: "negated" } : m));
  const present = read.filter((m) => m.status === "present");
  const emergencies = present.filter((m) => m.tier === "emergency");
  const counted = emergencies.length > 0 ? emergencies : present;
  return {
    tier: emergencies.length > 0 ? "emergency" : present.length > 0 ? "concern" : "none",
    kinds: [...new Set(counted.map((m) => m.kind))],
    mentions: read,
  };
}
