import { randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/storage/database-schema.js";

export const refusal = "refused by the test";

/**
 * A real database failure on demand: a trigger that makes one kind of write to
 * a table fail whenever `when` holds (SQL over OLD or NEW), on SQLite or
 * PostgreSQL. `lift` drops it again.
 */
export async function refuseWrites(
  db: Kysely<Database>,
  kind: "sqlite" | "postgres",
  on: { readonly table: keyof Database; readonly event: "INSERT" | "UPDATE" | "DELETE"; readonly when: string },
): Promise<{ lift(): Promise<void> }> {
  const name = `refuse_${randomBytes(4).toString("hex")}`;
  if (kind === "sqlite") {
    await sql.raw(`CREATE TRIGGER ${name} BEFORE ${on.event} ON ${on.table} FOR EACH ROW WHEN ${on.when} BEGIN SELECT RAISE(ABORT, '${refusal}'); END`).execute(db);
    return {
      async lift() {
        await sql.raw(`DROP TRIGGER ${name}`).execute(db);
      },
    };
  }
  await sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${refusal}'; END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER ${name} BEFORE ${on.event} ON ${on.table} FOR EACH ROW WHEN (${on.when}) EXECUTE FUNCTION ${name}()`).execute(db);
  return {
    async lift() {
      await sql.raw(`DROP TRIGGER ${name} ON ${on.table}`).execute(db);
      await sql.raw(`DROP FUNCTION ${name}()`).execute(db);
    },
  };
}
