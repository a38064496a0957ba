import { beforeAll, describe, expect, it } from "vitest";
import type { Directory, Service } from "../../src/directory/directory.js";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { type StaleDigestInput, staleEntriesDigest } from "../../src/jobs/stale-entries-digest.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

function service(id: string, lastVerified: string): Service {
  const found = directory.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id} in the real directory`);
  return { ...found, last_verified: lastVerified };
}

function report(serviceId: string, details: string): OutdatedReport {
  const found = directory.services.find((s) => s.id === serviceId);
  return { serviceId, organizationId: found?.organization.id ?? "gone-org", details, channel: "slack", reportedBy: "u-synthetic-reporter", reportedAt: "2027-03-25T09:00:00.000Z" };
}

function input(overrides: Partial<StaleDigestInput>): StaleDigestInput {
  return { week: "2027-W13", staleAfterMonths: 6, cutoff: "2026-09-29", stale: [], reportsSince: new Date("2027-03-22T07:00:00Z"), reports: [], ...overrides };
}

describe("staleEntriesDigest", () => {
  it("groups stale services by provider, oldest provider first, each with id, name and last-verified date", () => {
    const stale = [service("lightbulb-hoarding", "2020-09-01"), service("shire-wheels-dial-a-ride", "2021-02-03"), service("lightbulb-adaptations", "2024-06-18")];
    const text = staleEntriesDigest(input({ stale }), directory);
    expect(text).toContain("Not verified for over 6 months (before 29 Sept 2026): 3 services from 2 providers, oldest first.");
    const lightbulb = text.indexOf("Lightbulb, Leicestershire's integrated housing service (2):");
    const wheels = text.indexOf("Shire Wheels Community Transport (1):");
    expect(lightbulb).toBeGreaterThan(-1);
    expect(wheels).toBeGreaterThan(lightbulb);
    const hoarding = text.indexOf("- lightbulb-hoarding: ");
    const adaptations = text.indexOf("- lightbulb-adaptations: ");
    expect(hoarding).toBeGreaterThan(lightbulb);
    expect(adaptations).toBeGreaterThan(hoarding);
    expect(adaptations).toBeLessThan(wheels);
    expect(text).toContain(`- lightbulb-adaptations: ${service("lightbulb-adaptations", "").name}, last verified 18 Jun 2024`);
  });

  it("says so when nothing is stale and nothing was reported", () => {
    const text = staleEntriesDigest(input({}), directory);
    expect(text).toContain("Every service was verified in the last 6 months (on or after 29 Sept 2026).");
    expect(text).toContain("No reports of outdated details since 22 Mar 2027.");
  });

  it("quotes each report under its provider and service, but never who sent it", () => {
    const reports = [
      report("shire-wheels-dial-a-ride", "  The Tuesday run has stopped.\nNew number from April.  "),
      report("shire-wheels-health-car-scheme", "Volunteer drivers only in Harborough now"),
      report("harborough-strollers", "Walks moved to Welland Park"),
    ];
    const text = staleEntriesDigest(input({ reports }), directory);
    expect(text).toContain("Reports of outdated details since 22 Mar 2027: 3 reports about 2 providers.");
    expect(text).toContain("Shire Wheels Community Transport (2):");
    expect(text).toContain(`- shire-wheels-dial-a-ride: ${service("shire-wheels-dial-a-ride", "").name}: "The Tuesday run has stopped. New number from April."`);
    expect(text).toContain("Harborough Strollers (1):");
    expect(text).not.toContain("u-synthetic-reporter");
    expect(text).not.toContain("slack");
  });

  it("names a report's service and provider by id when they have left the directory", () => {
    const gone: OutdatedReport = { ...report("harborough-strollers", "It closed in January"), serviceId: "old-lunch-club", organizationId: "old-lunch-org" };
    const text = staleEntriesDigest(input({ reports: [gone] }), directory);
    expect(text).toContain("old-lunch-org (no longer in the directory) (1):");
    expect(text).toContain('- old-lunch-club (no longer in the directory): "It closed in January"');
  });

  it("cuts long lists and says how many more services and providers there are", () => {
    const stale = [
      service("lightbulb-hoarding", "2020-09-01"),
      service("lightbulb-adaptations", "2020-09-02"),
      service("lightbulb-affordable-warmth", "2020-09-03"),
      service("shire-wheels-dial-a-ride", "2021-01-01"),
      service("harborough-strollers", "2022-01-01"),
    ];
    const text = staleEntriesDigest(input({ stale }), directory, { providers: 1, perProvider: 2 });
    expect(text).toContain("5 services from 3 providers");
    expect(text).toContain("- … and 1 more service from this provider");
    expect(text).toContain("… and 2 more providers (2 services)");
    expect(text).not.toContain("lightbulb-affordable-warmth");
    expect(text).not.toContain("harborough-strollers");
  });
});
