import type { Directory } from "../directory/directory.js";
import { describeCoverage, firstContactPlus } from "../directory/front-doors.js";
import { fieldSchemas } from "../referrals/referral-fields.js";
import type { ReferralDraft } from "../referrals/referral-draft.js";
import { channelLimits } from "./channel-limits.js";
import { formValue } from "./form-value.js";
import type { ReferralDialog } from "./referral-dialog-state.js";
import type { Form, FormField } from "./reply.js";
import { InternalError } from "../errors/internal-error.js";

/** The whole referral as one form, for channels that have forms (web chat, Slack modals, Teams cards). */
export function referralForm(dialog: ReferralDialog, directory: Directory, errors?: Readonly<Record<string, string>>): Form {
  const d = dialog.draft;
  const field = (f: FormField): FormField => f;
  const text = (name: string, label: string, maxLength: number, value: string | number | undefined, extra: Partial<FormField> = {}) =>
    field({ name, label, kind: "text", required: false, maxLength, ...(value !== undefined ? { value: String(value) } : {}), ...extra });
  const form: Form = {
    id: "referral",
    title: "Refer to First Contact",
    submitLabel: "Send referral",
    value: formValue({ form: "referral", dialogId: dialog.id }),
    fields: [
      text("person", "Name, or initials if your team uses initials", 100, d.person, { required: true }),
      text("phone", "Phone", 20, d.phone),
      text("email", "Email", 200, d.email),
      field({ name: "address", label: "Address", kind: "textarea", required: false, maxLength: 300, ...(d.address ? { value: d.address } : {}) }),
      text("contactWhen", "Best time to contact them", 200, d.contactWhen),
      text("age", "Age", 3, d.age, { hint: "Or give the date of birth below." }),
      text("dateOfBirth", "Date of birth", 10, d.dateOfBirth, { hint: "YYYY-MM-DD" }),
      text("nhsNumber", "NHS number (optional)", 12, d.nhsNumber),
      field({ name: "area", label: "Where they live", kind: "select", required: true, maxLength: 40, hint: areaHint(directory), options: directory.gazetteer.areas.map((a) => ({ value: a.id, label: a.name })), ...(d.area ? { value: d.area } : {}) }),
      field({ name: "needs", label: "What they need help with", kind: "multiselect", required: true, maxLength: 1000, options: directory.taxonomy.needs.map((n) => ({ value: n.id, label: n.label })), ...(d.needs?.length ? { value: d.needs.join(",") } : {}) }),
      field({ name: "whatMatters", label: "What matters most to them", kind: "textarea", required: true, maxLength: 1000, ...(d.whatMatters ? { value: d.whatMatters } : {}) }),
      field({ name: "urgency", label: "Urgency", kind: "select", required: true, maxLength: 10, options: [{ value: "routine", label: "Routine" }, { value: "soon", label: "Soon" }], value: d.urgency ?? "routine" }),
      field({ name: "consent", label: "The person has agreed to this referral", kind: "checkbox", required: true, maxLength: 5, ...(d.consent ? { value: "true" } : {}) }),
    ],
    ...(errors && Object.keys(errors).length > 0 ? { errors } : {}),
  };
  if (form.title.length > channelLimits.formTitle) throw new InternalError("form title too long for Slack");
  return form;
}

/** Which areas First Contact Plus takes referrals from; anywhere else gets its own front door named. */
function areaHint(directory: Directory): string {
  const fcp = firstContactPlus(directory);
  const covers = fcp ? `First Contact Plus covers ${describeCoverage(fcp, directory)}` : "First Contact Plus is not in the directory";
  return `${covers}. For anywhere else I'll name the area's own front door.`;
}

/**
 * Reads a submitted referral form into a draft, checking each field with the
 * same schemas as the dialog. Blank optional fields are left out.
 */
export function readReferralForm(fields: Readonly<Record<string, string>>, previous: ReferralDraft): { draft: ReferralDraft; errors: Record<string, string> } {
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
  const draft: ReferralDraft = {
    ...(previous.suggestedServices ? { suggestedServices: previous.suggestedServices } : {}),
    ...optional("person", fieldSchemas.person),
    ...optional("phone", fieldSchemas.phone),
    ...optional("email", fieldSchemas.email),
    ...optional("address", fieldSchemas.address),
    ...optional("contactWhen", fieldSchemas.contactWhen),
    ...optional("age", fieldSchemas.age, age === "" ? "" : /^\d+$/.test(age) ? Number(age) : age),
    ...optional("dateOfBirth", fieldSchemas.dateOfBirth),
    ...optional("nhsNumber", fieldSchemas.nhsNumber),
    ...optional("area", fieldSchemas.area),
    ...optional("needs", fieldSchemas.needs, value("needs") === "" ? "" : value("needs").split(",").map((n) => n.trim()).filter(Boolean)),
    ...optional("whatMatters", fieldSchemas.whatMatters),
    ...optional("urgency", fieldSchemas.urgency),
    consent: value("consent") === "true" || value("consent") === "on",
  };
  return { draft, errors };
}
