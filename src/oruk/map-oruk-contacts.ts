/**
 * The honesty rules applied to a feed's contact details: Signpost's directory
 * holds only Ofcom drama numbers and example.org addresses, and names roles,
 * never people. Anything else is dropped here, before a record is built, and
 * each drop is named (field only, never the value) for the import report.
 */
import { isDramaNumber, isExampleEmail, isExampleUrl } from "../directory/contact-rules.js";
import type { ServiceRecord } from "../directory/service-file-schema.js";
import type { OrukService } from "./oruk-service-schema.js";

type Phone = NonNullable<ServiceRecord["phones"]>[number];
type Contact = NonNullable<ServiceRecord["contacts"]>[number];

export interface MappedContacts {
  readonly details: Pick<ServiceRecord, "url" | "email" | "phones" | "contacts">;
  readonly organization: { url?: string; email?: string };
  /** The fields dropped, e.g. `url`, `phones[0]`, `contacts[0].name (a person's name)`. */
  readonly dropped: readonly string[];
}

/** Feeds sometimes wrap numbers in stray quotes: `"\"+44 1234 234567\""`. */
const cleanNumber = (number: string) => number.replace(/^["'\s]+|["'\s]+$/g, "");
const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

function keepPhones(phones: OrukService["phones"], at: string, dropped: string[]): Phone[] {
  const kept: Phone[] = [];
  (phones ?? []).forEach((phone, p) => {
    const number = cleanNumber(phone.number);
    if (!isDramaNumber(number)) {
      dropped.push(`${at}[${p}]`);
      return;
    }
    kept.push({ number, ...(present(phone.description) ? { description: phone.description.trim() } : {}) });
  });
  return kept;
}

export function mapOrukContacts(service: OrukService): MappedContacts {
  const dropped: string[] = [];
  const keep = (value: string | null | undefined, field: string, allowed: (value: string) => boolean): string | undefined => {
    if (!present(value)) return undefined;
    if (allowed(value.trim())) return value.trim();
    dropped.push(field);
    return undefined;
  };
  const url = keep(service.url, "url", isExampleUrl);
  const email = keep(service.email, "email", isExampleEmail);
  const phones = keepPhones(service.phones, "phones", dropped);

  const contacts: Contact[] = [];
  (service.contacts ?? []).forEach((contact, c) => {
    // The role is the contact's title (or department); a department beside a title becomes Signpost's title.
    const role = [contact.title, contact.department].find(present)?.trim();
    const department = present(contact.title) && present(contact.department) ? contact.department.trim() : undefined;
    if (present(contact.name) && contact.name.trim() !== role) dropped.push(`contacts[${c}].name (a person's name; Signpost lists roles)`);
    const contactEmail = keep(contact.email, `contacts[${c}].email`, isExampleEmail);
    const contactPhones = keepPhones(contact.phones, `contacts[${c}].phones`, dropped);
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

  const orgUrl = keep(service.organization.website, "organization.website", isExampleUrl);
  const orgEmail = keep(service.organization.email, "organization.email", isExampleEmail);
  return {
    details: {
      ...(url === undefined ? {} : { url }),
      ...(email === undefined ? {} : { email }),
      ...(phones.length > 0 ? { phones } : {}),
      ...(contacts.length > 0 ? { contacts } : {}),
    },
    organization: { ...(orgUrl === undefined ? {} : { url: orgUrl }), ...(orgEmail === undefined ? {} : { email: orgEmail }) },
    dropped,
  };
}
