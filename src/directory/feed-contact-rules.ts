/**
 * The rules for real contact details, which only records imported from a
 * council's Open Referral UK feed may hold (`source: ORUK feed <name>`): a UK
 * phone number that libphonenumber-js calls valid, written the national way
 * ("0116 496 0123"); an https:// web address with a real host name; an email
 * address of the ordinary form. Sample records keep to contact-rules.ts.
 * Ofcom's drama numbers pass too (libphonenumber-js calls 01632 960xxx
 * invalid): a feed built from sample records, Signpost's own, carries them.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isDramaNumber } from "./contact-rules.js";

/** A number a UK caller can dial, in national form, with any extension as "ext. 12"; undefined when it is not one. */
export function formatUkPhone(written: string): string | undefined {
  const parsed = parsePhoneNumberFromString(written.trim(), "GB");
  if (parsed && !parsed.ext && isDramaNumber(written)) return parsed.formatNational();
  if (!parsed?.isValid() || parsed.country !== "GB") return undefined;
  const national = parsed.formatNational().replace(/\s+x\d+$/, "");
  return parsed.ext ? `${national} ext. ${parsed.ext}` : national;
}

/** True for a number already written as formatUkPhone writes it. */
export function isUkPhone(number: string): boolean {
  return formatUkPhone(number) === number;
}

/** https:// with a dotted host name and no credentials: what a member of staff can safely open. */
export function isHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(parsed.hostname) && parsed.username === "" && parsed.password === "";
  } catch {
    return false;
  }
}

/** local@domain.tld, no spaces, no leading, trailing or doubled dots. */
export function isEmailAddress(email: string): boolean {
  return /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(email);
}
