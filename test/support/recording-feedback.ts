import type { FeedbackStore, OutdatedReport } from "../../src/feedback/feedback-store.js";

/** A feedback store that keeps "report outdated details" reports in an array the test can read. */
export function recordingFeedback(): { feedback: FeedbackStore; reports: OutdatedReport[] } {
  const reports: OutdatedReport[] = [];
  const feedback: FeedbackStore = {
    record: (report) => {
      reports.push(report);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...reports]),
  };
  return { feedback, reports };
}
