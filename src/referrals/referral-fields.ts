import { z } from "zod";
import { areaIds, needIds } from "../directory/ids.js";
import { isValidNhsNumber } from "../understanding/extract-nhs-number.js";

/**
 * The referral's fields: ONE definition, used by the form, the question-by-question
 * dialog and the store. Each field's schema is exported on its own so the dialog
 * can validate one answer at a time with the same rules and messages.
 */
export const fieldSchemas = {
  person: z.string().trim().min(1, "Please give the person's name or initials.").max(100, "Please keep the name under 100 characters."),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s()-]/g, "").replace(/^\+44/, "0"))
    .refine((v) => /^0\d{9,10}$/.test(v), "That doesn't look like a UK phone number (10 or 11 digits starting with 0)."),
  email: z.string().trim().email("That doesn't look like an email address.").max(200),
  address: z.string().trim().min(5, "Please give a fuller address.").max(300, "Please keep the address under 300 characters."),
  contactWhen: z.string().trim().max(200, "Please keep this under 200 characters."),
  age: z.number({ error: "Please give the age as a number." }).int("Please give the age as a whole number.").min(0).max(120, "Please give an age from 0 to 120."),
  dateOfBirth: z.iso.date("Please give the date of birth as YYYY-MM-DD."),
  nhsNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ""))
    .refine(isValidNhsNumber, "That NHS number doesn't pass its check digit. Please check it, or leave it out."),
  area: z.enum(areaIds, { error: "I don't know that place. Please give a town, village or postcode in Leicester, Leicestershire or Rutland." }),
  needs: z.array(z.enum(needIds)).min(1, "Please give at least one need, for example a home safety check or a cold home."),
  whatMatters: z.string().trim().min(1, "Please say briefly what matters to the person.").max(1000, "Please keep this under 1,000 characters."),
  urgency: z.enum(["routine", "soon"], { error: "Please choose routine or soon." }),
  suggestedServices: z.array(z.string().max(100)).max(20),
} as const;

export const consentSchema = z.strictObject({
  confirmedBy: z.string().min(1),
  confirmedAt: z.iso.datetime(),
});

export const referrerSchema = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  /** The name was typed by the referrer in trial mode (no sign-in): shown as given, not verified. */
  nameGiven: z.literal(true).optional(),
  team: z.string().min(1).max(200),
  channel: z.string().min(1).max(20),
  conversationId: z.string().min(1).max(200),
});

export const contactNeeded = "Please give one way to contact them: a phone number, an email or an address.";
export const ageNeeded = "Please give the person's age or their date of birth.";

/** A complete referral as submitted: what the store accepts. */
export const newReferralSchema = z
  .strictObject({
    person: fieldSchemas.person,
    contact: z.strictObject({
      phone: fieldSchemas.phone.optional(),
      email: fieldSchemas.email.optional(),
      address: fieldSchemas.address.optional(),
      when: fieldSchemas.contactWhen.optional(),
    }),
    age: fieldSchemas.age.optional(),
    dateOfBirth: fieldSchemas.dateOfBirth.optional(),
    nhsNumber: fieldSchemas.nhsNumber.optional(),
    area: fieldSchemas.area,
    needs: fieldSchemas.needs,
    whatMatters: fieldSchemas.whatMatters,
    urgency: fieldSchemas.urgency,
    suggestedServices: fieldSchemas.suggestedServices,
    consent: consentSchema,
    referrer: referrerSchema,
  })
  .refine((r) => r.contact.phone ?? r.contact.email ?? r.contact.address, { message: contactNeeded, path: ["contact"] })
  .refine((r) => r.age !== undefined || r.dateOfBirth !== undefined, { message: ageNeeded, path: ["age"] });

export type NewReferral = z.infer<typeof newReferralSchema>;
export type Referrer = z.infer<typeof referrerSchema>;
