import type { Directory } from "../directory/directory.js";
import type { Referral } from "./referral.js";

/** SNOMED CT: "Referral to social prescribing service", so GP systems can code the referral. */
export const socialPrescribingReferral = { system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service" } as const;

/** SNOMED CT: "Social prescribing declined", for a referral the hub declined (closed since or not). */
export const socialPrescribingDeclined = { system: "http://snomed.info/sct", code: "871711000000103", display: "Social prescribing declined" } as const;

/** Every code an export can carry, and when: the CLI says so beside each export, and the README lists them. */
export const exportCodes = [
  { ...socialPrescribingReferral, carriedBy: "every referral" },
  { ...socialPrescribingDeclined, carriedBy: "a referral the hub declined" },
] as const;

type Coding = typeof socialPrescribingReferral | typeof socialPrescribingDeclined;

/** The referral's own code, then the declined code when it was declined (a declined referral keeps its reason when closed). */
export function codingsOf(referral: Pick<Referral, "status" | "declineReason">): Coding[] {
  const declined = referral.status === "declined" || referral.declineReason !== undefined;
  return declined ? [socialPrescribingReferral, socialPrescribingDeclined] : [socialPrescribingReferral];
}

/** One line naming the codes an export uses, for the person running it. */
export function describeExportCodes(): string {
  return `SNOMED CT codes this export uses: ${exportCodes.map((c) => `${c.code} "${c.display}" (${c.carriedBy})`).join("; ")}.`;
}

const columns = [
  "reference", "status", "created_at", "updated_at", "snomed_code", "snomed_display", "person", "age", "date_of_birth", "nhs_number",
  "phone", "email", "address", "contact_when", "area", "needs", "what_matters", "urgency", "suggested_services",
  "consent_confirmed_by", "consent_confirmed_at", "referrer_id", "referrer_team", "channel", "accepted_service", "decline_reason", "outcome",
  "snomed_outcome_code", "snomed_outcome_display",
] as const;

/**
 * The export for the hub's case system: JSON (one object per referral, with its SNOMED CT coding,
 * and `codings` with every code that applies) or CSV (the referral code, then the outcome code:
 * "social prescribing declined" for a declined referral, empty otherwise).
 */
export function exportReferrals(referrals: readonly Referral[], format: "json" | "csv", directory: Directory): string {
  if (format === "json") {
    return `${JSON.stringify(referrals.map((r) => ({ coding: socialPrescribingReferral, codings: codingsOf(r), ...r, areaName: directory.gazetteer.name(r.area) })), null, 2)}\n`;
  }
  const rows = referrals.map((r) => {
    const row: Record<(typeof columns)[number], string> = {
      reference: r.reference, status: r.status, created_at: r.createdAt, updated_at: r.updatedAt,
      snomed_code: socialPrescribingReferral.code, snomed_display: socialPrescribingReferral.display,
      person: r.person, age: r.age === undefined ? "" : String(r.age), date_of_birth: r.dateOfBirth ?? "", nhs_number: r.nhsNumber ?? "",
      phone: r.contact.phone ?? "", email: r.contact.email ?? "", address: r.contact.address ?? "", contact_when: r.contact.when ?? "",
      area: r.area, needs: r.needs.join(";"), what_matters: r.whatMatters, urgency: r.urgency, suggested_services: r.suggestedServices.join(";"),
      consent_confirmed_by: r.consent.confirmedBy, consent_confirmed_at: r.consent.confirmedAt,
      referrer_id: r.referrer.id, referrer_team: r.referrer.team, channel: r.referrer.channel,
      accepted_service: r.acceptedService ?? "", decline_reason: r.declineReason ?? "", outcome: r.outcome ?? "",
      snomed_outcome_code: codingsOf(r)[1]?.code ?? "", snomed_outcome_display: codingsOf(r)[1]?.display ?? "",
    };
    return columns.map((c) => csvCell(row[c])).join(",");
  });
  return `${[columns.join(","), ...rows].join("\r\n")}\r\n`;
}

/** RFC 4180 quoting, and a leading quote mark on anything a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
