/**
 * The words for risk to someone's life or safety, each with how serious it is
 * when it is happening now:
 * - emergency: risk to life now (999 first, no search);
 * - concern: worth a safety line, then the normal answer (a safeguarding or
 *   domestic abuse disclosure that is not immediate, passing thoughts with no
 *   plan, a carer at breaking point, self-neglect).
 * Whether a mention is happening now (not negated, past, hypothetical, someone
 * else's or resolved) is decided by assess-safety.ts from the words around it.
 * Patterns run on lower-cased text with clinical values, postcodes, dates and
 * addresses already replaced (scrub-clinical-values.ts).
 */
import { noPlan } from "./context-cues.js";

export type RiskKind =
  | "suicide"
  | "self-harm"
  | "overdose"
  | "chest-pain"
  | "stroke"
  | "breathing"
  | "collapse"
  | "fire-or-gas"
  | "violence"
  | "missing"
  | "neglect"
  | "abuse"
  | "crisis"
  | "low-mood"
  | "carer-strain"
  | "self-neglect";

export type RiskTier = "emergency" | "concern";

export interface RiskTrigger {
  readonly kind: RiskKind;
  readonly tier: RiskTier;
  readonly pattern: RegExp;
  /** An emergency only with a sign in its sentence that it is happening now ("just", "now", "since last night"); a concern otherwise. */
  readonly onlyNow?: boolean;
  /** Words in its sentence that make a concern an emergency ("in the next room", "a plan"). */
  readonly escalate?: RegExp;
  /** Words in its sentence that make an emergency a concern ("no plan", "passing thoughts"). */
  readonly mitigate?: RegExp;
}

const self = "(?:him|her|them|my|your|hi|our)s[ea]lf|themselves|ourselves";
const whose = "(?:his|her|their|my)";
const meds =
  "(?:meds|medication|medicines?|tablets|pills|paracetamol|co-?codamol|codeine|tramadol|morphine|oramorph|oxycodone|methadone|insulin|sleeping (?:pills|tablets)|antidepressants|" +
  "amitriptyline|sertraline|citalopram|fluoxetine|mirtazapine|venlafaxine|diazepam|zopiclone|pregabalin|gabapentin|lithium|quetiapine|aspirin|ibuprofen|warfarin|apixaban)";
const lots = "(?:all|the lot|a load of|loads of|too many|lots of|a lot of|a whole|the whole|whole|a bottle of|a (?:packet|box|strip|pot|tub) of|boxes of|packets of|a handful of|handfuls of|extra|double|\\d{2,})";
const danger = /\b(?:right now|now (?:he|she|they)(?:'?s| is| are)|just (?:now|happened|hit|punched|attacked|threatened|left|shoved|pushed|grabbed|kicked|slapped|strangled)|still in (?:there|the house|the flat) with (?:him|her|them)|at the moment|in the next room|downstairs|upstairs|outside|in the house|at home now|still there|on (?:his|her|their) way|in danger|(?:scared|terrified|frightened|afraid) to go (?:home|back)|won'?t let (?:her|him|them) (?:out|leave|eat)|locked|locks|locking|tonight|tonite|threaten\w*|knife|weapon|skin and bone|skeletal|starv\w*|dehydrated|no food|sores|can'?t reach the phone|in the cold|not safe|using (?:his|her|their) (?:flat|house|home)|moved into|won'?t leave|can'?t get them out)\b/;
/** Said to be safe now: a disclosure stays a concern. */
const safeNow = /\b(?:(?:says|feels|is|she'?s|he'?s|they'?re|is currently) (?:\w+ )?safe(?: at the moment| for now| now| at home)?|not in (?:immediate )?danger|no immediate (?:danger|risk))\b/;

const t = (kind: RiskKind, tier: RiskTier, source: string, extra: Omit<RiskTrigger, "kind" | "tier" | "pattern"> = {}): RiskTrigger => ({
  kind,
  tier,
  pattern: new RegExp(source, "g"),
  ...extra,
});

export const riskTriggers: readonly RiskTrigger[] = [
  // Suicide: intent, a plan, means, a goodbye. Thoughts with no plan are a concern.
  t("suicide", "emergency", String.raw`(?<!(?:bereaved|died|death|deaths|loss|lost|lost \w+|killed \w+|bereavement)[- ](?:by|to|from|through|after)[- ])\b(?:suicid\w*|sucid\w*|suicd\w*|suiside\w*|suacid\w*)\b(?![- ](?:bereave\w*|prevention|awareness|support|loss|training|help ?line|line|group|survivors?|of (?:his|her|their|a)))|\bsi\b`, { mitigate: noPlan }),
  t("suicide", "emergency", String.raw`\bkill(?:ing|ed|s)? ${self}|\b(?:end|ending|ended) (?:it all|${whose} (?:own )?life)\b|\b(?:take|taking) ${whose} (?:own )?life\b`, { mitigate: noPlan }),
  t("suicide", "emergency", String.raw`\b(?:wants?|wanting|wanted) to die\b(?! (?:at home|in (?:her|his|their) own (?:bed|home|house)|in (?:a |the )?hospice|peacefully|with dignity|in (?:her|his|their) (?:own )?(?:bungalow|flat|house)))|\bwish(?:es)? (?:he|she|they|i) (?:was|were) dead\b|\b(?:doesn'?t|don'?t|does not|do not) want to (?:be here|live|be alive|wake up|go on)(?: any ?more)?\b`, { mitigate: noPlan }),
  t("suicide", "emergency", String.raw`\b(?:the )?(?:rope|noose|ligature)(?: is)? (?:ready|up|round|around|tied)\b|\bnoose\b|\bligature\b|\bgoodbye (?:notes?|texts?|letters?|messages?)\b|\bsaid ${whose} goodbyes\b|\bsorry for everything\b|\bgoodbye\b.{0,40}\bsorry\b|\bsorry\b.{0,40}\bgoodbye\b|\bsaying goodbye to everyone\b|\b(?:texted|texting|messaged|messaging|rang|phoned|called|sent|sending)(?: me| us)?(?: to say| saying)? goodbye\b|\bgoodbye (?:msgs?|messages?|texts?)\b|\b(?:go to sleep|sleep) (?:forever|and (?:never|not) wake up)\b|\b(?:tablets|pills|meds|medication) (?:all )?(?:lined up|laid out|counted out)\b|\b(?:giv(?:ing|en|es)|gave) away (?:all )?(?:${whose} )?(?:things|belongings|possessions|stuff|jewellery|money|pets?|savings)\b|\btonight'?s the night\b|\bgot a rope\b|\b(?:written|wrote|left) (?:goodbye |farewell )?(?:letters?|notes?) (?:to|for) (?:${whose}|the) (?:kids|children|family|wife|husband|partner|mum|dad|son|daughter)\b|\b(?:where|how to get to) the (?:nearest )?(?:\w+ )?(?:bridge|railway|train line|cliff)\b`, { mitigate: noPlan }),
  t("suicide", "emergency", String.raw`\b(?:sav(?:ing|ed)|stockpil\w*|hoard(?:ing|ed)|collect(?:ing|ed)) (?:up )?(?:all )?(?:${whose} )?(?:\w+ )?${meds}`, { mitigate: noPlan }),
  t("suicide", "emergency", String.raw`\b(?:going|gonna|about|plans?|planning|intends?|threaten\w*) to (?:take (?:the lot|them all|all (?:${whose} )?${meds})|jump|hang ${self}|end it|kill ${self})\b|\bjump (?:off|in front of|from)\b|\b(?:on|at) (?:the|a) (?:bridge|ledge|roof|railway|train line|tracks|cliff)\b|\b(?:edge of|standing on) (?:the|a) (?:balcony|roof|bridge|cliff|ledge|platform)\b|\bwalked into (?:the )?(?:river|sea|canal|lake|water|traffic)\b|\b(?:going|gonna|about) to (?:drive|crash|walk|step) (?:into|in front of|off)\b|\b(?:he|she|they|i)'?(?:ll| will) end it\b|\b(?:thinking|thought|talking|thinks) (?:about|of) (?:taking (?:all|an overdose|the lot)|ending (?:it|${whose} life)|killing ${self})\b|\bset (?:fire to|light to) ${self}\b|\bwith ${self} in (?:it|the \w+)\b|\b(?:is|he'?s|she'?s|hes|shes|they'?re|i'?m|im) (?:taking|going to take|gonna take) (?:the lot|them all|all of them)\b`, { mitigate: noPlan }),
  t("low-mood", "emergency", String.raw`\bwhat'?s the point(?=\s*(?:[.,!?'"]|$|any ?more|in (?:living|going on|carrying on|it all)))|\bbetter off (?:dead|without (?:him|her|them|me)|gone)\b|\bno (?:point|reason) (?:in )?(?:living|going on|carrying on|being here)\b|\bnothing to live for\b|\bthoughts? (?:of|about) (?:not being here|dying|death|ending)\b|\bwants? to disappear\b|\b(?:do|doing) (?:something )?stupid\b`, { mitigate: noPlan }),
  t("low-mood", "concern", String.raw`\bcan'?t (?:go on|carry on)(?: like this| any ?more)?\b`, { escalate: /\b(?:die|dead|end it|kill|tablets|pills|(?<!end of (?:my|his|her|their|the) )rope|bridge|tonight)\b/, mitigate: noPlan }),
  // Self-harm: an injury now is an emergency; self-harm otherwise, a concern.
  t("self-harm", "concern", String.raw`\bself[- ]?har[mn]\w*|\bsh\b|\b(?:cut|cutting|burnt|burning|hurt|hurting|harmed|harming) (?:${self}|${whose} (?:arms?|wrists?|legs?|thighs?|skin))\b`, { escalate: /\b(?:bleeding|blood|deep|stitches|not stopping|won'?t stop|soaked|now|just|fresh|urges|today|tonight)\b/ }),
  // Overdose: taken, or a lot of tablets swallowed.
  t("overdose", "emergency", String.raw`\boverdos\w*|\bod'd\b|\bod-?ed\b|\bo\.d\.`),
  t("overdose", "emergency", String.raw`\b(?:taken|took|swallowed|necked|downed) ['"‘’]?(?:all of them|the lot|them all)\b|\b(?:taken|took|swallowed|has had|had|necked|downed|(?:gave|given|give) (?:him|her|them|me)) (?:about |around |roughly |nearly |over |at least |maybe )?(?:${lots})(?: (?:box|boxes|packet|packets|bottle|bottles|strip|strips|pot|tub)s?)?(?: of)?(?: (?:${whose}|(?:her|his|their) \w+'?s?))? (?:\w+ )?${meds}`),
  // Heart, stroke, breathing, collapse, injury, cold.
  t("chest-pain", "emergency", String.raw`\bchest pains?\b|\bpains? in (?:${whose}|the) chest\b|\b(?:tight|crushing|heavy|central) (?:chest|pain)\b|\bchest (?:is |feels )?(?:tight|heavy)\b|\bpain (?:spreading |going |radiating |shooting )?(?:down|into|up) (?:${whose} |the )?(?:left |l )?(?:arm|jaw)\b|\bheart attack\b|\bcardiac arrest\b|\bclutching ${whose} chest\b|\bcrushing\b|\bgoing down (?:${whose}|the) (?:left |l )?arm\b|\bworst headache\b|\bthunderclap\b`),
  t("stroke", "emergency", String.raw`\b(?:having|is having) a stroke\b|\bstroke (?:symptoms|signs)\b|\b(?:face|mouth|smile) (?:has |is |looks )?(?:dropped|drooping|droopy|droops|lopsided|fallen|gone funny|twisted)\b|\bslurr\w*|\bspeech (?:is |has gone |gone |went )?(?:slurred|garbled|funny|strange|muddled|jumbled)\b|\b(?:arm|leg|side) (?:has gone |gone |went |is )?(?:weak|numb|dead|floppy|limp)\b|\bcan'?t (?:lift|raise|move) (?:${whose} |one |the )?(?:left |right )?arm\b`),
  t("breathing", "emergency", String.raw`\bcan'?t (?:breathe|catch ${whose} breath|get (?:${whose} )?breath)\b|\b(?:struggling|fighting|unable) to breathe\b|\bgasping\b|\bchoking\b|\blips (?:are |have gone |gone |look |turning )?(?:blue|grey|purple)\b|\bblue (?:lips|round the lips|around the lips)\b|\b(?:not|stopped) breathing\b`),
  t("collapse", "emergency", String.raw`(?<!\b(?:finances|business|farm|roof|ceiling|marriage|relationship|wall|walls|company|deal|plans?|economy|market|fence|shed|bed|floor|chair|trust|sale|landlord|council|agency|surgery|practice|housing|office|provider|service|phone|email|letters?|school|it|they) (?:has |have |had )?)\bcollaps\w*(?! lung)|\bunconscious\b|\bunresponsive\b|(?<!\b(?:finances|business|farm|roof|ceiling|marriage|relationship|wall|walls|company|deal|plans?|economy|market|fence|shed|bed|floor|chair|trust|sale|landlord|council|agency|surgery|practice|housing|office|provider|service|phone|email|letters?|school|it|they) (?:is |are )?)\b(?:barely|not|isn'?t) (?:responding|responsive|rousable|conscious)\b|\b(?:won'?t|can'?t|cannot|couldn'?t|unable to) (?:wake|rouse) (?:him|her|them|the (?:pt|patient|resident|client|service user|su)|pt|patient|resident|client)\b|\bwon'?t wake(?: up| properly)?\b|\bvery drowsy\b|\bslumped\b|\b(?:having|had) a (?:seizure|fit)\b|\bfitting\b|\bpassed out\b|\bblacked out\b`),
  t("collapse", "emergency", String.raw`\b(?:on|off) (?:the |her |his |their |kitchen |bathroom |hall |bedroom |lounge |living room |landing )*floor\b|\bfound (?:on|lying|collapsed|slumped|at the bottom)\b|\bcan'?t (?:get|stand|lift) (?:him|her|them) up\b|\b(?:can'?t|cannot|unable to) get (?:up|off the floor|herself up|himself up)\b(?! (?:the )?stairs| from (?:the )?(?:chair|toilet|bed))|\blong lie\b|\b(?:lying|laid|lay|slumped|sprawled) (?:in|on|at) (?:the )?(?:hall|hallway|landing|path|drive|doorway|bottom of the stairs|garden|bathroom|kitchen)\b`, { onlyNow: true }),
  t("collapse", "emergency", String.raw`\b(?:lying|laid|lay|slumped|collapsed|sat|floor|ground)\b[^.]{0,40}\bnot (?:moving|responding)\b|\b(?:doesn'?t|does not|didn'?t|won'?t|isn'?t|is not) respond(?:ing)?\b(?! (?:to (?:letters|calls|texts|emails|messages|(?:the )?phone|treatment|medication|antibiotics)|well))`),
  t("collapse", "emergency", String.raw`\bbleeding (?:heavily|badly|a lot|everywhere|profusely)\b|\bwon'?t stop bleeding\b|\b(?:lots|loads|pool|pools) of blood\b|\bsoaked (?:through|in blood)\b|\bgash\b|\bhead (?:injury|wound)\b|\bhit (?:${whose} |the back of (?:${whose} )?)head\b|\b(?:fallen|fell) down (?:the |a )?(?:full )?(?:flight of )?stairs\b`),
  t("collapse", "emergency", String.raw`\b(?:ice|stone|freezing) cold to (?:the )?touch\b|\bhypotherm\w*|\b(?:cold|freezing) and (?:confused|drowsy|muddled|unresponsive|mumbling)\b|\bdrowsy (?:and|with) (?:headaches?|confused)\b`),
  // Signs rather than names: what is seen, heard or smelt now.
  t("fire-or-gas", "emergency", String.raw`\beggy smell\b|\bsmell(?:s|ing)? (?:of|like) (?:rotten )?eggs\b|\b(?:cooker|hob|gas) (?:knobs?|rings?|taps?) (?:are |is |were |was )?(?:all )?(?:turned |left )?on\b|\b(?:white |little |small )?(?:box|alarm|detector) (?:next to|by|near|above) the boiler\b[^.]{0,40}\b(?:beep\w*|going off|flash\w*|sounding)\b|\bsmoulder\w*|\b(?:filling|filled|full) (?:up )?(?:with|of) smoke\b`),
  t("collapse", "emergency", String.raw`\bslid (?:\w+ )?(?:off|down|to the floor)\b|\bstopped talking mid[- ]?sentence\b|\bcan'?t get (?:her|him|them) to (?:answer me|respond|wake|open (?:her|his|their) eyes)\b|\bbreathing(?:'s| is)? (?:making )?(?:a )?(?:loud )?(?:snoring|gurgling|rattling|rasping)\b|\bsnoring noise\b|\bcan barely open (?:her|his|their) eyes\b|\bbeen (?:there|on the floor|down there|lying there) (?:since|for|all)\b`),
  t("breathing", "emergency", String.raw`\bfighting for (?:every |each |her |his |their )?breath\b|\b(?:can only get|only getting|can only say|can'?t get more than) (?:\d+|one|two|three|a few|a couple of) words out\b|\blips (?:are |going |turning |gone )?(?:a )?(?:blue|grey|purple)(?:ish)? colou?r\b|\binhaler (?:isn'?t|is not|not|doesn'?t) (?:touching|helping|working|doing anything)\b`),
  // Fire, gas, carbon monoxide.
  t("fire-or-gas", "emergency", String.raw`\bsmell(?:s|ing)? (?:strongly )?(?:of )?gas\b|\bgas (?:smell|leak|escaping|is on)\b|\bsmells? gassy\b|\bco alarm\b|\bcarbon monoxide\b|\bsmoke (?:alarm (?:is )?(?:going off|sounding)|pouring|coming|filling|everywhere|billowing|from)\b|\bon fire\b|\bset (?:fire|light) to\b|\b(?:caught|catches|catching|caught) (?:fire|light)\b|\b(?:house|kitchen|chip pan|flat|pan|electrical) fire\b|\bfire (?:in|at) (?:the|his|her|their)\b|\bflames\b|\bburning smell\b`),
  // Violence and threats.
  t("violence", "emergency", String.raw`\b(?:threaten\w* to|says he'?ll|says she'?ll|going to|gonna|will) (?:kill|stab|hurt|attack|batter|burn|shoot|smother|strangle|beat)\b(?! me if\b)|\bnot safe (?:at home|to go (?:home|back)|there|in the house)\b|\bkept in a room\b|\bmade to work\b|\bworking for (?:no|nothing)\b|\b(?:making|made|forcing|forced) (?:her|him|them) (?:to )?do things\b|\bsexual(?:ly)? exploit\w*|\bgroom(?:ed|ing)\b|\b(?:knife|knives|machete|weapon|gun)\b|\bdo (?:her|him|them|me) in\b|\b(?:crying|screaming|shouting) (?:out )?for help\b|\b(?:can )?hear (?:her|him|them) (?:calling|crying) (?:out )?for help\b|\b(?:has |have )?(?:got )?hold of (?:her|his|their) (?:wrist|arm|throat|neck|hair)\b|\bfinish (?:her|him|them|me) off\b|\bbegging (?:me|us) not to (?:leave|go)\b|\bsmash(?:ing|es)? (?:things|the place|stuff|up the)\b|\bbegging (?:him|her|them) to stop\b`),
  t("violence", "concern", String.raw`\b(?:hit|hits|hitting|punch|punched|punches|punching|kick|kicked|kicks|kicking|slap|slapped|slaps|slapping|push|pushed|pushes|pushing|shove|shoved|shoves|shoving|strangle|strangled|strangling|attack|attacked|attacking|assaulted|beat|beats|beaten|beating|shake|shook|shaking|rape|raped|rapes) (?:her|him|them|me)\b|\bthreatening (?:her|him|them|me)\b|\b(?:hurting|hitting|beating|attacking|hurt|hit|hits|beats) (?:the|her|his|their|my|our) (?:kids|children|child|baby|babies|son|daughter|boy|girl|little one|toddler)\b|\block(?:s|ing|ed)? (?:her|him|them) (?:in|out)\b|\blocked (?:out|in) in the cold\b|\b(?:out|outside) in the cold\b|\bbanging on the (?:door|window)\b|\b(?:shut|locked|barricaded) (?:${self}|(?:her|him|them)) in\b|\bscared (?:for ${whose} life|to go home)\b`, { escalate: danger, mitigate: safeNow }),
  // A vulnerable person missing now.
  // Signs that someone has gone, without the word: "nightie and slippers gone", "bed empty, back door wide open".
  t("missing", "emergency", String.raw`\b(?:nightie|nightdress|nighty|dressing gown|slippers|coat and shoes|shoes and coat|coat and bag)(?: and (?:\w+ ){0,2}?(?:slippers|shoes|coat|nightie|dressing gown|bag|keys))? (?:are |were |is |was )?(?:gone|missing|not there)\b|\b(?:bed|room|flat|house|bungalow) (?:was |is )?empty\b[^.]{0,40}\b(?:door|gate|window) (?:was |is |left )?(?:wide )?open\b|\b(?:wasn'?t|was not|isn'?t|is not) (?:in|at) (?:the |her |his |their )?(?:house|flat|home|bungalow|room|bed)\b[^.]{0,60}\b(?:door|gate) (?:was |is |left )?(?:wide )?open\b`, { mitigate: safeNow }),
  t("missing", "emergency", String.raw`\b(?:gone|went|is|been|reported|has gone) missing\b(?!\s+(?:a lot|lots|school|out|appointments?|meals?|doses?|medication|meds|his|her|their|the|some|work|days|college))|\bmissing (?:since|from)\b|\bwander(?:ed|s|ing)? (?:off|out|away|the streets|the roads|around outside|about outside)\b|\bout wandering\b|\bwalked out\b|(?<!\b(?:barely|hardly|never|rarely|seldom|not|n'?t|only|won'?t|doesn'?t|don'?t) (?:ever )?)\b(?:left|has left|went out of) (?:the house|home|the home|the ward|the care home|the flat|the unit)\b(?=.*\b(?:not|hasn'?t|no sign|worried|since|hours?|ago)\b)|\b(?:hasn'?t|has not|haven'?t|not|didn'?t|did not|never) (?:come|came|got|been|returned) (?:back|home)\b|\bno sign of (?:him|her|them)\b|\bcan'?t find (?:him|her|them)\b|\bnot seen since\b|\bwhereabouts (?:unknown|not known)\b|\bstill (?:isn'?t|is not|not|hasn'?t|has not|haven'?t) (?:back|home|returned|come (?:back|home))\b|\b(?:looked|searched|been) (?:everywhere|all over)\b|\b(?:walking|wandering|stood|standing|staggering) (?:down |along |up |across |in )?(?:the middle of )?(?:the |a )?(?:road|main road|a\d+|m\d+|‹postcode›|dual carriageway|motorway|bypass)(?!\w)|\b(?:went|gone|walked|wandered|got) out (?:of )?the (?:front |back )?(?:door|gate)\b[^.]{0,80}\b(?:(?:he|she|they)(?:'?s| is| has| have|'?ve) gone|no sign|not back|can'?t find)\b|\b(?:been|gone|driven|driving|looked|looking) (?:round|around) the (?:streets|roads|park|village|estate)\b|\b(?:neighbours|police|everyone|family|we) (?:are|is|have been|'?re) (?:out )?(?:looking|searching)(?! (?:at|into|for (?:a|an|some|somewhere|support|help|services?)))\b`, { mitigate: safeNow }),
  // Neglect now, by those who should be caring.
  t("neglect", "emergency", String.raw`\bno food (?:or|and|nor) (?:drinks?|water|fluids?)\b|\bno (?:carers?|care staff|one from the agency) (?:have|has) (?:been|come|visited|turned up) (?:since|for|in)\b|\b(?:soaked|soaking|covered) in (?:urine|faeces|feces|excrement|poo|wee)\b|\b(?:lying|sat|sitting|left) in (?:(?:${whose} )?own |a |the )?(?:(?:soiled|wet|dirty) (?:bed|sheets|clothes|pad)|urine|faeces|feces|wet sheets|soiled \w+|excrement|poo|wee)\b|\bin (?:${whose} )?own (?:urine|faeces|feces|excrement|poo|wee)\b|\b(?:carers?|agency|care agency|care staff) (?:have |has )?(?:not|n'?t|never|haven'?t|hasn'?t|havent|hasnt|didn'?t) (?:been|come|turned up|shown up|visited|turning up)\b|\b(?:hasn'?t|has not|haven'?t|have not) had (?:any )?(?:food|drink|fluids|a drink|anything)(?: or (?:her|his|their) (?:meds|medication|tablets))? since (?:yesterday|last night|\w+day)\b|\b(?:not|hasn'?t|haven'?t|has not|have not|no one has) (?:eaten|eating|drunk|drinking|had (?:anything|food|a drink))(?: \w+)?(?: or (?:eaten|drunk))?(?: anything)? (?:for|in) (?:days|‹value›|a week|\d+ days|two days|three days)\b|\bleft (?:alone )?(?:for )?(?:\d+|two|three|four|several) days\b|\bdehydrated\b|\bcan'?t reach the phone\b|\b(?:being )?starv(?:ed|ing)\b|\bskin and bone\b|\bskeletal\b`),
  // Abuse and exploitation: a concern for the safeguarding route, an emergency with danger now.
  t("abuse", "concern", String.raw`(?<!(?:substance|alcohol|drug|drugs|solvent|self)[- ])\b(?:abus(?:e|ed|es|ing|ive)|neglect(?:ed|ing)?)\b|\bdomestic (?:abuse|violence)\b|\bdv\b|\bcoerci\w*|\bcontrol(?:s|ling)? (?:all )?(?:the |her |his |their )?(?:money|finances|phone|everything|behaviour)\b|\bchecks? (?:her|his|their) phone\b|\bcalls? (?:her|him|them) names\b|\bwon'?t let (?:her|him|them|anyone|the carers?|carers|any carers|staff|us|me|the nurse) (?:out|leave|go out|see|have|eat|in)\b|\bda\b|\bperpetrator\b|\bsexual(?:ly)? (?:abuse|abused|assault\w*)\b|\b(?:has|have|had) (?:his|her|their) bank ?card\b|\bcuckoo\w*|\bmodern slavery\b`, { escalate: danger, mitigate: safeNow }),
  t("abuse", "concern", String.raw`\b(?:taking|takes|took|taken|stealing|steals|stole|spending|spends|using|uses|borrows?|borrowing|had|helping (?:him|her)self to) (?:all )?(?:her|his|their) (?:money|pension|benefits|savings|bank ?cards?|cards|pin|cash)\b|\bmoney (?:keeps |has been )?(?:going|disappearing|missing|taken) (?:from|out of)\b|\bfinancial(?:ly)? (?:abuse|abused|exploit\w*)\b|\bexploit\w*`, { escalate: danger, mitigate: safeNow }),
  t("abuse", "concern", String.raw`\bsafeguarding (?:concern|issue|alert|referral|risk|raised|enquiry)s?\b|\bunexplained (?:bruis\w*|injur\w*|marks|burns?)\b|\bbruis(?:es|ed|ing) (?:on|to|round|around|all over) (?:her|his|their|both)\b|\brough(?:ly)? handl\w*|\b(?:scared|frightened|afraid|terrified) of (?:her|his|their) (?:carer|son|daughter|husband|wife|partner|grandson|granddaughter|boyfriend|girlfriend)\b|\bbeing (?:hit|beaten|hurt|abused|neglected|exploited|bullied|threatened|controlled)\b`, { escalate: danger, mitigate: safeNow }),
  // Scams: a safeguarding concern; an emergency only while the money is being handed over.
  t("abuse", "concern", String.raw`\bscam(?:mers?|med|s)?\b`, {
    escalate: /\b(?:on the phone (?:to|with) them|about to (?:send|transfer|pay|hand over)|(?:at|in) the bank (?:now|right now)|courier (?:is )?(?:coming|on (?:his|her|their) way)|right now)\b/,
  }),
  // Other concerns.
  t("crisis", "emergency", String.raw`\b(?:in|having) (?:a )?(?:mental health )?crisis\b|\bacutely psychotic\b|\bhearing voices telling\b|\bvoices (?:are |keep )?telling (?:him|her|them|me) to\b`),
  t("carer-strain", "concern", String.raw`\bbreaking point\b|\bcan'?t (?:do|take|cope with) (?:this|it) any ?more\b|\b(?:going to|might|will|scared (?:she|he)'?ll) (?:snap|walk out|lose it|hurt (?:him|her))\b|\bcan'?t cope any ?more\b`),
  t("self-neglect", "concern", String.raw`\bself[- ]?neglect\w*|\bliving in squalor\b|\bnot (?:washing|changing ${whose} clothes|looking after ${self})\b`),
];
