import type { OutboxDraft } from "./outbox-draft.js";

/** How many kept copies of messages one expiry deleted, by table. */
export interface ExpiredMessages {
  readonly inbox: number;
  readonly outbox: number;
}

/**
 * What other modules may do with the notification tables (outbox and inbox),
 * which this module owns: queue notifications, and let the retention job
 * expire the copies kept after sending. Jobs reach the tables only through
 * this interface (decision 0022).
 */
export interface NotificationStore {
  /**
   * Queues notifications in the outbox, due at once. With `skipRepeats`, a
   * draft whose key is already there writes nothing. Returns how many were written.
   */
  queue(at: Date, referralId: string, drafts: readonly OutboxDraft[], options?: { readonly skipRepeats?: boolean }): Promise<number>;
  /**
   * Deletes the inbox messages, and the delivered outbox entries, created
   * before `cutoff`. A notification not yet delivered is kept, however old.
   */
  expireBefore(cutoff: Date): Promise<ExpiredMessages>;
}
