/**
 * The clinical words both readers of a clinical question share (detect-clinical-question.ts reads the
 * whole message, clinical-question-clause.ts one clause at a time): medicines by name, and medicines by
 * the ending of their class. One list, so that a medicine taught to one reader is known to both.
 */

/** Medicines named outright, as an alternation for a RegExp source. */
export const namedMedicines =
  "insulin|morphine|oramorph|paracetamol|ibuprofen|codeine|amlodipine|ramipril|metformin|warfarin|" +
  "apixaban|amitriptyline|sertraline|citalopram|mirtazapine|gabapentin|pregabalin|furosemide|" +
  "bisoprolol|levothyroxine|donepezil|memantine|omeprazole|lansoprazole|atorvastatin|simvastatin|" +
  "prednisolone|diazepam|lorazepam|zopiclone|tramadol|co-?codamol|quetiapine|risperidone|" +
  "haloperidol|olanzapine|lithium|venlafaxine|fluoxetine|duloxetine|propranolol|atenolol|digoxin|" +
  "rivaroxaban|edoxaban|dabigatran|clopidogrel|aspirin|allopurinol|colchicine|methotrexate|" +
  "hydroxychloroquine|alendron\\w*|adcal|bumetanide|spironolactone|losartan|candesartan|lisinopril|" +
  "perindopril|gliclazide|sitagliptin|dapagliflozin|empagliflozin|tamsulosin|finasteride|" +
  "oxybutynin|tolterodine|solifenacin|mirabegron|trimethoprim|nitrofurantoin|amoxicillin|" +
  "doxycycline|clarithromycin|cefalexin|flucloxacillin|co-?amoxiclav|salbutamol|tiotropium|" +
  "levodopa|co-?careldopa|rivastigmine|galantamine|melatonin|sinemet|madopar|co-?beneldopa|" +
  "ropinirole|pramipexole|rasagiline|methylphenidate|ritalin|concerta|atomoxetine|lisdexamfetamine|elvanse|wegovy|mounjaro|ozempic|saxenda|tirzepatide|semaglutide|" +
  "orlistat";

/** Medicines named by their class's ending: bendroflumethiazide, lisinopril, lercanidipine, alendronate. */
export const medicineClassEndings =
  "thiazide|pril|sartan|statin|olol|prazole|gliptin|gliflozin|xaban|cillin|mycin|cycline|azepam|zolam|oxetine|triptyline|dronate|parin|semide|dipine";
