/** The fixed vocabularies the directory is built on. Data files must use these ids. */

export const areaIds = [
  "blaby",
  "charnwood",
  "harborough",
  "hinckley-and-bosworth",
  "melton",
  "north-west-leicestershire",
  "oadby-and-wigston",
  "leicester",
  "rutland",
] as const;
export type AreaId = (typeof areaIds)[number];

/** Names a service may use for several areas at once; expanded on load. */
export const areaGroupIds = ["leicestershire", "llr"] as const;
export type AreaGroupId = (typeof areaGroupIds)[number];

export const needIds = [
  "social-isolation",
  "mental-wellbeing",
  "physical-activity",
  "weight-management",
  "stop-smoking",
  "alcohol-and-drugs",
  "falls-prevention",
  "home-adaptations",
  "home-safety",
  "affordable-warmth",
  "housing-options",
  "hoarding",
  "money-and-benefits",
  "carers-support",
  "care-at-home",
  "long-term-conditions",
  "assistive-technology",
  "dementia-and-memory",
  "learning-disability-and-autism",
  "employment-and-learning",
  "health-checks",
  "transport",
  "food-and-essentials",
  "digital-inclusion",
  // Added with the grouped taxonomy (issue 15); the 24 above keep their ids and order.
  "bereavement",
  "domestic-abuse",
  "sight-loss",
  "hearing-loss",
  "physical-disability-and-mobility",
  "young-carers",
  "veterans",
  "arts-and-creativity",
  "nature-and-gardening",
  "volunteering",
  "young-peoples-mental-health",
  "parenting-and-families",
  "legal-advice-and-advocacy",
  "refugees-and-asylum",
  "faith-and-culture",
  "lgbtq-support",
  "end-of-life",
  "hospital-discharge",
  "pets",
  "leaving-prison-and-offending",
  "relationships",
  "youth-activities",
  "language-and-interpreting",
  "menopause",
  "brain-injury",
  "crime-and-antisocial-behaviour",
] as const;
export type NeedId = (typeof needIds)[number];

/** The groups of the two-level taxonomy; every need is in exactly one (directory/needs.yaml). */
export const needGroupIds = [
  "wellbeing-and-connection",
  "healthy-living",
  "home-and-housing",
  "money-and-work",
  "health-and-care",
  "family-and-carers",
  "safety-and-rights",
] as const;
export type NeedGroupId = (typeof needGroupIds)[number];

export const offers = ["unified-prevention", "lightbulb", "vcs", "nhs", "council"] as const;
export type Offer = (typeof offers)[number];

export const referralRoutes = ["self", "professional", "gp-e-referral", "first-contact"] as const;
export type ReferralRoute = (typeof referralRoutes)[number];

export function isAreaId(value: string): value is AreaId {
  return (areaIds as readonly string[]).includes(value);
}

export function isNeedGroupId(value: string): value is NeedGroupId {
  return (needGroupIds as readonly string[]).includes(value);
}

export function isNeedId(value: string): value is NeedId {
  return (needIds as readonly string[]).includes(value);
}
