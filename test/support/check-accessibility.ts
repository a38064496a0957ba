// Runs axe-core (the accessibility engine behind most WCAG checkers) in a real
// Chromium page against WCAG 2.0, 2.1 and 2.2 A and AA rules, and returns the
// violations a test should refuse: the serious and critical ones.
// axe is evaluated through the DevTools protocol, which the page's Content
// Security Policy does not apply to, so the page is checked exactly as served.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let axeSource: Promise<string> | undefined;

export interface AccessibilityViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** CSS selectors of the elements that fail, so a failing test says where. */
  readonly targets: readonly string[];
}

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Every serious or critical WCAG A/AA violation on the page as it is now (empty when it passes). */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  axeSource ??= readFile(axePath, "utf8");
  const present = await page.evaluate<boolean>("typeof window.axe === 'object'");
  if (!present) await page.evaluate(await axeSource);
  const run = `axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(wcagTags)} }, resultTypes: ["violations"] })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact ?? "unknown", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) })))`;
  const violations = await page.evaluate<AccessibilityViolation[]>(run);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
