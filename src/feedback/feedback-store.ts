/** A report that a service's details are wrong or out of date. */
export interface OutdatedReport {
  readonly serviceId: string;
  readonly organizationId: string;
  /** What the reporter says is wrong. May hold personal data: never logged. */
  readonly details: string;
  readonly channel: string;
  readonly reportedBy: string;
  /** ISO timestamp. */
  readonly reportedAt: string;
}

/** Where reports go; the weekly digest and the review list read them back, from every instance. */
export interface FeedbackStore {
  /** Resolves once the report is stored for good: only then is the reporter thanked. */
  record(report: OutdatedReport): Promise<void>;
  /** Every report, oldest first. */
  list(): Promise<OutdatedReport[]>;
}

/** What the readers of reports (the digest, the review list) need. */
export type FeedbackReader = Pick<FeedbackStore, "list">;
