import type { Kysely, Selectable } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database, DirectoryReviewsTable } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";
import { type NewReviewEntry, type ReviewAction, type ReviewedRecordKind, type ReviewEntry, type ReviewStore } from "./review-store.js";

/** The review entries in `directory_reviews` (SQLite or PostgreSQL), insert-only. */
export class KyselyReviewStore implements ReviewStore {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: NewReviewEntry, alongside?: () => Promise<void>): Promise<ReviewEntry> {
    const stored: ReviewEntry = { id: orderedId(new Date(entry.at)), ...entry };
    // An error from `alongside` is the caller's (a file that could not be written) and goes back as it is.
    let failedAlongside: { error: unknown } | undefined;
    try {
      await this.db.transaction().execute(async (trx) => {
        // The file first: if the row then cannot be written, the caller puts the file back.
        try {
          await alongside?.();
        } catch (error) {
          failedAlongside = { error };
          throw error;
        }
        await trx
          .insertInto("directory_reviews")
          .values({
            id: stored.id,
            service_id: stored.serviceId,
            action: stored.action,
            reviewed_by: stored.by,
            note: stored.note ?? null,
            at: stored.at,
            verified_on: stored.verifiedOn ?? null,
            record_kind: stored.record,
            file: stored.file ?? null,
          })
          .execute();
      });
    } catch (error) {
      if (failedAlongside) throw failedAlongside.error;
      throw new StorageError("could not record a directory review", { cause: error });
    }
    return stored;
  }

  async list(): Promise<ReviewEntry[]> {
    try {
      const rows = await this.db.selectFrom("directory_reviews").selectAll().orderBy("id").execute();
      return rows.map(fromRow);
    } catch (error) {
      throw new StorageError("could not read the directory reviews", { cause: error });
    }
  }
}

function fromRow(row: Selectable<DirectoryReviewsTable>): ReviewEntry {
  return {
    id: row.id,
    serviceId: row.service_id,
    action: row.action as ReviewAction,
    by: row.reviewed_by,
    ...(row.note === null ? {} : { note: row.note }),
    at: row.at,
    ...(row.verified_on === null ? {} : { verifiedOn: row.verified_on }),
    record: row.record_kind as ReviewedRecordKind,
    ...(row.file === null ? {} : { file: row.file }),
  };
}
