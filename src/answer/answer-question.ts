import type { Directory } from "../directory/directory.js";
import type { SearchEngine, SearchQuery } from "../search/search-engine.js";
import { extractEntities } from "../understanding/extract-entities.js";
import type { Answer } from "./answer.js";
import { composeReply } from "./compose-reply.js";
import { explainMatch } from "./explain-match.js";

export interface AnswerDependencies {
  readonly directory: Directory;
  readonly engine: SearchEngine;
  readonly maxResults: number;
}

/** Longest question we process; longer ones are refused, not cut. */
export const maxQuestionLength = 2000;

/**
 * "What is there for this person, here?": understand the question, search with
 * the needs, areas and age as filters, and explain each result.
 */
export async function answerQuestion(question: string, deps: AnswerDependencies): Promise<Answer> {
  const { directory, engine } = deps;
  if (question.length > maxQuestionLength) {
    return {
      intent: "find_service",
      entities: { areas: [], needs: [], age: null },
      results: [],
      reply: `That message is too long for me (over ${maxQuestionLength} characters). Please describe the person's needs and where they live in a sentence or two.`,
      engine: engine.kind,
    };
  }
  const { entities, evidence } = extractEntities(question, directory);
  const query: SearchQuery = {
    text: question,
    needs: entities.needs,
    areas: entities.areas,
    age: entities.age,
    limit: deps.maxResults,
  };
  const hits = await engine.search(query);
  const results = hits.map((hit) => ({
    id: hit.service.id,
    name: hit.service.name,
    organization: hit.service.organization.name,
    needs: hit.service.needs,
    areas: hit.service.areas,
    why: explainMatch(hit, query, evidence, directory),
    score: hit.score,
    last_verified: hit.service.last_verified,
    how_to_refer: hit.service.how_to_refer,
  }));
  return {
    intent: "find_service",
    entities,
    results,
    reply: composeReply({ ...entities, results }, directory),
    engine: engine.kind,
  };
}
