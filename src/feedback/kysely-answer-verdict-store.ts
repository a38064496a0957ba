import type { Kysely, Selectable } from "kysely";
import type { AnswerVerdictsTable, Database } from "../storage/database-schema.js";
import { guarded } from "../storage/guarded.js";
import { orderedId } from "../storage/ordered-id.js";
import { type AnswerVerdict, type AnswerVerdictStore, isVerdict } from "./answer-verdict.js";

/**
 * Verdicts on answers in the `answer_verdicts` table (owned here), on SQLite
 * or the PostgreSQL every instance shares. Insert-only, like feedback_reports;
 * the service ids are kept as one JSON array.
 */
export class KyselyAnswerVerdictStore implements AnswerVerdictStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(verdict: AnswerVerdict): Promise<void> {
    const row: AnswerVerdictsTable = {
      id: orderedId(new Date(verdict.givenAt)),
      verdict: verdict.verdict,
      service_ids: JSON.stringify(verdict.serviceIds),
      channel: verdict.channel,
      given_by: verdict.givenBy,
      given_at: verdict.givenAt,
    };
    await guarded("store a verdict on an answer", () => this.db.insertInto("answer_verdicts").values(row).execute());
  }

  async list(): Promise<AnswerVerdict[]> {
    const rows = await guarded("read the verdicts on answers", () => this.db.selectFrom("answer_verdicts").selectAll().orderBy("given_at").orderBy("id").execute());
    return rows.map(fromRow);
  }
}

function fromRow(row: Selectable<AnswerVerdictsTable>): AnswerVerdict {
  const ids = JSON.parse(row.service_ids) as unknown;
  return {
    verdict: isVerdict(row.verdict) ? row.verdict : "not_helpful",
    serviceIds: Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [],
    channel: row.channel,
    givenBy: row.given_by,
    givenAt: row.given_at,
  };
}
