/** A directory every instance should answer from: which files (the fingerprint), when and by whom. */
export interface DirectoryVersion {
  /** Directory.fingerprint: a SHA-256 over every file of directory/. */
  readonly fingerprint: string;
  readonly services: number;
  /** ISO timestamp. */
  readonly madeAt: string;
  /** The instance that recorded it (INSTANCE_NAME). */
  readonly madeBy: string;
  readonly reason: VersionReason;
}

/** Why a version was recorded: an instance started on new files, the refresh job, or the job run by hand. */
export type VersionReason = "start-up" | "refresh" | "by-hand";

/**
 * Where the shared directory version is kept (the database, beside the
 * referrals). `record` makes a version the live one and, on PostgreSQL, tells
 * every listening instance in the same transaction (NOTIFY).
 */
export interface DirectoryVersions {
  current(): Promise<DirectoryVersion | undefined>;
  record(version: DirectoryVersion): Promise<void>;
}

/** The channel instances LISTEN on; a notification's payload is the new fingerprint. */
export const versionChannel = "signpost_directory_version";

/** The first 12 hex digits of a fingerprint: enough to tell versions apart in /readyz and the logs. */
export function shortVersion(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}
