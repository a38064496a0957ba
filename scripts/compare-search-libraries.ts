/**
 * Compares full-text libraries for the embedded engine on the same data and the
 * same labelled queries (test/fixtures/search-queries.yaml):
 *   npm run compare:search
 * Prints a Markdown report; the figures are recorded in
 * docs/decisions/0001-embedded-search-library.md.
 */
import os from "node:os";
import { answerQuestion } from "../src/answer/answer-question.js";
import type { Directory, Service } from "../src/directory/directory.js";
import { loadDirectory } from "../src/directory/load-directory.js";
import { CompactTextIndex } from "../src/search/compact-text-index.js";
import { EmbeddedSearchEngine, toTextDocument } from "../src/search/embedded-search-engine.js";
import { MiniSearchTextIndex } from "../src/search/minisearch-text-index.js";
import type { TextIndex } from "../src/search/text-index.js";
import { createUnderstander } from "../src/understanding/create-understander.js";
import { loadIntents } from "../src/understanding/load-intents.js";
import { fmt, summariseLatencies, timeMs, usedMemoryMb } from "./lib/measure.js";
import { OramaTextIndex } from "./lib/orama-text-index.js";
import { isRightService, readLabelledQueries } from "./lib/relevance-queries.js";

const repeats = 20;
const scaleSize = 10_000;
const libraries: (() => TextIndex)[] = [() => new CompactTextIndex(), () => new MiniSearchTextIndex(), () => new OramaTextIndex()];

const directory = await loadDirectory(new URL("../directory", import.meta.url).pathname);
const understander = createUnderstander(directory, await loadIntents(new URL("../intents", import.meta.url).pathname), 0.4);
const queries = readLabelledQueries();
const byId = new Map(directory.services.map((service) => [service.id, service]));

interface Row {
  library: string;
  pipelineTop1: number;
  pipelineTop3: number;
  rawTop3: number;
  buildMs: number;
  pipeline: ReturnType<typeof summariseLatencies>;
  scaleBuildMs: number;
  scaleHeapMb: number;
  scaleRaw: ReturnType<typeof summariseLatencies>;
}

const share = (hits: number) => `${Math.round((100 * hits) / queries.length)}% (${hits}/${queries.length})`;

/** Everything a service is known by, needs' terms included, for the library used alone. */
const fullTextDocument = (service: Service) => ({ ...toTextDocument(service), needTerms: directory.taxonomy.termsText(service.needs) });

async function measure(makeIndex: () => TextIndex): Promise<Row> {
  const engine = new EmbeddedSearchEngine(makeIndex);
  const { ms: buildMs } = await timeMs(() => engine.index(directory));
  const index = makeIndex();
  await index.build(directory.services.map(fullTextDocument));

  let pipelineTop1 = 0;
  let pipelineTop3 = 0;
  let rawTop3 = 0;
  const samples: number[] = [];
  for (const query of queries) {
    const answer = await answerQuestion(query.q, { directory, engine, understander, maxResults: 5 });
    const top = answer.results.slice(0, 3).map((r) => byId.get(r.id)!);
    if (top[0] && isRightService(top[0], query)) pipelineTop1++;
    if (top.some((service) => isRightService(service, query))) pipelineTop3++;
    // The library alone: its own ranking of the raw words, no taxonomy, no gazetteer.
    const found = await index.search(query.q);
    const raw = [...found.positions].sort((a, b) => found.score(b) - found.score(a)).slice(0, 3).map((position) => directory.services[position]!);
    if (raw.some((service) => isRightService(service, query))) rawTop3++;
    for (let i = 0; i < repeats; i++) {
      samples.push((await timeMs(() => answerQuestion(query.q, { directory, engine, understander, maxResults: 5 }))).ms);
    }
  }

  const scaled = replicate(directory, scaleSize);
  const scaleIndex = makeIndex();
  const memoryBefore = usedMemoryMb();
  const { ms: scaleBuildMs } = await timeMs(() => scaleIndex.build(scaled.map(fullTextDocument)));
  const scaleHeapMb = usedMemoryMb() - memoryBefore;
  const scaleSamples: number[] = [];
  for (const query of queries) {
    for (let i = 0; i < 5; i++) scaleSamples.push((await timeMs(() => scaleIndex.search(query.q))).ms);
  }
  return {
    library: index.library,
    pipelineTop1,
    pipelineTop3,
    rawTop3,
    buildMs,
    pipeline: summariseLatencies(samples),
    scaleBuildMs,
    scaleHeapMb,
    scaleRaw: summariseLatencies(scaleSamples),
  };
}

/** The directory's services copied with new ids, to see how the libraries scale. */
function replicate(source: Directory, size: number): Service[] {
  return Array.from({ length: size }, (_, i) => {
    const service = source.services[i % source.services.length]!;
    return { ...service, id: `${service.id}-${i}`, name: `${service.name} ${i}` };
  });
}

const rows: Row[] = [];
for (const make of libraries) rows.push(await measure(make));

const lines = [
  `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  `Directory: ${directory.services.length} services; ${queries.length} labelled queries; latency over ${repeats} runs of each.`,
  "",
  "| library | pipeline top-1 right | pipeline top-3 has right | library alone top-3 | build (directory) ms | ask p50 ms | ask p95 ms | ask p99 ms |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.library} | ${share(r.pipelineTop1)} | ${share(r.pipelineTop3)} | ${share(r.rawTop3)} | ${fmt(r.buildMs)} | ${fmt(r.pipeline.p50)} | ${fmt(r.pipeline.p95)} | ${fmt(r.pipeline.p99)} |`,
  ),
  "",
  `At ${scaleSize.toLocaleString("en-GB")} documents (the directory replicated), the library alone:`,
  "",
  "| library | build ms | memory MB | search p50 ms | search p95 ms | search p99 ms |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.library} | ${fmt(r.scaleBuildMs)} | ${r.scaleHeapMb.toFixed(1)} | ${fmt(r.scaleRaw.p50)} | ${fmt(r.scaleRaw.p95)} | ${fmt(r.scaleRaw.p99)} |`,
  ),
];
process.stdout.write(`${lines.join("\n")}\n`);

