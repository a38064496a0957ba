import type { NeedId } from "../directory/ids.js";
import { tokenize } from "../text/normalise-text.js";
import { sentencesOf } from "./clauses.js";
import type { Evidence } from "./extract-entities.js";

/**
 * A sentence that asks for something: a question, "any...", "would like", "needs help with",
 * "looking for", "is there", "what's available", "please". In a case note the other sentences
 * describe the person (history, medicines, who visits), and the needs they mention are context.
 */
const request =
  /\?|\b(?:any|anything|anyone|anybody|is there|are there|would (?:a|an|like|love|benefit|welcome|appreciate)|(?:'d|would) (?:really |so )?(?:like|love|welcome|appreciate|benefit)|wants?|wanting|would like|keen (?:for|to|on)|interested in|needs? (?:help|support|a|an|some|someone|more|his|her|their)|looking for|help (?:with|to|getting)|support (?:with|for)|refer(?:ral)? (?:to|for)|what(?:'s| is) (?:available|out there|on offer|there|around)|can (?:you|anyone|someone|somebody)|please|pls|asking (?:for|about)|requests?|plan)\b/;

/**
 * The needs a message asks for, as against those it only mentions: the needs whose words stand in a
 * sentence that asks for something. Empty when the message asks in no sentence of its own (a bare
 * "lonely widower, Loughborough") or when every need is asked for; then all needs count alike.
 */
export function askedNeeds(text: string, needs: readonly NeedId[], evidence: Evidence): NeedId[] {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return [];
  const asking = sentences.filter((sentence) => request.test(sentence.text)).map((sentence) => ` ${tokenize(sentence.text).join(" ")} `);
  if (asking.length === 0 || asking.length === sentences.length) return [];
  // A need read from the whole message rather than from words (a disclosure of domestic abuse) counts as asked.
  const wordsOf = (need: NeedId) => evidence.needs.filter((e) => e.need === need);
  const asked = needs.filter((need) => wordsOf(need).length === 0 || wordsOf(need).some((e) => asking.some((sentence) => sentence.includes(` ${e.written} `))));
  return asked.length < needs.length ? asked : [];
}
