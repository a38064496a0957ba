import type { Kysely } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/database-schema.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import type { UnmetSearch } from "../../src/unmet-searches/unmet-search-log.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";

describe.each(bothDatabases)("KyselyUnmetSearchLog on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);
  let db: Kysely<Database>;
  let log: KyselyUnmetSearchLog;
  beforeAll(() => {
    db = context.db;
    log = new KyselyUnmetSearchLog(db);
  });

  const rutlandTransport: UnmetSearch = { need: "transport", area: "rutland", kind: "nothing-in-area" };

  it("adds one per search to the day's row, and keeps days, needs, areas and kinds apart", async () => {
    await log.record("2027-03-22", [rutlandTransport, { need: "digital-inclusion", area: "", kind: "nothing" }]);
    await log.record("2027-03-22", [rutlandTransport]);
    await log.record("2027-03-23", [rutlandTransport, { need: "transport", area: "rutland", kind: "nothing" }]);
    const rows = await db.selectFrom("unmet_searches").selectAll().where("day", "in", ["2027-03-22", "2027-03-23"]).orderBy("day").orderBy("need").orderBy("kind").execute();
    expect(rows).toEqual([
      { day: "2027-03-22", need: "digital-inclusion", area: "", kind: "nothing", count: 1 },
      { day: "2027-03-22", need: "transport", area: "rutland", kind: "nothing-in-area", count: 2 },
      { day: "2027-03-23", need: "transport", area: "rutland", kind: "nothing", count: 1 },
      { day: "2027-03-23", need: "transport", area: "rutland", kind: "nothing-in-area", count: 1 },
    ]);
  });

  it("loses no count when many searches are recorded at once", async () => {
    await Promise.all(Array.from({ length: 25 }, () => log.record("2027-04-01", [{ need: "hoarding", area: "melton", kind: "nothing" }])));
    expect(await log.countsBetween("2027-04-01", "2027-04-01")).toEqual([{ need: "hoarding", area: "melton", kind: "nothing", count: 25 }]);
  });

  it("sums the days asked for, both ends included, and no others", async () => {
    await log.record("2027-05-01", [{ need: "carers-support", area: "blaby", kind: "nothing" }]);
    await log.record("2027-05-07", [{ need: "carers-support", area: "blaby", kind: "nothing" }]);
    await log.record("2027-05-08", [{ need: "carers-support", area: "blaby", kind: "nothing" }]);
    await log.record("2027-04-30", [{ need: "carers-support", area: "blaby", kind: "nothing" }]);
    expect(await log.countsBetween("2027-05-01", "2027-05-07")).toEqual([{ need: "carers-support", area: "blaby", kind: "nothing", count: 2 }]);
    expect(await log.countsBetween("2027-06-01", "2027-06-07")).toEqual([]);
  });

  it("counts a need and area given twice in one search once", async () => {
    await log.record("2027-06-10", [rutlandTransport, rutlandTransport]);
    expect(await log.countsBetween("2027-06-10", "2027-06-10")).toEqual([{ ...rutlandTransport, count: 1 }]);
  });

  it("refuses anything that is not an id, so no typed words can reach the table", async () => {
    const before = await db.selectFrom("unmet_searches").selectAll().execute();
    const typed = { need: "lonely widower", area: "", kind: "nothing" } as unknown as UnmetSearch;
    await expect(log.record("2027-06-11", [typed])).rejects.toThrow("an unmet search must be a need id, an area id and a kind");
    await expect(log.record("2027-06-11", [{ ...rutlandTransport, area: "Oakham" as "rutland" }])).rejects.toThrow("must be a need id");
    await expect(log.record("2027-06-11", [{ ...rutlandTransport, kind: "nowhere" as "nothing" }])).rejects.toThrow("must be a need id");
    await expect(log.record("11/06/2027", [rutlandTransport])).rejects.toThrow("day must be YYYY-MM-DD");
    expect(await db.selectFrom("unmet_searches").selectAll().execute()).toEqual(before);
  });
});
