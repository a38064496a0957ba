/**
 * Is the question a message asks only about a need the directory does not
 * cover? "90 yr old gent, cant reach his feet, not diabetic. Does anyone do
 * toenail cutting at home??" asks for toenail cutting: the diabetes and the
 * feet are the story, not the request, and answering them with the nearest
 * service dresses a gap up as a match. Then the needs told in the story are
 * not searched for, and Signpost says plainly that the directory has nothing
 * for what was asked (and names the front door).
 *
 * A question is a sentence that ends in "?" or starts as a request ("is
 * there", "does anyone", "any"); one that points back ("anyone who can help
 * with that?") is read with the sentence before it. It counts only when a question names a need
 * that is not listed, and neither a question nor a sentence saying what is
 * wanted ("wants a strength and balance class", "keen on seated exercise")
 * names a need that is.
 */
import type { Taxonomy } from "../directory/taxonomy.js";
import { cleanText, tokenize } from "../text/normalise-text.js";
import { sentencesOf } from "./clauses.js";

const question = /\?\s*$|^(?:is there|are there|does anyone|does any ?body|do you know|do we know|does the council|can (?:anyone|anybody|someone|you|we)|who (?:does|do|can|could)|where can|any(?:one|body)? |looking for|need(?:s)? (?:a|an|some|her|his|their)\b)|\basking (?:if|whether|for|about)\b|\bwho (?:to|do (?:i|we)) (?:call|ring|contact|phone|ask)\b/;
/** "Can't afford pest control": the cost of what is asked for, not a money need of its own. */
const costOnly = /\b(?:afford|cheap|free|cost)\b/;
/** A question that points back at the sentence before: "help with that?", "who can do this?". */
const pointsBack = /\b(?:with|for|about|do|sort|arrange) (?:that|this|it)\s*\??\s*$/;
const wants = /\b(?:wants?|would (?:like|love)|(?:she|he|they)'?d (?:like|love)|keen (?:on|to)|interested in|looking for|needs? help)\b/;

export function askedOnlyForUnlisted(message: string, taxonomy: Taxonomy): boolean {
  let unlisted = false;
  const sentences = sentencesOf(cleanText(message));
  for (const [at, sentence] of sentences.entries()) {
    const asks = question.test(sentence.text);
    if (!asks && !wants.test(sentence.text)) continue;
    // "Anyone who can help with that?": the sentence before says what "that" is (its other words are the story).
    const before = asks && pointsBack.test(sentence.text) ? tokenize(sentences[at - 1]?.text ?? "") : [];
    const tokens = tokenize(sentence.text);
    const claimed = new Set<number>();
    const unlistedHere = taxonomy.notListedMatcher.matchExact(tokens, claimed).length > 0 || taxonomy.notListedMatcher.matchExact(before, new Set()).length > 0;
    if (unlistedHere && asks) unlisted = true;
    const listed = [...taxonomy.matcher.matchExact(tokens, claimed), ...taxonomy.matcher.matchFuzzy(tokens, claimed)].filter(
      (match) => !taxonomy.isCircumstance(match.term) && !(unlistedHere && costOnly.test(match.term)),
    );
    if (listed.length > 0) return false;
  }
  return unlisted;
}
