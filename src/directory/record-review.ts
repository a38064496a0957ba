import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { ReviewError } from "../errors/review-error.js";
import type { OutdatedReport } from "../feedback/feedback-store.js";
import { openReports } from "../feedback/open-reports.js";
import type { Clock } from "../time/clock.js";
import { londonDate } from "../time/wall-clock.js";
import { type Directory, findService, type Service } from "./directory.js";
import { parseYamlText } from "./read-yaml-file.js";
import { isImported, lastVerification } from "./review-list.js";
import { latestReviews, latestVerifications, type NewReviewEntry, type ReviewAction, type ReviewEntry, type ReviewStore } from "./review-store.js";
import { serviceFileSchema } from "./service-file-schema.js";
import { closest } from "./suggest-id.js";
import { removeService, setLastVerified } from "./service-yaml-edits.js";

export interface ReviewRequest {
  readonly action: ReviewAction;
  readonly serviceId: string;
  /** Who is recording it (--by); refused when missing or blank. */
  readonly by: string | undefined;
  /** Required for a correction: what was corrected. */
  readonly note: string | undefined;
}

export interface ReviewDependencies {
  readonly directory: Directory;
  /** The directory's services/ folder, which service files are relative to. */
  readonly servicesDir: string;
  readonly store: ReviewStore;
  readonly reports: readonly OutdatedReport[];
  readonly clock: Clock;
}

export interface ReviewOutcome {
  readonly entry: ReviewEntry;
  /** How many open reports this resolved. */
  readonly resolvedReports: number;
  /** What it says to the maintainer. */
  readonly sentence: string;
}

const maxByLength = 100;
const maxNoteLength = 500;

/**
 * Records a maintainer's verification, correction or closure of one record.
 * A local record (a file in directory/services/) is changed where Signpost and
 * git read it: verified or corrected sets its `last_verified` to today, and
 * closed removes it (and its file, when it was the only record). An imported
 * record's file is replaced at every import, so its review is kept only in the
 * store. Everything is checked first; a refused request throws a ReviewError
 * and changes nothing, and the file and the store entry are written together.
 */
export async function recordReview(request: ReviewRequest, deps: ReviewDependencies): Promise<ReviewOutcome> {
  const by = checkBy(request.by);
  const note = checkNote(request.action, request.note);
  const reviews = await deps.store.list();
  const service = findService(deps.directory, request.serviceId);
  const open = openReportsFor(request.serviceId, service, reviews, deps.reports);
  const now = deps.clock.now();
  const today = londonDate(now);
  const base = { serviceId: request.serviceId, action: request.action, by, ...(note ? { note } : {}), at: now.toISOString() };

  if (!service) {
    if (open.length === 0) throw new ReviewError(unknownService(request.serviceId, deps.directory));
    if (request.action !== "closed") {
      throw new ReviewError(`"${request.serviceId}" is no longer in the directory, so there is nothing to check; \`close ${request.serviceId}\` resolves its ${reportCount(open.length)}.`);
    }
    const entry = await deps.store.append({ ...base, record: "gone" });
    return { entry, resolvedReports: open.length, sentence: `Closed "${request.serviceId}", which is no longer in the directory${resolved(open.length)}.` };
  }

  if (service.source === "illustrative sample" && request.action !== "closed") {
    throw new ReviewError(
      `${service.id} is an illustrative sample, not a real service, so there is no provider to check it with. Replace it with a verified record (directory/README.md) or close it.`,
    );
  }

  if (isImported(service)) return recordImported(service, base, open.length, reviews, today, deps.store);

  const file = path.join(deps.servicesDir, service.file);
  const before = await readFile(file, "utf8");
  const edit = request.action === "closed" ? removeService(before, service.id) : setLastVerified(before, service.id, today);
  if (!edit.ok) throw new ReviewError(`services/${service.file}: ${edit.problem}, so nothing was changed.`);
  if (edit.text !== "") {
    const check = parseYamlText(edit.text, `services/${service.file}`, serviceFileSchema);
    if (!check.ok) throw new ReviewError(`services/${service.file} would no longer be valid (${check.problems[0]?.message ?? "unknown problem"}), so nothing was changed.`);
  }
  const entry: NewReviewEntry = { ...base, record: "local", file: service.file, ...(request.action === "closed" ? {} : { verifiedOn: today }) };
  let written = false;
  let stored: ReviewEntry;
  try {
    stored = await deps.store.append(entry, async () => {
      await replaceFile(file, edit.text);
      written = true;
    });
  } catch (error) {
    // The store refused after the file was written: put the file back as it was.
    if (written) await replaceFile(file, before);
    throw error;
  }
  const change =
    request.action !== "closed"
      ? `last_verified in services/${service.file} is now ${today}`
      : edit.text === ""
        ? `services/${service.file} held only this record and is deleted`
        : `it is removed from services/${service.file}`;
  return {
    entry: stored,
    resolvedReports: open.length,
    sentence: `${done(service, stored)}: ${change}${resolved(open.length)}. Signpost shows the change at its next directory refresh; commit directory/ to keep it in git.`,
  };
}

/** "Recorded: lightbulb-hoarding (Lightbulb hoarding support) verified by A. Maintainer on 2026-11-22" */
function done(service: Service, entry: ReviewEntry): string {
  return `Recorded: ${service.id} (${service.name}) ${entry.action} by ${entry.by} on ${londonDate(new Date(entry.at))}`;
}

async function recordImported(
  service: Service,
  base: Omit<NewReviewEntry, "record">,
  openCount: number,
  reviews: readonly ReviewEntry[],
  today: string,
  store: ReviewStore,
): Promise<ReviewOutcome> {
  const latest = latestReviews(reviews).get(service.id);
  if (base.action === "closed" && latest?.action === "closed") {
    throw new ReviewError(`${service.id} was already closed by ${latest.by} on ${latest.at.slice(0, 10)}; it stays listed until ${service.source} stops publishing it.`);
  }
  // Only a check with the provider counts as a verification: a correction is the feed's to publish.
  const entry = await store.append({ ...base, record: "imported", file: service.file, ...(base.action === "verified" ? { verifiedOn: today } : {}) });
  const kept = `It comes from ${service.source}, whose files the next import replaces, so this is kept in Signpost's store`;
  const sentence =
    base.action === "verified"
      ? `${done(service, entry)}${resolved(openCount)}. ${kept}.`
      : base.action === "corrected"
        ? `${done(service, entry)}${resolved(openCount)}. ${kept}: the corrected details appear once the feed publishes them.`
        : `${done(service, entry)}${resolved(openCount)}. ${kept}: the record stays in the directory until the feed stops publishing it (or marks it not active), so tell its publisher; the review list shows it until then.`;
  return { entry, resolvedReports: openCount, sentence };
}

function checkBy(by: string | undefined): string {
  const name = by?.trim() ?? "";
  if (name === "") throw new ReviewError('Say who is recording this with --by "<your name>": the audit trail keeps who verified, corrected or closed each record.');
  if (name.length > maxByLength || /[\p{Cc}]/u.test(name)) throw new ReviewError(`--by must be a name of at most ${maxByLength} characters on one line.`);
  return name;
}

function checkNote(action: ReviewAction, note: string | undefined): string | undefined {
  const text = note?.replace(/\s+/g, " ").trim() ?? "";
  if (text === "" && action === "corrected") throw new ReviewError('Say what was corrected with --note "…", so the next maintainer knows what changed.');
  if (text.length > maxNoteLength) throw new ReviewError(`--note must be at most ${maxNoteLength} characters.`);
  return text === "" ? undefined : text;
}

function openReportsFor(serviceId: string, service: Service | undefined, reviews: readonly ReviewEntry[], reports: readonly OutdatedReport[]): OutdatedReport[] {
  const latest = latestReviews(reviews).get(serviceId);
  const verifiedOn = service ? lastVerification(service, latestVerifications(reviews).get(serviceId)).on : undefined;
  return openReports(
    reports.filter((report) => report.serviceId === serviceId),
    () => ({ ...(latest ? { reviewedAt: latest.at } : {}), ...(verifiedOn ? { verifiedOn } : {}) }),
  );
}

function unknownService(id: string, directory: Directory): string {
  const best = closest(id, directory.services.map((service) => service.id));
  const hint = best ? `; did you mean "${best}"?` : "; `npm run directory -- review` lists what needs review.";
  return `There is no service "${id}" in the directory${hint}`;
}

function reportCount(count: number): string {
  return count === 1 ? "1 open report" : `${count} open reports`;
}

function resolved(count: number): string {
  return count === 0 ? "" : `; its ${reportCount(count)} ${count === 1 ? "is" : "are"} resolved`;
}

/** Writes a file in one step (a temporary file renamed over it), or deletes it when `text` is empty. */
async function replaceFile(file: string, text: string): Promise<void> {
  if (text === "") {
    await unlink(file);
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, file);
}
