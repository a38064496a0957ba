// The insight page in a real headless Chromium: every chart drawn and visible with
// its table and CSV link, suppression shown, no script or CSP error, axe-core clean
// (no serious or critical WCAG 2.2 AA violation), and no sideways scroll on a phone.
import { type Browser } from "playwright-core";
import { launchChromium } from "../../support/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureIds } from "../../../src/insight/figure.js";
import { seriousAccessibilityViolations } from "../../support/check-accessibility.js";
import { insightNow, seedInsight } from "../../support/insight-seed.js";
import { ManualClock } from "../../support/manual-clock.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const timeout = 30_000;
let world: WebWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startWebWorld({ insightClock: new ManualClock(insightNow) });
  await seedInsight(world.db);
  browser = await launchChromium();
}, timeout);

afterAll(async () => {
  await browser?.close();
  await world?.close();
}, timeout);

describe("the insight page in Chromium", () => {
  for (const width of [1280, 360]) {
    it(`shows every chart with its table and CSV link, and passes axe, at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-GB" });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
        page.on("console", (message) => {
          if (message.type() === "error") problems.push(`console error: ${message.text()}`);
        });
        await page.goto(`${world.base}/insight`);
        await expect(page.title()).resolves.toBe("Signpost insight");
        for (const id of figureIds) {
          const chart = page.getByTestId(`chart-${id}`).locator("svg").first();
          await chart.scrollIntoViewIfNeeded();
          expect(await chart.isVisible(), id).toBe(true);
          const box = await chart.boundingBox();
          expect(box?.width ?? 0, id).toBeGreaterThan(200);
          expect(box?.height ?? 0, id).toBeGreaterThan(40);
          expect(await page.getByTestId(`figure-${id}`).locator("table").isVisible(), id).toBe(true);
          expect(await page.getByTestId(`figure-${id}`).getByRole("link", { name: /as CSV/ }).getAttribute("href")).toBe(`/insight/${id}.csv`);
        }
        // Bars are drawn: the 12 hoarding searches as they are; November's referrals, whose cells are hidden (* and <5),
        // only as their total of 7, pale, as the table's total already tells; October's total (<5) not at all.
        expect(await page.getByTestId("chart-unmet-by-need").locator("rect title").allTextContents()).toContain("Hoarding and clutter, Nothing anywhere: 12");
        expect(await page.getByTestId("figure-referrals-by-month").getByRole("row", { name: /Nov 2026/ }).textContent()).toMatch(/\*.*<5/);
        expect(await page.getByTestId("chart-referrals-by-month").locator("rect title").allTextContents()).toEqual(["Nov 2026, Not shown (<5 and *): 7"]);
        expect(await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        if (width === 1280) await page.screenshot({ path: "/tmp/signpost-insight.png", fullPage: true });
      } finally {
        await context.close();
      }
    }, timeout);
  }
});
