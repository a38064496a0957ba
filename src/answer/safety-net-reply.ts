import type { RiskKind } from "../understanding/safety-patterns.js";

/**
 * The safety net: what Signpost says before anything else when a message shows
 * risk to life or safety. 999 first, then what fits the risk. Never a search,
 * never clinical advice. `general` is intents/urgent_help.yaml's reply, used
 * when the classifier, not a rule, recognised the emergency.
 */
const lines: Readonly<Record<RiskKind, string>> = {
  suicide: "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day). If it is safe to, stay with the person.",
  "self-harm": "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day). If the injury is serious, call 999.",
  crisis: "For a mental health crisis, call NHS 111 and choose option 2 (24 hours a day).",
  overdose: "An overdose needs urgent medical help even if the person seems well: call 999.",
  "chest-pain": "Chest pain that could be a heart attack needs 999 straight away.",
  stroke: "Face drooping, arm weakness or slurred speech can be a stroke: call 999 straight away.",
  collapse: "Someone who has collapsed, is unresponsive, is not breathing, has hit their head and is drowsy or sick, or is very cold and confused needs 999 now.",
  danger: "If someone is in danger now (a fire, a threat of violence, a vulnerable person missing), call 999.",
  abuse:
    "If an adult is being abused or neglected, follow your safeguarding procedure and report it today to adult social care at the council where they live (Leicestershire County Council, Leicester City Council or Rutland County Council). If they are in immediate danger, call 999.",
};

export function safetyNetReply(risks: readonly RiskKind[], general: string): string {
  if (risks.length === 0) return general;
  const specific = [...new Set(risks.map((risk) => lines[risk]))];
  return [
    "This sounds like an emergency. If someone's life is at risk now, call 999.",
    ...specific,
    "I can't assess risk or give clinical advice. I can help with anything else once the person is safe.",
  ].join("\n");
}
