import type { OutdatedReport } from "../../src/feedback/feedback-store.js";

/** A synthetic "report outdated details" entry for a service, made at `reportedAt`. */
export const outdatedReport = (serviceId: string, reportedAt: string): OutdatedReport => ({
  serviceId,
  organizationId: "org",
  details: "The phone number has changed",
  channel: "web",
  reportedBy: "web:synthetic-user",
  reportedAt,
});
