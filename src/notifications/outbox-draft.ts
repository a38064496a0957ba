/** A notification to write into the outbox with the change it announces. */
export interface OutboxDraft {
  /** Unique per notification: a retry of the same change writes nothing twice. */
  readonly key: string;
  readonly notifier: string;
  readonly destination: Readonly<Record<string, string>>;
  readonly payload: Readonly<Record<string, unknown>>;
}
