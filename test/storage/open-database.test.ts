import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase, postgresAdminUrl, postgresDatabase } from "../support/databases.js";
import { waitFor } from "../support/run-process.js";

describe("openDatabase on PostgreSQL", () => {
  it("survives the database dropping a connection lent out between queries (a job's lock): its next query fails, nothing crashes", async () => {
    const database = await postgresDatabase();
    const dropped: Error[] = [];
    const db = openDatabase(database.settings, (error) => dropped.push(error));
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", record);
    try {
      let terminated: () => void = () => undefined;
      const afterTermination = new Promise<void>((resolve) => (terminated = resolve));
      const held = db.connection().execute(async (connection) => {
        await sql`select 'held by a test'`.execute(connection);
        await afterTermination;
        return sql`select 1`.execute(connection).then(
          () => "answered",
          (error: Error) => error.message,
        );
      });
      const admin = new pg.Client({ connectionString: postgresAdminUrl });
      await admin.connect();
      try {
        // Only once the held connection is idle between its two queries: terminated mid-query, the first one fails instead.
        await waitFor(async () => {
          const { rowCount } = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query = $1 and state = 'idle'", ["select 'held by a test'"]);
          return rowCount === 1 || undefined;
        });
      } finally {
        await admin.end();
      }
      await waitFor(() => Promise.resolve(dropped.length > 0 || undefined));
      terminated();
      expect(await held).toMatch(/not queryable|terminat/);
      expect(uncaught).toEqual([]);
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    } finally {
      process.off("uncaughtException", record);
      await db.destroy();
      await database.drop();
    }
  });
});
