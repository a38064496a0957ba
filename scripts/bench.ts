/**
 * Measures search at scale, in one run, on the same synthetic data and the same
 * labelled queries, and writes docs/benchmarks.md:
 *   npm run bench [-- --sizes 1000,10000,100000 --repeats 5 --budget 20]
 * Contenders: Signpost's whole ask path and its engine alone, on the embedded
 * engine and on a real Meilisearch (beside a plain Meilisearch search with the
 * same filter and limit, its floor), and MiniSearch, FlexSearch and (up to
 * 10k) Orama used with their defaults (baselines). Figures: index build time and memory, latency
 * p50/p95/p99, throughput and relevance; then start-up to ready at 10k services
 * (without and with the directory snapshot) and the resident memory of a
 * process serving 100k, each against the issue's targets.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadDirectory } from "../src/directory/load-directory.js";
import { CompactTextIndex } from "../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../src/search/embedded-search-engine.js";
import { meilisearchClient } from "../src/search/meilisearch-client.js";
import { MeilisearchSearchEngine } from "../src/search/meilisearch-search-engine.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { startMeilisearch } from "../test/support/meilisearch-server.js";
import { askPath, type Contender, engineAlone, flexSearchBaseline, miniSearchBaseline, oramaBaseline, plainMeilisearch } from "./lib/bench-contenders.js";
import { residentMb, residentMemory, timeStartup } from "./lib/bench-processes.js";
import { fmt, summariseLatencies, usedMemoryMb } from "./lib/measure.js";
import { isRightService, readLabelledQueries } from "./lib/relevance-queries.js";
import { syntheticDirectory } from "./lib/synthetic-directory.js";
import { writeDirectory } from "./lib/write-directory.js";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "1000,10000,100000" }, repeats: { type: "string", default: "5" }, budget: { type: "string", default: "20" } },
});
const sizes = values.sizes.split(",").map(Number);
const repeats = Number(values.repeats);
/** Seconds of timed runs per contender and size; a slow baseline gets fewer samples, and the table says how many. */
const budgetMs = Number(values.budget) * 1000;
const directoryDir = new URL("../directory", import.meta.url).pathname;
const base = await loadDirectory(directoryDir);
const understander = createUnderstander(base, await loadIntents(new URL("../intents", import.meta.url).pathname), 0.4);
const queries = [...readLabelledQueries(), ...readLabelledQueries(new URL("../test/fixtures/search-queries-blind.yaml", import.meta.url))];
const benchStarted = performance.now();

interface Row {
  readonly size: number;
  readonly contender: Contender;
  readonly buildMs: number | undefined;
  readonly memory: string;
  readonly latency: { p50: number; p95: number; p99: number };
  readonly samples: number;
  readonly perSecond: number;
  readonly relevance: number;
}

async function measure(size: number, contender: Contender, directory: ReturnType<typeof syntheticDirectory>, memory: () => string): Promise<Row> {
  const byId = new Map(directory.services.map((s) => [s.id, s]));
  const before = usedMemoryMb();
  const started = performance.now();
  await contender.build(directory);
  const buildMs = contender.shared === true ? undefined : performance.now() - started;
  const built = contender.engine === "embedded" || contender.engine === "baseline" ? `${(usedMemoryMb() - before).toFixed(0)}` : memory();
  // The first round is timed too and gives relevance; more rounds while the budget lasts.
  let right = 0;
  const latencies: number[] = [];
  const timedFrom = performance.now();
  for (let round = 0; round < repeats && (round === 0 || performance.now() - timedFrom < budgetMs); round++) {
    for (const { q, ...labelled } of queries) {
      if (round === 0) contender.prepare?.(q);
      const start = performance.now();
      const ids = await contender.top(q);
      latencies.push(performance.now() - start);
      if (round === 0 && ids.slice(0, 3).some((id) => { const s = byId.get(id); return s !== undefined && isRightService(s, { q, ...labelled }); })) right++;
    }
  }
  const totalMs = latencies.reduce((a, b) => a + b, 0);
  const row = { size, contender, buildMs, memory: contender.shared === true ? "(shared)" : built, latency: summariseLatencies(latencies), samples: latencies.length, perSecond: latencies.length / (totalMs / 1000), relevance: right / queries.length };
  process.stderr.write(`${render(row)}\n`);
  return row;
}

/** A contender that could not be built or asked: its row says why, and the run goes on. */
function failed(size: number, contender: Contender, error: unknown): Row {
  const reason = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error);
  process.stderr.write(`${size} ${contender.name} failed: ${reason}\n`);
  return { size, contender, buildMs: undefined, memory: `failed: ${reason.replaceAll("|", "/")}`, latency: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN }, samples: 0, perSecond: 0, relevance: 0 };
}

function render(row: Row): string {
  const { size, contender, buildMs, memory, latency, samples, perSecond, relevance } = row;
  if (samples === 0) return `| ${size.toLocaleString("en-GB")} | ${contender.name} | ${memory} | | | | | | | |`;
  return `| ${size.toLocaleString("en-GB")} | ${contender.name} | ${buildMs === undefined ? "(shared)" : fmt(buildMs)} | ${memory} | ${fmt(latency.p50)} | ${fmt(latency.p95)} | ${fmt(latency.p99)} | ${samples} | ${perSecond.toFixed(0)} | ${Math.round(100 * relevance)}% |`;
}

const plainName = "plain Meilisearch search, same filter and limit";
const meili = await startMeilisearch();
const rows: Row[] = [];
try {
  for (const size of sizes) {
    const directory = syntheticDirectory(base, size, 42);
    const embedded = new EmbeddedSearchEngine(() => new CompactTextIndex());
    const meiliClient = meilisearchClient({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 600_000 });
    const meiliEngine = new MeilisearchSearchEngine(meiliClient, `bench_${size}`);
    const server = () => `${residentMb(meili.pid).toFixed(0)} (server)`;
    for (const contender of [
      askPath("Signpost ask path, embedded", embedded, understander),
      engineAlone("Signpost engine alone, embedded", embedded, understander),
      askPath("Signpost ask path, Meilisearch", meiliEngine, understander),
      engineAlone("Signpost engine alone, Meilisearch", meiliEngine, understander),
      plainMeilisearch(plainName, meiliClient, `bench_${size}`, understander),
      miniSearchBaseline(),
      flexSearchBaseline(),
      // Orama takes seconds a question at 100k: its 85 would take longer than the whole run may.
      ...(size <= 10_000 ? [oramaBaseline()] : []),
    ]) {
      rows.push(await measure(size, contender, directory, server).catch((error: unknown) => failed(size, contender, error)));
    }
  }
} finally {
  await meili.stop();
}

const startupSize = 10_000;
const startupDir = mkdtempSync(path.join(os.tmpdir(), "signpost-bench-start-"));
await writeDirectory(syntheticDirectory(base, startupSize, 42), directoryDir, path.join(startupDir, "directory"));
const coldMs = await timeStartup(path.join(startupDir, "directory"), path.join(startupDir, "data"));
const warmMs = await timeStartup(path.join(startupDir, "directory"), path.join(startupDir, "data"));
rmSync(startupDir, { recursive: true, force: true });
const residentSize = Math.max(...sizes);
const resident = await residentMemory(residentSize);
const benchMinutes = (performance.now() - benchStarted) / 60_000;

const find = (size: number, name: string) => rows.find((row) => row.size === size && row.contender.name === name);
const askP99 = (size: number) => find(size, "Signpost ask path, embedded")?.latency.p99;
const met = (ok: boolean | undefined) => (ok === undefined ? "not measured" : ok ? "**met**" : "**not met**");
const relevanceHolds = sizes.every((size) => {
  const best = Math.max(...rows.filter((r) => r.size === size && r.contender.engine === "baseline").map((r) => r.relevance));
  return rows.filter((r) => r.size === size && (r.contender.engine === "embedded" || r.contender.engine === "meilisearch")).every((r) => r.relevance > best);
});
// The Meilisearch path against the plain search (both given the understood query), and its relevance against the embedded engine's.
const meiliSizes = [10_000, 100_000].filter((size) => sizes.includes(size));
const againstPlain = meiliSizes.map((size) => ({ size, path: find(size, "Signpost engine alone, Meilisearch")?.latency.p50, plain: find(size, plainName)?.latency.p50 }));
const withinTwice = meiliSizes.length === 0 || againstPlain.some((m) => m.path === undefined || m.plain === undefined) ? undefined : againstPlain.every((m) => m.path! <= 2 * m.plain!);
const relevancePairs = meiliSizes.flatMap((size) => (["ask path", "engine alone"] as const).map((kind) => ({ size, kind, meili: find(size, `Signpost ${kind}, Meilisearch`)?.relevance, embedded: find(size, `Signpost ${kind}, embedded`)?.relevance })));
const relevanceKept = meiliSizes.length === 0 || relevancePairs.some((p) => p.meili === undefined || p.embedded === undefined) ? undefined : relevancePairs.every((p) => p.meili! >= p.embedded!);
const k = (size: number) => `${size / 1000}k`;
const embeddedBuild = find(100_000, "Signpost ask path, embedded")?.buildMs;
const meiliBuild = find(100_000, "Signpost ask path, Meilisearch")?.buildMs;
const targets = [
  ["whole ask path p99 under 10 ms at 10k services", `${fmt(askP99(10_000) ?? Number.NaN)} ms`, met(askP99(10_000) === undefined ? undefined : askP99(10_000)! < 10)],
  ["whole ask path p99 under 50 ms at 100k", `${fmt(askP99(100_000) ?? Number.NaN)} ms`, met(askP99(100_000) === undefined ? undefined : askP99(100_000)! < 50)],
  ["embedded index build for 100k under 10 s (Meilisearch beside it)", `${fmt(embeddedBuild ?? Number.NaN)} ms (Meilisearch ${fmt(meiliBuild ?? Number.NaN)} ms)`, met(embeddedBuild === undefined ? undefined : embeddedBuild < 10_000)],
  [`resident memory for 100k under 1 GB (own process, ${residentSize.toLocaleString("en-GB")} services)`, `${resident.peakRssMb.toFixed(0)} MB peak`, met(residentSize >= 100_000 ? resident.peakRssMb < 1024 : undefined)],
  ["relevance above every baseline, at every size", "see the relevance column", met(relevanceHolds)],
  [
    "Meilisearch path p50 within 2x of the plain Meilisearch search at 10k and 100k",
    againstPlain.map((m) => `${k(m.size)}: ${fmt(m.path ?? Number.NaN)} ms against ${fmt(m.plain ?? Number.NaN)} ms (${((m.path ?? Number.NaN) / (m.plain ?? Number.NaN)).toFixed(2)}x)`).join("; "),
    met(withinTwice),
  ],
  [
    "Meilisearch path relevance no lower than the embedded engine's at 10k and 100k",
    meiliSizes.map((size) => `${k(size)}: ${relevancePairs.filter((p) => p.size === size).map((p) => `${p.kind} ${Math.round(100 * (p.meili ?? Number.NaN))}% against ${Math.round(100 * (p.embedded ?? Number.NaN))}%`).join(", ")}`).join("; "),
    met(relevanceKept),
  ],
  ["start-up to ready at 10k under 3 s (with the snapshot)", `${fmt(warmMs)} ms (first start, no snapshot: ${fmt(coldMs)} ms)`, met(warmMs < 3000)],
  ["`npm run bench` under 10 minutes", `${benchMinutes.toFixed(1)} min`, met(benchMinutes < 10)],
];

const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Meilisearch 1.21.0 on the same machine, started by the benchmark.

Data: synthetic directories from \`scripts/lib/synthetic-directory.ts\` (seed 42) on the real taxonomy and gazetteer. Queries: the ${queries.length} labelled queries (45 development, 40 blind), timed in up to ${repeats} rounds (the first also gives relevance; fewer rounds when a contender's ${values.budget} s budget runs out: "samples" says how many). Relevance: the share of queries whose top 3 holds a service that meets a labelled need and serves the labelled area.

- **Signpost ask path** is the whole answer: understanding, safety net, search and explanation.
- **Signpost engine alone** is \`SearchEngine.search\` given the query the understanding made of the question (made untimed).
- **Plain Meilisearch search, same filter and limit** is the floor for the Meilisearch path: one Meilisearch search of the question's words with the filter and limit the engine alone is given (areas, offers, age, the asked needs), on the index Signpost built, through the same client; its relevance is that of Meilisearch's own order. How the Meilisearch path asks (one request, for about what is shown) is in \`docs/decisions/0016-meilisearch-ranking.md\`.
- **Baselines** are the libraries with their defaults over name and description, given the raw question (FlexSearch with \`suggest\`, without which it keeps only documents holding every word of the question). Orama runs at 1k and 10k only: at 100k it takes seconds a question, longer for the 85 than the whole run may take.
- **Memory**: for in-process contenders, the JavaScript heap plus array buffers the build added (after a collection); for Meilisearch, the server's resident memory after the build.

How the embedded engine reached these figures, step by step, is in \`docs/decisions/0005-compact-text-index.md\`; why each Meilisearch request uses a connection of its own is in \`src/search/meilisearch-client.ts\`.

| services | contender | build ms | memory MB | p50 ms | p95 ms | p99 ms | samples | queries/s | relevance (top 3) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map(render).join("\n")}

## Against the targets

| target | measured | |
| --- | --- | --- |
${targets.map((t) => `| ${t.join(" | ")} |`).join("\n")}

Start-up is timed from spawning \`node --import tsx src/main.ts\` (what \`npm start\` runs) to the first 200 from \`/readyz\`, on the embedded defaults, with a ${startupSize.toLocaleString("en-GB")}-service directory written as YAML files. The first start parses the YAML, trains the intent classifier and writes \`DATA_DIR/directory-snapshot.json\` and \`DATA_DIR/intent-model.json\`; the second finds the files unchanged and uses both. Resident memory is the peak (VmHWM) of a process of its own that loads the directory, indexes ${residentSize.toLocaleString("en-GB")} services on the embedded engine and answers every labelled question (build ${fmt(resident.buildMs)} ms there).
`;
writeFileSync(new URL("../docs/benchmarks.md", import.meta.url), report);
process.stdout.write(report);
