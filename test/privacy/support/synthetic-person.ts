import { syntheticPhones } from "../../support/personal-data-scan.js";
import { syntheticNhsNumber } from "../../support/synthetic-nhs-number.js";

/**
 * Made-up people for the chat-platform payload scan (issue 19, decision 0023): a fictional name
 * (first name and surname from lists nobody is called by), an NHS number from the 999 range (never
 * issued), a mobile from Ofcom's drama range (07700 900xxx), a street address on a street that does
 * not exist and a sentence of what matters to them. Each one is distinct, so a leak names its
 * conversation.
 */
export interface SyntheticPerson {
  readonly name: string;
  readonly surname: string;
  /** Ten digits, as typed into a form. */
  readonly nhsNumber: string;
  /** "07700 900123": the scan also looks for it without its space. */
  readonly phone: string;
  readonly address: string;
  readonly whatMatters: string;
}

const firstNames = ["Zephyrine", "Marmaduke", "Ottoline", "Peregrine", "Clementine", "Barnaby", "Hyacinth", "Cornelius", "Araminta", "Leopold", "Wilhelmina", "Fitzgerald", "Isadora", "Rosalind", "Ambrose", "Euphemia", "Thaddeus"];
const surnames = ["Quillfeather", "Pennywhistle", "Brackenbury", "Thistlewood", "Oddfellowes", "Quincegrove", "Wimbleford", "Dapplegrove", "Pocklethorpe", "Marrowgate", "Thornbarrow", "Ambleworth", "Fennimore", "Quickenham", "Snodgrassby", "Wolfendale", "Cobblestitch", "Gravesworthy", "Higglebottom"];
const streets = ["Brackenfold Row", "Wimbleshaw Close", "Dapplemere Lane", "Quillstone Crescent", "Fennigate Walk", "Pocklebury Mews", "Thistlecombe Drive"];
const matters = ["Feeding the budgerigar called Pemberton", "Getting to the Tuesday bowls at Whistlecombe", "Keeping the allotment on Fennigate going", "Phoning the daughter in Auckland on Sundays"];

/** NHS numbers from this offset on are the payload scan's own (the load and crash parts use lower ones). */
const nhsOffset = 800_000;

/** `count` distinct people; the i-th is the same in every run. */
export function syntheticPersons(count: number): SyntheticPerson[] {
  const mobiles = [...new Set(syntheticPhones(2000).filter((phone) => phone.startsWith("07700")))].slice(0, count);
  if (mobiles.length < count) throw new Error(`only ${mobiles.length} drama-range mobiles free for ${count} people`);
  return Array.from({ length: count }, (_, i) => {
    const surname = `${surnames[i % surnames.length]!}${i >= surnames.length ? `-${firstNames[Math.floor(i / surnames.length) % firstNames.length]!}` : ""}`;
    const name = `${firstNames[(i * 7) % firstNames.length]!} ${surname}`;
    return {
      name,
      surname,
      nhsNumber: syntheticNhsNumber(nhsOffset + i * 3),
      phone: mobiles[i]!,
      address: `${(i % 180) + 2} ${streets[i % streets.length]!}`,
      whatMatters: `${matters[i % matters.length]!} (${name.split(" ")[0]!})`,
    };
  });
}

/** The details to scan for: the NHS number is also given as 999 123 4567, and the phone as typed; the scan adds their spellings without spaces. */
export function secretsOf(person: SyntheticPerson): string[] {
  const nhs = person.nhsNumber;
  return [person.name, person.surname, `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`, person.phone, person.address, person.whatMatters];
}

/** What the synthetic referrers search for before referring, on either platform. */
export const searches = ["lonely widower in Loughborough who keeps falling", "falls and a cold house in Loughborough", "help for carers in Melton", "isolated older man in Coalville", "struggling with money and heating in Hinckley"];

/** What one scripted conversation sent and was sent, on either platform, for the scan's assertions. */
export interface ConversationRecord<Call> {
  readonly reference?: string;
  /** The referral's confirmation to the referrer. */
  readonly confirmations: Call[];
  /** What the outbox sent when triage moved the referral (the status, back where it came from). */
  readonly statuses: Call[];
  /** The referrer's "my referrals". */
  readonly listings: Call[];
  /** What the outbox sent when the referral was made (the details, to triage). */
  readonly triage: Call[];
  /** Signpost's HTTP answers to the platform (acks, modal errors, invoke responses). */
  readonly responses: { readonly where: string; readonly body: string }[];
}
