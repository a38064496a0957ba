/**
 * The words around a risk that change what it means, after NegEx (Chapman et
 * al., 2001) and ConText (Harkema et al., 2009): whether it is negated, in the
 * past, hypothetical, someone else's, resolved, or happening now. Each cue is
 * read within the clause of the risk (clauses.ts), some before it and some
 * after; resolution and "now" are read across the whole sentence.
 */

/** Before a risk, in its clause: it is absent. "denies SI", "no thoughts of self harm", "without chest pain". */
export const negatedBefore =
  /\b(?:no|not|nor|never|don'?t|do not|dont|not a|denies|denied|deny|denying|without|nil|none|negative for|no signs? of|no evidence of|no history of|no concerns?(?: about| re| regarding)?|no current|no longer|free of|absence of|isn'?t|wasn'?t|aren'?t|doesn'?t|didn'?t|hasn'?t|haven'?t|not currently|not at risk of|low risk of|unlikely)\b(?:\s+\S+){0,4}\s*$/;

/** A negated list reaches its later items (a plain "and" otherwise ends a negation's reach: "not sleeping and suicidal"): "no current thoughts of self harm or suicide", "denies SI, SH or". */
export const negatedList =
  /\b(?:no|not|nor|never|denies|denied|deny|denying|nil|without)\b(?:\s+\S+){0,6}?\s+(?:thoughts?|ideation|intent|plans?|history|hx|signs?|evidence|urges?|self[- ]?harm\w*|sh|si|suicid\w*|low mood|harm\w*|risks?|concerns?)\b[^.]{0,30}?\s*(?:or|and|nor|\/|,)\s*$/;

/** After a risk, close by: it is absent or was excluded. "chest pain ruled out", "SI denied". */
/** "nil intent" after thoughts of harm eases them (no plan); it does not say there were none (round 29). */
export const negatedAfter = /^\W*(?:\S+\s+){0,3}?(?:ruled out|excluded|denied|negative|not present|nil(?! (?:intent|plan|means)\b)|none)\b|^[\s-]*free\b/;

/** Before a risk: it is in the past. "history of overdose", "previous DV", "admitted with chest pain". */
export const pastBefore =
  /\b(?:history of|hx|h\/o|pmh|previous(?:ly)?|past|prior|old(?! (?:gent|gentleman|man|men|lady|ladies|woman|women|boy|girl|fella|chap|couple|people|person|dear|boy|lad))|recovered from|survivor of|used to|formerly|former|ex(?=-)(?!-(?:partner|husband|wife|boyfriend|girlfriend|fianc\w*))|back in|admitted (?:(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day |yesterday |last night |overnight )?(?:with|for|after|following)|(?:after|since) (?:fleeing|leaving|escaping)|fled|escaped|presented (?:with|to)|discharged (?:after|following)|following (?:an?|his|her|their|the)|after (?:an?|his|her|their|the)|post(?=[- ](?:op|operative|surgery|fall|stroke|discharge|mi|cva|tia|natal|partum|covid|overdose|od)\b)|treated for|seen (?:in|at) (?:a&e|ed|hospital)|last (?:week|wk|month|year|mon|tues?|wed(?:s|nes)?|thu(?:rs?)?|fri|sat|sun)[a-z]*|went to (?:a&e|ed|hospital)|investigated for|experienced)\b(?:\s+\S+){0,5}\s*$/;

/** Before a risk, weaker: a past tense that "now" or "still" in the same clause overrides. "she was on the floor". */
export const pastTenseBefore = /\b(?:was|were|had an?|had (?:his|her|their)|has had|have had|did|used)\b(?:\s+\S+){0,4}\s*$/;

/** After a risk: it is in the past. "overdose in 2006", "a fall 3 weeks ago", "DV 10+ yrs ago", "missing back in Jan". */
export const pastAfter = new RegExp(
  // A date straight after it ("Overdose 2017") dates it.
  String.raw`^\W*‹date›|^\W*(?:\S+\s+){0,6}?(?:(?:` +
    [
      String.raw`(?:(?:\d+\+?|a few|a couple of|several|many|some|two|three|four|five|six|ten)\s*)?(?:days?|weeks?|wks?|months?|mths?|years?|yrs?)\s+ago`,
      String.raw`(?:a|one)\s+(?:week|month|year)\s+ago`,
      "last (?:week|wk|month|year|yr|summer|winter|spring|autumn|christmas|xmas|mon|tues?|wed(?:s|nes)?|thu(?:rs?)?|fri|sat|sun)[a-z]*",
      // Whole month names: "in Market Harborough" is not "in March".
      "in (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)",
      "back in (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|the (?:spring|summer|autumn|winter)|\\d)",
      "years? (?:ago|back)",
      "in the past",
      "a while (?:back|ago)",
      "when (?:he|she|they) (?:was|were) younger",
      "as a (?:child|teenager)",
      "earlier this (?:year|month)",
      // "before" but not "an hour before we arrived", which is now.
      String.raw`before(?! (?:we|i|the crew|crew|paramedics|the ambulance|ambulance|they) (?:arrived|got (?:there|here)|came)\b| (?:our|my) arrival\b)`,
    ].join("|") +
    String.raw`)\b|(?:in|on|from|since|dated) ‹date›)`,
);

/** Before a risk: it has not happened. "if she falls", "risk of falls", "worried he might", "in case of fire". */
export const hypotheticalBefore =
  /\b(?:if|in case(?: of)?|in the event(?: of)?|(?:scared|worried|afraid|frightened|fears?|concerned|terrified) (?:that )?(?:she|he|they|i)(?:'ll| will| might| may| could| would)|risk of|at risk of|prevent(?:ing|ion of)?|avoid(?:ing)?|reduce(?: the)? risk|worried (?:that |about )?(?:he|she|they|it)? ?(?:might|may|could|will)|afraid (?:that )?(?:he|she|they)? ?(?:might|may|could)|concerned (?:that )?(?:he|she|they)? ?(?:might|may|could)|fears? (?:of|that)|what to do if|plan(?:s)? for|might|may|could|whether)\b(?:\s+\S+){0,4}\s*$/;

/** Before a risk: it is someone else's, not the person's now. "mother had a stroke", "family history of heart attacks". */
export const otherPersonBefore = /\b(?:family history of|fh of|fhx|(?:his|her|their) (?:late )?(?:mother|mum|father|dad|brother|sister|parents?) (?:had|died (?:of|from|after)|passed (?:away )?(?:with|from|after))|died(?: \S+){0,3} (?:of|from|after)|passed away (?:from|after|with))\b(?:\s+\S+){0,4}\s*$|\b(?:died|passed away)(?: \S+){0,4}\s*[(–—-]\s*$/;

/**
 * Just before a risk, a relative or friend who lives far away: "his brother in Australia has just had a heart
 * attack" happens to someone else, out of reach of any 999 call here (round 25).
 */
export const relativeFarAwayBefore =
  /\b(?:brother|sister|son|daughter|mum|mother|dad|father|cousin|friend|family|relatives?|nephew|niece|aunt(?:ie)?|uncle|grand(?:son|daughter|child|children|ma|pa|mother|father)|in-laws?|\w+-in-law)(?:,)? (?:who (?:lives|is) |living |out |back )?(?:in|home in|over in|out in) (?:australia|new zealand|canada|america|the (?:us|usa|states|uk|philippines|caribbean)|india|pakistan|bangladesh|sri lanka|poland|romania|lithuania|latvia|ireland|scotland|wales|spain|portugal|france|germany|italy|greece|cyprus|jamaica|nigeria|ghana|kenya|uganda|somalia|zimbabwe|south africa|hong kong|china|dubai|abroad|\w+ (?:abroad|overseas))\b(?:\s+\S+){0,10}\s*$/;

/** Anywhere in the sentence: what happened is over or was excluded. */
export const resolved =
  /\b(?:ruled out|no (?:injury|injuries|harm done)|not admitted|seen by (?:the |her |his )?(?:gp|doctor|paramedics?|ambulance crew)|now (?:normal|within normal limits|back to (?:normal|baseline))|(?<!\b(?:being|be|needs|need|needing|to be|getting) )treated\b|(?:all )?(?:tests?|bloods|scans?|ecg|results) (?:were |was |came back |all )?(?:fine|normal|clear|ok|okay|negative)|excluded|resolved|investigated(?: and (?:closed|nfa))?|(?:now )?settled|recovered|(?:found|back home) safe|police found (?:him|her|them)|no (?:further )?(?:episodes|incidents|falls|concerns) since|since resolved|nfa|(?<!\b(?:curtains|blinds|doors?|windows?) (?:have |has |had )?(?:been |are |were |is |was |kept |stay |stayed )?)closed|trop(?:onin)?s? (?:neg|negative|normal)|angio(?:gram)? (?:normal|clear)|made safe|isolated by|capped(?: it| off)?|condemned|engineer (?:has )?(?:been|fixed|capped)|fixed now|under control|no longer|all clear|discharged (?:home|from)|medically (?:fit|optimised|stable)|(?:was|were|been|got|(?<!\b(?:it'?s|its|everything'?s|everything is) )all|now|is|has been|have been|already) sorted|all safe|safe now|dealt with|(?:has|have|had) removed|(?:was|were|been|got|now) removed|taken away the|discharged(?: today| yesterday| on \w+| last \w+)|admitted (?:to )?(?:lri|lgh|ggh|qmc|hospital|the ward|ward|a&e)|(?:home|back home) (?:now )?and (?:well|safe|settled|recovering|doing well)|home now|now home)\b/;

/** Anywhere in the sentence: nobody was hurt. It ends what happened unless the sentence says it goes on now ("fire in the kitchen now, nobody hurt yet"). */
export const unharmed = /\b(?:nobody|no one|no-one|noone) (?:was |got |were )?(?:hurt|injured|harmed)\b(?! yet| so far)/;

/** Anywhere in the sentence: it is happening now, or just did. "now", "just", "10 mins ago", "since last night", "can't get her up". */
export const happeningNow =
  /\b(?:now|right now|just|at the moment|atm|currently|as we speak|this (?:morning|afternoon|evening)|tonight|tonite|today|still|can see (?:him|her|them)|(?:he|she|they)(?:'s| is| are|'re) (?:\w+ )?(?:on the|lying|laid|stuck)|heard (?:him|her|them) (?:calling|shouting|crying)|(?:is|'s|are|'re) (?:shouting|calling|screaming|crying|banging) (?:out )?for help|(?:i|we) (?:can'?t|cannot) get in|who (?:do|should|can) (?:i|we) (?:call|ring|phone)|what do i do|through the (?:letter ?box|window)|thru the (?:letter ?box|window)|(?:\d+|a few|few|an?|half an?|couple of)\s*(?:mins?|minutes?|hours?|hrs?)\s+ago|since (?:last night|last nite|yesterday|this morning|the weekend|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|all night|overnight|not stopping|won'?t stop|can'?t get (?:him|her|them) up|(?:i|we) can'?t (?:lift|move|shift) (?:her|him|them)|it'?s (?:hailing|raining|snowing|freezing|pouring|dark|getting dark)|(?:hasn'?t|has not|haven'?t|have not) been able to get (?:up|off the floor)|(?:is|'s|are) (?:lying |still )?on (?:the|her|his|their) (?:\w+ )?floor|since (?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|midnight)|since (?:0\d|1[0-8])[0-5]\d|urgent(?:ly)?)\b|!|\bsince ‹time›/;

/** Anywhere in the sentence of a suicidal thought: it goes no further (a concern, not an emergency). */
export const noPlan =
  /\b(?:no (?:suicidal |active |current )?(?:plans?|intent(?:ion)?|means|active|ideation)|denie[sd] (?:any )?(?:current |active )?(?:plans?|intent\w*)|(?:doesn'?t|does not|don'?t|do not) want to (?:end|take) (?:her|his|their) (?:own )?life|not (?:actively|going to act)|would never(?: act| do anything)?|wouldn'?t (?:act|do anything)|(?:not|never) (?:going|gonna) to (?:do anything|act on (?:it|them)|hurt (?:my|him|her|them)sel(?:f|ves))|won'?t (?:do anything|act on (?:it|them))|passing|fleeting|passive|safety plan (?:done|in place|agreed|made|completed|written|updated|reviewed)|(?:agreed|completed|did|done|made|has|have|with) (?:a |an |his |her |their )?(?:safety|crisis) plan|protective factors|because of (?:the|her|his) (?:kids|children|grandchildren|family))\b/;

/**
 * In the sentence after a risk: the scene is still going on, told by someone who is there ("I've come
 * out to the van, she's still in there with him", "what do I do"). A past tense ("had his hand round
 * her throat") or a sign that needs "now" reads as now when the next sentence says this.
 */
export const sceneGoesOn =
  /\b(?:what (?:do|should|can) (?:i|we) do|who (?:do|should|can) (?:i|we) (?:call|ring|phone)|(?:i|we) (?:can'?t|cannot) get in|right now|as we speak|(?:she|he|they)(?:'s| is| are|'re) still (?:in there|there|in the (?:house|flat|room)|with (?:him|her|them)|on the floor)|still in there|(?:i|we)(?:'m| am|'re| are) (?:still )?(?:outside|with (?:her|him|them)|here with)|(?:i|we)(?:'ve| have) (?:come|gone|stepped|had to go) out(?:side)?)\b/;

/** Anywhere in the sentence: it has just begun ("sudden", "new", "this morning"), so it is not what an old illness left. */
export const newOnset =
  /\b(?:sudden\w*|new|again|just|now|this (?:morning|afternoon|evening)|today|tonight|(?:\d+|a few|few|an?|half an?|couple of)\s*(?:mins?|minutes?|hours?|hrs?) ago)\b/;

/** Anywhere in the sentence: it keeps happening, rather than happening now ("twice this month", "both times"). */
export const habitual =
  /\b(?:twice|three times|four times|several times|a few times|a couple of times|a number of times|more than once|both times|each time|every time|on (?:a few |several )?occasions|(?:once|twice) a (?:week|month)|keeps? (?:leaving|forgetting)|no harm done|often|frequently|regularly|most (?:days|visits|nights|weeks))\b/;

/** A past that is recent: an assault last week is still a safeguarding concern, one ten years ago is history. */
export const recentPast = /\b(?:last night|yesterday|last (?:week|wk)|(?:\d+|a few|a couple of|two|three|four|five|six)?\s*(?:days?|weeks?|wks?)\s+ago|this (?:week|month)|last month|a month ago|at the weekend|over the weekend|last weekend|the other (?:day|night|week))\b/;

/** Where a negation stops: a new subject after a comma ("no heating, he's not eaten in days"). */
export const negationStop = /,\s*(?:we|we'?ve|i|i'?ve|he|she|they|he'?s|she'?s|they'?re|and|but|his|her|their|it|it'?s|my|our|the)\b|\s(?:and|but|yet)\s/g;

/** When something was told is not when it happened: "told me today she's been cutting" is about this week, not now. */
export const tellingTime = /\b(?:told|tells|said to|disclosed to|mentioned to|admitted to|showed) (?:me|us|staff|the \w+) (?:today|this (?:morning|afternoon|evening)|earlier(?: today)?|just now)\b/g;

/** An episode that has ended: the person came back or was found ("returned each time", "she was found safe"). */
export const returned =
  /(?<!\b(?:not|never|hasn'?t|has not|haven'?t|have not|didn'?t|did not|yet to|isn'?t|is not|wasn'?t|was not|still) )\b(?:returned|came back|came home|turned up|was found|been found|found safe|back home|home safe|(?:he|she|they)(?:'s| is|'re| are) (?:back|at home|home)(?: (?:now|today|safe))?)\b/;
