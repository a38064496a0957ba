import type { Answer } from "./answer.js";
import type { AnswerDependencies } from "./answer-dependencies.js";
import { renderAnswer } from "./render-answer.js";
import { takeTurn } from "./take-turn.js";

export type { AnswerDependencies } from "./answer-dependencies.js";
export { maxQuestionLength } from "./take-turn.js";

/** One message, answered with no conversation: the `ask` contract. */
export async function answerQuestion(question: string, deps: AnswerDependencies): Promise<Answer> {
  return renderAnswer(await takeTurn(question, deps), deps.engine.kind, deps.maxResults);
}
