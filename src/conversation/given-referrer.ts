/**
 * The referrer's own name, asked for in the referral form where nothing vouches
 * for one: the web chat's trial mode, whose identity is a random id Signpost made
 * (web:trial-<random>). Triage needs a name to call back, so the form asks for it
 * (and, optionally, their role or team). It is stored with the referral as the
 * referrer's display name and shown to triage as given in trial mode and not
 * verified; it is never who they are (that stays the web: id). It is personal
 * data: it travels in the form's fields and the referral, never in a log.
 */
import type { IncomingMessage } from "./incoming-message.js";
import type { FormField } from "./reply.js";

export const referrerFieldNames = { name: "referrerName", role: "referrerRole" } as const;

const nameMax = 100;
const roleMax = 95;

/** The form asks for the referrer's name when the channel vouches for none: trial mode, with no name from a sign-in. */
export function asksReferrerName(message: Pick<IncomingMessage, "trial" | "userName">): boolean {
  return message.trial === true && !message.userName;
}

/** The two fields, first in the form, showing what the referrer last typed in them. */
export function givenReferrerFields(typed: Readonly<Record<string, string>>): FormField[] {
  const shown = (name: string) => (typed[name] ? { value: typed[name] } : {});
  return [
    {
      name: referrerFieldNames.name,
      label: "Your name",
      kind: "text",
      required: true,
      maxLength: nameMax,
      hint: "So First Contact Plus can call you back. In trial mode nobody has signed in, so they are told you gave it and it is not verified.",
      ...shown(referrerFieldNames.name),
    },
    { name: referrerFieldNames.role, label: "Your role or team", kind: "text", required: false, maxLength: roleMax, hint: "For example social prescriber, Charnwood PCN.", ...shown(referrerFieldNames.role) },
  ];
}

/**
 * Reads the two fields: the display name triage is shown ("Sam Okoro, social prescriber"),
 * or the field's error. Whitespace and control characters are tidied, lengths checked.
 */
export function readGivenReferrer(fields: Readonly<Record<string, string>>): { readonly displayName?: string; readonly errors: Record<string, string> } {
  const tidy = (raw: string | undefined) => (raw ?? "").replace(/[\p{Cc}\p{Cf}]/gu, " ").replace(/\s+/g, " ").trim();
  const name = tidy(fields[referrerFieldNames.name]);
  const role = tidy(fields[referrerFieldNames.role]);
  const errors: Record<string, string> = {};
  if (name === "") errors[referrerFieldNames.name] = "Please give your name, so First Contact Plus can call you back.";
  else if (name.length > nameMax) errors[referrerFieldNames.name] = `Please keep your name under ${nameMax} characters.`;
  if (role.length > roleMax) errors[referrerFieldNames.role] = `Please keep this under ${roleMax} characters.`;
  if (Object.keys(errors).length > 0) return { errors };
  return { displayName: role ? `${name}, ${role}` : name, errors };
}
