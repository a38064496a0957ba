import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { Figure } from "./figure.js";

/** NHS identity colours, one per series, in order: blue, warm yellow, aqua green, purple, grey. */
export const seriesColours = ["#005eb8", "#ffb81c", "#00a499", "#330072", "#768692"];

interface Bar {
  readonly row: string;
  readonly series: string;
  readonly value: number;
}

/** The little of the DOM this file touches on Plot's linkedom element. */
interface DomElement {
  readonly tagName: string;
  readonly outerHTML: string;
  querySelectorAll(selector: string): Iterable<DomElement>;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  getAttribute(name: string): string | null;
  remove(): void;
}

const legendLine = 22;
/** The part of a row's total whose cells are hidden ("<5" and "*"), drawn pale so the bar's length is still the total. */
export const hiddenSeries = "Not shown (<5 and *)";
const hiddenColour = "#d8dde0";
const colourOf = (series: readonly string[], i: number) => (series[i] === hiddenSeries ? hiddenColour : (seriesColours[i] ?? "#768692"));
const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * A figure's chart as SVG text, drawn on the server by Observable Plot on a
 * linkedom document: horizontal bars, one per row, stacked by series (grouped
 * for times). Only the values shown in the table are drawn; a suppressed
 * count ("<5") is drawn as nothing, so the chart tells no more than the table.
 * The SVG carries its own legend and no <style> element or style attribute
 * (the page's CSP allows neither), so the same text serves the page and,
 * rendered to PNG, the weekly digest.
 */
export function drawChart(figure: Figure, options: { readonly width?: number } = {}): string {
  // linkedom's document stands in for the browser's: Plot only creates and sets elements on it.
  // (The project's types have no DOM, so Plot's Document type is opaque here: hence `never`.)
  const { document } = parseHTML("<!doctype html><html><body></body></html>") as unknown as { document: never };
  const rows = figure.rows.filter((row) => row.label !== "Total").map((row) => row.label);
  const totalColumn = figure.columns.indexOf("Total");
  const bars: Bar[] = figure.rows
    // A "Total" row is the sum of the others: in the table, not drawn again.
    .filter((row) => row.label !== "Total")
    .flatMap((row) => {
      const shown = figure.chart.series.flatMap((series) => {
        const value = row.values[figure.columns.indexOf(series)];
        return typeof value === "number" && value > 0 ? [{ row: row.label, series, value }] : [];
      });
      // What the hidden cells add up to, when the row's total is shown: the table already tells it (total minus the rest).
      const total = totalColumn === -1 ? undefined : row.values[totalColumn];
      const hidden = typeof total === "number" ? total - shown.reduce((sum, bar) => sum + bar.value, 0) : 0;
      return hidden > 0 ? [...shown, { row: row.label, series: hiddenSeries, value: hidden }] : shown;
    });
  const series = bars.some((bar) => bar.series === hiddenSeries) ? [...figure.chart.series, hiddenSeries] : figure.chart.series;
  const grouped = figure.id === "time-to-response";
  const width = options.width ?? 720;
  const longest = Math.max(8, ...rows.map((label) => label.length));
  const marginLeft = Math.min(320, 16 + longest * 6.6);
  const title = (bar: Bar) => `${bar.row}, ${bar.series}: ${bar.value}`;
  const colour = { domain: [...series], range: series.map((_, i) => colourOf(series, i)) };
  const plotHeight = 50 + rows.length * (grouped ? series.length * 18 + 10 : 24);
  const chart = Plot.plot({
    document,
    width,
    height: plotHeight,
    marginLeft,
    marginRight: 24,
    // With nothing to draw (every count hidden or zero) the axis still starts at 0.
    // Counts and days: whole-number ticks only when the unit is a count.
    x: {
      label: `${figure.chart.unit} →`,
      grid: true,
      ...(bars.length === 0 ? { domain: [0, 5] } : {}),
      ...(figure.chart.unit === "Days" ? {} : { tickFormat: (tick: number) => (Number.isInteger(tick) ? String(tick) : "") }),
    },
    color: colour,
    ...(grouped
      ? {
          y: { domain: [...series], axis: null },
          fy: { domain: rows, label: null },
          marks: [Plot.barX(bars, { x: "value", y: "series", fy: "row", fill: "series", title }), Plot.ruleX([0])],
        }
      : {
          y: { domain: rows, label: null },
          marks: [Plot.barX(bars, { x: "value", y: "row", fill: "series", title }), Plot.ruleX([0])],
        }),
  }) as unknown as DomElement;
  for (const style of [...chart.querySelectorAll("style")]) style.remove();
  for (const element of [chart, ...chart.querySelectorAll("[style]")]) element.removeAttribute("style");
  chart.removeAttribute("class");
  // The outer SVG is one image with one name (role="img", aria-label); Plot's labels on its groups are not allowed inside it.
  for (const element of [...chart.querySelectorAll("[aria-label]")]) element.removeAttribute("aria-label");
  chart.setAttribute("aria-hidden", "true");
  // The legend: swatches left to right, on as many lines as the width needs (about 7 px a character at 12 px).
  let x = 8;
  let line = 0;
  const legend = series
    .map((name, i) => {
      const span = 20 + name.length * 7 + 18;
      if (x > 8 && x + span > width) {
        x = 8;
        line++;
      }
      const y = 6 + line * legendLine;
      const item = `<rect x="${x}" y="${y}" width="14" height="14" fill="${colourOf(series, i)}"></rect><text x="${x + 20}" y="${y + 11}" text-anchor="start">${escape(name)}</text>`;
      x += span;
      return item;
    })
    .join("");
  const legendHeight = (line + 1) * legendLine + 6;
  chart.setAttribute("y", String(legendHeight));
  const label = `${figure.title}. ${figure.description} The table beside the chart gives every value.`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escape(label)}" viewBox="0 0 ${width} ${plotHeight + legendHeight}" width="${width}" height="${plotHeight + legendHeight}" ` +
    `font-family="DejaVu Sans, Arial, sans-serif" font-size="12" fill="#212b32">` +
    // Coordinates to two decimals: a third of the size, and no long runs of digits.
    `<g aria-hidden="true">${legend}</g>${chart.outerHTML.replace(/(\d\.\d{2})\d+/g, "$1")}</svg>`
  );
}
