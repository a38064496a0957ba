/**
 * The person's age, as staff write it: "84yo", "84-year-old", "aged 81",
 * "age: 72", "79M", "F 90", "Pt 26F", "Mrs P (79)", "a lady of 90", "gent 84",
 * "lonely gent in Loughborough, 84,", "girl, 15", and decades as their lower bound ("in her
 * 80s" -> 80). Test results, doses, postcodes, house numbers, dates and times
 * are taken out first (scrub-clinical-values.ts), so "BMI 34", "BP 146/90" or
 * "12 Castle View Close" are never an age. Lengths of time ("off sick 2 yrs",
 * "3 years ago") are not ages either. The earliest clear mention wins: in a note
 * about two people, the first named is nearly always the one being supported.
 */
import { scrubClinicalValues } from "./scrub-clinical-values.js";

interface Candidate {
  readonly at: number;
  readonly age: number;
}

const durationBefore = /\b(?:for|in|than|past|last|sick|since|nearly|almost|about|over|within|after|took|takes|lasted|lasting|every|each)\s*$/;
const person = "(?:gent|gentleman|lady|man|woman|pt|patient|su|service user|client|resident|mum|mother|dad|father|wife|husband|carer|widow|widower|chap|fella|bloke|mr\\.? [a-z]+|mrs\\.? [a-z]+|ms\\.? [a-z]+|miss [a-z]+)";

/** Each way of writing an age, strongest first; `group` is the capture holding the number. */
const forms: readonly { readonly pattern: RegExp; readonly min: number; readonly check?: (text: string, match: RegExpExecArray) => boolean }[] = [
  { pattern: /\b(?:aged|age|ages|age of|age is)\s*[:=]?\s*(\d{1,3})\b/g, min: 0 },
  {
    pattern: /\b(\d{1,3})\s*[- ]?(?:years?|yrs?|yo|y\/o|y\.o\.?|yr\/o)(?:[- ]?(old|of age))?\b/g,
    min: 0,
    check: (text, m) => {
      if (/\bago\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return false;
      if (m[2] !== undefined || /yo|y\/o|y\.o/.test(m[0])) return true;
      return !durationBefore.test(text.slice(Math.max(0, m.index - 12), m.index)) && Number(m[1]) >= 16;
    },
  },
  { pattern: /\b(\d{2,3})\s?(?:m|f)\b(?!\s*(?:walk|away|from|distance|metres?|outside))/g, min: 16, check: (text, m) => !/\b(?:walks?|walked|walking|mobilis\w*|up to|upto|about)\s*$/.test(text.slice(Math.max(0, m.index - 14), m.index)) },
  { pattern: /\b(?:m|f|male|female)\s?[,:]?\s?(\d{2,3})\b/g, min: 16 },
  { pattern: new RegExp(`\\b${person}[,:]?\\s+(?:is\\s+|of\\s+|aged\\s+)?(\\d{2,3})\\b(?!\\s*(?:%|/|years? ago|yrs? ago))`, "g"), min: 16 },
  { pattern: /\(\s*(\d{2,3})\s*\)/g, min: 16 },
  // A child or young person named as the person: "girl, 15", "lad 14", "teenager aged 13". Not a son or
  // daughter, who is usually someone else in the note.
  { pattern: /\b(?:girl|boy|lad|lass|teenager|teen|young person|young man|young woman)[,:]?\s+(?:is\s+|of\s+|aged\s+)?(\d{1,2})\b(?!\s*(?:%|\/|years? ago|yrs? ago|kg|m\b|miles?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?))/g, min: 5 },
];

const decade = /(?:^|[,;(]\s*|\b(?:in|his|her|their|the|over|early|mid|late)\s+)(?:early |mid |late |mid-|late-|early-)?(\d)0s\b/g;
/** A bare number set off by commas or at the start ("gent in Loughborough, 84, lives alone"; "84, lonely"). */
const bare = /(?:^|[,;]\s*|\b(?:is|was)\s+)(\d{2,3})(?=\s*(?:[,;).]|$|\s+(?:lives|living|lonely|with|who|and|widow|widower|alone|year|now)\b))/g;

function firstOf(text: string, pattern: RegExp, min: number, check?: (text: string, match: RegExpExecArray) => boolean): Candidate | undefined {
  for (const match of text.matchAll(pattern)) {
    const value = Number(match[1]);
    if (!Number.isInteger(value) || value < min || value > 110) continue;
    if (check && !check(text, match)) continue;
    return { at: match.index, age: value };
  }
  return undefined;
}

export function extractAge(message: string): number | null {
  const text = scrubClinicalValues(message).toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const strong = forms.map((f) => firstOf(text, f.pattern, f.min, f.check)).filter((c): c is Candidate => c !== undefined);
  if (strong.length > 0) return strong.reduce((a, b) => (b.at < a.at ? b : a)).age;
  const inDecade = firstOf(text, decade, 1);
  if (inDecade) return inDecade.age * 10;
  return firstOf(text, bare, 16)?.age ?? null;
}
