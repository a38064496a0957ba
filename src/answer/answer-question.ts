import type { Directory } from "../directory/directory.js";
import type { AreaId, NeedId } from "../directory/ids.js";
import type { SearchEngine, SearchQuery } from "../search/search-engine.js";
import type { Understander } from "../understanding/create-understander.js";
import type { Understanding } from "../understanding/understand.js";
import type { Answer, AnswerEntities, AnswerResult } from "./answer.js";
import { composeReplyParts, type ReplyParts } from "./compose-reply.js";
import { explainMatch } from "./explain-match.js";
import { clarifyingQuestion, intentReply } from "./intent-replies.js";
import { safetyNetReply } from "./safety-net-reply.js";

export interface AnswerDependencies {
  readonly directory: Directory;
  readonly engine: SearchEngine;
  readonly understander: Understander;
  readonly maxResults: number;
}

/** Longest message we process; longer ones are refused, not cut. */
export const maxQuestionLength = 2000;

/** The search a conversation ran last: follow-ups may carry its needs or its areas over. */
export interface PreviousSearch {
  readonly text: string;
  readonly needs: readonly NeedId[];
  readonly areas: readonly AreaId[];
  readonly age: number | null;
}

/** An answer, plus what a conversation needs to remember and show. */
export interface Responded {
  readonly answer: Answer;
  /** The search that was run, when one was. */
  readonly search?: PreviousSearch & { readonly carried: "needs" | "areas" | null };
  /** For find_service: the reply split so that channels with cards can leave out the list. */
  readonly parts?: ReplyParts;
  readonly risks: readonly string[];
}

export interface RespondOptions {
  /** How many results to fetch (a conversation fetches more than it shows, for "show more"). */
  readonly limit?: number;
  readonly previous?: PreviousSearch;
}

const noEntities: AnswerEntities = { areas: [], needs: [], age: null, nhsNumber: null, reference: null, urgency: null, person: null };
const safetyReminder = "If anyone is at risk right now, call 999; for a mental health crisis, NHS 111 option 2.";
const invalidNhsNumberNote = "The NHS number you gave doesn't pass its check digit, so I haven't kept it. Please check it and send it again.";

/** One message, answered with no conversation: the `ask` contract. */
export async function answerQuestion(question: string, deps: AnswerDependencies): Promise<Answer> {
  return (await respond(question, deps)).answer;
}

/**
 * Answers one message: the safety net first, whatever else it asks; then a
 * directory search for find_service (carrying over the previous search's needs
 * or areas when the message gives only the other), a clarifying question when
 * unsure, or the intent's reply.
 */
export async function respond(question: string, deps: AnswerDependencies, options: RespondOptions = {}): Promise<Responded> {
  const { directory, engine, understander } = deps;
  if (question.length > maxQuestionLength) {
    const reply = `That message is too long for me (over ${maxQuestionLength} characters). Please describe the person's needs and where they live in a sentence or two.`;
    return { answer: { intent: "unknown", confidence: 1, entities: noEntities, results: [], reply, engine: engine.kind }, risks: [] };
  }
  const understood = understander.understand(question);
  const search = inContext(question, understood, options.previous);
  const intent = search ? "find_service" : understood.intent;
  const entities: AnswerEntities = search ? { ...understood.entities, needs: [...search.needs], areas: [...search.areas], age: search.age } : understood.entities;
  const answer = (reply: string, results: readonly AnswerResult[] = []): Answer => ({
    intent,
    confidence: Math.round(understood.confidence * 100) / 100,
    entities,
    results,
    reply: [understood.safetyReminder ? safetyReminder : "", understood.invalidNhsNumber && intent !== "urgent_help" ? invalidNhsNumberNote : "", reply]
      .filter((line) => line !== "")
      .join("\n"),
    engine: engine.kind,
  });

  if (intent === "urgent_help") {
    return { answer: answer(safetyNetReply(understood.risks, understander.reply("urgent_help"))), risks: understood.risks };
  }
  if (search) {
    const results = await findServices(search, understood, deps, options.limit ?? deps.maxResults);
    const shown = results.slice(0, deps.maxResults);
    const parts = composeReplyParts({ ...entities, results: shown }, directory);
    const carried = describeCarried(search, directory);
    const withCarried = carried ? { ...parts, intro: `${carried} ${parts.intro}` } : parts;
    return {
      answer: answer([withCarried.intro, ...withCarried.listing, ...withCarried.closing].join("\n"), results),
      search,
      parts: withCarried,
      risks: [],
    };
  }
  if (understood.unsure) return { answer: answer(clarifyingQuestion), risks: [] };
  return { answer: answer(intentReply(understood.intent as Exclude<typeof intent, "find_service" | "urgent_help">, question, understander.reply(understood.intent), directory)), risks: [] };
}

/**
 * The search to run, if this message asks for one. With a previous search, a
 * message naming only a place ("only in Blaby") keeps its needs and age; a
 * message naming only needs ("what about for his wife, she's his carer?")
 * keeps its areas but not the age, which belonged to someone else.
 */
function inContext(question: string, understood: Understanding, previous: PreviousSearch | undefined): Responded["search"] {
  const { needs, areas, age } = understood.entities;
  if (understood.intent === "urgent_help") return undefined;
  const searchLike = understood.intent === "find_service" || understood.intent === "unknown" || understood.unsure;
  if (previous && searchLike && needs.length === 0 && areas.length > 0) {
    return { text: `${previous.text} ${question}`, needs: previous.needs, areas, age: age ?? previous.age, carried: "needs" };
  }
  if (understood.intent !== "find_service" || understood.unsure) return undefined;
  if (previous && needs.length > 0 && areas.length === 0 && previous.areas.length > 0) {
    return { text: question, needs, areas: previous.areas, age, carried: "areas" };
  }
  return { text: question, needs, areas, age, carried: null };
}

function describeCarried(search: NonNullable<Responded["search"]>, directory: Directory): string | undefined {
  const names = (ids: readonly AreaId[]) => ids.map((id) => directory.gazetteer.name(id)).join(", ");
  if (search.carried === "areas") return `Still looking in ${names(search.areas)}, as before.`;
  if (search.carried === "needs" && search.needs.length > 0) return `Same needs as before, now in ${names(search.areas)}.`;
  return undefined;
}

/** Runs a remembered search again (for "show more" and "narrow to an area"), with its explanations. */
export function runSearch(search: PreviousSearch, deps: AnswerDependencies, limit: number): Promise<AnswerResult[]> {
  return findServices(search, deps.understander.understand(search.text), deps, limit);
}

async function findServices(search: PreviousSearch, understood: Understanding, deps: AnswerDependencies, limit: number): Promise<AnswerResult[]> {
  const query: SearchQuery = { text: search.text, needs: search.needs, areas: search.areas, age: search.age, limit };
  const hits = await deps.engine.search(query);
  return hits.map((hit) => ({
    id: hit.service.id,
    name: hit.service.name,
    organization: hit.service.organization.name,
    needs: hit.service.needs,
    areas: hit.service.areas,
    why: explainMatch(hit, query, understood.evidence, deps.directory),
    score: hit.score,
    last_verified: hit.service.last_verified,
    how_to_refer: hit.service.how_to_refer,
  }));
}
