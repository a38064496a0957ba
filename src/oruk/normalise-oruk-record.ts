/**
 * Tidies one feed record before it is checked, the way a person fixing it by
 * hand would, so formatting never costs a service: every string trimmed and
 * cleared of zero-width and direction-control characters; an empty string is an absent field (and a
 * list entry left with nothing but ids is dropped); HTML in free text becomes
 * plain text; a bare domain gets https:// and http:// becomes https://; an
 * email loses `mailto:`, surrounding spaces and stray dots; an age or amount
 * written as digits becomes a number; a status loses its capitals. Nothing is
 * guessed: what is still wrong after this is left for the schema to report.
 * Each kind of fix is noted (field and kind, never the value) for the report.
 */
import { withoutInvisible } from "../text/normalise-text.js";
import { plainText } from "./oruk-plain-text.js";

export interface NormaliseFix {
  /** The field, with list positions removed: `email`, `contacts.phones.number`. */
  readonly field: string;
  readonly what: string;
}

export const fixKinds = {
  zeroWidth: "zero-width characters removed",
  trimmed: "spaces trimmed",
  empty: "empty text taken as absent",
  emptyEntry: "empty list entry removed",
  html: "HTML turned into plain text",
  bareDomain: "https:// added to a bare domain",
  http: "http:// changed to https://",
  email: "email tidied (spaces, stray dots or mailto: removed)",
  number: "number written as text read as a number",
  status: "status written in capitals read in lower case",
  quotes: "quotes around a phone number removed",
} as const;

const freeText = new Set(["description", "eligibility_description", "application_process", "fees", "fees_description", "amount_description", "notes", "alert", "name", "title"]);
const webKeys = new Set(["url", "website"]);
const numberKeys = new Set(["minimum_age", "maximum_age", "amount"]);
const bareDomain = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;
const idOnly = (key: string) => key === "id" || key.endsWith("_id");

function tidyEmail(email: string): string {
  return email.replace(/^mailto:/i, "").replace(/^[\s<.,;:]+|[\s>.,;:]+$/g, "");
}

function tidyWebAddress(url: string, note: (what: string) => void): string {
  if (/^http:\/\//i.test(url)) {
    note(fixKinds.http);
    return `https://${url.slice("http://".length)}`;
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.includes("@") && bareDomain.test(url)) {
    note(fixKinds.bareDomain);
    return `https://${url}`;
  }
  return url;
}

function normaliseString(raw: string, key: string, note: (what: string) => void): string | undefined {
  let text = withoutInvisible(raw);
  if (text !== raw) note(fixKinds.zeroWidth);
  const trimmed = text.replace(/\u00a0/g, " ").trim();
  if (trimmed !== "" && trimmed !== text) note(fixKinds.trimmed);
  text = trimmed;
  if (freeText.has(key)) {
    const plain = plainText(text);
    if (plain !== text && plain.replace(/\s+/g, " ") !== text.replace(/\s+/g, " ")) note(fixKinds.html);
    text = plain;
  }
  if (text !== "" && key === "email") {
    const tidied = tidyEmail(text);
    if (tidied !== text) note(fixKinds.email);
    text = tidied;
  }
  if (text !== "" && webKeys.has(key)) text = tidyWebAddress(text, note);
  if (key === "number" && /^["']|["']$/.test(text)) {
    note(fixKinds.quotes);
    text = text.replace(/^["'\s]+|["'\s]+$/g, "");
  }
  if (text !== "" && key === "status" && text !== text.toLowerCase()) {
    note(fixKinds.status);
    text = text.toLowerCase();
  }
  if (text === "") {
    note(fixKinds.empty);
    return undefined;
  }
  return text;
}

function walk(value: unknown, key: string, path: string, fixes: NormaliseFix[]): unknown {
  const note = (what: string) => fixes.push({ field: path, what });
  if (typeof value === "string") {
    const text = normaliseString(value, key, note);
    if (text !== undefined && numberKeys.has(key) && /^\d+(\.\d+)?$/.test(text)) {
      note(fixKinds.number);
      return Number(text);
    }
    return text;
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value as unknown[]) {
      const tidied = walk(item, key, path, fixes);
      if (tidied === undefined) continue;
      if (typeof tidied === "object" && tidied !== null && !Array.isArray(tidied) && Object.keys(tidied).every(idOnly)) {
        if (typeof item === "object" && item !== null && Object.keys(item).some((k) => !idOnly(k))) note(fixKinds.emptyEntry);
        continue;
      }
      items.push(tidied);
    }
    return items;
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(value)) {
      const tidied = walk(inner, field, path === "" ? field : `${path}.${field}`, fixes);
      if (tidied !== undefined) out[field] = tidied;
    }
    return out;
  }
  return value;
}

/** The record tidied, and what was done to it (one entry per field and kind). */
export function normaliseOrukRecord(value: unknown): { value: unknown; fixes: NormaliseFix[] } {
  const fixes: NormaliseFix[] = [];
  const tidied = walk(value, "", "", fixes);
  const seen = new Set<string>();
  const unique = fixes.filter((fix) => {
    const key = `${fix.field}\u0000${fix.what}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { value: tidied, fixes: unique };
}
