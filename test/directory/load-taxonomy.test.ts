import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildTaxonomy } from "../../src/directory/load-taxonomy.js";
import { type NeedsFile, needsFileSchema } from "../../src/directory/needs-file-schema.js";

const real = (): NeedsFile => needsFileSchema.parse(parse(readFileSync(new URL("../../directory/needs.yaml", import.meta.url), "utf8")));

describe("buildTaxonomy: needs not listed and circumstances", () => {
  it("reads the real file, with living alone as a circumstance of a need", () => {
    const { taxonomy, problems } = buildTaxonomy(real(), "needs.yaml");
    expect(problems).toEqual([]);
    expect(taxonomy?.isCircumstance("lives alone")).toBe(true);
    expect(taxonomy?.isCircumstance("lonely")).toBe(false);
    // Domestic abuse, once listed here as not covered, is a need of its own since the grouped taxonomy.
    expect(taxonomy?.notListed.map((gap) => gap.label)).toEqual(["NHS dentistry", "childcare places", "toenail cutting and foot care", "hairdressing", "pest control", "laundry services", "house removals", "home library services", "bulky waste collection", "wigs and headwear", "stammering and speech support", "travel insurance", "identity documents", "prescription collection and delivery", "storage for belongings", "window cleaning", "registering with a GP", "assisted bin collections", "tracing birth family"]);
    expect(taxonomy?.need("domestic-abuse").label).toBe("Domestic abuse support");
  });

  it("refuses a word that means a need and a need not listed", () => {
    const file = real();
    file.not_listed.push({ label: "company", terms: ["lonely"] });
    const { taxonomy, problems } = buildTaxonomy(file, "needs.yaml");
    expect(taxonomy).toBeUndefined();
    expect(problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^"lonely" already means social-isolation; a word may mean one need only$/));
  });

  it("refuses a circumstance that is no need's term", () => {
    const file = real();
    file.circumstances.push("owns a cat");
    const { taxonomy, problems } = buildTaxonomy(file, "needs.yaml");
    expect(taxonomy).toBeUndefined();
    expect(problems).toContainEqual({ file: "needs.yaml", path: `circumstances[${file.circumstances.length - 1}]`, message: '"owns a cat" is not a term of any need' });
  });
});
