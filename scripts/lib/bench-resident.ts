/**
 * Run by the benchmark in a process of its own: the embedded engine on a
 * synthetic directory of the given size, every labelled question asked once,
 * and the process's peak resident memory (VmHWM) printed as JSON.
 */
import { answerQuestion } from "../../src/answer/answer-question.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { CompactTextIndex } from "../../src/search/compact-text-index.js";
import { EmbeddedSearchEngine } from "../../src/search/embedded-search-engine.js";
import { createUnderstander } from "../../src/understanding/create-understander.js";
import { loadIntents } from "../../src/understanding/load-intents.js";
import { residentMb } from "./bench-processes.js";
import { readLabelledQueries } from "./relevance-queries.js";
import { syntheticDirectory } from "./synthetic-directory.js";

const size = Number(process.argv[2]);
const base = await loadDirectory(new URL("../../directory", import.meta.url).pathname);
const understander = createUnderstander(base, await loadIntents(new URL("../../intents", import.meta.url).pathname), 0.4);
const directory = syntheticDirectory(base, size, 42);
const engine = new EmbeddedSearchEngine(() => new CompactTextIndex());
const started = performance.now();
await engine.index(directory);
const buildMs = performance.now() - started;
const queries = [...readLabelledQueries(), ...readLabelledQueries(new URL("../../test/fixtures/search-queries-blind.yaml", import.meta.url))];
for (const { q } of queries) await answerQuestion(q, { directory, engine, understander, maxResults: 5 });
process.stdout.write(JSON.stringify({ peakRssMb: residentMb("self", "VmHWM"), buildMs, queries: queries.length }));
