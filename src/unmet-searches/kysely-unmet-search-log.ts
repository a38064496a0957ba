import { type Kysely, sql } from "kysely";
import { areaIds, needIds } from "../directory/ids.js";
import type { Database } from "../storage/database-schema.js";
import type { UnmetKind, UnmetSearch, UnmetSearchCount, UnmetSearchLog } from "./unmet-search-log.js";
import { InvalidInputError } from "../errors/invalid-input-error.js";

const kinds: readonly string[] = ["nothing", "nothing-in-area"] satisfies UnmetKind[];
const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * unmet_searches in SQLite or PostgreSQL: one row per day, need, area and kind,
 * whose count an upsert adds one to, so concurrent searches (or instances)
 * never lose a count.
 */
export class KyselyUnmetSearchLog implements UnmetSearchLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(onDay: string, searches: readonly UnmetSearch[]): Promise<void> {
    if (!day.test(onDay)) throw new InvalidInputError("an unmet search's day must be YYYY-MM-DD");
    // Only vocabulary ids reach the table: whatever a caller passes, no free text is ever stored.
    for (const search of searches) {
      if (!isNeed(search.need) || !isArea(search.area) || !kinds.includes(search.kind)) throw new InvalidInputError("an unmet search must be a need id, an area id and a kind");
    }
    const rows = [...new Map(searches.map((s) => [`${s.need}|${s.area}|${s.kind}`, s])).values()];
    if (rows.length === 0) return;
    await this.db
      .insertInto("unmet_searches")
      .values(rows.map((s) => ({ day: onDay, need: s.need, area: s.area, kind: s.kind, count: 1 })))
      .onConflict((conflict) => conflict.columns(["day", "need", "area", "kind"]).doUpdateSet((eb) => ({ count: eb("unmet_searches.count", "+", 1) })))
      .execute();
  }

  async countsBetween(firstDay: string, lastDay: string): Promise<UnmetSearchCount[]> {
    const rows = await this.db
      .selectFrom("unmet_searches")
      .select(["need", "area", "kind", sql<number | string>`sum(count)`.as("total")])
      .where("day", ">=", firstDay)
      .where("day", "<=", lastDay)
      .groupBy(["need", "area", "kind"])
      .execute();
    // PostgreSQL's sum() is a bigint, which the driver returns as a string.
    return rows.flatMap((row) =>
      isNeed(row.need) && isArea(row.area) && kinds.includes(row.kind) ? [{ need: row.need, area: row.area, kind: row.kind as UnmetKind, count: Number(row.total) }] : [],
    );
  }
}

function isNeed(value: string): value is UnmetSearch["need"] {
  return value === "" || (needIds as readonly string[]).includes(value);
}

function isArea(value: string): value is UnmetSearch["area"] {
  return value === "" || (areaIds as readonly string[]).includes(value);
}
