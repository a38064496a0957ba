import { z } from "zod";
import { isDramaNumber, isExampleEmail, isExampleUrl } from "./contact-rules.js";
import { isEmailAddress, isHttpsUrl, isUkPhone } from "./feed-contact-rules.js";
import { offers, referralRoutes } from "./ids.js";

/**
 * The shape of one file in directory/services/. Field names follow Open Referral
 * UK v3 where ORUK has the concept (`last_verified` is ORUK's `assured_date`).
 * Need and area ids are checked against needs.yaml and places.yaml afterwards,
 * so that the error can suggest the closest id. Contact details follow the
 * honesty rules (drama numbers, example.org) except in records imported from a
 * real feed, which keep the feed's real, checked details (feed-contact-rules.ts).
 */

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens, like `wreake-valley-befriending`");
const text = z.string().trim().min(1, "must not be empty");
const url = z.string();
const email = z.string();
const phone = z.object({ number: z.string(), description: text.optional() });

/** Which rule each kind of contact detail follows: the sample rule, or the real-feed rule. */
const contactRules = {
  sample: {
    url: [isExampleUrl, "must be an https://…example.org address (no real websites in the directory)"],
    email: [isExampleEmail, "must be an address at example.org (no real inboxes in the directory)"],
    phone: [isDramaNumber, "must be an Ofcom drama number (0116 496 0000-0999 or 01632 960000-960999)"],
  },
  feed: {
    url: [isHttpsUrl, "must be an https:// web address"],
    email: [isEmailAddress, "must be an email address like name@example.org"],
    phone: [isUkPhone, "must be a valid UK phone number written like 0116 496 0123"],
  },
} as const satisfies Record<string, Record<"url" | "email" | "phone", readonly [(value: string) => boolean, string]>>;

type Contactable = {
  url?: string | undefined;
  email?: string | undefined;
  phones?: { number: string }[] | undefined;
  contacts?: { email?: string | undefined; phones?: { number: string }[] | undefined }[] | undefined;
};

function checkContacts(record: Contactable, rules: (typeof contactRules)[keyof typeof contactRules], ctx: z.RefinementCtx, at: string[] = []): void {
  const check = (value: string | undefined, kind: "url" | "email" | "phone", path: (string | number)[]) => {
    const [allowed, message] = rules[kind];
    if (value !== undefined && !allowed(value)) ctx.addIssue({ code: "custom", path: [...at, ...path], message });
  };
  check(record.url, "url", ["url"]);
  check(record.email, "email", ["email"]);
  record.phones?.forEach((phone, p) => check(phone.number, "phone", ["phones", p, "number"]));
  record.contacts?.forEach((contact, c) => {
    check(contact.email, "email", ["contacts", c, "email"]);
    contact.phones?.forEach((phone, p) => check(phone.number, "phone", ["contacts", c, "phones", p, "number"]));
  });
}
const isoDate = z.iso.date("must be a date written YYYY-MM-DD");
const age = z.number().int("must be a whole number").min(0, "must be 0 or more").max(120, "must be 120 or less");

const illustrative = "illustrative sample";
/** Records written by `npm run import -- oruk`: their facts, contact details included, come from the named feed. */
const orukFeed = /^ORUK feed [a-z0-9]+(-[a-z0-9]+)*$/;
const source = z
  .string()
  .refine(
    (value) => value === illustrative || /^seed \d{3} \(/.test(value) || orukFeed.test(value),
    `must be "${illustrative}" or name the seed document, like "seed 000 (Leicestershire BCF plan 2020/21)"`,
  );

export const serviceSchema = z
  .strictObject({
    id: kebabId,
    name: text,
    description: text,
    offer: z.enum(offers),
    needs: z.array(z.string()),
    service_areas: z.array(z.string()).min(1, "must name at least one area or group"),
    eligibility_description: text.optional(),
    minimum_age: age.optional(),
    maximum_age: age.optional(),
    referral_routes: z.array(z.enum(referralRoutes)).min(1, "must list at least one route"),
    how_to_refer: text,
    url: url.optional(),
    email: email.optional(),
    phones: z.array(phone).optional(),
    contacts: z
      .array(z.strictObject({ name: text, title: text.optional(), email: email.optional(), phones: z.array(phone).optional() }))
      .optional(),
    cost_options: z
      .array(z.strictObject({ option: text, amount: z.number().min(0).optional(), currency: z.literal("GBP").optional() }))
      .optional(),
    schedules: z
      .array(
        z.strictObject({
          description: text,
          byday: z.string().regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, "must be like MO,TU,WE").optional(),
          opens_at: z.string().regex(/^\d{2}:\d{2}$/, "must be HH:MM").optional(),
          closes_at: z.string().regex(/^\d{2}:\d{2}$/, "must be HH:MM").optional(),
        }),
      )
      .optional(),
    languages: z.array(text).optional(),
    last_verified: isoDate,
    /** Who vouched for `last_verified`, e.g. "ORUK feed leicestershire-council: its assured_date". */
    verified_by: text.optional(),
    source,
    front_door: z.boolean().optional(),
    /** True when the needs were inferred from the name and description (a feed's record with no usable taxonomy terms). */
    needs_inferred: z.boolean().optional(),
  })
  .superRefine((service, ctx) => {
    checkContacts(service, orukFeed.test(service.source) ? contactRules.feed : contactRules.sample, ctx);
    if (service.minimum_age !== undefined && service.maximum_age !== undefined && service.minimum_age > service.maximum_age) {
      ctx.addIssue({ code: "custom", path: ["maximum_age"], message: "must not be below minimum_age" });
    }
    if (service.needs.length === 0 && !service.front_door) {
      ctx.addIssue({ code: "custom", path: ["needs"], message: "must list at least one need (only a front door may list none)" });
    }
    const invented = service.phones ?? service.email ?? service.url ?? service.contacts ?? service.schedules ?? service.cost_options;
    if (invented !== undefined && !service.source.includes(illustrative) && !orukFeed.test(service.source)) {
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: `has contact details that are not in the seeds, so must say "${illustrative}" (e.g. "seed 000 (…); contact details: ${illustrative}")`,
      });
    }
  });

export const serviceFileSchema = z
  .strictObject({
    organization: z.strictObject({
      id: kebabId,
      name: text,
      description: text.optional(),
      url: url.optional(),
      email: email.optional(),
    }),
    services: z.array(serviceSchema).min(1, "must hold at least one service"),
  })
  .superRefine((file, ctx) => {
    // An organisation's details are real only in a file written by the import, where every service is the feed's.
    const fromFeed = file.services.length > 0 && file.services.every((service) => orukFeed.test(service.source));
    checkContacts(file.organization, fromFeed ? contactRules.feed : contactRules.sample, ctx, ["organization"]);
  });

export type ServiceFile = z.infer<typeof serviceFileSchema>;
export type ServiceRecord = z.infer<typeof serviceSchema>;
