/**
 * Only one instance runs a job at a time. `withLock` runs `work` while holding
 * the job's lock and returns `{ ran: false }` at once if another holder has it.
 */
export interface JobLock {
  withLock<T>(job: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}
