import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import { areaIds, needIds } from "../../src/directory/ids.js";
import type { SearchEngine } from "../../src/search/search-engine.js";
import type { Database } from "../../src/storage/database-schema.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import type { UnmetSearchLog } from "../../src/unmet-searches/unmet-search-log.js";
import { UnmetSearchRecorder } from "../../src/unmet-searches/unmet-search-recorder.js";
import { bothDatabases, openDatabase, sqliteDatabase, type TestDatabase } from "../support/databases.js";
import { coreWithGaps } from "../support/directory-with-gaps.js";
import type { RealCore } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";
import { conversation, realBot } from "../support/real-bot.js";
import { memoryLogger } from "../support/memory-logger.js";

// A copy of the directory with nowhere to get online, and no transport in Rutland only.
let core: RealCore;
beforeAll(async () => {
  core = await coreWithGaps();
});

// 00:30 on 1 July in London is still 30 June in UTC: the count belongs to the London day.
const searchedAt = new Date("2027-06-30T23:30:00Z");

describe.each(bothDatabases)("unmet searches through the real bot, on %s", (_name, makeDatabase) => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let recorder: UnmetSearchRecorder;
  let bot: Bot;
  beforeAll(async () => {
    database = await makeDatabase();
    db = openDatabase(database.settings);
    await migrateToLatest(db);
    const clock = new ManualClock(searchedAt);
    recorder = new UnmetSearchRecorder(new KyselyUnmetSearchLog(db), core.engine, clock, memoryLogger().logger);
    ({ bot } = await realBot({ core, clock, unmetSearches: recorder }));
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  const rows = () => db.selectFrom("unmet_searches").selectAll().orderBy("need").orderBy("area").orderBy("kind").execute();

  it("counts a need with no service anywhere as nothing, and one with services only elsewhere as nothing-in-area", async () => {
    const c = conversation(bot);
    const online = await c.say("help getting online for Mr Quillfeather in Oakham");
    expect(online.text.join(" ")).toContain("couldn't find anything");
    await c.say("community transport for Mrs Quillfeather in Oakham");
    await recorder.settled();
    expect(await rows()).toEqual([
      { day: "2027-07-01", need: "digital-inclusion", area: "rutland", kind: "nothing", count: 1 },
      { day: "2027-07-01", need: "transport", area: "rutland", kind: "nothing-in-area", count: 1 },
    ]);
  });

  it("does not count a search that found something", async () => {
    const before = await rows();
    const reply = await conversation(bot).say("community transport for Mrs Quillfeather in Loughborough");
    expect(reply.cards.length).toBeGreaterThan(0);
    await recorder.settled();
    expect(await rows()).toEqual(before);
  });

  it("counts an area chosen with the Only in … button that has nothing", async () => {
    const c = conversation(bot);
    const everywhere = await c.say("community transport for Mrs Quillfeather");
    expect(everywhere.cards.length).toBeGreaterThan(0);
    const onlyRutland = everywhere.actions.find((a) => a.id === "narrow_area" && a.label === "Only in Rutland");
    expect(onlyRutland).toBeDefined();
    await c.press({ id: "narrow_area", value: onlyRutland?.value ?? "" });
    await recorder.settled();
    expect((await rows()).find((row) => row.need === "transport" && row.area === "rutland")).toMatchObject({ kind: "nothing-in-area", count: 2 });
  });

  it("keeps only ids and counts: no column or value holds the words typed", async () => {
    await conversation(bot).say("getting online for Quillfeather, 12 Pemberton Mews, Oakham");
    await recorder.settled();
    const columns = (await db.introspection.getTables()).find((table) => table.name === "unmet_searches")?.columns.map((column) => column.name);
    expect(columns?.sort()).toEqual(["area", "count", "day", "kind", "need"]);
    const stored = await rows();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(["", ...needIds]).toContain(row.need);
      expect(["", ...areaIds]).toContain(row.area);
      expect(["nothing", "nothing-in-area"]).toContain(row.kind);
      expect(Number.isInteger(row.count)).toBe(true);
    }
    const everything = JSON.stringify(stored).toLowerCase();
    for (const word of ["quillfeather", "pemberton", "mews", "oakham", "getting", "online", "community", "mrs"]) expect(everything).not.toContain(word);
  });
});

describe("when counting fails", () => {
  const database = sqliteDatabase();
  const typed = "help getting online for Mr Quillfeather in Oakham";

  it("the answer still goes out, and the log says what failed without the words", async () => {
    const db = openDatabase(database.settings);
    await migrateToLatest(db);
    await db.destroy(); // the database is gone
    const { logger, lines } = memoryLogger();
    const recorder = new UnmetSearchRecorder(new KyselyUnmetSearchLog(db), core.engine, new ManualClock(searchedAt), logger);
    const { bot } = await realBot({ core, unmetSearches: recorder });
    const reply = await conversation(bot).say(typed);
    expect(reply.text.join(" ")).toContain("couldn't find anything");
    await recorder.settled();
    expect(lines().map((line) => line.msg)).toEqual(["an unmet search was not counted"]);
    expect(JSON.stringify(lines()).toLowerCase()).not.toMatch(/quillfeather|oakham|online/);
  });

  it("a search engine error is logged by its name only, since its message may quote the search", async () => {
    const failing: SearchEngine = {
      kind: "embedded",
      index: () => Promise.resolve(),
      health: () => Promise.resolve({ engine: "embedded", ready: false, services: 0 }),
      search: (query) => Promise.reject(new TypeError(`could not search for "${query.text}"`)),
    };
    const { logger, lines } = memoryLogger();
    const unreached: UnmetSearchLog = { record: () => Promise.reject(new Error("recorded although the search failed")), countsBetween: () => Promise.resolve([]) };
    const recorder = new UnmetSearchRecorder(unreached, failing, new ManualClock(searchedAt), logger);
    recorder.note({ text: typed, needs: ["digital-inclusion"], areas: ["rutland"], age: null }, 0);
    await recorder.settled();
    expect(lines()).toEqual([expect.objectContaining({ level: 50, error: "TypeError", msg: "an unmet search was not counted: the search without its area failed" })]);
    expect(JSON.stringify(lines())).not.toContain("Quillfeather");
  });

  it("a database that never answers holds up no answer, and stops queueing after 100 counts", async () => {
    const hanging: UnmetSearchLog = { record: () => new Promise(() => undefined), countsBetween: () => Promise.resolve([]) };
    const { logger, lines } = memoryLogger();
    const recorder = new UnmetSearchRecorder(hanging, core.engine, new ManualClock(searchedAt), logger);
    const { bot } = await realBot({ core, unmetSearches: recorder });
    const reply = await conversation(bot).say(typed);
    expect(reply.text.join(" ")).toContain("couldn't find anything");
    for (let i = 0; i < 100; i++) recorder.note({ text: typed, needs: ["transport"], areas: ["rutland"], age: null }, 0);
    expect(lines().map((line) => line.msg)).toEqual(["an unmet search was not counted: too many counts waiting"]);
  });
});
