import type { NeedId } from "../directory/ids.js";
import type { Taxonomy } from "../directory/taxonomy.js";
import type { TermMatch } from "../text/term-matcher.js";

/**
 * Words that name a child in the message ("her 13yo son", "grandson, 9"): then the age
 * found may be the child's, not the carer's, so it does not decide which need a carer's
 * words mean. "13yo looking after her mum" names no child; "mum caring for her 13yo son" does.
 */
const child = /^(?:son|sons|daughter|daughters|child|children|kid|kids|grandson|granddaughter|grandchild|grandchildren|baby|toddler|stepson|stepdaughter)$/;

/**
 * The one place the person's age decides which need their words mean (directory/needs.yaml,
 * `for_other_ages`): a carer under 18 is a young carer, a "young adult carer" of 20 is a carer.
 * Unchanged when no age was found, or when the message names a child whose age it may be.
 */
export function applyAgeBands<M extends TermMatch<NeedId>>(matches: readonly M[], age: number | null, tokens: readonly string[], taxonomy: Taxonomy): M[] {
  if (!ageDecides(age, tokens)) return [...matches];
  return matches.map((match) => {
    const values = [...new Set(match.values.map((need) => taxonomy.needAtAge(need, age)))];
    return values.length === match.values.length && values.every((need, i) => need === match.values[i]) ? match : { ...match, values };
  });
}

/**
 * A group's needs for someone of this age: those whose age band the age is outside are left
 * out ("family and carers" for a 70-year-old is not young carers), unless the age may be a child's.
 */
export function groupNeedsAtAge(needs: readonly NeedId[], age: number | null, tokens: readonly string[], taxonomy: Taxonomy): NeedId[] {
  return ageDecides(age, tokens) ? needs.filter((need) => taxonomy.fitsAge(need, age)) : [...needs];
}

/** True when an age was found and the message names no child whose age it may be. */
function ageDecides(age: number | null, tokens: readonly string[]): age is number {
  // "time with other kids" names no child of the person's.
  return age !== null && !tokens.some((token, at) => child.test(token) && tokens[at - 1] !== "other");
}

/**
 * A child who does the caring, named with their age ("her son, 13, does a lot - helps her to the
 * toilet"): the carer's words mean young carers, whoever else's age the message gives.
 */
const childCarer =
  /\b(?:son|daughter|grandson|granddaughter|brother|sister|boy|girl)\b,? (?:is |aged? )?(1[0-7]|[5-9])(?: ?(?:yo|y\/o|years? old))?\b,?[^.]{0,60}\b(?:helps? (?:her|him|them|with|out)|does a lot|looks? after (?:her|his|their)|caring for (?:her|his|their)|cares for (?:her|his|their)|does the (?:shopping|cooking|washing|meals))\b/;

export function asYoungCarer<M extends TermMatch<NeedId>>(matches: readonly M[], text: string, taxonomy: Taxonomy): M[] {
  const found = childCarer.exec(text.toLowerCase());
  if (!found) return [...matches];
  const age = Number(found[1]);
  return matches.map((match) => (match.values.includes("carers-support") ? { ...match, values: [...new Set(match.values.map((need) => (need === "carers-support" ? taxonomy.needAtAge(need, age) : need)))] } : match));
}

/**
 * A child or teenager (17 or under, and no other child named whose age it may be) who is low or
 * anxious: children and young people's mental health as well as the general need's words.
 */
export function withYoungPeoplesNeeds<M extends TermMatch<NeedId>>(matches: readonly M[], age: number | null, tokens: readonly string[]): M[] {
  if (!ageDecides(age, tokens) || age > 17) return [...matches];
  return matches.map((match) => (match.values.includes("mental-wellbeing") ? { ...match, values: [...new Set([...match.values, "young-peoples-mental-health"])] } : match));
}
