import type { RiskKind } from "../understanding/risk-lexicon.js";

/**
 * What Signpost says when a message shows risk: for an emergency, 999 first and
 * then what fits each risk, never a search; for a concern, one line before the
 * normal answer. Never clinical advice.
 */
const emergencyLines: Readonly<Record<RiskKind, string>> = {
  suicide: "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day). If it is safe to, stay with the person.",
  "low-mood": "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day). If it is safe to, stay with the person.",
  "self-harm": "If the injury is serious, call 999. For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day).",
  crisis: "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day).",
  overdose: "An overdose needs urgent medical help even if the person seems well: call 999.",
  "chest-pain": "Chest pain that could be a heart attack needs 999 straight away.",
  stroke: "Face drooping, arm weakness or slurred speech can be a stroke: call 999 straight away.",
  breathing: "Someone who cannot breathe properly, or whose lips are turning blue, needs 999 now.",
  collapse: "Someone who has collapsed, is unresponsive, has been on the floor and cannot get up, is bleeding heavily, has hit their head, is very cold and confused, or is drowsy or newly confused with a very high or low blood sugar or other red-flag observations needs 999 now.",
  "fire-or-gas": "For a fire, call 999 and get everyone out. If you smell gas or a carbon monoxide alarm sounds, get everyone out into fresh air, call 999 if anyone is unwell, and call the gas emergency line.",
  violence: "If anyone is being hurt or threatened now, call 999 and keep yourself safe.",
  missing: "A vulnerable person who is missing now is an emergency: call 999.",
  neglect: "Someone left without food, drink or care needs help today: call 999 if they are unwell now, and report it to adult social care at their council straight away.",
  abuse: "If an adult is in danger now, call 999. Otherwise follow your safeguarding procedure and report it today to adult social care at the council where they live.",
  "carer-strain": "If the carer or the person they care for is at risk now, call 999.",
  "self-neglect": "If the person is at risk now, call 999; otherwise raise it with adult social care at their council.",
};

export function emergencyReply(risks: readonly RiskKind[], general: string): string {
  if (risks.length === 0) return general;
  const specific = [...new Set(risks.map((risk) => emergencyLines[risk]))];
  return [
    "This sounds like an emergency. If someone's life is at risk now, call 999.",
    ...specific,
    "I can't assess risk or give clinical advice. I can help with anything else once the person is safe.",
  ].join("\n");
}

const concernLines: Partial<Readonly<Record<RiskKind, string>>> = {
  abuse:
    "This sounds like a safeguarding concern: follow your safeguarding procedure and report it today to adult social care at the council where they live (Leicestershire, Leicester City or Rutland). If anyone is in danger now, call 999.",
  "low-mood": "If their thoughts get worse or they make a plan, call NHS 111 and choose option 2, or 999 if they are in danger now.",
  "self-harm": "If they are injured or at risk now, call 999; for a mental health crisis, NHS 111 option 2.",
  "carer-strain": "A carer at breaking point can ask the council for an urgent carer's assessment; if the carer or the person they care for is at risk now, call 999.",
  "self-neglect": "Self-neglect can be raised with adult social care at the person's council under safeguarding; if they are at risk now, call 999.",
};

/**
 * Domestic abuse asked about, with no risk read in the words: still a line, since a disclosure can be
 * less safe than it sounds. Not "report to adult social care": for a capable adult that is their choice.
 */
export const domesticAbuseLine = "If anyone is in danger now, call 999; otherwise follow your safeguarding procedure.";

/** Abuse that the message says is over ("left him 3 years ago, safe now", "historic DA, MARAC closed"): no line. */
export const abuseOver =
  /\b(?:years?|yrs?|decades) ago\b|\bin (?:19|20)\d\d\b|\bhistoric(?:al)?\b|\bno current (?:risk|concerns?|contact)\b|\b(?:safe|settled) now\b|\bnow (?:safe|settled)\b|\bno contact\b|\bmarac closed\b|\bhas ended\b|\bended \d|\bsurvivors?\b/;

const generalConcern = "If anyone is at risk right now, call 999; for a mental health crisis, NHS 111 option 2.";

/** Violence disclosed is a safeguarding concern too: one line covers both. */
const sameLine: Partial<Readonly<Record<RiskKind, RiskKind>>> = { violence: "abuse" };

/** One line (or a few, one per kind) for a concern, before the normal answer. */
export function concernReply(kinds: readonly RiskKind[]): string {
  const lines = [...new Set(kinds.map((kind) => concernLines[sameLine[kind] ?? kind] ?? generalConcern))];
  return (lines.length > 0 ? lines : [generalConcern]).join(" ");
}
