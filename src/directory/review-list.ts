import type { OutdatedReport } from "../feedback/feedback-store.js";
import { openReports } from "../feedback/open-reports.js";
import type { Service } from "./directory.js";
import { latestReviews, latestVerifications, type ReviewedRecordKind, type ReviewEntry } from "./review-store.js";

/** When a record was last verified, and on whose word. */
export interface Verification {
  /** "YYYY-MM-DD". */
  readonly on: string;
  /** A maintainer's name (from a review), or where the date came from: "its file", "feed <name>". */
  readonly by: string;
}

export interface ReviewItem {
  readonly serviceId: string;
  /** Absent when the service is no longer in the directory (its reports are still open). */
  readonly service?: Service;
  readonly record: ReviewedRecordKind;
  /** The open reports about it, oldest first. */
  readonly reports: readonly OutdatedReport[];
  readonly verified?: Verification;
  readonly latestReview?: ReviewEntry;
}

export interface ReviewList {
  /** Services with open "report outdated details" reports, the one waiting longest first. */
  readonly reported: readonly ReviewItem[];
  /** Services last verified before `staleBefore`, with no open report, stalest first. */
  readonly stale: readonly ReviewItem[];
  /** Imported services a maintainer closed that their feed still publishes. */
  readonly closedInFeed: readonly ReviewItem[];
}

export interface ReviewListInput {
  readonly services: readonly Service[];
  readonly reports: readonly OutdatedReport[];
  /** Every review entry, oldest first. */
  readonly reviews: readonly ReviewEntry[];
  /** "YYYY-MM-DD": a record last verified before this date is stale. */
  readonly staleBefore: string;
}

/** True for a record written by `npm run import -- oruk` (the next import replaces its file). */
export function isImported(service: Pick<Service, "file">): boolean {
  return /^imported[\\/]/.test(service.file);
}

/**
 * When a record was last verified: the later of its own `last_verified` (for
 * an imported record, its feed's assured date) and the latest maintainer's
 * review that counts as a verification.
 */
export function lastVerification(service: Service, reviewed: ReviewEntry | undefined): Verification {
  const own: Verification = { on: service.last_verified, by: isImported(service) ? feedName(service) : "its file" };
  if (reviewed?.verifiedOn === undefined || reviewed.verifiedOn < own.on) return own;
  return { on: reviewed.verifiedOn, by: reviewed.by };
}

/**
 * What needs a maintainer: reports first (the longest waiting first), then the
 * records not verified since `staleBefore` (the stalest first), then imported
 * records closed here that their feed still publishes. A record is in one
 * section only. Reports are resolved as `openReports` says.
 */
export function buildReviewList(input: ReviewListInput): ReviewList {
  const byId = new Map(input.services.map((service) => [service.id, service]));
  const latest = latestReviews(input.reviews);
  const verifications = latestVerifications(input.reviews);
  const verification = (id: string) => {
    const service = byId.get(id);
    return service ? lastVerification(service, verifications.get(id)) : undefined;
  };
  const open = openReports(input.reports, (id) => {
    const reviewedAt = latest.get(id)?.at;
    const verifiedOn = verification(id)?.on;
    return { ...(reviewedAt === undefined ? {} : { reviewedAt }), ...(verifiedOn === undefined ? {} : { verifiedOn }) };
  });

  const item = (serviceId: string, reports: readonly OutdatedReport[]): ReviewItem => {
    const service = byId.get(serviceId);
    const verified = verification(serviceId);
    const latestReview = latest.get(serviceId);
    return {
      serviceId,
      ...(service ? { service } : {}),
      record: !service ? "gone" : isImported(service) ? "imported" : "local",
      reports,
      ...(verified ? { verified } : {}),
      ...(latestReview ? { latestReview } : {}),
    };
  };

  const reportsById = new Map<string, OutdatedReport[]>();
  for (const report of open) reportsById.set(report.serviceId, [...(reportsById.get(report.serviceId) ?? []), report]);
  const reported = [...reportsById.entries()].map(([id, reports]) => item(id, reports));

  const closedInFeed = input.services
    .filter((service) => !reportsById.has(service.id) && isImported(service) && latest.get(service.id)?.action === "closed")
    .map((service) => item(service.id, []));
  const closed = new Set(closedInFeed.map((entry) => entry.serviceId));

  const stale = input.services
    .filter((service) => !reportsById.has(service.id) && !closed.has(service.id))
    .map((service) => item(service.id, []))
    .filter((entry) => entry.verified !== undefined && entry.verified.on < input.staleBefore)
    .sort(
      (a, b) =>
        a.verified!.on.localeCompare(b.verified!.on) ||
        a.service!.organization.name.localeCompare(b.service!.organization.name) ||
        a.serviceId.localeCompare(b.serviceId),
    );
  return { reported, stale, closedInFeed };
}

function feedName(service: Service): string {
  return service.source.startsWith("ORUK feed ") ? `feed ${service.source.slice("ORUK feed ".length)}` : "its feed";
}
