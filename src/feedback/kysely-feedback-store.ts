import { createHash } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Database, FeedbackReportsTable } from "../storage/database-schema.js";
import { guarded } from "../storage/guarded.js";
import { orderedId } from "../storage/ordered-id.js";
import type { FeedbackStore, OutdatedReport } from "./feedback-store.js";

/** Rows per insert when importing: well within SQLite's limit on bound values. */
const importBatch = 500;

/**
 * "Report outdated details" reports in the `feedback_reports` table (owned
 * here), on SQLite or on the PostgreSQL every instance shares, so the weekly
 * digest and the review list see every instance's reports. Insert-only.
 */
export class KyselyFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Kysely<Database>) {}

  async record(report: OutdatedReport): Promise<void> {
    await guarded("store an outdated-details report", () => this.db.insertInto("feedback_reports").values(toRow(orderedId(new Date(report.reportedAt)), report)).execute());
  }

  /**
   * Reports moved in from an older Signpost's feedback.jsonl. Each is stored
   * under an id made from its content, so a file imported twice (a crash
   * before it was renamed, or two processes at once) stores each report once.
   * Returns how many were new.
   */
  async importOnce(reports: readonly OutdatedReport[]): Promise<number> {
    return guarded("import outdated-details reports", () =>
      this.db.transaction().execute(async (trx) => {
        let added = 0;
        for (let start = 0; start < reports.length; start += importBatch) {
          const rows = reports.slice(start, start + importBatch).map((report) => toRow(importedId(report), report));
          const result = await trx.insertInto("feedback_reports").values(rows).onConflict((conflict) => conflict.column("id").doNothing()).executeTakeFirst();
          added += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
        return added;
      }),
    );
  }

  async list(): Promise<OutdatedReport[]> {
    const rows = await guarded("read the outdated-details reports", () => this.db.selectFrom("feedback_reports").selectAll().orderBy("reported_at").orderBy("id").execute());
    return rows.map(fromRow);
  }
}

function importedId(report: OutdatedReport): string {
  const fields = [report.serviceId, report.organizationId, report.details, report.channel, report.reportedBy, report.reportedAt];
  return `imported-${createHash("sha256").update(JSON.stringify(fields)).digest("hex")}`;
}

/** PostgreSQL's text cannot hold U+0000, which a report typed into a form or an old file may; it carries nothing. */
const text = (value: string) => value.replaceAll("\u0000", "");

function toRow(id: string, report: OutdatedReport): FeedbackReportsTable {
  return {
    id,
    service_id: text(report.serviceId),
    organization_id: text(report.organizationId),
    details: text(report.details),
    channel: text(report.channel),
    reported_by: text(report.reportedBy),
    reported_at: report.reportedAt,
  };
}

function fromRow(row: Selectable<FeedbackReportsTable>): OutdatedReport {
  return {
    serviceId: row.service_id,
    organizationId: row.organization_id,
    details: row.details,
    channel: row.channel,
    reportedBy: row.reported_by,
    reportedAt: row.reported_at,
  };
}
