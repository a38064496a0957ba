// The insight figures from real referrals, retired counts and unmet searches, on
// SQLite and PostgreSQL alike, with small counts suppressed and no person in them.
import { describe, expect, it } from "vitest";
import { Insight } from "../../src/insight/insight.js";
import type { Figure } from "../../src/insight/figure.js";
import { retiredReferralCounts } from "../../src/referrals/retire-referral.js";
import { ReferralFactsQuery } from "../../src/referrals/kysely-referral-facts.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";
import { insightNow, seededPersonalData, seedInsight } from "../support/insight-seed.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";
import { ManualClock } from "../support/manual-clock.js";

const row = (figure: Figure | undefined, label: string) => figure?.rows.find((r) => r.label === label)?.values;

describe.each(bothDatabases)("the insight figures on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  async function report() {
    const { directory } = await realDirectoryAndEngine();
    const { db } = context;
    const insight = new Insight({ referrals: new ReferralFactsQuery(db), retired: (month) => retiredReferralCounts(db, month), unmet: new KyselyUnmetSearchLog(db), directory, clock: new ManualClock(insightNow) });
    return insight.report();
  }

  it("counts referrals by month, need and area with their status, hiding small counts and what would reveal them", async () => {
    await seedInsight(context.db);
    const { figures, period } = await report();
    expect(period).toBe("1 Jan 2026 to 4 Dec 2026");
    const byId = (id: string) => figures.find((figure) => figure.id === id);
    const months = byId("referrals-by-month");
    expect(months?.columns).toEqual(["Sent", "Acknowledged", "Accepted", "Declined", "Closed", "Total"]);
    expect(months?.rows.map((r) => r.label)).toHaveLength(12);
    expect(months?.rows[0]?.label).toBe("Jan 2026");
    // 6 accepted and 1 declined: the 1 is <5, and the 6 is hidden too, or 7 - 6 would give it away.
    expect(row(months, "Nov 2026")).toEqual([0, 0, "*", "<5", 0, 7]);
    expect(row(months, "Oct 2026")).toEqual(["<5", 0, 0, 0, 0, "<5"]);
    // The retired referral still counts, by what it left behind.
    expect(row(months, "Mar 2026")).toEqual([0, 0, 0, "<5", 0, "<5"]);
    expect(row(months, "Jun 2026")).toEqual([0, 0, 0, 0, 0, 0]);

    const needs = byId("referrals-by-need");
    expect(row(needs, "Home safety and repairs")).toEqual([7]);
    expect(row(needs, "Cold, damp homes and energy bills")).toEqual([7]);
    expect(needs?.rows.find((r) => r.values[0] === "<5")).toBeDefined();

    const areas = byId("referrals-by-area");
    expect(row(areas, "Charnwood")).toEqual([0, 0, "*", "<5", 0, 7]);
    expect(row(areas, "Melton")).toEqual(["<5", 0, 0, 0, 0, "<5"]);
    expect(row(areas, "Rutland")).toEqual([0, 0, 0, "<5", 0, "<5"]);
    expect(row(areas, "Leicester")).toBeUndefined(); // only before the period
  });

  it("measures the days from sent to acknowledged and to accepted: median and 90th percentile", async () => {
    const time = (await report()).figures.find((figure) => figure.id === "time-to-response");
    expect(row(time, "Sent to acknowledged")).toEqual([7, 2, 10]);
    expect(row(time, "Sent to accepted")).toEqual([6, 5.5, 20]);
  });

  it("counts engagement after acceptance, with its total", async () => {
    const engagement = (await report()).figures.find((figure) => figure.id === "engagement");
    expect(engagement?.rows.map((r) => [r.label, r.values[0]])).toEqual([
      ["Engaged", "*"],
      ["Did not engage", 0],
      ["Referrer does not know", "<5"],
      ["Not recorded yet", 0],
      ["Total", 6],
    ]);
  });

  it("counts searches that found nothing by need and by area, nothing anywhere apart from nothing here", async () => {
    const { figures } = await report();
    const byNeed = figures.find((figure) => figure.id === "unmet-by-need");
    expect(byNeed?.columns).toEqual(["Nothing anywhere", "Nothing in the area asked for", "Total"]);
    expect(row(byNeed, "Hoarding and clutter")?.slice(0, 3)).toEqual([12, 0, 12]);
    const isolation = byNeed?.rows.find((r) => r.values[2] === 10);
    expect(isolation?.values).toEqual(["<5", "*", 10]);
    const byArea = figures.find((figure) => figure.id === "unmet-by-area");
    expect(row(byArea, "Melton")).toEqual([12, 0, 12]);
    expect(row(byArea, "Rutland")).toEqual([0, 7, 7]);
    expect(row(byArea, "No place named")).toEqual(["<5", 0, "<5"]);
  });

  it("shows the directory's freshness by provider, and no person anywhere in any figure", async () => {
    const { figures } = await report();
    const freshness = figures.find((figure) => figure.id === "directory-freshness");
    const { directory } = await realDirectoryAndEngine();
    const providers = new Set(directory.services.map((service) => service.organization.id));
    expect(freshness?.rows).toHaveLength(providers.size);
    const totals = freshness?.rows.reduce((sum, r) => sum + Number(r.values[2]), 0);
    expect(totals).toBe(directory.services.length);
    const everything = JSON.stringify(figures);
    for (const text of [...seededPersonalData.names, ...seededPersonalData.nhsNumbers, ...seededPersonalData.phones, ...seededPersonalData.freeText, ...seededPersonalData.references]) {
      expect(everything).not.toContain(text);
    }
    expect(seededPersonalData.references.length).toBeGreaterThan(0);
  });
});
