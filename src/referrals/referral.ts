import type { ReferralsTable } from "../storage/database-schema.js";
import type { NewReferral } from "./referral-fields.js";
import type { ReferralStatus } from "./referral-status.js";

/** A stored referral: what was submitted, plus its reference and where it has got to. */
export interface Referral extends NewReferral {
  readonly id: string;
  readonly reference: string;
  readonly status: ReferralStatus;
  readonly acceptedService?: string;
  readonly declineReason?: string;
  readonly outcome?: string;
  /** The referrer's answer when asked, after acceptance, whether the person engaged. */
  readonly engagement?: Engagement;
  readonly engagementRecordedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const engagements = ["engaged", "did-not-engage", "unknown"] as const;
export type Engagement = (typeof engagements)[number];

/** Who is asking. Only the referrer, their team and the triage team may see a referral. */
export interface Viewer {
  readonly id: string;
  readonly team: string;
  readonly channel: string;
  readonly triage: boolean;
}

export function canSee(viewer: Viewer, referral: Pick<Referral, "referrer">): boolean {
  return viewer.triage || viewer.id === referral.referrer.id || viewer.team === referral.referrer.team;
}

/** A referral as a database row. */
export function toRow(referral: Referral, idempotencyKey: string): ReferralsTable {
  return {
    id: referral.id,
    reference: referral.reference,
    idempotency_key: idempotencyKey,
    status: referral.status,
    person: referral.person,
    contact_phone: referral.contact.phone ?? null,
    contact_email: referral.contact.email ?? null,
    contact_address: referral.contact.address ?? null,
    contact_when: referral.contact.when ?? null,
    age: referral.age ?? null,
    date_of_birth: referral.dateOfBirth ?? null,
    nhs_number: referral.nhsNumber ?? null,
    area: referral.area,
    needs: JSON.stringify(referral.needs),
    what_matters: referral.whatMatters,
    urgency: referral.urgency,
    suggested_services: JSON.stringify(referral.suggestedServices),
    consent_confirmed_by: referral.consent.confirmedBy,
    consent_confirmed_at: referral.consent.confirmedAt,
    referrer_id: referral.referrer.id,
    referrer_name: referral.referrer.name ?? null,
    referrer_name_given: referral.referrer.nameGiven ? 1 : 0,
    referrer_team: referral.referrer.team,
    channel: referral.referrer.channel,
    origin_conversation_id: referral.referrer.conversationId,
    accepted_service: referral.acceptedService ?? null,
    decline_reason: referral.declineReason ?? null,
    outcome: referral.outcome ?? null,
    engagement: referral.engagement ?? null,
    engagement_recorded_at: referral.engagementRecordedAt ?? null,
    created_at: referral.createdAt,
    updated_at: referral.updatedAt,
  };
}

/** A database row as a referral. */
export function fromRow(row: ReferralsTable): Referral {
  const optional = <K extends string>(key: K, value: string | number | null) => (value === null ? {} : { [key]: value });
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as ReferralStatus,
    person: row.person,
    contact: {
      ...optional("phone", row.contact_phone),
      ...optional("email", row.contact_email),
      ...optional("address", row.contact_address),
      ...optional("when", row.contact_when),
    },
    ...optional("age", row.age),
    ...optional("dateOfBirth", row.date_of_birth),
    ...optional("nhsNumber", row.nhs_number),
    area: row.area as Referral["area"],
    needs: JSON.parse(row.needs) as Referral["needs"],
    whatMatters: row.what_matters,
    urgency: row.urgency as Referral["urgency"],
    suggestedServices: JSON.parse(row.suggested_services) as string[],
    consent: { confirmedBy: row.consent_confirmed_by, confirmedAt: row.consent_confirmed_at },
    referrer: {
      id: row.referrer_id,
      ...optional("name", row.referrer_name),
      ...(row.referrer_name !== null && Number(row.referrer_name_given) === 1 ? { nameGiven: true as const } : {}),
      team: row.referrer_team,
      channel: row.channel,
      conversationId: row.origin_conversation_id,
    },
    ...optional("acceptedService", row.accepted_service),
    ...optional("declineReason", row.decline_reason),
    ...optional("outcome", row.outcome),
    ...optional("engagement", row.engagement),
    ...optional("engagementRecordedAt", row.engagement_recorded_at),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
