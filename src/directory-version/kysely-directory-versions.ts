import { type Kysely, sql } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";
import { type DirectoryVersion, type DirectoryVersions, versionChannel, type VersionReason } from "./directory-versions.js";

/**
 * The directory_versions table (migration 008), the only code that reads or
 * writes it. Recording inserts a row (the latest is live) and, on PostgreSQL,
 * sends NOTIFY in the same transaction, so listeners hear of it only once it
 * is committed.
 */
export class KyselyDirectoryVersions implements DirectoryVersions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: "sqlite" | "postgres",
  ) {}

  async current(): Promise<DirectoryVersion | undefined> {
    try {
      const row = await this.db.selectFrom("directory_versions").selectAll().orderBy("id", "desc").limit(1).executeTakeFirst();
      return row && { fingerprint: row.fingerprint, services: Number(row.services), madeAt: row.made_at, madeBy: row.made_by, reason: row.reason as VersionReason };
    } catch (error) {
      throw new StorageError("could not read the shared directory version", { cause: error });
    }
  }

  async record(version: DirectoryVersion): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto("directory_versions")
          .values({ id: orderedId(new Date(version.madeAt)), fingerprint: version.fingerprint, services: version.services, made_at: version.madeAt, made_by: version.madeBy, reason: version.reason })
          .execute();
        if (this.store === "postgres") await sql`select pg_notify(${versionChannel}, ${version.fingerprint})`.execute(trx);
      });
    } catch (error) {
      throw new StorageError("could not record the shared directory version", { cause: error });
    }
  }
}
