/**
 * The risks that make Signpost lead with the safety net instead of a search.
 * Each pattern runs on lower-cased text with apostrophes kept ("od'd" is not
 * "odd"). Missing a real emergency is the worst error, so patterns are broad;
 * negation and history are judged separately (see detect-emergency.ts).
 */
export type RiskKind = "suicide" | "self-harm" | "overdose" | "chest-pain" | "stroke" | "collapse" | "abuse" | "crisis" | "danger";

export interface RiskPattern {
  readonly kind: RiskKind;
  readonly pattern: RegExp;
  /** A past event ("in 2019", "years ago", "post") makes it history, not an emergency. */
  readonly canBeHistory: boolean;
}

const pronoun = "(?:him|her|them|my|me|his|their|it)";
const self = "(?:himself|herself|themselves|themself|myself|yourself)";
const meds =
  "(?:tablets|pills|meds|medication|medicine|paracetamol|co-?codamol|codeine|tramadol|morphine|oxycodone|methadone|insulin|sleeping pills|antidepressants|" +
  "amitriptyline|sertraline|citalopram|fluoxetine|mirtazapine|venlafaxine|diazepam|zopiclone|pregabalin|gabapentin|lithium|quetiapine|aspirin|ibuprofen|warfarin)";
const family = "(?:son|daughter|husband|wife|partner|carer|carers|grandson|granddaughter|neighbour|boyfriend|girlfriend|brother|sister|family|nephew|niece|lodger)";
const not = "(?:doesn'?t|does not|don'?t|do not|didn'?t|not|no longer|never)";

const p = (kind: RiskKind, source: string, canBeHistory = true): RiskPattern => ({
  kind,
  pattern: new RegExp(source, "g"),
  canBeHistory,
});

export const riskPatterns: readonly RiskPattern[] = [
  // Suicide: direct, indirect and abbreviated ("SI"), with common misspellings.
  p("suicide", String.raw`\b(?:suicid\w*|sucid\w*|suicd\w*|sucicid\w*|suiside\w*|suacid\w*)`),
  p("suicide", String.raw`\bsi\b`),
  p("suicide", String.raw`\bkill(?:ing|ed|s)? ${self}`),
  p("suicide", String.raw`\b(?:end|ending|ended) (?:it all|it|things|${pronoun} (?:own )?life)\b|\b(?:take|taking|took) ${pronoun} (?:own )?life\b`),
  p("suicide", String.raw`\b(?:wants?|wanting|wanted) to die\b`),
  p("suicide", String.raw`\bbetter off (?:dead|without ${pronoun}|gone)\b`),
  p("suicide", String.raw`\bno (?:point|reason) (?:in )?(?:living|going on|carrying on|being here|to live|to go on)\b`),
  p("suicide", String.raw`\b${not} (?:want|wanting|wish) to (?:be here|live|be alive|wake up|go on|carry on)\b`),
  p("suicide", String.raw`\bcan'?t (?:go on|carry on|cope anymore|take (?:it|any ?more))(?: anymore| like this| any ?more)?\s*(?:$|[.,;!])`),
  p("suicide", String.raw`\b(?:gave|giving|given) away (?:all )?(?:${pronoun} )?(?:things|belongings|possessions|stuff)\b`),
  p("suicide", String.raw`\b(?:said|saying|says) (?:${pronoun} )?goodbyes?\b`),
  p("suicide", String.raw`\b(?:hang|hanging|hanged) ${self}|\bnoose\b|\bligature\b`),
  p("suicide", String.raw`\b(?:stockpil\w*|saving up|hoarding) (?:${pronoun} )?${meds}`),
  p("suicide", String.raw`\b(?:threaten\w*|going|wants?|about) to jump\b|\bjump (?:off|in front of|from)\b|\bon (?:the|a) (?:bridge|ledge|roof)\b`, false),
  // Self-harm.
  p("self-harm", String.raw`\bself[- ]?harm\w*|\bsh\b`),
  p("self-harm", String.raw`\b(?:cutting|cut|burning|burnt|hurting|harming|hurt|harmed) (?:${self}|${pronoun} (?:arms?|wrists?|legs?|self))\b`),
  // Overdose.
  p("overdose", String.raw`\boverdos\w*|\bod'd\b|\boded\b|\bod\b|\bo\.d\.`),
  p("overdose", String.raw`\b(?:taken|took|take|swallowed|has had|had) (?:all|a load of|loads of|too many|lots of|a lot of|a whole|the whole|a bottle of|a packet of|a box of|a handful of|extra|\d+)(?: (?:of )?${pronoun})? (?:\w+ )?${meds}`),
  // Chest pain and heart attack.
  p("chest-pain", String.raw`\bchest pains?\b|\bpains? in (?:${pronoun} |the )chest\b|\b(?:tight|crushing|heavy) (?:chest|pain)\b|\bchest (?:is |feels )?(?:tight|heavy)\b`),
  p("chest-pain", String.raw`\bpain (?:spreading |going |radiating )?(?:down|into|up) (?:${pronoun} |the )?(?:left )?(?:arm|jaw)\b`),
  p("chest-pain", String.raw`\b(?:having|had|has had|is having) a heart attack\b|\bheart attack\b`),
  // Stroke signs (FAST).
  p("stroke", String.raw`\b(?:having|is having|think(?:s|ing)? (?:it'?s|he'?s|she'?s|they'?re)(?: having)?) a stroke\b|\bstroke (?:symptoms|signs)\b`),
  p("stroke", String.raw`\bface (?:has |is |looks )?(?:dropped|drooping|droopy|droops|lopsided|fallen)\b|\blopsided\b`),
  p("stroke", String.raw`\bslurr\w*|\bspeech (?:is |has gone |gone )?(?:slurred|garbled|funny|strange)\b`),
  p("stroke", String.raw`\b(?:arm|leg) (?:has gone |gone |is )?(?:weak|numb|dead)\b|\bcan'?t (?:lift|raise|move) (?:${pronoun} |one )?arm\b`),
  // Collapse and other medical emergencies happening now.
  p("collapse", String.raw`\bcollaps\w*|\bunconscious\b|\bunresponsive\b|\bnot (?:responding|breathing|waking up)\b|\bcan'?t breathe\b|\bstruggling to breathe\b|\bnot breathing\b`, false),
  p("collapse", String.raw`\b(?:having|had) a (?:seizure|fit)\b|\bfitting\b|\bwon'?t stop bleeding\b|\bbleeding (?:heavily|badly|a lot)\b`, false),
  p("collapse", String.raw`\bon the floor (?:now|right now|and (?:can'?t|cannot|can not) get up|not (?:moving|responding))\b`, false),
  p("collapse", String.raw`\bhit (?:${pronoun} |the back of (?:${pronoun} )?)head\b|\bhead injury\b|\bhypotherm\w*|\b(?:freezing|frozen|cold) and (?:confused|drowsy|unresponsive|shaking)\b`),
  // Abuse and neglect (not "substance abuse", not "self-neglect", which are needs).
  p("abuse", String.raw`(?<!(?:substance|alcohol|drug|drugs|solvent|self)[- ])\b(?:abus(?:e|ed|es|ing|ive)|neglect(?:ed|ing)?)\b`),
  p("abuse", String.raw`\b(?:hits|hitting|hit|beats|beating|beat|kicks|kicking|punch\w*|slap\w*|pushes|pushed|shoves|hurts|hurting) (?:her|him|them|me)\b`),
  p("abuse", String.raw`\bbeing (?:hit|beaten|hurt|exploited|abused|neglected|threatened|controlled|bullied)\b`),
  p("abuse", String.raw`\b(?:taking|takes|took|stealing|steals|stole|spending|spends|using) (?:${pronoun} |all ${pronoun} )(?:money|pension|benefits|savings|bank card|cards)\b`),
  p("abuse", String.raw`\b(?:scared|afraid|frightened|terrified) (?:of|to go home)\b`),
  p("abuse", String.raw`\block(?:s|ing|ed)? (?:${pronoun}|her|him) in\b|\blocked in\b|\bwon'?t let (?:her|him|them) (?:out|leave|go out|see|eat)\b`),
  p("abuse", String.raw`\bdomestic (?:abuse|violence)\b|\bdv\b|\bcoerci\w*|\bcontrolling (?:${family}|behaviour)\b|\bexploit\w*|\bcuckoo\w*|\bmodern slavery\b`),
  p("abuse", String.raw`\bsafeguarding (?:concern|issue|alert|referral|risk)s?\b|\bunexplained bruis\w*`),
  p("abuse", String.raw`\bnot (?:eaten|eating|had (?:any )?food)(?: \w+){0,2} (?:for|in) (?:days|\d+ days|a week)\b|\bno food,? no heating\b`, false),
  p("suicide", String.raw`\b(?:railway|train|rail) (?:line|lines|tracks?|bridge)\b`, false),
  // Danger now: a vulnerable person missing, a fire, threats to harm someone else.
  p("danger", String.raw`\b(?:gone|went|is|been|reported) missing\b|\bmissing since\b|\bwandered off\b|\bcan'?t find (?:him|her|them)\b|\b(?:not|hasn'?t|has not|didn'?t|did not|never) (?:come|came|got|been) (?:back )?home\b`, false),
  p("danger", String.raw`\b(?:fire|smoke) (?:in|coming|filling|everywhere)\b|\bon fire\b|\b(?:burn|burning|set fire to) (?:${pronoun} |the )?(?:house|flat|home|place)\b`, false),
  p("danger", String.raw`\b(?:will|going to|gonna|threaten\w* to|says he'?ll|says she'?ll) (?:kill|smother|strangle|stab|hurt|attack|batter|burn|shoot) (?:her|him|them|me|you|someone|somebody|the)\b`, false),
  // Neglect by those who should be caring.
  p("abuse", String.raw`\b(?:in|covered in|sat in|lying in) (?:(?:his|her|their) )?(?:own )?(?:urine|faeces|feces|poo|wee)\b|\bcarers? (?:haven'?t|hasn'?t|have not|has not|didn'?t|did not|not) (?:been|come|turned up|shown up)\b`, false),
  // A crisis happening now.
  p("crisis", String.raw`\b(?:in|having) (?:a )?(?:mental health )?crisis\b|\bpsychotic\b|\bhearing voices telling\b|\b(?:threatening|going) to (?:hurt|kill|attack|stab)\b|\b(?:knife|weapon)\b`, false),
];

/** Words before a risk that mean it is absent: "no risk of self harm", "denies SI". */
export const negations = /\b(?:no|not|denies|denied|deny|denying|without|never|nil|none|negative for|no signs? of|no evidence of|no history of|no concerns?|ruled out|isn'?t|wasn'?t)\b/;

/** Words near a risk that place it in the past: "overdose in 2019", "stroke 2 yrs ago", "post stroke". */
export const historyBefore = /\b(?:history of|hx of|hx|previous(?:ly)?|past|post|prior|old|recovered from|survivor of|used to)\b/;
export const historyAfter = /^\W*(?:\w+\W+){0,3}?(?:in (?:19|20)\d\d|(?:\d+ |a few |many |some )?(?:years?|yrs?|months?|weeks?) ago|last (?:year|month)|(?:19|20)\d\d|a while (?:back|ago)|in the past|when (?:he|she|they) (?:was|were) younger)\b/;
