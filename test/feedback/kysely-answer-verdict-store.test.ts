// Verdicts on answers in the database, on SQLite and on PostgreSQL alike: read back oldest first
// whichever instance stored them, with exactly the fields kept (no text of any kind).
import { describe, expect, it } from "vitest";
import type { AnswerVerdict } from "../../src/feedback/answer-verdict.js";
import { KyselyAnswerVerdictStore } from "../../src/feedback/kysely-answer-verdict-store.js";
import { bothDatabases, useMigratedDatabase, withSecondConnection } from "../support/databases.js";

function verdict(n: number, overrides: Partial<AnswerVerdict> = {}): AnswerVerdict {
  return { verdict: n % 2 === 0 ? "not_helpful" : "helpful", serviceIds: [`service-${n}`, "service-x"], channel: "slack", givenBy: "slack:T0123:U0456", givenAt: `2027-03-2${n}T10:00:00.000Z`, ...overrides };
}

describe.each(bothDatabases)("KyselyAnswerVerdictStore on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("reads back every verdict, oldest first, whichever of two connections stored it", async () => {
    await context.db.deleteFrom("answer_verdicts").execute();
    const first = new KyselyAnswerVerdictStore(context.db);
    await first.record(verdict(3));
    await first.record(verdict(1, { serviceIds: [] }));
    await withSecondConnection(context.settings, async (second) => {
      await new KyselyAnswerVerdictStore(second).record(verdict(2));
    });
    expect(await first.list()).toEqual([verdict(1, { serviceIds: [] }), verdict(2), verdict(3)]);
    const [row] = await context.db.selectFrom("answer_verdicts").selectAll().execute();
    expect(Object.keys(row!).sort()).toEqual(["channel", "given_at", "given_by", "id", "service_ids", "verdict"]);
  });
});
