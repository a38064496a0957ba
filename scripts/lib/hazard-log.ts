/**
 * Signpost's hazard log (docs/safety/hazard-log.yaml): its shape, the DCB0129
 * risk matrix its ratings must follow (docs/safety/clinical-risk-management-plan.md),
 * the rules a log must keep, and the Markdown view rendered from it
 * (docs/safety/hazard-log.md, written by `npm run safety:hazard-log`).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

export const hazardLogFile = new URL("../../docs/safety/hazard-log.yaml", import.meta.url).pathname;
export const hazardLogView = new URL("../../docs/safety/hazard-log.md", import.meta.url).pathname;

export const likelihoods = ["very-low", "low", "medium", "high", "very-high"] as const;
export const severities = ["minor", "significant", "considerable", "major", "catastrophic"] as const;
export type Likelihood = (typeof likelihoods)[number];
export type Severity = (typeof severities)[number];

/** DCB0129's matrix: a rating from 1 (acceptable) to 5 (unacceptable), by likelihood (rows) and severity (columns, minor first). */
export const riskMatrix: Readonly<Record<Likelihood, readonly [number, number, number, number, number]>> = {
  "very-high": [3, 4, 4, 5, 5],
  high: [2, 3, 3, 4, 5],
  medium: [2, 2, 3, 3, 4],
  low: [1, 2, 2, 3, 4],
  "very-low": [1, 1, 2, 2, 3],
};

export function riskOf(likelihood: Likelihood, severity: Severity): number {
  return riskMatrix[likelihood][severities.indexOf(severity)]!;
}

/** The hazards issue 19 names; the log must cover every one. */
export const requiredHazards = [
  "missed-emergency",
  "false-alarm",
  "clinical-advice",
  "wrong-area-service",
  "closed-service",
  "stale-service",
  "referral-lost",
  "referral-duplicated",
  "referral-wrong-place",
  "referral-leaked",
  "wrong-person",
  "outage-during-referral",
] as const;

const assessment = z.strictObject({
  likelihood: z.enum(likelihoods),
  severity: z.enum(severities),
  risk: z.number().int().min(1).max(5),
});

const control = z
  .strictObject({
    control: z.string().min(1),
    tests: z.array(z.string().min(1)).min(1).optional(),
    untested: z.string().min(1).optional(),
  })
  .refine((c) => (c.tests === undefined) !== (c.untested === undefined), "a control names its tests, or says in `untested` why it has none (not both)");

const hazard = z.strictObject({
  id: z.string().regex(/^H\d{2}$/, "is H and two digits"),
  title: z.string().min(1),
  covers: z.array(z.string().min(1)).min(1),
  description: z.string().min(1),
  causes: z.array(z.string().min(1)).min(1),
  effects: z.array(z.string().min(1)).min(1),
  harm: z.string().min(1),
  initial: assessment,
  controls: z.array(control).min(1),
  residual: assessment,
  status: z.enum(["open", "controlled", "transferred", "closed"]),
  evidence: z.array(z.string().min(1)).optional(),
  actions: z.array(z.string().min(1)).optional(),
  accepted_by: z.string().min(1).optional(),
});

const hazardLog = z.strictObject({
  reviewed: z.iso.date(),
  hazards: z.array(hazard).min(1),
});

export type Hazard = z.infer<typeof hazard>;
export type HazardLog = z.infer<typeof hazardLog>;

export type ReadLog = { readonly ok: true; readonly log: HazardLog } | { readonly ok: false; readonly problems: readonly string[] };

/** Parses and checks a hazard log's text: its shape, then the rules `hazardLogProblems` keeps. */
export function readHazardLog(text: string): ReadLog {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    return { ok: false, problems: [`not YAML: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = hazardLog.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join(".") || "(the file)"}: ${issue.message}`) };
  }
  const problems = hazardLogProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, log: parsed.data };
}

export function readHazardLogFile(file = hazardLogFile): ReadLog {
  return readHazardLog(readFileSync(file, "utf8"));
}

/** The rules beyond shape: ratings from the matrix, residual no worse than initial, honest statuses, every issue hazard covered. */
export function hazardLogProblems(log: HazardLog): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const h of log.hazards) {
    if (seen.has(h.id)) problems.push(`${h.id}: the id is used twice`);
    seen.add(h.id);
    for (const [name, a] of [["initial", h.initial], ["residual", h.residual]] as const) {
      const expected = riskOf(a.likelihood, a.severity);
      if (a.risk !== expected) problems.push(`${h.id}: ${name} risk is ${a.risk}, but the matrix gives ${expected} for ${a.likelihood} and ${a.severity}`);
    }
    if (h.residual.risk > h.initial.risk) problems.push(`${h.id}: the residual risk (${h.residual.risk}) is higher than the initial risk (${h.initial.risk})`);
    const untested = h.controls.filter((c) => c.untested !== undefined).length;
    if (untested > 0 && (h.status === "controlled" || h.status === "closed")) {
      problems.push(`${h.id}: ${untested} control(s) have no test, so the hazard is open or transferred, not ${h.status}`);
    }
    if (untested > 0 && (h.actions ?? []).length === 0) problems.push(`${h.id}: a control with no test needs an action`);
    if (h.residual.risk >= 4 && h.status !== "open") problems.push(`${h.id}: a residual risk of ${h.residual.risk} is not acceptable, so the hazard stays open`);
    if (h.status === "closed" && h.accepted_by === undefined) problems.push(`${h.id}: only the Clinical Safety Officer closes a hazard (accepted_by)`);
  }
  const covered = new Set(log.hazards.flatMap((h) => h.covers));
  for (const required of requiredHazards) if (!covered.has(required)) problems.push(`no hazard covers "${required}"`);
  return problems;
}

/** A named test, `file > describe > test`, split into its file and its full name as vitest gives it. */
export function splitTestName(named: string): { readonly file: string; readonly fullName: string } {
  const at = named.indexOf(" > ");
  return at < 0 ? { file: named, fullName: "" } : { file: named.slice(0, at), fullName: named.slice(at + 3) };
}

const rating = (a: z.infer<typeof assessment>) => `${a.risk} (${a.likelihood} x ${a.severity})`;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function renderHazard(h: Hazard): string[] {
  const lines = [`## ${h.id}: ${h.title}`, "", h.description, "", `**Causes**`, "", ...h.causes.map((c) => `- ${c}`), "", `**Effects**`, "", ...h.effects.map((e) => `- ${e}`), ""];
  lines.push(`**Harm**: ${h.harm}`, "", `**Initial risk**: ${rating(h.initial)}`, "", "| control | shown by |", "| --- | --- |");
  for (const c of h.controls) {
    const shown = c.tests ? c.tests.map((t) => `\`${cell(t)}\``).join("<br>") : `**No test.** ${cell(c.untested ?? "")}`;
    lines.push(`| ${cell(c.control)} | ${shown} |`);
  }
  lines.push("", `**Residual risk**: ${rating(h.residual)}. **Status**: ${h.status}${h.accepted_by ? `, accepted by ${h.accepted_by}` : ""}.`, "");
  if (h.evidence?.length) lines.push("**Evidence**", "", ...h.evidence.map((e) => `- ${e}`), "");
  if (h.actions?.length) lines.push("**Actions**", "", ...h.actions.map((a) => `- ${a}`), "");
  return lines;
}

/** The Markdown view of the log: a summary table, then each hazard in full. */
export function renderHazardLog(log: HazardLog): string {
  const lines = [
    "# Hazard log",
    "",
    "<!-- Rendered from hazard-log.yaml by `npm run safety:hazard-log`; edit the YAML, not this file. -->",
    "",
    `Signpost's hazards in the DCB0129 style, last reviewed ${log.reviewed}. Likelihood, severity and the`,
    "risk rating (1 acceptable to 5 unacceptable) are those of the matrix in",
    "[the clinical risk management plan](clinical-risk-management-plan.md). Every control names the",
    "test that shows it works (`file > describe > test`, as vitest names it); `test/safety/hazard-log.test.ts`",
    "checks each named test exists and runs. A control with no test says so, and its hazard stays open.",
    "",
    "| hazard | initial risk | residual risk | status |",
    "| --- | --- | --- | --- |",
    ...log.hazards.map((h) => `| [${h.id}](#${anchor(h)}): ${cell(h.title)} | ${rating(h.initial)} | ${rating(h.residual)} | ${h.status} |`),
    "",
  ];
  for (const h of log.hazards) lines.push(...renderHazard(h));
  return `${lines.join("\n").trimEnd()}\n`;
}

/** GitHub's anchor for a hazard's heading. */
function anchor(h: Hazard): string {
  return `${h.id}: ${h.title}`.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, "").replace(/ /g, "-");
}
