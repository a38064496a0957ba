import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { needGroupIds, needIds } from "../../src/directory/ids.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { buildTaxonomy } from "../../src/directory/load-taxonomy.js";
import { type NeedsFile, needsFileSchema } from "../../src/directory/needs-file-schema.js";
import { esdUri } from "../../src/directory/taxonomy.js";
import { tokenize } from "../../src/text/normalise-text.js";
import { realDirectory } from "../support/directory-copy.js";

let directory: Directory;
const needsFile = (): NeedsFile => needsFileSchema.parse(parse(readFileSync(path.join(realDirectory, "needs.yaml"), "utf8")));
beforeAll(async () => {
  directory = await loadDirectory(realDirectory);
});
const needsIn = (text: string) => [...new Set(directory.taxonomy.matcher.matchExact(tokenize(text)).flatMap((m) => m.values))];

describe("the needs taxonomy", () => {
  it("keeps the 24 original need ids first and in order, and has at least 50 needs", () => {
    expect(needIds.slice(0, 24)).toEqual([
      "social-isolation", "mental-wellbeing", "physical-activity", "weight-management", "stop-smoking", "alcohol-and-drugs",
      "falls-prevention", "home-adaptations", "home-safety", "affordable-warmth", "housing-options", "hoarding",
      "money-and-benefits", "carers-support", "care-at-home", "long-term-conditions", "assistive-technology",
      "dementia-and-memory", "learning-disability-and-autism", "employment-and-learning", "health-checks", "transport",
      "food-and-essentials", "digital-inclusion",
    ]);
    expect(directory.taxonomy.needs.map((need) => need.id).sort()).toEqual([...needIds].sort());
    expect(needIds.length).toBeGreaterThanOrEqual(50);
    for (const need of ["bereavement", "domestic-abuse", "sight-loss", "hearing-loss", "physical-disability-and-mobility", "young-carers",
      "veterans", "arts-and-creativity", "nature-and-gardening", "volunteering", "young-peoples-mental-health", "parenting-and-families",
      "legal-advice-and-advocacy", "refugees-and-asylum", "faith-and-culture", "lgbtq-support", "end-of-life", "hospital-discharge"]) {
      expect(needIds).toContain(need);
    }
  });

  it("puts every need in exactly one group, and every group has needs", () => {
    const { taxonomy } = directory;
    expect(taxonomy.groups.map((group) => group.id)).toEqual([...needGroupIds]);
    const grouped = needGroupIds.flatMap((group) => taxonomy.needsInGroup(group));
    expect(grouped.sort()).toEqual([...needIds].sort());
    for (const group of needGroupIds) expect(taxonomy.needsInGroup(group).length).toBeGreaterThan(0);
    expect(taxonomy.needsInGroup("safety-and-rights")).toEqual(expect.arrayContaining(["domestic-abuse", "veterans", "refugees-and-asylum"]));
  });

  it("finds a group's needs from its name or terms, and only from whole phrases", () => {
    const { taxonomy } = directory;
    const [family] = taxonomy.groupsNamedIn("anything for family and carers in Melton?");
    expect(family?.group.id).toBe("family-and-carers");
    expect(family?.needs).toEqual(taxonomy.needsInGroup("family-and-carers"));
    expect(family?.needs).toEqual(expect.arrayContaining(["carers-support", "young-carers", "parenting-and-families"]));
    expect(taxonomy.groupsNamedIn("what is there for Home and Housing").map((g) => g.group.id)).toEqual(["home-and-housing"]);
    expect(taxonomy.groupsNamedIn("children and young people in Hinckley").map((g) => g.group.id)).toEqual(["family-and-carers"]);
    expect(taxonomy.groupsNamedIn("a home safety check for Mrs P")).toEqual([]);
  });

  it("reads the new needs from the words people use, each word meaning one need", () => {
    expect(needsIn("lost her husband in March")).toEqual(["bereavement"]);
    expect(needsIn("13 year old young carer for her mum")).toEqual(["young-carers"]);
    expect(needsIn("wants to apply for a blue badge")).toEqual(["physical-disability-and-mobility"]);
    expect(needsIn("would like volunteering")).toEqual(["volunteering"]);
    expect(needsIn("macular degeneration")).toEqual(["sight-loss"]);
    expect(needsIn("struggling with his hearing aids")).toEqual(["hearing-loss"]);
    expect(needsIn("ex forces, served in the RAF")).toEqual(["veterans"]);
    // Shared on purpose (shared_terms): after a hospital stay, both services may be right.
    expect(needsIn("just come out of hospital").sort()).toEqual(["care-at-home", "hospital-discharge"]);
  });

  it("keeps in not_listed only what the directory still does not cover", () => {
    const { taxonomy } = directory;
    const notListed = (text: string) => taxonomy.notListedMatcher.matchExact(tokenize(text)).flatMap((m) => m.values);
    expect(notListed("needs an NHS dentist")).toEqual(["NHS dentistry"]);
    for (const word of ["bereavement", "domestic abuse", "blue badge", "LGBTQ", "hospice", "betting", "refugee", "Cinnamon Trust"]) {
      expect(notListed(word)).toEqual([]);
      expect(needsIn(word)).toHaveLength(1);
    }
  });

  it("carries age bands: young carers are under 18, and their service says so", () => {
    const { taxonomy } = directory;
    expect(taxonomy.need("young-carers")).toMatchObject({ maximumAge: 17 });
    expect(taxonomy.need("young-carers").minimumAge).toBeUndefined();
    expect(taxonomy.need("carers-support").maximumAge).toBeUndefined();
    const youngCarers = directory.services.filter((s) => s.needs.includes("young-carers"));
    expect(youngCarers.length).toBeGreaterThan(0);
    for (const service of youngCarers) expect(service.maximum_age).toBeLessThanOrEqual(17);
  });

  it("reads a carer's need by age: under 18 a young carer, 18 or more a carer; no age, no change", () => {
    const { taxonomy } = directory;
    expect(taxonomy.need("young-carers").forOtherAges).toBe("carers-support");
    expect(taxonomy.needAtAge("carers-support", 13)).toBe("young-carers");
    expect(taxonomy.needAtAge("carers-support", 17)).toBe("young-carers");
    expect(taxonomy.needAtAge("carers-support", 18)).toBe("carers-support");
    expect(taxonomy.needAtAge("young-carers", 20)).toBe("carers-support");
    expect(taxonomy.needAtAge("young-carers", 12)).toBe("young-carers");
    expect(taxonomy.needAtAge("young-carers", null)).toBe("young-carers");
    expect(taxonomy.needAtAge("transport", 12)).toBe("transport");
    expect([taxonomy.fitsAge("youth-activities", 19), taxonomy.fitsAge("youth-activities", 20), taxonomy.fitsAge("youth-activities", null)]).toEqual([true, false, true]);
  });

  it("gives a service meeting only age-banded needs their widest band, and no limit when any need has none", () => {
    const { taxonomy } = directory;
    expect(taxonomy.ageBandOf(["young-carers"])).toEqual({ minimumAge: 0, maximumAge: 17 });
    expect(taxonomy.ageBandOf(["young-carers", "youth-activities"])).toEqual({ minimumAge: 0, maximumAge: 19 });
    expect(taxonomy.ageBandOf(["young-carers", "carers-support"])).toEqual({ minimumAge: 0, maximumAge: Number.POSITIVE_INFINITY });
    expect(taxonomy.ageBandOf([])).toEqual({ minimumAge: 0, maximumAge: Number.POSITIVE_INFINITY });
  });
});

describe("loading needs.yaml", () => {
  it("refuses a word listed under two needs unless it is in shared_terms", () => {
    const file = needsFile();
    const veterans = file.needs.find((need) => need.id === "veterans")!;
    veterans.lay_terms.push("lonely");
    const { taxonomy, problems } = buildTaxonomy(file, "needs.yaml");
    expect(taxonomy).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual(['"lonely" already means social-isolation; a word may mean one need only (or list it in shared_terms)']);
    file.shared_terms.push("lonely");
    expect(buildTaxonomy(file, "needs.yaml").problems).toEqual([]);
  });

  it("refuses an unknown group, a need with no group's id, a missing group and a group with no needs", () => {
    const file = needsFile();
    file.needs.find((need) => need.id === "pets")!.group = "animals";
    file.groups = file.groups.filter((group) => group.id !== "healthy-living");
    const messages = buildTaxonomy(file, "needs.yaml").problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^needs\[\d+\]\.group: "animals" is not one of the groups/),
      'groups: group "healthy-living" is missing',
    ]));
    const empty = needsFile();
    for (const need of empty.needs) if (need.group === "safety-and-rights") need.group = "family-and-carers";
    expect(buildTaxonomy(empty, "needs.yaml").problems.map((p) => p.message)).toEqual(['group "safety-and-rights" has no needs']);
  });

  it("refuses a need read as another by age unless it has a band and the other is a need for every age", () => {
    const problemsWith = (change: (file: NeedsFile) => void) => {
      const file = needsFile();
      change(file);
      return buildTaxonomy(file, "needs.yaml").problems.map((p) => p.message);
    };
    const need = (file: NeedsFile, id: string) => file.needs.find((n) => n.id === id)!;
    expect(problemsWith(() => undefined)).toEqual([]);
    expect(problemsWith((f) => (need(f, "young-carers").for_other_ages = "carers-suport"))).toEqual([expect.stringMatching(/^"carers-suport" is not one of the agreed need ids/)]);
    expect(problemsWith((f) => (need(f, "pets").for_other_ages = "social-isolation"))).toEqual(["only a need with an age band (minimum_age or maximum_age) can be read as another outside it"]);
    expect(problemsWith((f) => (need(f, "young-carers").for_other_ages = "youth-activities"))).toEqual(['"youth-activities" must be a need for every age, with no age band of its own']);
    expect(problemsWith((f) => (need(f, "youth-activities").for_other_ages = "carers-support"))).toEqual(['"carers-support" is already the other need of an age band']);
  });

  it("accepts an age band on a need and refuses one that is upside down, or an ESD id in the wrong form", () => {
    const raw = parse(readFileSync(path.join(realDirectory, "needs.yaml"), "utf8")) as { needs: Record<string, unknown>[] };
    const pets = raw.needs.find((need) => need.id === "pets")!;
    pets.minimum_age = 65;
    expect(needsFileSchema.safeParse(raw).success).toBe(true);
    pets.maximum_age = 18;
    const upsideDown = needsFileSchema.safeParse(raw);
    expect(upsideDown.error?.issues.map((i) => i.message)).toEqual(["minimum_age must not be above maximum_age"]);
    delete pets.maximum_age;
    pets.esd = { service_types: [{ id: "http://id.esd.org.uk/service/298", label: "Carers support groups" }] };
    expect(needsFileSchema.safeParse(raw).error?.issues.map((i) => i.message)).toEqual(["must be the number of an ESD service type, e.g. 298"]);
  });
});

describe("the taxonomy's mapping to the LGA's ESD lists", () => {
  const fixtures = path.join(import.meta.dirname, "../../../shared/fixtures/oruk");

  it("gives every mapped term its published URI, one vocabulary per list", () => {
    const mapped = directory.taxonomy.needs.flatMap((need) => (need.esd ?? []).map((term) => ({ need: need.id, term })));
    expect(mapped.length).toBeGreaterThan(0);
    for (const { term } of mapped) {
      expect(esdUri(term)).toMatch(/^http:\/\/id\.esd\.org\.uk\/(need\/\d+|service\/\d+|circumstance\/[A-Za-z][A-Za-z0-9_]*)$/);
    }
    expect(mapped.map(({ need, term }) => `${need} ${esdUri(term)}`)).toEqual(expect.arrayContaining([
      "social-isolation http://id.esd.org.uk/need/69",
      "carers-support http://id.esd.org.uk/service/298",
      "care-at-home http://id.esd.org.uk/service/242",
    ]));
  });

  it("reads an ESD term as feeds write it: URI, https URI, CURIE or id with its vocabulary", () => {
    const { taxonomy } = directory;
    expect(taxonomy.needsForEsdTerm("esdServiceTypes", "http://id.esd.org.uk/service/298")).toEqual(["carers-support"]);
    expect(taxonomy.needsForEsdTerm("anything", "https://id.esd.org.uk/service/298")).toEqual(["carers-support"]);
    expect(taxonomy.needsForEsdTerm("", "esdServiceType:833")).toEqual(["hospital-discharge"]);
    expect(taxonomy.needsForEsdTerm("esdNeeds", "69")).toEqual(["social-isolation"]);
    expect(taxonomy.needsForEsdTerm("esdCircumstances", "AddictSubstanceAbuser_Smoking")).toEqual(["stop-smoking"]);
    expect(taxonomy.needsForEsdTerm("esdServiceTypes", "69")).toEqual([]);
    expect(taxonomy.needsForEsdTerm("esdServiceTypes", "999999")).toEqual([]);
  });

  it("maps a term in the ORUK fixtures' own taxonomy_term shape, and no non-ESD fixture term", () => {
    const { taxonomy } = directory;
    const example = JSON.parse(readFileSync(path.join(fixtures, "uk-profile-v3/taxonomy_term.json"), "utf8")) as Record<string, string>;
    const esdTerm = { ...example, taxonomy: "esdServiceTypes", term_uri: "http://id.esd.org.uk/service/242", code: "242", name: "Care at home" };
    expect(taxonomy.needsForEsdTerm(esdTerm.taxonomy, esdTerm.term_uri)).toEqual(["care-at-home"]);
    expect(taxonomy.needsForEsdTerm(esdTerm.taxonomy, esdTerm.code)).toEqual(["care-at-home"]);
    // Every taxonomy term anywhere in the fixtures: none of them is an ESD term (the official
    // examples carry a placeholder), and none may be read as one.
    const terms = readdirSync(fixtures, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".json"))
      .flatMap((file) => collectTerms(JSON.parse(readFileSync(path.join(fixtures, file), "utf8"))));
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) {
      for (const code of [term.term_uri, term.code, term.id]) {
        const vocabulary = typeof term.taxonomy === "string" ? term.taxonomy : typeof term.vocabulary === "string" ? term.vocabulary : "";
        if (typeof code === "string") expect(taxonomy.needsForEsdTerm(vocabulary, code)).toEqual([]);
      }
    }
  });
});


/** Every object that looks like a taxonomy term (has `taxonomy` or `vocabulary` and a `term_uri`, `code` or `name`). */
function collectTerms(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(collectTerms);
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const own = ("taxonomy" in record || "vocabulary" in record) && ("term_uri" in record || "code" in record || "name" in record) ? [record] : [];
  return [...own, ...Object.values(record).flatMap(collectTerms)];
}
