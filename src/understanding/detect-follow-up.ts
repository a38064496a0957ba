import { tokenize } from "../text/normalise-text.js";

/** A follow-up that acts on the last list rather than asking something new. */
export type FollowUp = { readonly kind: "show_more" } | { readonly kind: "details"; readonly position: number };

const ordinals: Readonly<Record<string, number>> = {
  first: 1, "1st": 1, one: 1, "1": 1,
  second: 2, "2nd": 2, two: 2, "2": 2,
  third: 3, "3rd": 3, three: 3, "3": 3,
  fourth: 4, "4th": 4, four: 4, "4": 4,
  fifth: 5, "5th": 5, five: 5, "5": 5,
};

/**
 * "show more", "any others?", "next", "go on, next lot" -> show_more; "tell me more about the
 * second one", "details of 3", "number 2", "the last one" -> details.
 * Only short messages count, so a new question that happens to say "more" is
 * not mistaken for a follow-up.
 */
export function detectFollowUp(text: string): FollowUp | undefined {
  const words = tokenize(text);
  if (words.length === 0 || words.length > 9) return undefined;
  // "go on, next lot", "ok any others like that but nearer?": the filler and the qualifier do not change the ask.
  const joined = words
    .join(" ")
    .replace(/^(?:(?:go on(?: then)?|ok|okay|yes|yeah|yep|right|and|so|great|thanks|cheers) )+/, "")
    .replace(/ but (?:nearer|closer|cheaper|local|more local|in (?:the )?(?:same|that) area)$/, "");
  if (/^(?:the )?next (?:lot|few|ones?|page|batch|set)(?: (?:please|pls))?$|^(?:(?:show|see|give) (?:me )?)?(?:some )?(?:more|others|next)(?: (?:results|options|services|please|pls))*$|^(?:any |show (?:me )?|some )?(?:more|others)(?: (?:like (?:that|this|those|these|them)|please|pls))*$|^what else$|^any (?:nearer|closer|cheaper|others?|more) (?:than|to) (?:those|these|that|them)$|^(?:the )?same (?:again )?(?:but |for )(?:for |in )?[a-z]+(?: [a-z]+)?(?: (?:please|pls))?$|^(?:anything|anyone|anybody|something|somewhere|anywhere|any(?: ones?)?) (?:nearer|closer|cheaper|more local)(?: (?:to|for) (?:her|him|them|home|(?:her|his|their) (?:home|house|place)))?$/.test(joined)) {
    return { kind: "show_more" };
  }
  const detail = /(?:about|on|of|is|for|re|number|no|#)?\s*(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|one|two|three|four|five|[1-5])(?: one)?$/.exec(joined);
  const asksDetail = /\b(?:more|details?|tell|about|info|information|number|what)\b/.test(joined) || /^(?:the )?(?:first|second|third|fourth|fifth|last)(?: one)?$/.test(joined);
  if (detail && asksDetail) {
    const word = detail[1]!;
    return { kind: "details", position: word === "last" ? -1 : ordinals[word]! };
  }
  // "the 3rd one - are they open weekends?": a question about one of the list, not a report that it closed.
  const asked = /^(?:the )?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last) one (?:are|is|do|does|can|when|what|where|how|who)\b/.exec(joined);
  if (asked && !/\b(?:closed|shut|stopped|moved|finished|wrong|gone|no longer)\b/.test(joined)) {
    const word = asked[1]!;
    return { kind: "details", position: word === "last" ? -1 : ordinals[word]! };
  }
  return undefined;
}
