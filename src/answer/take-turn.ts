import type { AreaId, NeedId } from "../directory/ids.js";
import type { SearchHit, SearchQuery } from "../search/search-engine.js";
import { cleanText, tokenize } from "../text/normalise-text.js";
import { askedNeeds } from "../understanding/asked-needs.js";
import { detectFollowUp } from "../understanding/detect-follow-up.js";
import type { Understanding } from "../understanding/understand.js";
import type { AnswerDependencies } from "./answer-dependencies.js";
import { composeReplyParts } from "./compose-reply.js";
import { explainMatch } from "./explain-match.js";
import { clarifyingQuestion, clinicalRefusal, intentReply, noListYet } from "./intent-replies.js";
import type { PreviousSearch } from "./previous-search.js";
import { abuseOver, concernReply, domesticAbuseLine, emergencyReply } from "./safety-lines.js";
import type { Turn, TurnResult, TurnSearch } from "./turn.js";

/** Longest message we process; longer ones are refused, not cut. */
export const maxQuestionLength = 2000;

export interface TurnOptions {
  /** How many results to keep (a conversation keeps more than it shows, for "show more"). */
  readonly limit?: number;
  /** The conversation's last search, for follow-ups that carry its needs or places. */
  readonly previous?: PreviousSearch;
  /** The message already understood by the caller, so it is understood once. */
  readonly understood?: Understanding;
}

const clinicalDecline = "I can't give clinical advice, so I haven't answered the clinical question: please ask the person's GP, practice nurse or pharmacist, or NHS 111.";
const invalidNhsNumberNote = "The NHS number you gave doesn't pass its check digit, so I haven't kept it. Please check it and send it again.";

/**
 * Answers one message, once: the safety net first, whatever else it asks; a
 * concern's line (or, for domestic abuse asked about, a line anyway); a
 * clinical question declined out loud; a follow-up with nothing to follow
 * explained; then a directory search for find_service (carrying over the
 * previous search's needs or places when the message is a short follow-up),
 * a clarifying question when unsure, or the intent's reply.
 */
export async function takeTurn(question: string, deps: AnswerDependencies, options: TurnOptions = {}): Promise<Turn> {
  if (question.length > maxQuestionLength) {
    const reply = `That message is too long for me (over ${maxQuestionLength} characters). Please describe the person's needs and where they live in a sentence or two.`;
    const understood = deps.understander.understand("");
    return { understood, intent: "unknown", entities: understood.entities, notes: [], reply, urgent: false };
  }
  const understood = options.understood ?? deps.understander.understand(question);
  const base = { understood, entities: understood.entities };
  if (understood.intent === "urgent_help") {
    return { ...base, intent: "urgent_help", notes: [], reply: emergencyReply(understood.risks, deps.understander.reply("urgent_help")), urgent: true };
  }
  const notes = [
    ...concernNotes(question, understood),
    ...(understood.clinical && !understood.clinical.alone ? [clinicalDecline] : []),
    ...(understood.invalidNhsNumber ? [invalidNhsNumberNote] : []),
  ];
  if (understood.clinical?.alone) return { ...base, intent: "unknown", notes, reply: clinicalRefusal, urgent: false };
  if (!options.previous && detectFollowUp(question) && understood.entities.needs.length === 0) {
    return { ...base, intent: "help", notes, reply: noListYet, urgent: false };
  }
  const asked = searchFor(question, understood, options.previous);
  if (asked) {
    const search = await runTurnSearch(asked.query, deps, options.limit ?? deps.maxResults, asked.carried, understood.entities.notListed);
    const entities = { ...understood.entities, needs: [...asked.query.needs], areas: [...asked.query.areas], age: asked.query.age };
    return { ...base, entities, intent: "find_service", notes, search, urgent: false };
  }
  if (understood.unsure) return { ...base, intent: understood.intent, notes, reply: clarifyingQuestion, urgent: false };
  const intent = understood.intent as Exclude<typeof understood.intent, "find_service" | "urgent_help">;
  return { ...base, intent, notes, reply: intentReply(intent, question, deps.understander.reply(intent), deps.directory), urgent: false };
}

/** A concern's line; or, for domestic abuse asked about and not said to be over, a line anyway. */
function concernNotes(question: string, understood: Understanding): string[] {
  if (understood.concern) return [concernReply(understood.concern.kinds)];
  const abuseAsked = understood.entities.needs.includes("domestic-abuse") && !abuseOver.test(cleanText(question).toLowerCase());
  return abuseAsked ? [domesticAbuseLine] : [];
}

/** Runs a search (a new one, or a remembered one again) and words its reply. */
export async function runTurnSearch(query: PreviousSearch, deps: AnswerDependencies, limit: number, carried: TurnSearch["carried"] = null, notListed: readonly string[] = []): Promise<TurnSearch> {
  const results = query.needs.length > 0 ? await findServices(query, deps, limit) : [];
  const nothingFor = await needsWithNothing(query, results, deps);
  const parts = composeReplyParts({ needs: query.needs, notListed, areas: query.areas, age: query.age, results: results.slice(0, deps.maxResults), nothingFor }, deps.directory);
  const note = describeCarried(query, carried, deps);
  return { query, carried, results, parts: note ? { ...parts, intro: `${note} ${parts.intro}` } : parts };
}

/** A follow-up is short, or starts as one does; anything else is a new search. */
const followUpStart = /^\s*(?:only|just|what about|how about|and|also|or|try|instead|same|now|but|ok|okay|any)\b/i;
function isShortFollowUp(question: string): boolean {
  return question.trim().split(/\s+/).length <= 8 || followUpStart.test(question);
}

/** Words that say nothing but "the same, somewhere else": "only in Blaby", "what about Melton instead?". */
const placeOnlyWords = new Set(["only", "just", "in", "at", "what", "about", "how", "and", "also", "or", "try", "instead", "same", "now", "but", "ok", "okay", "any", "the", "there", "near", "around", "please", "pls", "for", "them", "him", "her", "then", "again", "round", "area", "somewhere", "else", "anything"]);
function isPlaceOnly(understood: Understanding, question: string): boolean {
  const placeWords = new Set(understood.evidence.places.flatMap((place) => place.written.split(" ")));
  return tokenize(question).every((word) => placeWords.has(word) || placeOnlyWords.has(word));
}

/**
 * The search to run, if this message asks for one. With a previous search, a
 * short message naming only a place ("only in Blaby") keeps its needs and age;
 * one naming only needs ("what about for his wife, she's his carer?") keeps its
 * places but not the age, which belonged to someone else. A longer message is
 * a new search, whatever it names.
 */
function searchFor(question: string, understood: Understanding, previous: PreviousSearch | undefined): { query: PreviousSearch; carried: TurnSearch["carried"] } | undefined {
  const { needs, areas, age } = understood.entities;
  const evidence = understood.evidence;
  const followUp = previous !== undefined && isShortFollowUp(question);
  const searchLike = understood.intent === "find_service" || understood.intent === "unknown" || understood.unsure || isPlaceOnly(understood, question);
  if (previous && followUp && searchLike && needs.length === 0 && areas.length > 0) {
    return { query: { text: `${previous.text} ${question}`, needs: previous.needs, areas, age: age ?? previous.age, evidence: { needs: previous.evidence.needs, places: evidence.places } }, carried: "needs" };
  }
  if (understood.intent !== "find_service" || understood.unsure) return undefined;
  if (previous && followUp && needs.length > 0 && areas.length === 0 && previous.areas.length > 0) {
    return { query: { text: question, needs, areas: previous.areas, age, evidence: { needs: evidence.needs, places: previous.evidence.places } }, carried: "areas" };
  }
  return { query: { text: question, needs, areas, age, evidence }, carried: null };
}

function describeCarried(query: PreviousSearch, carried: TurnSearch["carried"], deps: AnswerDependencies): string | undefined {
  const names = (ids: readonly AreaId[]) => ids.map((id) => deps.directory.gazetteer.name(id)).join(", ");
  if (carried === "areas") return `Still looking in ${names(query.areas)}, as before.`;
  if (carried === "needs" && query.needs.length > 0) return `Same needs as before, now in ${names(query.areas)}.`;
  return undefined;
}

/**
 * The needs asked for that no service meets for the person (their areas, their age), when
 * something was found for the others: each need the results do not meet is looked for on
 * its own, by its id only, so a need that merely ranked below the rest is not called missing.
 * With no results at all the reply already says there is nothing.
 */
async function needsWithNothing(query: PreviousSearch, results: readonly TurnResult[], deps: AnswerDependencies): Promise<NeedId[]> {
  if (results.length === 0) return [];
  const unmet = query.needs.filter((need) => !results.some((result) => result.needs.includes(need)));
  const found = await Promise.all(unmet.map((need) => deps.engine.search({ text: "", needs: [need], areas: query.areas, age: query.age, limit: 1 })));
  return unmet.filter((_, index) => found[index]!.length === 0);
}

/**
 * The services for a search. When a longer message asks for some of its needs and only mentions
 * the others ("Wife died in March, he was her carer. Would a Men's Shed suit? And any bereavement
 * support?"), the best-ranked service for each need asked comes first, then the rest of the ranking.
 */
async function findServices(search: PreviousSearch, deps: AnswerDependencies, limit: number): Promise<TurnResult[]> {
  const query: SearchQuery = { text: search.text, needs: search.needs, areas: search.areas, age: search.age, limit };
  const asked = askedNeeds(search.text, search.needs, search.evidence);
  const [first, all] = await Promise.all([asked.length > 0 ? deps.engine.search({ ...query, needs: asked }) : [], deps.engine.search(query)]);
  // One service for each need asked, the best-ranked that meets it, then the ranking as it was.
  const promoted: SearchHit[] = [];
  for (const need of asked) {
    if (promoted.some((top) => top.service.needs.includes(need))) continue;
    const pick = [...all, ...first].find((hit) => hit.service.needs.includes(need) && !promoted.some((top) => top.service.id === hit.service.id));
    if (pick) promoted.push(pick);
  }
  const hits = [...promoted, ...all.filter((hit) => !promoted.some((top) => top.service.id === hit.service.id))].slice(0, limit);
  return hits.map((hit) => ({
    id: hit.service.id,
    name: hit.service.name,
    organization: hit.service.organization.name,
    needs: hit.service.needs,
    areas: hit.service.areas,
    why: explainMatch(hit, query, search.evidence, deps.directory),
    score: hit.score,
    last_verified: hit.service.last_verified,
    how_to_refer: hit.service.how_to_refer,
    service: hit.service,
  }));
}
