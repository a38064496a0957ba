/**
 * A feed's contact details in Signpost's form. Imported services keep their
 * real details (the sample-data rule of drama numbers and example.org is for
 * the records written by hand): phone numbers are checked and written the
 * national way by libphonenumber-js ("0116 496 0123"), web addresses are
 * https://, emails well formed (the service's own were checked by the ORUK
 * schema already). Contacts are listed by role, never by a person's name. An
 * organisation's email or website that is not valid is dropped, not the
 * service. Each drop is named (field only, never the value) for the report.
 */
import { formatUkPhone, isEmailAddress, isHttpsUrl } from "../directory/feed-contact-rules.js";
import type { ServiceRecord } from "../directory/service-file-schema.js";
import type { OrukService } from "./oruk-service-schema.js";

type Phone = NonNullable<ServiceRecord["phones"]>[number];
type Contact = NonNullable<ServiceRecord["contacts"]>[number];

export interface MappedContacts {
  readonly details: Pick<ServiceRecord, "url" | "email" | "phones" | "contacts">;
  readonly organization: { url?: string; email?: string };
  /** The fields dropped, e.g. `contacts[0].name (a person's name; Signpost lists roles)`. */
  readonly dropped: readonly string[];
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

/** The ORUK schema has already refused numbers libphonenumber-js cannot read as UK numbers. */
function phonesOf(phones: OrukService["phones"]): Phone[] {
  const kept: Phone[] = [];
  for (const phone of phones ?? []) {
    const number = formatUkPhone(phone.number);
    if (number === undefined || kept.some((earlier) => earlier.number === number)) continue;
    kept.push({ number, ...(present(phone.description) ? { description: phone.description.trim() } : {}) });
  }
  return kept;
}

export function mapOrukContacts(service: OrukService): MappedContacts {
  const dropped: string[] = [];
  const url = present(service.url) ? service.url.trim() : undefined;
  const email = present(service.email) ? service.email.trim() : undefined;
  const phones = phonesOf(service.phones);

  const contacts: Contact[] = [];
  (service.contacts ?? []).forEach((contact, c) => {
    // The role is the contact's title (or department); a department beside a title becomes Signpost's title.
    const role = [contact.title, contact.department].find(present)?.trim();
    const department = present(contact.title) && present(contact.department) ? contact.department.trim() : undefined;
    if (present(contact.name) && contact.name.trim() !== role) dropped.push(`contacts[${c}].name (a person's name; Signpost lists roles)`);
    const contactEmail = present(contact.email) ? contact.email.trim() : undefined;
    const contactPhones = phonesOf(contact.phones);
    if (role === undefined) {
      if (contactEmail !== undefined || contactPhones.length > 0) dropped.push(`contacts[${c}] (no role to list it under)`);
      return;
    }
    contacts.push({
      name: role,
      ...(department === undefined || department === role ? {} : { title: department }),
      ...(contactEmail === undefined ? {} : { email: contactEmail }),
      ...(contactPhones.length > 0 ? { phones: contactPhones } : {}),
    });
  });

  const org = service.organization;
  const orgUrl = present(org.website) ? org.website.trim() : undefined;
  const orgEmail = present(org.email) ? org.email.trim() : undefined;
  if (orgUrl !== undefined && !isHttpsUrl(orgUrl)) dropped.push("organization.website (not a valid https:// address)");
  if (orgEmail !== undefined && !isEmailAddress(orgEmail)) dropped.push("organization.email (not a valid email address)");
  return {
    details: {
      ...(url === undefined ? {} : { url }),
      ...(email === undefined ? {} : { email }),
      ...(phones.length > 0 ? { phones } : {}),
      ...(contacts.length > 0 ? { contacts } : {}),
    },
    organization: {
      ...(orgUrl !== undefined && isHttpsUrl(orgUrl) ? { url: orgUrl } : {}),
      ...(orgEmail !== undefined && isEmailAddress(orgEmail) ? { email: orgEmail } : {}),
    },
    dropped,
  };
}
