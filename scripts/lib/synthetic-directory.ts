import { seededRandom } from "../../src/shared/seeded-random.js";
import type { Directory, Service } from "../../src/directory/directory.js";
import { type AreaId, areaIds, type NeedId, needIds, offers, referralRoutes } from "../../src/directory/ids.js";

/**
 * Realistic synthetic directories for scale tests and benchmarks: varied names,
 * descriptions, needs, areas and ages, from a seeded generator, so the same
 * seed always gives the same directory. Every record is marked an illustrative
 * sample and uses only drama numbers and example.org.
 */
const groups = ["Community", "Neighbours", "Friends", "Network", "Circle", "Club", "Hub", "Trust", "Collective", "Project", "Partnership", "Café", "Group", "Scheme"];
const places = ["Wreake", "Soar", "Sence", "Welland", "Charnwood Forest", "Bradgate", "Fosse", "Swithland", "Beacon", "Ivanhoe", "Kingfisher", "Heron", "Willow", "Bluebell", "Oakwood", "Meadow", "Lantern", "Brook"];
const activities: Readonly<Record<NeedId, readonly string[]>> = {
  "social-isolation": ["befriending", "lunch club", "coffee morning", "good neighbours", "friendship calls"],
  "mental-wellbeing": ["wellbeing café", "peer support", "talking group", "calm minds"],
  "physical-activity": ["walking group", "chair exercise", "strength and balance", "gentle yoga"],
  "weight-management": ["healthy weight", "cook and eat well", "weight support"],
  "stop-smoking": ["stop smoking clinic", "quit support", "smokefree advice"],
  "alcohol-and-drugs": ["recovery café", "drink less support", "recovery mentors"],
  "falls-prevention": ["falls prevention", "steady steps", "balance class"],
  "home-adaptations": ["adaptations advice", "grab rails", "home equipment"],
  "home-safety": ["handyperson", "home safety checks", "small repairs"],
  "affordable-warmth": ["warm homes advice", "energy advice", "warm spaces"],
  "housing-options": ["housing advice", "moving home support", "tenancy help"],
  hoarding: ["clutter support", "declutter buddies"],
  "money-and-benefits": ["benefits checks", "money advice", "debt help"],
  "carers-support": ["carers group", "carers break", "sitting service"],
  "care-at-home": ["home help", "care at home", "meals at home"],
  "long-term-conditions": ["breathe easy", "diabetes support", "heart group"],
  "assistive-technology": ["telecare advice", "pendant alarms", "tech at home"],
  "dementia-and-memory": ["memory café", "dementia friends", "singing for memory"],
  "learning-disability-and-autism": ["autism social", "learning disability club", "inclusive arts"],
  "employment-and-learning": ["job club", "skills workshop", "work experience"],
  "health-checks": ["health check roadshow", "blood pressure checks"],
  transport: ["community transport", "volunteer drivers", "dial-a-ride"],
  "food-and-essentials": ["community pantry", "food share", "essentials bank"],
  "digital-inclusion": ["digital champions", "tablet lending", "get online sessions"],
  bereavement: ["bereavement café", "grief support group"],
  "domestic-abuse": ["domestic abuse outreach", "freedom programme"],
  "sight-loss": ["sight loss group", "low vision advice"],
  "hearing-loss": ["hearing aid drop-in", "lipreading class"],
  "physical-disability-and-mobility": ["disability advice", "wheelchair sports"],
  "young-carers": ["young carers club", "young carers breaks"],
  veterans: ["veterans breakfast club", "forces friends"],
  "arts-and-creativity": ["art group", "community choir", "craft circle"],
  "nature-and-gardening": ["community garden", "green gym", "nature walks"],
  volunteering: ["volunteer centre", "volunteering hub"],
  "young-peoples-mental-health": ["youth wellbeing", "teen talk"],
  "parenting-and-families": ["family hub", "stay and play", "parenting course"],
  "legal-advice-and-advocacy": ["advocacy service", "legal advice clinic"],
  "refugees-and-asylum": ["refugee welcome", "asylum advice"],
  "faith-and-culture": ["cultural centre", "faith lunch"],
  "lgbtq-support": ["LGBTQ+ social", "rainbow café"],
  "end-of-life": ["end of life companions", "compassionate neighbours"],
  "hospital-discharge": ["home from hospital", "settle home service"],
  pets: ["pet fostering", "dog walking volunteers"],
  "leaving-prison-and-offending": ["resettlement support", "through the gate mentors"],
  relationships: ["relationship counselling", "family mediation"],
  "youth-activities": ["youth club", "holiday club"],
  "language-and-interpreting": ["interpreting service", "language buddies"],
  menopause: ["menopause café", "menopause support"],
  "brain-injury": ["brain injury group", "head injury support"],
  "crime-and-antisocial-behaviour": ["victim support", "hate crime advice"],
};


/** `count` synthetic services on the real taxonomy and gazetteer, the same for the same seed. */
export function syntheticDirectory(base: Directory, count: number, seed = 1): Directory {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const services: Service[] = [];
  for (let i = 0; i < count; i++) {
    const needs = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(needIds)))];
    const main = needs[0]!;
    const roll = random();
    const areas: AreaId[] = roll < 0.7 ? [pick(areaIds)] : roll < 0.9 ? areaIds.filter((a) => a !== "leicester" && a !== "rutland") : [...areaIds];
    const placeName = roll < 0.7 ? base.gazetteer.area(areas[0]!).places[Math.floor(random() * Math.min(20, base.gazetteer.area(areas[0]!).places.length))]?.name ?? pick(places) : pick(places);
    const activity = pick(activities[main]);
    const name = `${placeName} ${activity} ${pick(groups).toLowerCase()} ${i}`;
    const minimum = random() < 0.3 ? pick([16, 18, 50, 55, 60, 65]) : undefined;
    const maximum = random() < 0.1 ? pick([64, 25, 99]) : undefined;
    services.push({
      id: `synthetic-${seed}-${i}`,
      name,
      description: `${capitalise(activity)} for people in and around ${placeName}. ${needs.map((n) => base.taxonomy.need(n).description).join(" ")}`,
      offer: pick(offers),
      needs,
      service_areas: areas,
      areas,
      eligibility_description: minimum ? `People aged ${minimum} and over.` : "Anyone who would benefit.",
      ...(minimum !== undefined ? { minimum_age: minimum } : {}),
      ...(maximum !== undefined && (minimum === undefined || maximum >= minimum) ? { maximum_age: maximum } : {}),
      referral_routes: [pick(referralRoutes)],
      how_to_refer: "Phone or email the coordinator.",
      phones: [{ number: `0116 496 0${String(i % 1000).padStart(3, "0")}` }],
      last_verified: `202${5 + Math.floor(random() * 2)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      source: "illustrative sample",
      organization: { id: `synthetic-org-${i % 997}`, name: `${pick(places)} ${pick(groups)}` },
      file: "synthetic",
    });
  }
  return { ...base, services, fingerprint: `synthetic-${seed}-${count}` };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
