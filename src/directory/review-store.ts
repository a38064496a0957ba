/**
 * The maintainers' review of directory records: what was done to which
 * service, by whom and when. Append-only; the latest entry for a service is
 * its state, and the whole list is the audit trail.
 */

export const reviewActions = ["verified", "corrected", "closed"] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** Where the record lived when it was reviewed. */
export type ReviewedRecordKind = "local" | "imported" | "gone";

export interface ReviewEntry {
  readonly id: string;
  readonly serviceId: string;
  readonly action: ReviewAction;
  /** Who recorded it, as given with --by. */
  readonly by: string;
  readonly note?: string;
  /** ISO timestamp. */
  readonly at: string;
  /** The London date this counts as a verification of the record; absent when it does not count. */
  readonly verifiedOn?: string;
  readonly record: ReviewedRecordKind;
  /** The service's file, relative to directory/services/, when it had one. */
  readonly file?: string;
}

export type NewReviewEntry = Omit<ReviewEntry, "id">;

export interface ReviewStore {
  /**
   * Appends one entry. `alongside` (writing the service's YAML) runs first,
   * inside the same transaction: when it throws, the entry is not kept, and
   * when the entry then cannot be kept, the error reaches the caller, which
   * undoes `alongside`.
   */
  append(entry: NewReviewEntry, alongside?: () => Promise<void>): Promise<ReviewEntry>;
  /** Every entry, oldest first. */
  list(): Promise<ReviewEntry[]>;
}

/** The latest entry for each service, from entries oldest first. */
export function latestReviews(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const latest = new Map<string, ReviewEntry>();
  for (const entry of entries) latest.set(entry.serviceId, entry);
  return latest;
}

/** The latest date any entry for each service counts as a verification. */
export function latestVerifications(entries: readonly ReviewEntry[]): Map<string, ReviewEntry> {
  const latest = new Map<string, ReviewEntry>();
  for (const entry of entries) {
    if (entry.verifiedOn === undefined) continue;
    const before = latest.get(entry.serviceId);
    if (!before?.verifiedOn || entry.verifiedOn >= before.verifiedOn) latest.set(entry.serviceId, entry);
  }
  return latest;
}
