import type { Directory } from "../directory/directory.js";
import { findService } from "../directory/directory.js";
import type { Referral } from "./referral.js";
import type { ReferralDraft } from "./referral-draft.js";
import { ukDate } from "./parse-date-of-birth.js";

/** A referral in full, for the triage team and the referrer only: it holds personal data. */
export function describeReferral(referral: Referral, directory: Directory): string {
  return [
    `New referral ${referral.reference} (${referral.urgency === "soon" ? "to be seen soon" : "routine"}) from ${referrerShown(referral)} (${referral.referrer.team}).`,
    ...describeDraft(draftOf(referral), directory),
    `Agreement confirmed by ${confirmer(referral)} at ${referral.consent.confirmedAt}, ticked by the referrer themselves.`,
  ].join("\n");
}

/** Said after a name the referrer typed in trial mode, wherever it is shown: nothing vouches for it. */
export const givenNameNote = "(given in trial mode, not verified)";

/** The referrer by name: the sign-in's, or the one they gave in trial mode, marked as such; else their id. */
function referrerShown(referral: Referral): string {
  const { name, nameGiven, id } = referral.referrer;
  if (!name) return id;
  return nameGiven ? `${name} ${givenNameNote}` : name;
}

/** Who confirmed the agreement, by their name where there is one (it is the referrer), with their id. */
function confirmer(referral: Referral): string {
  const { confirmedBy } = referral.consent;
  return confirmedBy === referral.referrer.id && referral.referrer.name ? `${referrerShown(referral)} (${confirmedBy})` : confirmedBy;
}

/** A stored referral seen as the draft it was made from. */
function draftOf(referral: Referral): ReferralDraft {
  const { phone, email, address, when } = referral.contact;
  return {
    person: referral.person,
    area: referral.area,
    needs: referral.needs,
    whatMatters: referral.whatMatters,
    urgency: referral.urgency,
    suggestedServices: referral.suggestedServices,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(address ? { address } : {}),
    ...(when ? { contactWhen: when } : {}),
    ...(referral.age !== undefined ? { age: referral.age } : {}),
    ...(referral.dateOfBirth ? { dateOfBirth: referral.dateOfBirth } : {}),
    ...(referral.nhsNumber ? { nhsNumber: referral.nhsNumber } : {}),
  };
}

/** The lines of a draft, for the summary shown before it is sent. */
export function describeDraft(draft: ReferralDraft, directory: Directory): string[] {
  const needs = (draft.needs ?? []).map((n) => directory.taxonomy.label(n)).join(", ");
  const suggested = (draft.suggestedServices ?? []).map((id) => findService(directory, id)?.name ?? id).join(", ");
  const contact = [draft.phone, draft.email, draft.address].filter(Boolean).join(", ");
  return [
    `Person: ${draft.person ?? "-"}`,
    `Lives in: ${draft.area ? directory.gazetteer.name(draft.area) : "-"}`,
    `Age: ${[draft.age, draft.dateOfBirth ? `born ${ukDate(draft.dateOfBirth)}` : undefined].filter((v) => v !== undefined).join(", ") || "-"}`,
    `Contact: ${contact || "-"}${draft.contactWhen ? ` (${draft.contactWhen})` : ""}`,
    `NHS number: ${draft.nhsNumber ?? "not given"}`,
    `Needs: ${needs || "-"}`,
    `What matters to them: ${draft.whatMatters ?? "-"}`,
    `Urgency: ${draft.urgency ?? "-"}`,
    ...(suggested ? [`Services already suggested: ${suggested}`] : []),
  ];
}

/**
 * A status, with no personal details: safe for the channel the referral came from. The reason for a
 * decline and the outcome are free text typed by triage and may name the person, so the push to the
 * referral's own conversation (which may be a public channel) leaves them out (`withFreeText` false) and
 * says where to read them; asked for by its reference, the status gives them.
 */
export function describeStatus(referral: Referral, directory: Directory, withFreeText = true): string {
  const service = referral.acceptedService ? (findService(directory, referral.acceptedService)?.name ?? referral.acceptedService) : undefined;
  const askPrivately = `Ask me for the status of ${referral.reference} in a direct message to read what First Contact Plus recorded.`;
  switch (referral.status) {
    case "submitted":
      return `${referral.reference} has been sent to First Contact Plus and is waiting to be picked up.`;
    case "acknowledged":
      return `${referral.reference} has been picked up by First Contact Plus.`;
    case "accepted":
      return `${referral.reference} has been accepted${service ? ` by ${service}` : ""}.`;
    case "declined":
      return withFreeText ? `${referral.reference} was declined: ${referral.declineReason ?? "no reason given"}.` : `${referral.reference} was declined. ${askPrivately}`;
    case "closed":
      return withFreeText ? `${referral.reference} is closed: ${referral.outcome ?? "no outcome recorded"}.` : `${referral.reference} is closed. ${askPrivately}`;
  }
}
