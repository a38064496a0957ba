import { cleanText } from "../text/normalise-text.js";

/**
 * The person a referral is for, as the referrer wrote them: "Mrs P", "Mr Bhatt",
 * "JS", "J.S.". Only titles with a name or initial, or capital initials after
 * "refer"/"for", count; the many abbreviations staff use (FC, DFG, OT, COPD)
 * are never taken for initials. Personal data: never logged.
 */
const titled = /\b([Mm]rs|[Mm]r|[Mm]s|[Mm]iss|[Mm]x|[Dd]r)\.?\s+([A-Z][a-zA-Z'-]*\.?)(?:\s+([A-Z][a-zA-Z'-]+))?/;
const initials = /\b(?:refer(?:ral)?(?: for)?|for|re)\s+([A-Z]\.?\s?[A-Z]\.?(?:\s?[A-Z]\.?)?)(?=[\s,.;:!?]|$)/;
const notInitials = new Set(["FC", "DFG", "OT", "LD", "MH", "SP", "LAC", "MDT", "DN", "GP", "ASC", "NHS", "COPD", "PIP", "UC", "AA", "ESA", "SMI", "ASD", "TEC", "NOK", "SU", "PT", "HB", "CT", "DV", "SI", "SH", "OD"]);

export function extractPerson(text: string): string | null {
  const clean = cleanText(text);
  const title = titled.exec(clean);
  if (title) {
    const honorific = title[1]!.charAt(0).toUpperCase() + title[1]!.slice(1).toLowerCase();
    return [honorific, title[2], title[3]].filter(Boolean).join(" ").replace(/\.$/, "");
  }
  const initial = initials.exec(clean);
  if (initial) {
    const letters = initial[1]!.replace(/[.\s]/g, "");
    if (!notInitials.has(letters)) return initial[1]!.trim();
  }
  return null;
}
