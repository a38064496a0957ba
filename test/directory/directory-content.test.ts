import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { areaIds, needIds } from "../../src/directory/ids.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { summariseDirectory } from "../../src/directory/summarise-directory.js";
import { realDirectory } from "../support/directory-copy.js";

let directory: Directory;
beforeAll(async () => {
  directory = await loadDirectory(realDirectory);
});
const service = (id: string) => {
  const found = directory.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
};

describe("the directory's content", () => {
  it("has a service for every need in every area, besides the front door", () => {
    expect(summariseDirectory(directory, new Date("2026-11-22")).gaps).toEqual([]);
    expect(needIds.length * areaIds.length).toBe(450);
  });

  it("has one front door for every area, each tagged with no needs: First Contact Plus across the county, and illustrative ones for Leicester and Rutland", () => {
    const doors = directory.services.filter((s) => s.front_door);
    expect(doors.map((s) => s.id).sort()).toEqual(["first-contact-plus", "leicester-city-front-door", "rutland-front-door"]);
    for (const door of doors) expect(door.needs).toEqual([]);
    expect(service("first-contact-plus").areas).toHaveLength(7);
    expect(service("first-contact-plus").areas).not.toContain("leicester");
    expect(service("leicester-city-front-door").areas).toEqual(["leicester"]);
    expect(service("rutland-front-door").areas).toEqual(["rutland"]);
    for (const area of areaIds) expect(doors.filter((door) => door.areas.includes(area)), area).toHaveLength(1);
    // The seeds name no front door for the city or for Rutland: these stand in until verified.
    expect(service("leicester-city-front-door").source).toBe("illustrative sample");
    expect(service("rutland-front-door").source).toBe("illustrative sample");
  });

  it.each([
    ["first-contact-plus", "seed 000"],
    ["local-area-coordinators", "seed 000"],
    ["gp-practice-social-prescribers", "seed 000"],
    ["lightbulb-adaptations", "seed 000"],
    ["lightbulb-home-safety-falls", "seed 000"],
    ["lightbulb-affordable-warmth", "seed 000"],
    ["lightbulb-housing-options-benefits", "seed 000"],
    ["lightbulb-hoarding", "seed 000"],
    ["help-to-live-at-home", "seed 000"],
    ["home-first-reablement-crisis-response", "seed 000"],
    ["leicestershire-assistive-technology", "seed 000"],
    ["leicestershire-carers-support", "seed 000"],
    ["lifestyle-hub-weight-management", "seed 002"],
    ["lifestyle-hub-stop-smoking", "seed 002"],
    ["lifestyle-hub-social-isolation", "seed 002"],
    ["lifestyle-hub-exercise", "seed 002"],
    ["leicester-nhs-health-check", "seed 002"],
    ["leicester-assistive-technology", "seed 002"],
    ["leicester-unscheduled-care-team", "seed 002"],
    ["leicester-reablement", "seed 002"],
  ])("holds %s from %s, dated as the document", (id, seed) => {
    const record = service(id);
    expect(record.source.startsWith(`${seed} (`)).toBe(true);
    expect(record.last_verified).toBe(seed === "seed 000" ? "2020-09-01" : "2016-03-08");
  });

  it("tags each Lightbulb strand with the need it meets, not every need", () => {
    expect(service("lightbulb-adaptations").needs).toContain("home-adaptations");
    expect(service("lightbulb-affordable-warmth").needs).toContain("affordable-warmth");
    expect(service("lightbulb-hoarding").needs).toContain("hoarding");
    for (const strand of directory.services.filter((s) => s.offer === "lightbulb")) {
      expect(strand.needs.length).toBeLessThanOrEqual(4);
    }
  });

  it("never gives an invented record the name of a real charity", () => {
    const real = /\b(age uk|mind|citizens advice|alzheimer|carers centre|samaritans|macmillan|british red cross|salvation army|trussell)\b/i;
    for (const s of directory.services.filter((x) => x.source === "illustrative sample")) {
      expect(`${s.name} ${s.organization.name}`).not.toMatch(real);
    }
  });

  it("lists every file in the directory README, so readers can see which records are samples", () => {
    const readme = readFileSync(path.join(realDirectory, "README.md"), "utf8");
    for (const file of new Set(directory.services.map((s) => s.file))) {
      expect(readme, `README should mention services/${file}`).toContain(`services/${file}`);
    }
  });
});

describe("summariseDirectory", () => {
  it("counts by offer and lists records unverified for 12 months, oldest first", () => {
    const summary = summariseDirectory(directory, new Date("2026-11-22"));
    expect(summary.services).toBe(directory.services.length);
    expect(Object.values(summary.byOffer).reduce((a, b) => a + b, 0)).toBe(directory.services.length);
    expect(summary.illustrative + summary.fromSeeds).toBe(directory.services.length);
    expect(summary.unverified[0]?.last_verified).toBe("2016-03-08");
    for (const s of summary.unverified) expect(s.last_verified < "2025-11-22").toBe(true);
    const later = summariseDirectory(directory, new Date("2030-01-01"));
    expect(later.unverified.length).toBe(directory.services.length);
  });
});
