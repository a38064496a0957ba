import type { NeedId } from "../../src/directory/ids.js";

/**
 * The blind rounds written before the grouped taxonomy (issue 15) label needs the taxonomy then
 * lacked as `outside: ["plain words"]`. Many of those are needs now, and Signpost rightly finds
 * them ("bereavement support" is `bereavement`). This table says which: the scorer counts such a
 * label as the need it names (expected, to be found and served), and a label that names no need
 * stays outside (success there is still offering no service as a match).
 *
 * Built from the `outside:` strings of rounds 1-5 only (`npx tsx scripts/list-outside-labels.ts`
 * prints them with what each now counts as), matched on words, not on whole labels, so that a
 * new round's wording of the same need is read the same way. Reviewed by hand; see the decisions
 * beside `stillOutside`.
 */

/**
 * Labels that name no need even though a word below would match: checked first.
 * - Help with the garden ("gardening help", "help with the garden") is upkeep of someone's own
 *   garden; `nature-and-gardening` is gardening with others for wellbeing, so it is not that.
 * - Abuse by anyone but a partner or family (elder abuse, financial abuse, scams) is a safeguarding
 *   matter for the safety net and adult social care; only domestic abuse is a need.
 * - Childcare places and NHS dentistry are still `not_listed` in directory/needs.yaml.
 */
const stillOutside: readonly RegExp[] = [
  /\bgardening help\b|\bhelp (?:with|in) the garden\b|\bgarden (?:maintenance|upkeep|tidy)/,
  /\b(?:elder|financial|economic) abuse\b|\bscams?\b/,
  /\bchildcare\b|\bnursery place/,
  /\bdent(?:ist|al)\b/,
];

/** Words that name a need, in any label not ruled out above. A label may name more than one. */
const namesNeed: readonly (readonly [RegExp, NeedId])[] = [
  [/\bbereave|\bgrie(?:f|ving)\b|\bmourning\b/, "bereavement"],
  [/\bdomestic (?:abuse|violence)\b|\bcoercive control\b/, "domestic-abuse"],
  [/\bsight\b|\bvisual(?:ly)?\b|\bblind\b/, "sight-loss"],
  [/\bhearing\b|\bdeaf/, "hearing-loss"],
  [/\byoung carers?\b/, "young-carers"],
  [/\bveterans?\b|\barmed forces\b|\bex[- ]forces\b/, "veterans"],
  [/\barts?\b|\bcreative\b|\bcrafts?\b|\bchoir\b|\bsinging\b|\bmusic\b/, "arts-and-creativity"],
  [/\bgarden(?:ing|s)?\b|\ballotments?\b|\bnature\b/, "nature-and-gardening"],
  [/\bvolunteer/, "volunteering"],
  [/\b(?:children|young people|teenagers?|youth)(?:'s|s')? mental health\b|\bcamhs\b/, "young-peoples-mental-health"],
  [/\bblue badge\b|\bmobility\b|\bwheelchairs?\b|\bphysical disabilit/, "physical-disability-and-mobility"],
  [/\bimmigration\b|\basylum\b|\brefugees?\b/, "refugees-and-asylum"],
  [/\blegal\b|\badvoca(?:cy|tes?)\b|\bsolicitors?\b|\bpower of attorney\b/, "legal-advice-and-advocacy"],
  [/\bparenting\b|\bparents?\b/, "parenting-and-families"],
  [/\bpets?\b|\bdogs?\b|\bcats?\b/, "pets"],
  [/\blgbt|\bgay\b|\blesbian\b|\btrans(?:gender)?\b/, "lgbtq-support"],
  [/\bgambl/, "alcohol-and-drugs"],
];

/** The needs an `outside:` label names, or none when it still names no need. */
export function outsideLabelNeeds(label: string): NeedId[] {
  const text = label.toLowerCase().replaceAll("’", "'");
  if (stillOutside.some((pattern) => pattern.test(text))) return [];
  return namesNeed.filter(([pattern]) => pattern.test(text)).map(([, need]) => need);
}

/** A case's labels as they count today: its needs with those its outside labels name, and the labels that still name none. */
export function expectedNeeds(c: { readonly needs: readonly NeedId[]; readonly outside: readonly string[] }): { needs: NeedId[]; outside: string[] } {
  const needs = new Set<NeedId>(c.needs);
  const outside: string[] = [];
  for (const label of c.outside) {
    const named = outsideLabelNeeds(label);
    if (named.length === 0) outside.push(label);
    for (const need of named) needs.add(need);
  }
  return { needs: [...needs], outside };
}
