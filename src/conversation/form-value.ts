/**
 * What a form's value carries back when it is sent: which form it is and what
 * it is about ("referral:<dialog id>", "report_outdated:<service id>"), so a
 * submission is never taken for the other form because of the shape of an id.
 * Channels pass the value through untouched.
 */
export type FormSubject = { readonly form: "referral"; readonly dialogId: string } | { readonly form: "report_outdated"; readonly serviceId: string };

export function formValue(subject: FormSubject): string {
  return subject.form === "referral" ? `referral:${subject.dialogId}` : `report_outdated:${subject.serviceId}`;
}

/** The form a value came from, or undefined for a value no form of Signpost's made. */
export function readFormValue(value: string): FormSubject | undefined {
  const at = value.indexOf(":");
  const [form, id] = [value.slice(0, at), value.slice(at + 1)];
  if (at < 0 || id === "") return undefined;
  if (form === "referral") return { form, dialogId: id };
  if (form === "report_outdated") return { form, serviceId: id };
  return undefined;
}
