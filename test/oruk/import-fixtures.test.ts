/**
 * The official ORUK v3 and HSDS 3.0 examples (../shared/fixtures/oruk) import:
 * a full service, and a list page with `contents`. Their one service is in
 * "MyCity", so it is placed only when the operator gives the feed's areas.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serviceSchema } from "../../src/directory/service-file-schema.js";
import { formatOrukReport } from "../../src/oruk/format-oruk-report.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { readOrukFiles } from "../../src/oruk/read-oruk-files.js";
import { importOptions, orukFixtures } from "./support.js";

const fixture = (file: string) => readOrukFiles(path.join(orukFixtures, file));

describe("importing the official ORUK examples", () => {
  it.each(["uk-profile-v3/service_full.json", "hsds-v3-spec/service_full.json"])("imports %s as one Signpost record", async (file) => {
    const { files, report } = importOruk(await fixture(file), await importOptions({ defaultAreas: ["leicester"], relabelUnplaced: true }));
    expect(report).toMatchObject({ read: 1, imported: 1, organizations: 1, skipped: [] });
    const record = files[0]!.file.services[0]!;
    expect(record).toMatchObject({
      id: expect.stringMatching(/^community-counselling-[0-9a-f]{6}$/) as unknown,
      name: "Community Counselling",
      offer: "vcs",
      needs: ["mental-wellbeing"],
      service_areas: ["leicester"],
      minimum_age: 12,
      maximum_age: 100,
      referral_routes: ["self", "professional"],
      last_verified: "2005-01-01",
      source: "ORUK feed test-feed",
    });
    expect(files[0]!.file.organization).toMatchObject({ id: "example-organization-inc", name: "Example Organization Inc." });
    // Valid as a Signpost record in every respect but the source rule, which service-file-schema.ts must widen.
    const result = serviceSchema.safeParse(record);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
    expect(paths.filter((at) => at !== "source")).toEqual([]);
    expect(report.defaulted.map((d) => d.field)).toEqual(expect.arrayContaining(["service_areas", "offer", "referral_routes"]));
  });

  it("reads the richer HSDS 3.0 fields: eligibility, how to refer, schedules, costs and languages", async () => {
    const { files } = importOruk(await fixture("hsds-v3-spec/service_full.json"), await importOptions({ defaultAreas: ["leicester"], relabelUnplaced: true }));
    expect(files[0]!.file.services[0]).toMatchObject({
      eligibility_description: "This service is intended for all people aged 12 and over who require counselling services in the MyCity area",
      how_to_refer: expect.stringMatching(/^If you are an NHS patient please ask your GP/) as unknown,
      schedules: [{ byday: "TH,FR", opens_at: "10:00", closes_at: "18:00", description: expect.stringMatching(/10 am to 6pm/) as unknown }],
      cost_options: [{ option: "Under 18s and Over 60s", amount: 35, currency: "GBP" }],
      languages: ["Urdu"],
      contacts: [{ name: "Reception Manager", title: "Reception" }],
    });
  });

  it("skips the example when nothing places it in LLR, and reports the areas it could not place", async () => {
    const { files, report } = importOruk(await fixture("hsds-v3-spec/service_full.json"), await importOptions());
    expect(files).toEqual([]);
    expect(report.skipped).toEqual([expect.objectContaining({ reason: "no area in LLR" })]);
    expect(report.unmappedAreas.map((a) => a.area)).toEqual([
      "The service is available to all residents of the MyCity a...",
      "postcode ABC 1234",
    ]);
  });

  it.each(["uk-profile-v3/service_list.json", "hsds-v3-spec/service_list.json"])(
    "reads the list page %s, whose items carry no taxonomy, inferring the need from the description and saying so",
    async (file) => {
      const records = await fixture(file);
      expect(records.map((r) => r.where)).toEqual(["service_list.json contents[0]"]);
      const { files, report } = importOruk(records, await importOptions({ defaultAreas: ["leicester"], relabelUnplaced: true }));
      expect(files[0]!.file.services[0]).toMatchObject({ name: "Community Counselling", needs: ["mental-wellbeing"], needs_inferred: true });
      expect(report.inferred).toEqual([{ label: expect.stringContaining('"Community Counselling"') as unknown, needs: ["mental-wellbeing"] }]);
      expect(formatOrukReport(report)).toContain("Needs inferred from the name and description");
    },
  );

  it("refuses an organisation or taxonomy example with a hint that it is not a service", async () => {
    for (const file of ["uk-profile-v3/organization_full.json", "uk-profile-v3/taxonomy_term.json"]) {
      const error = await fixture(file).then(async (records) => importOruk(records, await importOptions())).catch((e: unknown) => e);
      expect(String(error)).toMatch(/looks like (an organisation|a taxonomy term), not a service/);
    }
  });
});
