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

/** Where reports go; the stale-directory digest reads them back. */
export interface FeedbackStore {
  record(report: OutdatedReport): Promise<void>;
  list(): Promise<OutdatedReport[]>;
}

/** Every report that could be read, and how many lines could not (a line cut short by a crash, or damaged). */
export interface FeedbackRead {
  readonly reports: readonly OutdatedReport[];
  readonly unreadableLines: number;
}

/** What the stale-entries digest needs: the reports, and whether any were lost to damage. */
export interface FeedbackReader {
  read(): Promise<FeedbackRead>;
}
