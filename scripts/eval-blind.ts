/**
 * Runs the blind evaluation sets through the whole `ask` path and scores them:
 *   npm run eval:blind                      every round run once already: first-run figures beside today's, and the misses
 *                                           (a round with no first-run.json is sealed and left alone)
 *   npm run eval:blind -- --round 2         one round
 *   npm run eval:blind -- --first-run 3     run round 3 once and record its first-run figures
 *                                           (refused when they are recorded already)
 *   npm run eval:blind -- --json            the outcomes as JSON, for study
 * With --nlpjs, NLP.js (trained on intents/) is scored on the same sets beside Signpost.
 * How the sets are written and scored: docs/blind-sets/README.md; the figures: docs/decisions/0008.
 */
import { existsSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { answerQuestion } from "../src/answer/answer-question.js";
import { loadConfig } from "../src/config/load-config.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { CompactTextIndex } from "../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../src/search/embedded-search-engine.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { type BlindSet, firstRunFile, isSealed, readBlindSets } from "./lib/blind-sets.js";
import { nlpJsIntents } from "./lib/nlpjs-intents.js";
import { type CaseOutcome, type Figures, figuresOf, scoreCase } from "./lib/score-blind.js";

const { values } = parseArgs({ options: { round: { type: "string" }, "first-run": { type: "string" }, json: { type: "boolean" }, nlpjs: { type: "boolean" } } });
const config = loadConfig(process.env, { cwd: process.cwd() });
const [directory, intents] = await Promise.all([loadDirectory(config.directoryDir), loadIntents(config.intentsDir)]);
const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
await engine.index(directory);
const understander = createUnderstander(directory, intents, config.intentConfidenceThreshold);
const deps = { directory, engine, understander, maxResults: config.searchMaxResults };

const only = values["first-run"] ?? values.round;
const sets = only === undefined ? readBlindSets(undefined, "open") : readBlindSets().filter((set) => set.round === Number(only));
if (values.round !== undefined && sets.some(isSealed)) {
  process.stderr.write(`Round ${values.round} is sealed (no first run yet): run it once with --first-run ${values.round}.\n`);
  process.exit(2);
}
if (sets.length === 0) {
  process.stderr.write(only ? `There is no blind round ${only} in test/fixtures/blind/.\n` : "There are no blind sets in test/fixtures/blind/.\n");
  process.exit(2);
}

async function run(set: BlindSet): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const c of set.cases) outcomes.push(scoreCase(c, await answerQuestion(c.text, deps)));
  return outcomes;
}

const results = new Map<BlindSet, CaseOutcome[]>();
for (const set of sets) results.set(set, await run(set));

if (values["first-run"] !== undefined) {
  const round = Number(values["first-run"]);
  const file = firstRunFile(round);
  if (existsSync(file)) {
    process.stderr.write(`Round ${round}'s first run is recorded already (${path.relative(process.cwd(), file)}): a first run happens once.\n`);
    process.exit(2);
  }
  const recorded = Object.fromEntries([...results].map(([set, outcomes]) => [set.kind, figuresOf(outcomes)]));
  writeFileSync(file, `${JSON.stringify({ round, date: new Date().toISOString().slice(0, 10), figures: recorded }, null, 2)}\n`);
}

if (values.json) {
  const rows = [...results].flatMap(([set, outcomes]) => outcomes.map((o) => ({ round: set.round, set: set.kind, ...o })));
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  process.exit(0);
}

const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);
type Measure = readonly [string, (f: Figures) => string];
const measures: readonly Measure[] = [
  ["intent right", (f) => pct(f.intentCorrect, f.cases)],
  ["find success (intent, area, a right service in the top 3)", (f) => pct(f.findOk, f.findCases)],
  ["emergencies caught", (f) => pct(f.emergenciesCaught, f.emergencies)],
  ["false alarms (any case; routine ones per routine case)", (f) => `${f.falseAlarms}; ${pct(f.routineFalseAlarms, f.routine)}`],
  ["clinical questions declined", (f) => pct(f.clinicalDeclined, f.clinical)],
  ["concerns with a safety line", (f) => pct(f.concernLines, f.concerns)],
  ["needs found", (f) => pct(f.needsFound, f.needsExpected)],
  ["age right (labelled, or none made up)", (f) => pct(f.ageOk, f.ageChecks)],
];

const lines: string[] = [];
const nlp = values.nlpjs ? await nlpJsIntents(intents) : undefined;
for (const round of [...new Set(sets.map((s) => s.round))]) {
  const inRound = sets.filter((s) => s.round === round);
  const first = readFirstRun(round);
  lines.push(`## Round ${round}`, "", "| set | measure | first run | today |", "| --- | --- | --- | --- |");
  for (const set of inRound) {
    const now = figuresOf(results.get(set)!);
    const then = first?.[set.kind];
    for (const [name, render] of measures) lines.push(`| ${set.kind} | ${name} | ${then ? render(then) : "not recorded"} | ${render(now)} |`);
    if (nlp) {
      let correct = 0;
      for (const c of set.cases) if ((await nlp(c.text)) === c.intent) correct++;
      lines.push(`| ${set.kind} | NLP.js intent (trained on intents/) | | ${pct(correct, set.cases.length)} |`);
    }
  }
  const all = figuresOf(inRound.flatMap((s) => results.get(s)!));
  lines.push("", `Round ${round} today, all sets: intents ${pct(all.intentCorrect, all.cases)}; emergencies caught ${pct(all.emergenciesCaught, all.emergencies)}; false alarms ${all.falseAlarms} (routine: ${pct(all.routineFalseAlarms, all.routine)}); clinical declined ${pct(all.clinicalDeclined, all.clinical)}.`, "");
  for (const set of inRound) lines.push(...misses(set, results.get(set)!));
}
process.stdout.write(`${lines.join("\n")}\n`);


function readFirstRun(round: number): Partial<Record<BlindSet["kind"], Figures>> | undefined {
  const file = firstRunFile(round);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as { figures: Partial<Record<BlindSet["kind"], Figures>> }).figures;
}

function misses(set: BlindSet, outcomes: readonly CaseOutcome[]): string[] {
  const shown = (text: string) => (text.length > 140 ? `${text.slice(0, 137)}...` : text).replace(/\s+/g, " ");
  const rows = outcomes.flatMap((o) => {
    const why: string[] = [];
    if (o.emergencyMissed) why.push("EMERGENCY MISSED");
    if (o.falseAlarm) why.push("FALSE ALARM");
    if (!o.intentOk) why.push(`intent ${o.answer.intent} (want ${o.case.intent}${o.case.clinical ? ", declined" : ""})`);
    if (o.findOk === false && o.intentOk) {
      if (!o.areaOk) why.push(`area [${o.answer.entities.areas.join(",")}] (want ${o.case.area ?? "none"})`);
      if (!o.serviceOk) why.push(`services [${o.answer.results.slice(0, 3).map((r) => r.id).join(", ")}] for needs [${o.answer.entities.needs.join(",")}] (want [${o.needsExpected.join(",")}]${o.stillOutside.length ? ` outside: ${o.stillOutside.join("; ")}` : ""})`);
    }
    return why.length > 0 ? [`- ${why.join("; ")}: ${shown(o.case.text)}`] : [];
  });
  return rows.length > 0 ? [`Misses in ${set.kind} (${rows.length}):`, ...rows, ""] : [`No misses in ${set.kind}.`, ""];
}
