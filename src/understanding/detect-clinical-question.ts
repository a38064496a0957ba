/**
 * Does a message ask for clinical judgment? Signpost never gives clinical
 * advice, so a question about a result, a medicine or dose, a symptom, a
 * diagnosis or a prognosis is declined out loud, even when the same message
 * also asks for a service (then the service half is answered too).
 *
 * A clinical question needs both: a way of asking for a judgment ("is that
 * normal?", "should he take...", "would you say weeks or months", "worth
 * dipping?", "do you think") and a clinical subject (a test, a medicine, a
 * dose, a symptom, a diagnosis, how long someone has). Asking for a group or a
 * service ("is there a Breathe Easy group?") is not one.
 */
import { cleanText } from "../text/normalise-text.js";
import { asksClinicalQuestionInAClause } from "./clinical-question-clause.js";
import { medicineClassEndings, namedMedicines } from "./clinical-vocabulary.js";

const judgment = [
  String.raw`\bis (?:it|that|this|she|he|they)(?: \w+)? (?:normal|serious|dangerous|worrying|concerning|bad|ok|okay|safe|high|low|infected|significant|a concern|a worry|something to (?:worry|be worried) about|anything to worry about|likely|possible|contagious|urgent|an? (?:infection|uti|stroke|tia|heart attack|side effect))\b`,
  String.raw`(?<!\b(?:where|how|what) )\b(?:should|could|can|would|shall|must|do|does|did) (?:he|she|they|i|we|the (?:patient|pt)|my (?:patient|pt)|her|his|it)(?: \w+)? (?:take|be (?:on|taking|given|worried)|stop|start|increase|decrease|reduce|come off|switch|double|up|hold|omit|skip|miss|withhold)\b`,
  String.raw`\b(?:should|could|can|would|does|do) (?:he|she|they|her|his) (?:have|get|be given|be on) (?:a |an |the |some |more |less )?(?:rescue pack|antibiotics?|steroids?|blood test|bloods|scan|x-?ray|ecg|msu|swab|dose|higher dose|lower dose|increase|review of (?:his|her) meds)\b`,
  String.raw`\b(?:does|do|would|will|did) (?:his|her|their|the|this|that|these|those)(?: \w+){0,2} (?:need|mean|fit|sound|suggest|indicate|count as|look|go up|come down)\b`,
  String.raw`\bdo (?:you|u|ya) (?:think|reckon|know if|know whether)\b|\bwould you (?:say|think|recommend|advise|increase|stop|reduce|lower|change|hold|cut|up)\b|\bwhat would you (?:do|advise|suggest|recommend)\b|\bin your (?:opinion|view)\b`,
  // "does donepezil make people more agitated?", "is HRT safe for her?", "does she need meds straight away or diet first?"
  String.raw`\b(?:does|do|can|could|would) (?:\S+ ){1,2}(?:make|cause|give) (?:people|patients|him|her|them|you|someone)\b|\bis (?:\S+ ){1,2}(?:safe|ok|okay|dangerous|suitable|risky) (?:for|with) (?:her|him|them|someone|people|his|her)\b|\b(?:does|do|should|will) (?:he|she|they) need (?:meds|medication|medicine|tablets|insulin|treatment|metformin)\b`,
  // "what a PSA of 6.2 means", "whether he should be worried"
  String.raw`\bwhat (?:a|an|the|his|her|their|this|that) (?:\S+ ){0,4}means\b|\b(?:should|does) (?:he|she|they) (?:need to )?(?:be )?(?:worried|concerned|worry)\b`,
  // "what dose of semaglutide would suit him?", "what strength should she be on"
  String.raw`\bwhat (?:dose|dosage|strength)\b(?: of (?:\S+ ){1,2}?)? ?(?:would|should|could|is|do|does|will)\b`,
  String.raw`\b(?:what'?s|what is|what are|whats) the (?:max(?:imum)?|usual|normal|right|correct|safe|starting|recommended|best) (?:dose|dosage|amount|range|level|treatment|medication|medicine)\b`,
  String.raw`\bhow (?:much|many)(?: \w+){0,3} (?:can|should|could) (?:he|she|they|i|we)\b|\bhow long (?:has|have|ha'?ve|does|do|will|would) (?:she|he|they|it|her|his)(?: \w+){0,2} (?:got|left|live|have|last|take)\b|\bhow long (?:she'?s|he'?s|they'?ve|she has|he has) got\b`,
  String.raw`\bweeks or months\b|\bmonths or (?:weeks|years)\b|\b(?:prognosis|life expectancy)\b(?!:?\s*(?:is |of |now |thought to be |estimated (?:at |as )?)?(?:short|poor|guarded|limited|days|weeks|months|likely|around|about|approx\w*|~|<|\d))`,
  String.raw`\bworth (?:dipping|testing|sending|checking|swabbing|an? (?:msu|swab|test|x-?ray|scan|antibiotics?))\b|\bdip (?:it|the urine)\b`,
  String.raw`\b(?:fit|fits|sound like|sounds like|more like|point to|suggest) (?:\w+ )?(?:dementia|alzheimer'?s|vascular|parkinson'?s|depression|delirium|a uti|an infection|a stroke|a tia|cancer|copd|heart failure)\b.*\?|\bwhich (?:diagnosis|is it|one fits|fits better)\b`,
  // "is it alright to give mum her amitriptyline now she's on co-codamol?"
  String.raw`\bis it (?:alright|all right|ok|okay|fine) to (?:give|take|have|carry on (?:with|giving|taking)|keep (?:giving|taking))\b`,
  String.raw`\b(?:interact|interaction|together with|safe to (?:take|give|have|combine|mix))\b|\bis (?:there|it) (?:a |any )?(?:risk|danger|dangerous|risky)\b`,
  String.raw`\b(?:what does|what do) (?:\w+ ){0,3}(?:mean|indicate|show)\b`,
  // "what stage CKD is that", "what grade is it"
  // "?UTI or ?delirium", "worth worrying about?", "is it her amlodipine?", "does a low B12 explain..."
  String.raw`\?\s?[a-z][\w ]{0,25}? or \?\s?[a-z]|\b(?:worth|anything to) worry(?:ing)? about\b|\bshould (?:i|we) (?:be )?(?:worried|concerned|worry)\b|\bis (?:it|that|this) (?:her|his|their|the) \w+(?: \w+)?\s*\?|\b(?:does|do|could|would) (?:a|an|the|her|his|their|low|high) (?:\S+ ){0,2}(?:explain|cause|account for)\b`,
  // "more likely Parkinson's or Lewy body?", "is it something serious", "could his inhaler technique be the problem",
  // "is that the meds doing it", "is it safe for her to fast"
  String.raw`\b(?:more|most|less) likely\b|\bsomething (?:serious|to worry about|sinister|nasty|bad|worse)\b|\bcould (?:\S+ ){0,4}be the (?:problem|cause|reason)\b|\b(?:doing|causing) (?:it|this|that)\s*\?|\b(?:is it|it'?s|if it'?s|whether it'?s) (?:safe|ok|okay|alright) for (?:her|him|them|\w+) to\b`,
  // "worth bumping it up to two a day?", "should she up her amlodipine?", "something or nothing?",
  // "is that his COPD progressing or could it be his heart?"
  String.raw`\bworth (?:bumping|upping|increasing|doubling|reducing|halving|stopping|changing)\b|\bshould (?:she|he|they|we|i) (?:up|bump|double|halve|increase|reduce|stop|change) (?:her|his|their|the|it)\b|\bsomething or nothing\b|\bis (?:that|it|this) (?:his|her|their|the) (?:\S+ ){1,3}?(?:progressing|getting worse|worsening|flaring)\b|\bor could it be\b`,
  // Asking in other words: "what could be causing...",
  // "what's a good dose of...", "what's the difference between...", "what next?", "what else can we try",
  // "how often should...", "would you send him in", "hold warfarin?", "is 38.5 a fever", "is it dementia or...".
  String.raw`\bwhat (?:could|might|would|is|are|does|do)(?: \S+)? (?:be )?(?:caus\w+|the cause)\b|\bwhat(?:'s| is) (?:a |the )?(?:good|sensible|safe|normal|usual|typical|ok|okay) (?:dose|dosage|level|amount|range|reading|number)\b|\bwhat(?:'s| is| are) the differences? between\b|\bwhat next\b|\bwhat (?:else )?(?:can|could|should) (?:we|i) (?:try|give|do|use)\b|\bhow often (?:should|do|does|must|can)\b|\bwould you (?:send|admit|treat|give|refer (?:him|her) to (?:a&e|hospital))\b|\b(?:hold|omit|stop|start|increase|reduce|double|halve|skip) (?:the |her |his |their |tonight'?s )?\S+(?: dose)?\s*\?|\bis (?:a |an )?[\d.]+ (?:a )?(?:fever|temp\w*|high|low|normal|raised|ok|okay)\b|\bis (?:it|this|that) (?:just )?(?:dementia|alzheimer'?s|depression|delirium|parkinson'?s|a uti|an infection|a stroke|a tia|cancer|heart failure|sepsis|old age)\b|\bwhat (?:\S+ ){0,3}means? for (?:her|him|them|his|the)\b|\bdoes (?:that|this|it) make (?:her|him|them)\b|\bwould you expect\b`,
  // "is the rattly breathing normal at this stage?", "is her swelling something to worry about?"
  String.raw`\bis (?:the|his|her|their|this|that) (?:\S+ ){0,5}(?:normal|serious|dangerous|worrying|concerning|expected|to be expected|usual|a (?:bad|good) sign)\b(?! (?:price|prices|cost|costs|charge|fee|fees|rate|hours|times?|days?|venue|place|room))[^.?]{0,40}\?`,
  // "asking me if he should go up to 100", "should she come down to 25mg"
  String.raw`\b(?:(?:should|could|can|ought) (?:he|she|they|i|we)|(?:he|she|they|i|we) (?:should|could|can|ought to)) (?:go|come|move|step) (?:up|down|back) (?:to|on|a dose)\b`,
  // "is it safe to swim with a pacemaker?", "is that well controlled?"
  String.raw`\b(?:is (?:it|that|this)|it'?s|it is) (?:safe|ok|okay|alright|all right) to (?:swim|drive|fly|exercise|travel|drink|fast|lift|bathe|shower|go (?:swimming|to the gym))\b|\bis (?:it|that|this|(?:his|her|their) \S+) (?:well|badly|poorly|properly) controlled\b`,
  // "does he need his meds upping?", "can she have HRT if she gets migraines", "would she qualify for wegovy?", "is 18 too high?"
  String.raw`\b(?:does|do|should|would) (?:he|she|they) need (?:his|her|their|the) (?:\S+ ){0,2}(?:upping|upped|increasing|increased|changing|changed|lowering|lowered|reducing|reduced|stopping|stopped)\b|\b(?:can|could|should) (?:he|she|they) (?:have|take|use|go on|start) \S+(?: \S+)? if (?:he|she|they)\b|\b(?:qualify|eligible) for (?:wegovy|mounjaro|ozempic|saxenda|tirzepatide|semaglutide|orlistat|hrt|statins?|antibiotics?|a statin|weight loss (?:jabs?|injections?|drugs?|surgery)|bariatric surgery)\b|\bis (?:that|it|this|\d+(?:\.\d+)?) too (?:high|low|much|little)\b`,
  // "is that pre-diabetes or T2DM?", "should she be getting something from the GP to help her sleep?"
  String.raw`\bis (?:that|it|this|she|he) (?:\S+ ){0,3}or (?:\S+ ){0,3}\S+\s*\?|\bshould (?:she|he|they|i|we) (?:be )?(?:getting|having|taking|given|on|prescribed) (?:something|anything)\b`,
  // "does she need to be worried about that?", "can he have another two paracetamol now?", "is his medication not working?"
  String.raw`\b(?:does|do|should) (?:she|he|they|i|we) need to (?:be )?(?:worried|concerned|worry)\b|\bcan (?:he|she|they|i|we) (?:have|take|give (?:him|her|them)) (?:another|more|an extra|a further|\d+|one|two|three)\b|\bis (?:his|her|their|the) (?:\w+ )?(?:medication|meds|tablets|inhaler|dose|patch|insulin) (?:not )?(?:working|helping|right|wrong|enough|too (?:high|low|strong))\b`,
  // "what should her target weight be", "can he still have a few pints on his sertraline"
  String.raw`\bwhat should (?:her|his|their|the|my) (?:\S+ ){0,2}be\b|\b(?:can|could|should|may) (?:he|she|they|i|we) (?:still )?(?:have|drink|eat|drive)\b[^.?]{0,40}\b(?:on|with) (?:his|her|their|the) \S+`,
  // "is his new amlodipine what's making his ankles swell?", "should he be pushing GP for steroids?", "can she take them all together?"
  String.raw`\bis (?:\S+ ){1,4}?what'?s (?:making|causing|behind|giving)\b|\b(?:is|are|could|might) (?:it |that |this )?(?:be )?(?:his|her|their|the) (?:new )?(?:\S+ ){0,2}?(?:making|causing|giving) (?:him|her|them)\b|\bshould (?:he|she|they|i|we) (?:be )?(?:push\w*|ask\w*|press\w*|chas\w*|nag\w*) (?:the |his |her |their )?(?:gp|doctor|consultant|nurse|team|surgery) (?:for|about) (?:a |an |some |the |more |stronger )?\S+|\btak(?:e|ing) (?:them|these|those|both|all (?:of )?(?:them|these|those|\S+)|the \S+) (?:all )?together\b`,
  // "can Mrs P have grapefruit juice with her simvastatin?", "is alcohol ok with his warfarin"
  String.raw`\b(?:(?:can|could|should|may) (?:he|she|they|mrs \S+|mr \S+|\S+)|(?:he|she|they|i) (?:can|could|should|may)) (?:still )?(?:have|drink|eat|take)\b[^.?]{0,40}\bwith (?:his|her|their|the|my) (?:\S+ )?(?:meds|medication|tablets|pills|antidepressants?|antibiotics?|painkillers?|steroids?|chemo|\w+(?:ine|ide|ol|il|in|am|one|pril|sartan|statin|azole|pam|lam|cillin|mycin|cycline|prazole|olol|gliptin|gliflozin|parin|xaban|codone|phine|ate))\b`,
  String.raw`\bwhat (?:stage|grade|level|type|class)\b(?: \S+){0,2} (?:is|does|would|are)\b`,
  // "BMI 41 - is that why she got knocked back for the op?", "should it be lowered?", "means he's got cancer"
  String.raw`\bis (?:that|it|this) (?:why|the reason)\b|\bshould (?:it|that|this|the dose|(?:her|his|their) \S+(?: dose)?) be (?:lowered|reduced|increased|upped|raised|changed|stopped|cut|put (?:up|down|back))\b|\bmeans? (?:he'?s|she'?s|they'?ve|he has|she has|they have) got\b`,
  // "does he need abx or just push fluids", "does she need to see renal"
  String.raw`\b(?:does|do|would|will|should) (?:he|she|they|pt|the (?:patient|pt)|\w+) (?:need|want|require)(?: to)? (?:to see |see |an? |some |more )?(?:abx|antibiotics?|steroids?|renal|cardiology|neurology|urology|oncology|a consultant|a specialist|a scan|an? (?:x-?ray|ecg|mri|ct|blood test|msu|swab)|bloods|fluids|admitting|admission|a&e)\b|\bor just (?:push fluids|wait|monitor|watch)\b`,
  // "can 43F stop her sertraline", "is it ok for her to come off her meds"
  String.raw`\b(?:should|could|can|would|shall|must|ok (?:for \S+ )?to|okay (?:for \S+ )?to|safe (?:for \S+ )?to) (?:(?!(?:you|find|get|help|see|look|benefit|go)\b)\S+ ){0,3}(?:stop|start|come off|increase|decrease|reduce|double|halve|restart|take|cut down)\b(?! (?:smoking|drinking|vaping|going|attending|seeing|working|up|part|on the|over|(?:him|her|them) (?:to|out|along|round|shopping)|the (?:bus|train|car))\b)`,
  // "could her memory problems be from the oxybutynin", "is the dizziness due to..."
  String.raw`\b(?:could|can|might|would|is|are|was|were) (?:\S+ ){0,4}(?:be |been )?(?:(?<!\b(?:benefit|benefits|benefiting|come|came|back|away|home|discharged|referred|referral|support|help|hear|heard|moved|far|apart|free|suffering|recovering|suffer|recover) )from|due to|caused by|because of|related to|down to|a side[- ]effect of|side[- ]effects? of|linked to) (?:the |her |his |their |a |an )?(?:new )?(?:\S+ )?(?:meds|medication|medicines?|tablets|pills|drugs?|dose|\w+(?:ine|ide|ol|il|in|am|one|pril|sartan|statin|azole|pam|lam|cillin|mycin|cycline|prazole|olol|gliptin|gliflozin|parin|xaban|codone|phine|ate))\b`,
  // "would HRT patches suit her better than tablets?", "what are the odds of him having a proper stroke now?"
  String.raw`\bwould (?:\S+ ){1,3}(?:suit|work for|be better for|be safer for) (?:her|him|them)\b|\bsuits? (?:her|him|them) better\b|\b(?:what are|what'?s|whats|what is) (?:the|his|her|their) (?:odds|chances?|risk|likelihood)\b|\bhow likely (?:is|are) (?:it|he|she|they)\b`,
  // "can it wait till GP in the morning?", "is it ADHD or anxiety?" (with the conditions among the subjects)
  String.raw`\bcan (?:it|this|that|he|she|they) wait (?:till|until|for|to)\b`,
  // Round 28: "could the cold and damp be what's making her chest worse?", "or something I should worry about?"
  String.raw`\b(?:could|might|can|would) (?:\S+ ){1,5}?be what'?s (?:making|causing|behind|giving)\b|\bsomething (?:i|we|she|he|they) (?:should|need to|ought to) (?:worry|be worried|be concerned) about\b`,
];
const asksJudgment = new RegExp(judgment.join("|"));

const subjects = [
  // Tests and observations.
  String.raw`\bkidney (?:number|numbers|function|score|levels?|reading|results?|bloods)\b|\bnight sweats\b|\bhot flush\w*|\b(?:racing heart|heart (?:races|racing|pounding))\b|\b(?:the )?(?:menopause|peri-?menopause|the change)\b|\b(?:her|his|their|my) chest\b|\b(?:hba1c|a1c|egfr|gfr|creatinine|bp|blood pressure|bloods?|blood test|results?|inr|crp|hb|haemoglobin|ferritin|b12|vitamin d|tsh|thyroid|psa|cholesterol|sats|spo2|oxygen|pulse|heart rate|temp(?:erature)?|sugars?|glucose|urine|msu|dip(?:stick)?|ecg|x-?ray|scan|mri|ct|trop(?:onin)?|d-?dimer|peak flow|fev1|weight loss|bmi|ckd\d?|stage \d)\b`,
  // Medicines and doses.
  String.raw`\b(?:dose|doses|dosage|mg|mcg|medication|medicines?|meds|tablets?|pills?|prescri\w*|antibiotics?|anti-?depressants?|steroids?|rescue pack|inhalers?|statins?|laxatives?|painkillers?|pain ?relief|patch|patches|injection|jab|vaccine|abx|side[- ]effects?|water tablets?|hrt|nicotine (?:patch|gum|replacement)|${namedMedicines})\b`,
  // Medicines named by their class's ending: bendroflumethiazide, lisinopril, lercanidipine, alendronate.
  String.raw`\b\w{3,}(?:${medicineClassEndings})\b`,
  // Symptoms, conditions, diagnosis and prognosis.
  String.raw`\b(?:adhd|add|asd|autism|autistic|anxiety|ocd|bipolar|psychosis|ptsd|schizophreni\w*|personality disorder|mmse|moca|ace-?(?:iii|3)|6cit|sleep|sleeping|insomnia|tumou?rs?|pacemaker|af|atrial fibrillation|angina|sleeping tablets?|sleep(?:ing)? pills?|pre-?diabet\w*|t2dm|t1dm|symptoms?|pain|ache|puffy|puffiness|dozy|drowsy|tremors?|shaky|palpitations?|tingling|faint(?:ing|s)?|headaches?|migraines?|swelling|swollen|oedema|rash|cough|wheez\w*|breathless\w*|sob|dizzy|dizziness|unsteady|unsteadiness|wobbly|confus\w*|delirium|infect\w*|uti|fever|temperature|oozing|weeping|wound|ulcer|red|hot|smell\w*|bleed\w*|bruis\w*|lump|mole|vomit\w*|diarrh\w*|constipat\w*|dementia|alzheimer'?s|vascular|parkinson'?s|stroke|tia|cancer|tumou?r|heart failure|hf|copd|diagnos\w*|prognosis|life expectancy|dying|new hip|new knee|hip replacement|knee replacement|operation|op|stitches|breathing|rattl\w*|hearing|deaf\w*|eyesight|vision|sight|blurr\w*|numb\w*|end stage|palliative|got left|ckd|renal|kidney|memory (?:probs?|problems?|loss))\b`,
];
const clinicalSubject = new RegExp(subjects.join("|"));

/** Asking for a service, not a judgment: "is there a group", "any support", "who can help". */
const asksForService =
  /\b(?:the other thing is|(?:she'?s|he'?s|they'?re|shes|hes) also after|someone to (?:talk|chat|speak) to|separate(?:ly| thing| question| issue)|on another note|different (?:thing|question)|also (?:she|he|they) (?:can'?t|needs?|wants?|would like)|also needs?|also after|(?:she|he|they) also (?:can'?t|needs?|wants?|would like)|any(?:thing(?! (?:to worry|wrong|serious|of concern))| support| groups?| services?| classes| help| local| clubs?| courses?)|is there (?!(?:(?:a|an|any|some) )?(?:interaction|risk|problem|danger|chance|cure|side[- ]?effects?|link|connection|reason|point|test|treatment|anything (?:to worry|wrong|serious))\b)(?=\w)|are there (?:any)?|who (?:can|could|does|do|helps?|offers?)|where (?:can|could|is)|what (?:support|help|services?|groups?|classes) |local (?:support|groups?|services?|classes)|any (?:\w+ ){1,2}(?:clubs?|groups?|classes|caf[eé]s?|services?|support|help|schemes?|activities)|support groups?|groups?|classes|an? (?:\w+ ){0,3}class|exercise|befriending|referr?al|refer|signpost|support|caf[eé]s?|asking (?:about|for) (?:a|an|any|some|local|\w+ (?:caf[eé]s?|groups?|clubs?|support))|looking for|services?|what'?s (?:local|available|out there|on offer|around)|needs? help (?:with|getting|to)|help (?:getting|with (?:transport|shopping|lifts))|(?:can|could|would|does|do) (?:anyone|anybody|someone|somebody) (?:\w+ )?(?:help|do|visit|pop|come|take|drive|collect|sort|check)|(?<!\b(?:eating|eat|eats|ate|having|had|has|have|drinking|drink|drinks) )any (?:\w+ )?(?:befrienders?|volunteers?|visitors?|drivers?|helpers?|charit(?:y|ies)|organisations?|lunch(?:es| clubs?)?)|(?:she|he|they)(?:'?d| would) (?:also )?(?:like|love|be keen on|enjoy|benefit from)|lunch clubs?|social clubs?|(?:also|and) (?:she|he|they)(?:'s| is| are|'re) (?:struggling|finding it hard|having trouble|behind) (?:to pay|to afford|with|on)|struggl\w* to (?:pay|afford) (?:for )?(?:the |his |her |their )?(?:heating|bills|rent|food|energy|gas|electric))\b/;

export interface ClinicalQuestion {
  /** The message asks nothing else: decline it, and say what Signpost can do. */
  readonly alone: boolean;
}

/** Asking how long someone has left, or whether a sign is "something or nothing", is a clinical question on its own. */
const prognosis = /\b(?:will|would|is|does) (?:he|she|they) (?:\w+ )?(?:see|make it to|last (?:till|until|to|through)|get to) (?:christmas|xmas|the new year|new year|easter|(?:his|her|their) (?:birthday|anniversary)|the (?:summer|spring|wedding)|next (?:week|month))\b|\b(?:likely|going|expected) to (?:be|stay) permanent\b|\bwill (?:it|this|that|the \S+(?: \S+)?) be permanent\b|\bis (?:it|this|that) permanent\b|\b(?:his|her|their) (?:\w+ )?(?:memory|speech|mobility|walking|eyesight|sight|vision|hearing|breathing|balance|sob|symptoms?|condition|strength) (?:will|is going to|going to|gonna) (?:ever )?(?:come back|improve|get (?:any |much )?(?:better|worse)|recover|return|deteriorate)\b|\bwill (?:he|she|they) (?:go|end up) (?:blind|deaf)\b|\bis (?:his|her|their) (?:\w+ )?(?:memory|speech|mobility|sob|breathing|breathlessness|pain|eyesight|sight|vision|hearing|condition|copd|dementia|arthritis|symptoms?|heart|kidneys?|balance|confusion|tremor|parkinson'?s|ms|ckd|cancer|eyes|legs?) (?:\S+ )?going to get (?:any |much )?(?:worse|better)\b|\bwill (?:his|her|their) (?:\w+ )?(?:memory|speech|mobility|walking|eyesight|sight|vision|hearing|breathing|balance|pain|confusion|symptoms?|condition|kidneys?|heart|lungs?|legs?|arms?|hands?|swallow(?:ing)?|continence|strength|function|recovery|dementia|tremor) (?:ever )?(?:get (?:any |much )?(?:better|worse)|improve|come back|recover|return)\b|\bwill (?:he|she|they) (?:ever )?get (?:any |much )?better\b|\bwill (?:he|she|they) (?:ever )?(?:walk|talk|speak|see|hear|recover|get better|drive|work|be the same) again\b|\bwill (?:he|she|they) (?:ever )?(?:fully )?recover\b|\bhow long (?:do|does|can|will|would) (?:people|someone|patients|you|they) (?:usually |normally |typically )?(?:live|last|survive|have(?: left| got)?(?! to)|get)\b|\bhow long (?:has|have|ha'?ve|does|do|will|would) (?:she|he|they|her|his)(?: \w+){0,2} (?:got|left|live|have)\b|\bhow long (?:she'?s|he'?s|they'?ve|she has|he has|they have) got\b|\bweeks or months\b|\bmonths or (?:weeks|years)\b|\b(?:prognosis|life expectancy)\b(?!:?\s*(?:is |of |now |thought to be |estimated (?:at |as )?)?(?:short|poor|guarded|limited|days|weeks|months|likely|around|about|approx\w*|~|<|\d))|\bsomething or nothing\b|\bwill (?:it|(?:her|his|their|my) (?:hair|nails?|eyebrows|taste|sense of (?:taste|smell)|voice|strength)) (?:\w+ )?(?:grow back|come back|return|recover)\b|\bhow long (?:till|until|before|will it (?:be|take)|does it (?:usually )?take|is it) (?:\S+ ){0,4}?(?:drive|driving|walk|walking|work|working|recover|heal|be back|get back|go back|fly|swim|lift|bath|shower)\w*\b[^.?]{0,40}\b(?:after|following|since|from) (?:his|her|their|the|a|an|my) (?:\S+ ){0,2}?(?:replacement|op|operation|surgery|stroke|fracture|break|heart attack|bypass|stent|procedure|chemo)\b/;

/**
 * A question put loosely ("any idea why her legs are so swollen", "wondering if her new tablets are making
 * her dizzy", "wants to know if a PSA of 6.2 means cancer"): clinical only when what follows, in the same sentence, has a clinical subject and asks for
 * no service.
 */
const looseQuestion = /\b(?:any idea|wondering|not sure|unsure|need to know|do you know|wants? to know|wanted to know|(?:is |was )?ask(?:s|ed|ing) (?:me |us )?) ?(?:if|whether|why|what|how)\b([^.?!\n]{0,80})/g;

function asksLoosely(text: string): boolean {
  for (const match of text.matchAll(looseQuestion)) {
    const span = match[1] ?? "";
    // "asked me if there's a free programme", "wants to know what's out there", "asking how to get power of
    // attorney", "asked if she could get one": what there is or how to get it, not a judgment.
    if (/^\s*(?:there(?:'s| is| are)|any|help|support|services?|groups?|clubs?|options|'?s (?:out there|available|on offer|around)|is (?:out there|available|on offer)|to (?:get|find|apply|access|sort|arrange|contact|join|claim|go)|(?:she|he|they) (?:could|can|might) (?:get|have|go|join|access|attend|apply))\b/.test(span)) continue;
    if (clinicalSubject.test(span) && !asksForService.test(span)) return true;
  }
  return false;
}

export function detectClinicalQuestion(message: string): ClinicalQuestion | undefined {
  // Accents dropped ("café" as "cafe"): a word boundary after "é" never matches in a RegExp without the u flag.
  const text = cleanText(message).toLowerCase().replace(/[\u2018\u2019]/g, "'").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (!prognosis.test(text) && !asksLoosely(text) && (!asksJudgment.test(text) || !clinicalSubject.test(text)) && !asksClinicalQuestionInAClause(text)) return undefined;
  return { alone: !asksForService.test(text) };
}
