import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./run-process.js";

/**
 * The privacy scan (issue 19): looks for synthetic personal details (names, NHS numbers, phone
 * numbers) in text a server wrote or sent, in the ways they may be written (an NHS number or a
 * phone with or without its spaces). Counts every occurrence: the campaign's leaks.
 */
export interface Leak {
  readonly secret: string;
  readonly where: string;
  readonly count: number;
}

/** The spellings of one detail to look for: as given, and with spaces and dashes removed when it is a number. */
function spellings(secret: string): string[] {
  const digits = secret.replace(/[\s-]/g, "");
  return /^\+?\d+$/.test(digits) && digits !== secret ? [secret, digits] : [secret];
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

export function findLeaks(texts: Readonly<Record<string, string>>, secrets: Iterable<string>): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of new Set(secrets)) {
    for (const spelling of spellings(secret)) {
      for (const [where, text] of Object.entries(texts)) {
        const count = occurrences(text, spelling);
        if (count > 0) leaks.push({ secret: spelling, where, count });
      }
    }
  }
  return leaks;
}

export const leakCount = (leaks: readonly Leak[]): number => leaks.reduce((sum, leak) => sum + leak.count, 0);

let directoryText: string | undefined;

/** True when the directory itself mentions the text (its services use the same drama-range phone numbers), so it is no campaign secret. */
function inDirectory(text: string): boolean {
  directoryText ??= readdirSync(path.join(projectRoot, "directory"), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => readFileSync(path.join(projectRoot, "directory", file), "utf8"))
    .join("\n");
  return directoryText.includes(text);
}

/**
 * The n-th synthetic phone number of Ofcom's drama ranges (0116 496 0xxx, then 07700 900xxx),
 * skipping those the directory's own services use, so finding one in a log is the person's.
 */
export function syntheticPhones(count: number): string[] {
  const phones: string[] = [];
  for (let n = 0; phones.length < count; n++) {
    const block = n % 2000;
    const phone = block < 1000 ? `0116 496 0${String(block).padStart(3, "0")}` : `07700 900${String(block - 1000).padStart(3, "0")}`;
    if (!inDirectory(phone)) phones.push(phone);
    if (n > 4000) break;
  }
  return phones;
}
