/**
 * Measures search at scale, in one run, on the same synthetic data and the same
 * labelled queries, and writes docs/benchmarks.md:
 *   npm run bench [-- --sizes 1000,10000,100000]
 * Contenders: Signpost's whole ask path and raw engine on the embedded engine
 * and on a real Meilisearch, beside MiniSearch and Orama used with their
 * defaults on the services' text (baselines). Figures: index build time and
 * memory, latency p50/p95/p99, throughput, and relevance (share of labelled
 * queries with a right service in the top 3).
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { create, insertMultiple, search as oramaSearch } from "@orama/orama";
import { Meilisearch } from "meilisearch";
import MiniSearch from "minisearch";
import { answerQuestion } from "../src/answer/answer-question.js";
import type { Directory } from "../src/directory/directory.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { EmbeddedSearchEngine } from "../src/search/embedded-search-engine.js";
import { MeilisearchSearchEngine } from "../src/search/meilisearch-search-engine.js";
import { CompactTextIndex } from "../src/search/compact-text-index.js";
import type { SearchEngine } from "../src/search/search-engine.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { startMeilisearch } from "../test/support/meilisearch-server.js";
import { fmt, summariseLatencies } from "./lib/measure.js";
import { isRightService, readLabelledQueries } from "./lib/relevance-queries.js";
import { syntheticDirectory } from "./lib/synthetic-directory.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1000,10000,100000" }, repeats: { type: "string", default: "5" } } });
const sizes = values.sizes.split(",").map(Number);
const repeats = Number(values.repeats);
const base = await loadDirectory(new URL("../directory", import.meta.url).pathname);
const understander = createUnderstander(base, await loadIntents(new URL("../intents", import.meta.url).pathname), 0.4);
const queries = [...readLabelledQueries(), ...readLabelledQueries(new URL("../test/fixtures/search-queries-blind.yaml", import.meta.url))];
const meili = await startMeilisearch();
const rows: string[] = [];
const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/** A contender: build, then answer a query with the ids of its top results. */
interface Contender {
  readonly name: string;
  build(directory: Directory): Promise<void>;
  top(q: string, directory: Directory): Promise<string[]>;
}

const signpost = (name: string, engine: () => SearchEngine): Contender => {
  let current: SearchEngine;
  return {
    name,
    async build(directory) {
      current = engine();
      await current.index(directory);
    },
    async top(q, directory) {
      return (await answerQuestion(q, { directory, engine: current, understander, maxResults: 5 })).results.map((r) => r.id);
    },
  };
};

const miniSearchBaseline = (): Contender => {
  let index: MiniSearch;
  return {
    name: "baseline: MiniSearch defaults",
    build(directory) {
      index = new MiniSearch({ fields: ["name", "description"], storeFields: [] });
      index.addAll(directory.services.map((s) => ({ id: s.id, name: s.name, description: s.description })));
      return Promise.resolve();
    },
    top: (q) => Promise.resolve(index.search(q).slice(0, 5).map((r) => String(r.id))),
  };
};

const oramaBaseline = (): Contender => {
  let db: ReturnType<typeof create<{ id: "string"; name: "string"; description: "string" }>>;
  return {
    name: "baseline: Orama defaults",
    async build(directory) {
      db = create({ schema: { id: "string", name: "string", description: "string" } as const });
      await insertMultiple(db, directory.services.map((s) => ({ id: s.id, name: s.name, description: s.description })));
    },
    async top(q) {
      return (await oramaSearch(db, { term: q, limit: 5 })).hits.map((h) => String(h.id));
    },
  };
};

for (const size of sizes) {
  const directory = syntheticDirectory(base, size, 42);
  const byId = new Map(directory.services.map((s) => [s.id, s]));
  const contenders: Contender[] = [
    signpost("Signpost ask path, embedded", () => new EmbeddedSearchEngine(() => new CompactTextIndex())),
    signpost("Signpost ask path, Meilisearch", () => new MeilisearchSearchEngine(new Meilisearch({ host: meili.url, apiKey: meili.masterKey }), `bench_${size}_${Date.now()}`)),
    miniSearchBaseline(),
    oramaBaseline(),
  ];
  for (const contender of contenders) {
    const before = heapMb();
    const [, buildMs] = await timed(() => contender.build(directory));
    const heap = heapMb() - before;
    let right = 0;
    const latencies: number[] = [];
    for (const labelled of queries) {
      const [ids] = await timed(() => contender.top(labelled.q, directory));
      if (ids.slice(0, 3).some((id) => { const s = byId.get(id); return s !== undefined && isRightService(s, labelled); })) right++;
      for (let i = 0; i < repeats; i++) latencies.push((await timed(() => contender.top(labelled.q, directory)))[1]);
    }
    const latency = summariseLatencies(latencies);
    const throughput = latencies.length / (latencies.reduce((a, b) => a + b, 0) / 1000);
    rows.push(`| ${size.toLocaleString("en-GB")} | ${contender.name} | ${fmt(buildMs)} | ${contender.name.includes("Meilisearch") ? "(server)" : heap.toFixed(0)} | ${fmt(latency.p50)} | ${fmt(latency.p95)} | ${fmt(latency.p99)} | ${throughput.toFixed(0)} | ${Math.round((100 * right) / queries.length)}% |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
}
await meili.stop();

const rss = process.memoryUsage().rss / 2 ** 20;
const report = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}. Meilisearch 1.21.0 on the same machine.

Data: synthetic directories from \`scripts/lib/synthetic-directory.ts\` (seed 42) on the real taxonomy and gazetteer. Queries: the ${queries.length} labelled queries (the 45 development ones and the 40 blind ones), each timed ${repeats} times after one untimed run. Relevance: the share whose top 3 holds a service that meets a labelled need and serves the labelled area. "Signpost ask path" is the whole answer: understanding, safety net, search, explanation. Baselines are the libraries with their defaults over name and description, given the raw question.

| services | contender | build ms | heap MB | p50 ms | p95 ms | p99 ms | queries/s | relevance (top 3) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}

Resident memory of the whole benchmark process at the end: ${rss.toFixed(0)} MB.

## Against the targets

| target | status |
| --- | --- |
| whole ask path p99 under 10 ms at 10k services | see the embedded row at 10,000 |
| whole ask path p99 under 50 ms at 100k | see the embedded row at 100,000 |
| embedded index build for 100k under 10 s | see the embedded build column at 100,000 |
| resident memory for 100k under 1 GB | see the resident memory line |
| relevance above every baseline | compare the relevance column per size |
`;
writeFileSync(new URL("../docs/benchmarks.md", import.meta.url), report);
process.stdout.write(report);
