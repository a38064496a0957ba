/**
 * Taxonomy terms become needs through directory/oruk-taxonomy-map.yaml; what
 * cannot be mapped is listed in the report with how many services use it; a
 * slip in the map file is refused with the closest need suggested.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatOrukReport } from "../../src/oruk/format-oruk-report.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { formatOrukProblem, OrukImportError } from "../../src/errors/oruk-import-error.js";
import { loadOrukTaxonomyMap } from "../../src/oruk/oruk-taxonomy-map.js";
import { asRecords, importOptions, orukService, realDirectoryAndMap } from "./support.js";

const term = (taxonomy: string, fields: Record<string, string>) => ({ id: `attr-${taxonomy}-${Object.values(fields).join("-")}`, taxonomy_term: { id: "t", taxonomy, description: "d", ...fields } });

describe("the ORUK taxonomy map", () => {
  it("maps terms by vocabulary and name or code, in any vocabulary for '*' entries, and Signpost's own vocabulary directly", async () => {
    const feed = asRecords([
      orukService("a", { attributes: [term("esd-service-types", { name: "Befriending" }), term("other", { name: "DEBT ADVICE" })] }),
      orukService("b", { attributes: [term("signpost-needs", { code: "transport", name: "Transport" })] }),
      orukService("c", { attributes: [term("taxonomy", { code: "code", name: "name" })] }),
    ]);
    const { files } = importOruk(feed, await importOptions());
    const needs = Object.fromEntries(files.flatMap((f) => f.file.services).map((s) => [s.name, s.needs]));
    expect(needs).toEqual({
      "Test befriending a": ["social-isolation", "money-and-benefits"],
      "Test befriending b": ["transport"],
      "Test befriending c": ["mental-wellbeing"],
    });
  });

  it("reads the LGA's ESD terms that needs.yaml lists, as a URI, a CURIE or an id with its vocabulary", async () => {
    const feed = asRecords([
      orukService("a", { attributes: [term("esdNeeds", { code: "http://id.esd.org.uk/need/69", name: "Social inclusion" })] }),
      orukService("b", { attributes: [term("esd", { code: "esdCircumstance:AddictSubstanceAbuser_Smoking", name: "Smoker" })] }),
      orukService("c", { attributes: [term("esdNeeds", { code: "69" })] }),
      orukService("d", { name: "Test befriending d", description: "Befriending.", attributes: [term("esdNeeds", { code: "99999", name: "Not a listed need" })] }),
    ]);
    const { files, report } = importOruk(feed, await importOptions());
    const needs = Object.fromEntries(files.flatMap((f) => f.file.services).map((s) => [s.name, s.needs]));
    expect(needs["Test befriending a"]).toEqual(["social-isolation"]);
    expect(needs["Test befriending b"]).toEqual(["stop-smoking"]);
    expect(needs["Test befriending c"]).toEqual(["social-isolation"]);
    // A term needs.yaml does not list is reported as unmapped, not guessed.
    expect(formatOrukReport(report)).toContain("99999");
  });

  it("lists every unmapped term with how many services use it, and skips services left with no need", async () => {
    // Dentistry is still a need the directory does not cover (needs.yaml, not_listed); pets became a need with the grouped taxonomy.
    const unknown = term("lga-needs", { code: "N123", name: "Dental care" });
    const feed = asRecords([
      orukService("a", { attributes: [unknown, term("esd-service-types", { name: "Befriending" })] }),
      orukService("b", { name: "Smile club", description: "Dentures cleaned and mended.", attributes: [unknown] }),
      orukService("c", { name: "Smile club two", description: "Dentures cleaned and mended.", attributes: [unknown, term("lga-needs", { name: "Gardening" })] }),
    ]);
    const { files, report } = importOruk(feed, await importOptions());
    expect(files.flatMap((f) => f.file.services).map((s) => s.name)).toEqual(["Test befriending a"]);
    expect(report.unmappedTerms).toEqual([
      { vocabulary: "lga-needs", code: "N123", name: "Dental care", services: 3 },
      { vocabulary: "lga-needs", name: "Gardening", services: 1 },
    ]);
    expect(report.skipped.map((s) => [s.reason, s.detail])).toEqual([
      ["no Signpost need", "none of its terms is mapped, and no need was found in its name or description"],
      ["no Signpost need", "none of its terms is mapped, and no need was found in its name or description"],
    ]);
    const text = formatOrukReport(report);
    expect(text).toContain("Taxonomy terms not mapped (add them to directory/oruk-taxonomy-map.yaml):");
    expect(text).toContain('  vocabulary "lga-needs", code "N123", name "Dental care": 3 services');
    expect(text).toContain('  vocabulary "lga-needs", name "Gardening": 1 service');
  });

  it("takes the offer from the map (an NHS organisation) and defaults to vcs, and reads referral routes", async () => {
    const feed = asRecords([
      orukService("a", { organization: { id: "o1", name: "Shire Partnership NHS Trust" } }),
      orukService("b", { attributes: [term("esd-service-types", { name: "Befriending" }), term("access", { name: "GP referral" })] }),
    ]);
    const { files, report } = importOruk(feed, await importOptions());
    const services = files.flatMap((f) => f.file.services);
    expect(services.map((s) => [s.offer, s.referral_routes])).toEqual([
      ["nhs", ["self", "professional"]],
      ["vcs", ["gp-e-referral"]],
    ]);
    expect(report.defaulted).toEqual(expect.arrayContaining([{ field: "offer", services: 1 }, { field: "referral_routes", services: 1 }]));
  });

  it("refuses a map file with a need id that does not exist, suggesting the closest", async () => {
    const { directory } = await realDirectoryAndMap();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "oruk-map-")), "map.yaml");
    writeFileSync(file, "needs:\n  - { vocabulary: x, name: Lonely, needs: [social-isolaton] }\n  - { vocabulary: x, code: a, name: b, needs: [transport] }\n");
    const error = await loadOrukTaxonomyMap(file, directory.taxonomy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrukImportError);
    const problems = (error as OrukImportError).problems.map(formatOrukProblem);
    expect(problems).toEqual([expect.stringMatching(/map\.yaml: needs\[1\]: give either code or name \(not both\)$/)]);
    writeFileSync(file, "needs:\n  - { vocabulary: x, name: Lonely, needs: [social-isolaton] }\n");
    const slip = await loadOrukTaxonomyMap(file, directory.taxonomy).catch((e: unknown) => e);
    expect((slip as OrukImportError).problems.map(formatOrukProblem)).toEqual([
      expect.stringMatching(/map\.yaml: needs\[0\]\.needs\[0\]: "social-isolaton" is not a need; did you mean "social-isolation"\?$/),
    ]);
  });
});
