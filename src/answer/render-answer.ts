import type { Answer, AnswerEntities } from "./answer.js";
import { closingWithFrontDoor } from "./compose-reply.js";
import type { Turn } from "./turn.js";

/**
 * A turn as the `ask --json` answer: the reply as one text (notes first, then
 * the search's intro, numbered list and closing lines, or the intent's reply),
 * and the results shown, without the directory records behind them.
 */
export function renderAnswer(turn: Turn, engine: Answer["engine"], shown: number): Answer {
  const body = turn.search ? [turn.search.parts.intro, ...turn.search.parts.listing, ...closingWithFrontDoor(turn.search.parts)] : [turn.reply ?? ""];
  return {
    intent: turn.intent,
    confidence: Math.round(turn.understood.confidence * 100) / 100,
    entities: contractEntities(turn.entities),
    results: (turn.search?.results ?? []).slice(0, shown).map(({ service: _service, ...result }) => result),
    reply: [...turn.notes, ...body].filter((line) => line !== "").join("\n"),
    engine,
  };
}

/** Exactly the entities the `ask --json` contract names, whatever else understanding found. */
function contractEntities(entities: AnswerEntities): AnswerEntities {
  const { areas, needs, age, nhsNumber, reference, urgency, person } = entities;
  return { areas, needs, age, nhsNumber, reference, urgency, person };
}
