/**
 * Signpost's directory must never send anyone to a real number or inbox by
 * mistake: every phone number is in Ofcom's ranges reserved for drama, and
 * every web or email address is at example.org.
 */

const dramaRanges = [/^01164960\d{3}$/, /^01632960\d{3}$/];

/** True for 0116 496 0000-0999 and 01632 960000-960999, in any spacing. */
export function isDramaNumber(phone: string): boolean {
  const digits = phone.replace(/[\s()-]/g, "").replace(/^\+44/, "0");
  return dramaRanges.some((range) => range.test(digits));
}

function isExampleHost(host: string): boolean {
  const lower = host.toLowerCase();
  return lower === "example.org" || lower.endsWith(".example.org");
}

export function isExampleEmail(email: string): boolean {
  const at = email.lastIndexOf("@");
  return at > 0 && isExampleHost(email.slice(at + 1));
}

export function isExampleUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "https:" || parsed.protocol === "http:") && isExampleHost(parsed.hostname);
  } catch {
    return false;
  }
}
