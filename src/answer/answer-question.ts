import type { Directory } from "../directory/directory.js";
import type { SearchEngine, SearchQuery } from "../search/search-engine.js";
import type { Understander } from "../understanding/create-understander.js";
import type { Understanding } from "../understanding/understand.js";
import type { Answer, AnswerEntities, AnswerResult } from "./answer.js";
import { composeReply } from "./compose-reply.js";
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

const noEntities: AnswerEntities = { areas: [], needs: [], age: null, nhsNumber: null, reference: null, urgency: null, person: null };
const safetyReminder = "If anyone is at risk right now, call 999; for a mental health crisis, NHS 111 option 2.";
const invalidNhsNumberNote = "The NHS number you gave doesn't pass its check digit, so I haven't kept it. Please check it and send it again.";

/**
 * Answers one message: the safety net first, whatever else it asks; then a
 * directory search for find_service, a clarifying question when unsure, or the
 * intent's reply.
 */
export async function answerQuestion(question: string, deps: AnswerDependencies): Promise<Answer> {
  const { directory, engine, understander } = deps;
  if (question.length > maxQuestionLength) {
    const reply = `That message is too long for me (over ${maxQuestionLength} characters). Please describe the person's needs and where they live in a sentence or two.`;
    return { intent: "unknown", confidence: 1, entities: noEntities, results: [], reply, engine: engine.kind };
  }
  const understood = understander.understand(question);
  const entities: AnswerEntities = understood.entities;
  const answer = (reply: string, results: readonly AnswerResult[] = []): Answer => ({
    intent: understood.intent,
    confidence: Math.round(understood.confidence * 100) / 100,
    entities,
    results,
    reply: [understood.safetyReminder ? safetyReminder : "", understood.invalidNhsNumber && understood.intent !== "urgent_help" ? invalidNhsNumberNote : "", reply]
      .filter((line) => line !== "")
      .join("\n"),
    engine: engine.kind,
  });

  if (understood.intent === "urgent_help") return answer(safetyNetReply(understood.risks, understander.reply("urgent_help")));
  if (understood.unsure) return answer(clarifyingQuestion);
  if (understood.intent === "find_service") {
    const results = await findServices(question, understood, deps);
    return answer(composeReply({ ...understood.entities, results }, directory), results);
  }
  return answer(intentReply(understood.intent, question, understander.reply(understood.intent), directory));
}

async function findServices(question: string, understood: Understanding, deps: AnswerDependencies): Promise<AnswerResult[]> {
  const { entities, evidence } = understood;
  const query: SearchQuery = { text: question, needs: entities.needs, areas: entities.areas, age: entities.age, limit: deps.maxResults };
  const hits = await deps.engine.search(query);
  return hits.map((hit) => ({
    id: hit.service.id,
    name: hit.service.name,
    organization: hit.service.organization.name,
    needs: hit.service.needs,
    areas: hit.service.areas,
    why: explainMatch(hit, query, evidence, deps.directory),
    score: hit.score,
    last_verified: hit.service.last_verified,
    how_to_refer: hit.service.how_to_refer,
  }));
}
