import type { Directory } from "../directory/directory.js";
import { fieldSchemas } from "../referrals/referral-fields.js";
import { parseDateOfBirth } from "../referrals/parse-date-of-birth.js";
import type { ReferralDraft } from "../referrals/referral-draft.js";
import { tokenize } from "../text/normalise-text.js";
import { extractAge } from "../understanding/extract-age.js";
import { extractEntities } from "../understanding/extract-entities.js";
import type { DialogStep } from "./referral-dialog-state.js";

/**
 * The order a text dialog asks in; only what is missing is asked. Where they
 * live comes first: it decides whether First Contact Plus can take the referral
 * at all, before anyone types a person's details.
 */
export const steps: readonly DialogStep[] = ["area", "person", "needs", "age", "contact", "contactWhen", "whatMatters", "urgency", "nhsNumber", "consent", "confirm"];

export function nextStep(draft: ReferralDraft, skipped: readonly DialogStep[]): DialogStep {
  const missing: Readonly<Record<DialogStep, boolean>> = {
    person: !draft.person,
    area: !draft.area,
    needs: !draft.needs?.length,
    age: draft.age === undefined && !draft.dateOfBirth,
    contact: !draft.phone && !draft.email && !draft.address,
    contactWhen: draft.contactWhen === undefined,
    whatMatters: !draft.whatMatters,
    urgency: !draft.urgency,
    nhsNumber: !draft.nhsNumber && !skipped.includes("nhsNumber"),
    consent: draft.consent !== true,
    confirm: true,
  };
  return steps.find((step) => missing[step]) ?? "confirm";
}

export const questions: Readonly<Record<Exclude<DialogStep, "confirm">, string>> = {
  person: "What is the person's name, or their initials if your team uses initials?",
  area: "Where do they live? A town, village or postcode is enough.",
  needs: "What do they need help with? For example a home safety check, a cold home, falls or money worries.",
  age: "How old are they? (Or their date of birth, like 12/03/1942 or 12 March 1942.)",
  contact: "How can First Contact Plus reach them? A phone number, an email or an address.",
  contactWhen: 'When is best to contact them? (Or "any time".)',
  whatMatters: "In a sentence, what matters most to them?",
  urgency: "Is this routine, or should they be seen soon?",
  nhsNumber: 'Their NHS number, if you have it. Or say "skip".',
  consent: "Has the person agreed to this referral? (yes or no)",
};

export type Answer = { readonly ok: true; readonly patch: ReferralDraft; readonly skip?: DialogStep } | { readonly ok: false; readonly message: string };

const yes = /^(?:y|yes|yeah|yep|yup|ok|okay|correct|confirm|confirmed|agreed|(?:they|she|he) (?:have |has )?agreed|consented|(?:they|she|he) consented|they did|she did|he did)\b/;
const no = /^(?:n|no|nope|not yet|(?:they|she|he) (?:haven'?t|hasn'?t|didn'?t|did not|has not|have not)|declined|refused)\b/;

export function isYes(text: string): boolean {
  return yes.test(tokenize(text).join(" ")) || /^yes\b/i.test(text.trim());
}

export function isNo(text: string): boolean {
  return no.test(tokenize(text).join(" "));
}

/** Reads one answer, with the same rules as the form. A bad answer gets a reason, and the question is asked again. */
export function readAnswer(step: Exclude<DialogStep, "consent" | "confirm">, text: string, directory: Directory, today: Date): Answer {
  const trimmed = text.trim();
  switch (step) {
    case "person":
      return check(fieldSchemas.person, trimmed, (person) => ({ person }));
    case "area": {
      const { areas } = extractEntities(trimmed, directory).entities;
      if (areas.length === 1) return { ok: true, patch: { area: areas[0]! } };
      if (areas.length > 1) return { ok: false, message: `That could be ${areas.map((a) => directory.gazetteer.name(a)).join(" or ")}. Which town or village do they live in?` };
      return { ok: false, message: "I don't know that place. Please give a town, village or postcode in Leicester, Leicestershire or Rutland." };
    }
    case "needs": {
      const { needs } = extractEntities(trimmed, directory).entities;
      if (needs.length > 0) return { ok: true, patch: { needs } };
      return { ok: false, message: "I couldn't match that to a need. Try words like home safety, cold home, falls, lonely, carer or money worries." };
    }
    case "age": {
      // A date of birth in any way people in the UK write it (12/03/1942, 12 March 1942, ISO), else an age.
      if (/\d{4}/.test(trimmed)) {
        const born = parseDateOfBirth(trimmed, today);
        return born.ok ? { ok: true, patch: { dateOfBirth: born.iso } } : { ok: false, message: born.message };
      }
      const age = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : extractAge(trimmed);
      if (age === null) return { ok: false, message: "Please give the age as a number, like 84, or the date of birth, like 12/03/1942." };
      return check(fieldSchemas.age, age, (value) => ({ age: value }));
    }
    case "contact":
      if (/@/.test(trimmed)) return check(fieldSchemas.email, trimmed, (email) => ({ email }));
      if (/^[+\d][\d\s()-]{8,}$/.test(trimmed)) return check(fieldSchemas.phone, trimmed, (phone) => ({ phone }));
      return check(fieldSchemas.address, trimmed, (address) => ({ address }));
    case "contactWhen":
      return check(fieldSchemas.contactWhen, trimmed === "" ? "any time" : trimmed, (contactWhen) => ({ contactWhen }));
    case "whatMatters":
      return check(fieldSchemas.whatMatters, trimmed, (whatMatters) => ({ whatMatters }));
    case "urgency": {
      const words = tokenize(trimmed).join(" ");
      if (/\b(?:not urgent|routine|no rush|whenever)\b/.test(words)) return { ok: true, patch: { urgency: "routine" } };
      if (/\b(?:soon|urgent|asap|quickly|this week)\b/.test(words)) return { ok: true, patch: { urgency: "soon" } };
      return { ok: false, message: "Please say routine or soon." };
    }
    case "nhsNumber":
      if (/^(?:skip|no|none|don'?t know|dont know|not known|unknown|n\/a)$/i.test(trimmed)) return { ok: true, patch: {}, skip: "nhsNumber" };
      return check(fieldSchemas.nhsNumber, trimmed, (nhsNumber) => ({ nhsNumber }));
  }
}

function check<I, O>(schema: { safeParse(value: I): { success: true; data: O } | { success: false; error: { issues: { message: string }[] } } }, value: I, patch: (data: O) => ReferralDraft): Answer {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, patch: patch(parsed.data) } : { ok: false, message: parsed.error.issues[0]?.message ?? "That doesn't look right." };
}
