import type { ReferralDraft } from "./referral-draft.js";
import { ageNeeded, contactNeeded, type NewReferral, newReferralSchema, type Referrer } from "./referral-fields.js";

export type Completed = { readonly ok: true; readonly referral: NewReferral } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * Turns a finished draft into a referral the store accepts, validated by the
 * one schema. Errors are keyed by the draft's field names, so a form can show
 * each beside its field and a dialog can ask again.
 */
export function completeReferral(draft: ReferralDraft, referrer: Referrer, confirmedAt: string): Completed {
  // Every problem at once: the form shows them all, consent among them.
  const errors: Record<string, string> = {};
  if (draft.consent !== true) errors.consent = "Please confirm the person has agreed to this referral.";
  if (draft.area === undefined) errors.area = "Please say where they live.";
  // The schema's rules across fields run only once every field parses, so they are asked here too: one round of errors, not two.
  if (!draft.phone && !draft.email && !draft.address) errors.contact = contactNeeded;
  if (draft.age === undefined && draft.dateOfBirth === undefined) errors.age = ageNeeded;
  const parsed = newReferralSchema.safeParse({
    person: draft.person,
    contact: { phone: draft.phone, email: draft.email, address: draft.address, when: draft.contactWhen },
    age: draft.age,
    dateOfBirth: draft.dateOfBirth,
    nhsNumber: draft.nhsNumber,
    area: draft.area,
    needs: draft.needs ?? [],
    whatMatters: draft.whatMatters,
    urgency: draft.urgency,
    suggestedServices: draft.suggestedServices ?? [],
    consent: { confirmedBy: referrer.id, confirmedAt },
    referrer,
  });
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, referral: dropUndefined(parsed.data) };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [first, second] = issue.path.map(String);
    const field = first === "contact" ? (second === "when" ? "contactWhen" : second ?? "contact") : (first ?? "form");
    errors[field] ??= issue.message.endsWith("received undefined") ? "This is needed." : issue.message;
  }
  return { ok: false, errors };
}

/** exactOptionalPropertyTypes: optional fields are absent, never `undefined`. */
function dropUndefined(referral: NewReferral): NewReferral {
  const contact = Object.fromEntries(Object.entries(referral.contact).filter(([, v]) => v !== undefined));
  const rest = Object.fromEntries(Object.entries(referral).filter(([, v]) => v !== undefined));
  return { ...rest, contact } as NewReferral;
}
