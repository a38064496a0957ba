import type { Directory } from "../directory/directory.js";
import { describeCoverage, firstContactPlus } from "../directory/front-doors.js";
import { fieldSchemas } from "../referrals/referral-fields.js";
import type { ReferralDraft } from "../referrals/referral-draft.js";
import { parseDateOfBirth, ukDate } from "../referrals/parse-date-of-birth.js";
import { channelLimits } from "./channel-limits.js";
import { formValue } from "./form-value.js";
import { givenReferrerFields } from "./given-referrer.js";
import type { ReferralDialog } from "./referral-dialog-state.js";
import type { Form, FormField } from "./reply.js";
import { InternalError } from "../errors/internal-error.js";

const contactGroup = { id: "contact", legend: "One way to contact them", hint: "Give at least one: a phone number, an email or an address." } as const;
const ageGroup = { id: "ageOrDateOfBirth", legend: "Their age or date of birth", hint: "Give one of the two." } as const;

/** The referral form's labels, for the web chat, Slack modals and Teams cards alike: what is required is said, nothing else is marked. */
export const referralLabels = {
  person: "Name, or initials if your team uses initials",
  consent: "The person has agreed to this referral",
} as const;

/**
 * The whole referral as one form, for channels that have forms (web chat, Slack
 * modals, Teams cards). Each field shows what the referrer last typed in it,
 * as typed, else what Signpost already knows. The agreement box is never
 * ticked for the referrer: only their own tick in this form's last submission
 * shows again. Where nothing vouches for the referrer's name (trial mode, `askReferrer`),
 * the form first asks for it (src/conversation/given-referrer.ts).
 */
export function referralForm(dialog: ReferralDialog, directory: Directory, errors?: Readonly<Record<string, string>>, note?: string, askReferrer = false): Form {
  const d = dialog.draft;
  const typed = dialog.entries ?? {};
  const shown = (name: string, known: string | number | undefined) => {
    const value = Object.hasOwn(typed, name) ? typed[name] : known === undefined ? undefined : String(known);
    return value === undefined || value === "" ? {} : { value };
  };
  const text = (name: string, label: string, maxLength: number, known: string | number | undefined, extra: Partial<FormField> = {}): FormField => ({
    name,
    label,
    kind: "text",
    required: false,
    maxLength,
    ...shown(name, known),
    ...extra,
  });
  const form: Form = {
    id: "referral",
    title: "Refer to First Contact",
    submitLabel: "Send referral",
    value: formValue({ form: "referral", dialogId: dialog.id }),
    fields: [
      ...(askReferrer ? givenReferrerFields(typed) : []),
      text("person", referralLabels.person, 100, d.person, { required: true }),
      text("phone", "Phone", 20, d.phone, { oneOf: contactGroup }),
      text("email", "Email", 200, d.email, { oneOf: contactGroup }),
      text("address", "Address", 300, d.address, { kind: "textarea", oneOf: contactGroup }),
      text("contactWhen", "Best time to contact them", 200, d.contactWhen),
      text("age", "Age", 3, d.age, { oneOf: ageGroup }),
      text("dateOfBirth", "Date of birth", 20, d.dateOfBirth ? ukDate(d.dateOfBirth) : undefined, { oneOf: ageGroup, hint: "For example 12/03/1942 or 12 March 1942." }),
      text("nhsNumber", "NHS number", 14, d.nhsNumber, { hint: "10 digits; spaces are fine, for example 999 123 4567." }),
      { name: "area", label: "Where they live", kind: "select", required: true, maxLength: 40, hint: areaHint(directory), options: directory.gazetteer.areas.map((a) => ({ value: a.id, label: a.name })), ...shown("area", d.area) },
      { name: "needs", label: "What they need help with", kind: "multiselect", required: true, maxLength: 2000, hint: "Tick at least one.", options: needOptions(directory), ...shown("needs", d.needs?.length ? d.needs.join(",") : undefined) },
      { name: "whatMatters", label: "What matters most to them", kind: "textarea", required: true, maxLength: 1000, ...shown("whatMatters", d.whatMatters) },
      { name: "urgency", label: "Urgency", kind: "select", required: true, maxLength: 10, options: [{ value: "routine", label: "Routine" }, { value: "soon", label: "Soon" }], value: typed.urgency || d.urgency || "routine" },
      { name: "consent", label: referralLabels.consent, kind: "checkbox", required: true, maxLength: 5, hint: "Tick this yourself once they have agreed: Signpost never ticks it for you.", ...(typed.consent === "true" ? { value: "true" } : {}) },
    ],
    ...(errors && Object.keys(errors).length > 0 ? { errors } : {}),
    ...(note ? { note } : {}),
  };
  if (form.title.length > channelLimits.formTitle) throw new InternalError("form title too long for Slack");
  return form;
}

/** The needs, in the taxonomy's groups (directory/needs.yaml), each option naming its group. */
function needOptions(directory: Directory): { value: string; label: string; group?: string }[] {
  const { needs, groups } = directory.taxonomy;
  const grouped = groups.flatMap((group) => needs.filter((n) => n.group === group.id).map((n) => ({ value: n.id, label: n.label, group: group.label })));
  const loose = needs.filter((n) => !groups.some((g) => g.id === n.group)).map((n) => ({ value: n.id, label: n.label }));
  return [...grouped, ...loose];
}

/** Which areas First Contact Plus takes referrals from; anywhere else gets its own front door named. */
function areaHint(directory: Directory): string {
  const fcp = firstContactPlus(directory);
  const covers = fcp ? `First Contact Plus covers ${describeCoverage(fcp, directory)}` : "First Contact Plus is not in the directory";
  return `${covers}. For anywhere else I'll name the area's own front door.`;
}

/**
 * Reads a submitted referral form into a draft, checking each field with the
 * same schemas as the dialog. Blank fields are left out; a field that does not
 * read is left out with its error, and its entry is kept as typed.
 */
export function readReferralForm(fields: Readonly<Record<string, string>>, previous: ReferralDraft, today: Date): { draft: ReferralDraft; errors: Record<string, string>; entries: Record<string, string> } {
  const errors: Record<string, string> = {};
  const value = (name: string) => (fields[name] ?? "").trim();
  const optional = <T>(name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, raw: unknown = value(name)) => {
    if (raw === "" || raw === undefined) return {};
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      errors[name] = parsed.error.issues[0]?.message ?? "That doesn't look right.";
      return {};
    }
    return { [name]: parsed.data };
  };
  const age = value("age");
  const born = value("dateOfBirth");
  const dateOfBirth = born === "" ? undefined : parseDateOfBirth(born, today);
  if (dateOfBirth && !dateOfBirth.ok) errors.dateOfBirth = dateOfBirth.message;
  const draft: ReferralDraft = {
    ...(previous.suggestedServices ? { suggestedServices: previous.suggestedServices } : {}),
    ...optional("person", fieldSchemas.person),
    ...optional("phone", fieldSchemas.phone),
    ...optional("email", fieldSchemas.email),
    ...optional("address", fieldSchemas.address),
    ...optional("contactWhen", fieldSchemas.contactWhen),
    ...optional("age", fieldSchemas.age, age === "" ? "" : /^\d+$/.test(age) ? Number(age) : age),
    ...(dateOfBirth?.ok ? { dateOfBirth: dateOfBirth.iso } : {}),
    ...optional("nhsNumber", fieldSchemas.nhsNumber),
    ...optional("area", fieldSchemas.area),
    ...optional("needs", fieldSchemas.needs, value("needs") === "" ? "" : value("needs").split(",").map((n) => n.trim()).filter(Boolean)),
    ...optional("whatMatters", fieldSchemas.whatMatters),
    ...optional("urgency", fieldSchemas.urgency),
    consent: value("consent") === "true" || value("consent") === "on",
  };
  const entries = Object.fromEntries(Object.entries(fields).map(([name, raw]) => [name, raw.slice(0, 2000)]));
  return { draft, errors, entries };
}

/**
 * The errors of one round, all at once: each field's own error, then what the
 * referral as a whole lacks (`missing`, from the store's one schema), placed on
 * the field the form shows. A group whose field already has its own error
 * ("not a real date") does not also say it is missing.
 */
export function roundErrors(own: Readonly<Record<string, string>>, missing: Readonly<Record<string, string>>): Record<string, string> {
  const errors: Record<string, string> = { ...own };
  const contactOwn = ["phone", "email", "address"].some((f) => Object.hasOwn(own, f));
  const ageOwn = ["age", "dateOfBirth"].some((f) => Object.hasOwn(own, f));
  for (const [field, message] of Object.entries(missing)) {
    if (field === "contact") {
      if (!contactOwn) errors.phone ??= message;
    } else if (field === "age") {
      if (!ageOwn) errors.age ??= message;
    } else {
      errors[field] ??= message;
    }
  }
  return errors;
}
