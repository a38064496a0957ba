/**
 * What a message asks for, read from how it is put rather than learned: a
 * referral to First Contact Plus asked for anywhere in a note ("Pls log an
 * FCP referral", "refer to First Contact for a bath board"), and a comment on
 * Signpost itself ("this is really useful", "got loads of city results").
 * The classifier decides the rest; these win over it because a long case note
 * that ends "please refer to FCP" is a referral however much of it describes needs.
 */
import { cleanText } from "../text/normalise-text.js";

const firstContact = String.raw`(?:fcp|fc|first contact(?: plus)?|the hub|prevention hub)`;
const asking = String.raw`(?:please|pls|plz|can you|could you|can u|could u|would you|happy to|want to|wants to|like to|need to|i'?d like to|i want to|we'?d like to)`;

const referral = new RegExp(
  [
    String.raw`\b(?:refer|referral|ref|referring)\b[^.?!]{0,40}\b${firstContact}\b`,
    String.raw`\b${firstContact}\s+(?:referral|ref)\b`,
    String.raw`\b(?:log|make|do|send|put in|raise|submit|start)\s+(?:a|an|the)?\s*(?:new\s+)?(?:${firstContact}\s+)?(?:referral|ref)\b`,
    String.raw`\bput (?:a|an|the) (?:${firstContact}\s+)?referral in\b`,
    String.raw`\b${asking}\s+(?:log|make|do|send|put in|raise)?\s*(?:a|an)?\s*(?:${firstContact}\s+)?referral\b`,
    String.raw`^\s*(?:please |pls )?refer\b`,
    // "referral for our tenant Ms R, LE11 ...": a note that opens by calling itself a referral.
    String.raw`^\s*(?:(?:new|urgent|please|pls)\s+)?(?:referral|ref)\s+(?:for\s+(?:our|my|the|this|mr|mrs|ms|miss|dr)|re|please|pls)\b`,
  ].join("|"),
  "i",
);

/** Asking about referrals already made, not for a new one. */
const aboutExisting =
  /\b(?:(?:i|we) put (?:a|an|the) referral in|status|update|progress|any news|where are we|what happened|my referrals|our referrals|team'?s referrals|open referrals|(?:referrals?|refs?) (?:i|we)(?:'?ve| have)? (?:made|sent|logged|done|raised|submitted|put in)|(?:list|show|see|view)(?: me)? (?:all |every |each )?(?:(?:my|the|our|of|those|these)\s+)*(?:\w+\s+)?(?:refs|referrals)|gone through|go through|went through|lost the ref\w*|(?:i|we) (?:sent|made|logged|did|put in|submitted|raised) (?:an? |the |my )?(?:\w+ )?referral|been (?:picked up|received|accepted|declined)|(?:i|we) referred|haven'?t heard (?:anything )?back|heard nothing (?:back)?|check (?:where|on|if|whether) (?:it|the referral|that)|chas(?:e|ing) (?:up )?(?:a|the|my))\b|\bfc-?[0-9a-z]{6}\b/i;

/** Referring afresh, whatever an older referral did: "please refer to FCP again", "re-refer". */
const referAgain = new RegExp(String.raw`\b(?:${asking}\s+)?(?:re-?refer|refer (?:\w+ )?(?:to|into) ${firstContact} again|refer (?:\w+ )?again)\b`, "i");

/** Sending someone's details through Signpost to First Contact: "said I could send mum's details through this to First Contact". */
const sendDetails = new RegExp(String.raw`\bsend (?:\w+'?s |(?:her|his|their|the) )?(?:details|info|information) (?:through|via|over|in)\b[^.?!]{0,40}\b${firstContact}\b`, "i");

/** Asking how to refer, not referring: "how do i make a referral through this". */
const howTo = /\bhow (?:do|can|would|should|does) (?:i|we|you|u|one|someone|staff)\b|\bhow to\b|\bwhat (?:info|information|details) do (?:you|u|i) need\b|\b(?:can|does|do|will) (?:you|u|signpost|it|this|the bot) (?:send|make|do|pass on) referrals\b/i;

/** Things Signpost does not do, however they are put: booking a GP or hospital appointment. */
const outOfScope =
  /\b(?:book|rebook|re-book|cancel|reschedule|move)\b(?: \S+){0,4} (?:in )?(?:with|to see) (?:the |a |her |his |their )?(?:duty )?(?:dr|doctor|gp|nurse|practice nurse|hca|pharmacist|consultant|dentist|clinic)\b|\b(?:book|rebook|re-book|cancel|reschedule)\b(?: \S+){0,3} (?:gp |dr'?s? |doctors'? |doctor'?s |nurse |blood test |bloods |flu jab |vaccine |covid |hospital |outpatient |dental )?(?:appointment|appt|apt)s?\b/i;

/** A comment on Signpost itself, good or bad. */
const aboutSignpost = new RegExp(
  [
    String.raw`\b(?:this|signpost|it|the (?:tool|app|bot|chat|results|search|answers?|directory))\s+(?:is|was|were|has been|'s)\s+(?:really |so |very |v |well |super |dead |proper |extremely |pretty |not |quite )*(?:useful|helpful|great|brilliant|amazing|good|rubbish|useless|no use|not great|wrong|out of date|slow|confusing|clunky|spot on)\b`,
    String.raw`\b(?:found|got|gave me|giving me|showed me|shows|keeps showing|keeps giving)\s+(?:loads of|lots of|a lot of|only|nothing but|too many|the wrong)\s+(?:\w+\s+)?(?:results|services|stuff|answers|things)\b`,
    String.raw`\b(?:love|loving|hate|hating)\s+(?:this|signpost|the tool|the app|the bot)\b`,
    String.raw`\bkeeps? (?:giving|showing|bringing up|coming up with|throwing up) (?:me |us )?(?:\w+ )?(?:stuff|results|services|things|answers)\b`,
    String.raw`\b(?:thanks|thank you|cheers)\b[^.?!]{0,30}\b(?:found|saved me|sorted|worked)\b`,
    // "the carers group at Syston library you listed finished last year"
    String.raw`\byou (?:listed|showed|suggested|recommended|gave)\b[^.?!]{0,60}\b(?:finished|closed|stopped|shut|moved|no longer|doesn'?t|wasn'?t|isn'?t|not running)\b|\b(?:listed|suggested|recommended)\b[^.?!]{0,40}\b(?:finished|closed|shut) (?:last|in|a while)\b`,
    // "every time I search for Rutland it gives me Leicester city services"
    String.raw`\b(?:every time|whenever|each time) (?:i|we) (?:search|look|ask|type)\b[^.?!]{0,60}\b(?:it )?(?:gives|shows|brings up|comes up with|returns)\b`,
    // "so much quicker than trawling the directory", "well done to whoever built it"
    String.raw`\b(?:this|it|signpost)(?: is|'s)? (?:so |much |so much |way |loads |a lot )*(?:quicker|faster|easier|better) than\b|\bwell done (?:to )?(?:whoever|the team|everyone who)\b|\bwhoever (?:built|made|designed) (?:this|it)\b`,
    String.raw`\b(?:saved me|saves me|saving me)\s+(?:\w+\s+)?(?:mins?|minutes|hours?|time|a job|loads of time|ringing round)\b`,
    // "hasn't run since the fire, but you're still showing it as every Thursday"
    String.raw`\byou(?:'re| are) still (?:showing|listing|saying|sending people to)\b|\b(?:signpost|it|the (?:app|bot|tool|directory)) (?:still )?(?:shows|lists) (?:it|them) as\b`,
    // "answers are way too long to read on my phone", "the replies are too wordy"
    String.raw`\b(?:your |the |these |signpost'?s )?(?:answers|replies|results|messages|cards)\s+(?:are|is|were)\s+(?:way |far |much |a bit |really |so |just )*(?:too )?(?:long|wordy|slow|short|hard to read|confusing)\b`,
  ].join("|"),
  "i",
);

export function asksForReferral(message: string): boolean {
  const text = cleanText(message);
  return (referral.test(text) && !aboutExisting.test(text) && !howTo.test(text)) || referAgain.test(text) || sendDetails.test(text);
}

/** A request for something Signpost does not do (booking appointments): answered as out of scope. */
export function asksOutOfScope(message: string): boolean {
  return outOfScope.test(cleanText(message));
}

/** A service's details have changed: "only runs fortnightly now", "has moved to the community centre", "number is wrong". */
const reportsChange =
  /\b(?:(?:listing|entry|page|it|signpost) says\b[^.]{0,60}\bbut\b|(?:is|are|'s) (?:still )?listed\b[^.?]{0,30}\bbut (?:it'?s|it is|it has|they'?ve|they have|they'?re|it was|they were)\b|(?:says|listed as|shows) \w+ but (?:it'?s|it is|they|it has)|only (?:runs|meets|opens|on) \w+ now|(?:runs|meets|opens) \w+ now(?:,)? not \w+|now (?:runs|meets|only runs) \w+ (?:not|instead)|(?<!\b(?:branch|bank|shop|post office|pub|chemist|pharmacy|surgery) )(?:has|have|it'?s|they'?ve|it has) (?:moved (?:to|from|venue)|closed(?: down)?|shut(?: down)?|stopped (?:running|meeting))|(?:isn'?t|is not|aren'?t|are not) (?:at|in|on) (?:the )?\w+(?: \w+)? any ?more\b|(?:closed|shut|finished|stopped) (?:down|in \w+|last \w+)|(?:you'?ve|you have|signpost has|it'?s) still (?:got (?:it|them|this|that) )?(?:on here|listed|on (?:the|your) (?:list|directory|system))|no longer (?:runs|meets|running|exists|open|operating)|(?:number|phone no|email|address|website|link) (?:is|was|has) (?:wrong|changed|dead|out of date)|wrong (?:number|phone|address|email))\b/i;
/** ...unless the message also asks for something else instead. */
const asksAlternative = /\b(?:any(?! ?more\b)|anything|is there (?:another|anything|a)|alternatives?|instead\?|what else)\b/i;

/** Asking for help for someone as well as (or instead of) reporting a change. */
const asksHelp = /\b(?:wants? to|would like|needs? (?:help|support|to)|looking for|help with|learn (?:how )?to|needs? (?:\w+ )?(?:delivered|a lift|lifts)|any(?:one|body) (?:who|that) (?:can|could|does|do))\b/i;

/** Asking for another service, or for help for someone, instead of (or as well as) reporting one. */
export function asksForAlternative(message: string): boolean {
  const text = cleanText(message);
  return asksAlternative.test(text) || asksHelp.test(text);
}

/** A report of a change is a line or two; a long case note that says "day service closed in January" is history. */
const reportWords = 40;

export function reportsServiceChange(message: string): boolean {
  const text = cleanText(message);
  return text.split(/\s+/).length <= reportWords && reportsChange.test(text) && !asksForAlternative(message);
}

/** Words that say a message is feedback at all: a service closed, moved or wrong, or a comment on Signpost. */
const feedbackWords =
  /\b(?:closed|closing|shut|stopped|moved|no longer|not (?:running|there|answering|working)|doesn'?t (?:exist|run|answer)|wrong|incorrect|out of date|outdated|dead link|changed|number|phone|email|website|address|link|useful|helpful|rubbish|useless|feedback|report|thanks|thank you|cheers|results|signpost)\b/i;

/** True when the message has any word of feedback: a guess of "feedback" without one is not trusted. */
export function soundsLikeFeedback(message: string): boolean {
  return feedbackWords.test(cleanText(message));
}

export function commentsOnSignpost(message: string): boolean {
  return aboutSignpost.test(cleanText(message));
}

/** Chasing a referral by its reference: "where are we with FC-…?", "any update on FC-…". */
const chasing = /\b(?:where are we (?:with|on|up to)|any (?:news|update|progress)s? (?:on|about|re|with)|(?:an )?update (?:on|re)|status of|what'?s happening (?:with|on)|chasing|has (?:anything|anyone) happened (?:with|on))\b/i;

export function chasesReferral(message: string): boolean {
  return chasing.test(cleanText(message));
}

