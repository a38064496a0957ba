/**
 * Who is writing is not what the person needs. Staff often begin with their
 * own role or where they help: "Hospice volunteer coordinator - one of our
 * patients...", "Citizens Advice volunteer. Client is 22...", "I volunteer
 * with the mosque welfare team", "I help at the church coffee morning". Read
 * as needs, those words would offer volunteering, a hospice or a faith group
 * to someone who asked for none of them.
 *
 * Finds such preambles as character spans, so that their words are not read
 * as needs. Places in them are still read (where the person lives is decided
 * elsewhere, resolve-residence.ts).
 */
import { cleanText, tokenize } from "../text/normalise-text.js";

const roles =
  "volunteers?|co-?ordinators?|workers?|nurses?|team|officers?|advis[eo]rs?|receptionists?|wardens?|matrons?|managers?|assistants?|welfare|agents?|" +
  "navigators?|lac|sp|link worker|leads?|clerks?|practitioners?|visitors?|physios?|ot|therapists?|paramedics?|pharmacists?|administrators?|admin|students?|" +
  "chaplains?|staff|crew|outreach";

/** A first segment (up to a full stop, colon or dash) that is only a role: "Citizens Advice volunteer.", "School nurse notes -". */
const roleOnly = new RegExp(String.raw`^\s*(?:(?!(?:to|a|an|wants?|needs?|would|likes?|keen|for|no|not|lonely|isolated|being|befriend\w*)\s)[\p{L}&'’-]+\s+){0,4}?(?:${roles})(?:\s+(?:notes?|here|writing|update|again|asking))?\s*(?:[.:;]\s|\s[-–—]\s|\s*\(|\s*\n)|^\s*(?:[\p{L}&'’-]+\s+){0,3}?(?:${roles})\s+here\s*,`, "iu");

/** A sentence saying where the writer helps: "I volunteer with the mosque welfare team in Belgrave." */
const helpsAt = /(?:^|[.!?]\s+)(i(?:'m| am)? (?:an? )?(?:volunteer|volunteering|help|helping|work|working)(?: out)? (?:with|at|for|in|as) [^.!?\n]{0,80}?)(?=[.!?\n]|,\s*(?:and |but )?(?:a|an|one|the|this|we|she|he|they|family|client|lady|man|gentleman)\b|$)/giu;

export interface Span {
  readonly start: number;
  readonly end: number;
  /** Every word is the writer's (a sentence about where they help), not only the volunteering words of a role. */
  readonly whole: boolean;
}

/** Written from a care home ("activity coordinator", "our residents"): the home is the writer's workplace, not a need for care. */
const fromACareHome = /\bactivit(?:y|ies) (?:co-?ordinator|lead|worker|organiser)s?\b|\bi (?:run|do|organise) (?:the )?activities\b|\b(?:care|nursing) home (?:manager|staff|activities)\b|\b(?:our |the )?residents\b/i;
const careHome = /\b(?:care|nursing|residential) homes?\b/gi;

/** "Befriending coordinator. Our volunteer...", "Befriending volunteer visiting Mr S says...": the writer's befriending, not a request for it. */
const befriender = /^\s*(?:our |a )?befriend\w* (?:co-?ordinator|volunteer|service|scheme|team)s?(?:\s*(?:[.:;]|\s[-–—])(?=\s*(?:our|my|i|we|one of)\b)| (?=(?:visiting|who visits|says|said|reports|rang|is worried|has been)\b))/iu;

/** "Our volunteer is worried about Mrs H": the writer's volunteer, not volunteering for the person. */
const ourVolunteer = /\bour (?:\w+ )?volunteers? (?=(?:is|are|was|were|says|said|visits|visiting|rang|reports|reported|has|have|noticed|tells|told)\b)/gi;

/** "LAC Belgrave.", "LAC for Highfields/Spinney Hills.": the coordinator and their patch. */
const coordinatorAndPatch = /^\s*lacs?\b[^.:;\n]{0,40}[.:;\n]/iu;

export function writerPreamble(message: string): Span[] {
  const text = cleanText(message);
  const spans: Span[] = [];
  const lead = roleOnly.exec(text) ?? coordinatorAndPatch.exec(text);
  if (lead) spans.push({ start: 0, end: lead[0].length, whole: false });
  const befriending = lead ? null : befriender.exec(text);
  if (befriending) spans.push({ start: 0, end: befriending[0].length, whole: true });
  for (const match of text.matchAll(helpsAt)) {
    const said = match[1] ?? "";
    const start = (match.index ?? 0) + match[0].length - said.length;
    spans.push({ start, end: start + said.length, whole: true });
  }
  for (const ours of text.matchAll(ourVolunteer)) spans.push({ start: ours.index, end: ours.index + ours[0].length, whole: true });
  if (fromACareHome.test(text)) for (const home of text.matchAll(careHome)) spans.push({ start: home.index, end: home.index + home[0].length, whole: true });
  return spans.sort((a, b) => a.start - b.start);
}

/** The message without its preambles (for reading what is asked). */
export function withoutPreamble(message: string): string {
  const text = cleanText(message);
  let out = "";
  let at = 0;
  for (const span of writerPreamble(text)) {
    if (span.start < at) continue; // inside a span already cut
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

/** The writer's own volunteering or coordinating ("LAC here"): never the person's need. */
const volunteerWord = /^(?:volunteer\w*|co-?ordinators?|coordinator|lac|lacs)$/;

/**
 * Indexes of the tokens (tokenize()) not to read as needs: every word of a sentence saying where the
 * writer helps, and the volunteering words of a role at the start. The rest of a role still tells the
 * context ("Hospice family support worker", "School nurse" say who the person is).
 */
export function preambleTokens(message: string): Set<number> {
  const text = cleanText(message);
  const inside = new Set<number>();
  for (const span of writerPreamble(text)) {
    const from = tokenize(text.slice(0, span.start)).length;
    const words = tokenize(text.slice(span.start, span.end));
    words.forEach((word, i) => {
      if (span.whole || volunteerWord.test(word)) inside.add(from + i);
    });
  }
  return inside;
}
