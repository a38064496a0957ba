// The insight page's HTML, rendered on the server: each figure as a chart
// (SVG from src/insight/draw-chart.ts), its table and a link to its CSV.
// No script: the page works without JavaScript and under the strict CSP.
import { drawChart } from "../../insight/draw-chart.js";
import type { Figure } from "../../insight/figure.js";
import type { InsightReport } from "../../insight/insight.js";

const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

function table(figure: Figure): string {
  const head = `<tr><th scope="col">${escape(figure.rowHeading)}</th>${figure.columns.map((column) => `<th scope="col" class="number">${escape(column)}</th>`).join("")}</tr>`;
  const body = figure.rows.length === 0
    ? `<tr><td colspan="${figure.columns.length + 1}">None in this period.</td></tr>`
    : figure.rows.map((row) => `<tr><th scope="row">${escape(row.label)}</th>${row.values.map((value) => `<td class="number">${escape(String(value))}</td>`).join("")}</tr>`).join("");
  return `<div class="table-scroll" role="region" aria-labelledby="${figure.id}-caption" tabindex="0"><table><caption id="${figure.id}-caption">${escape(figure.title)}: table</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function section(figure: Figure): string {
  return [
    `<section class="figure" id="${figure.id}" aria-labelledby="${figure.id}-title" data-testid="figure-${figure.id}">`,
    `<h2 id="${figure.id}-title">${escape(figure.title)}</h2>`,
    `<p>${escape(figure.description)}</p>`,
    `<figure class="chart" data-testid="chart-${figure.id}">${drawChart(figure)}</figure>`,
    table(figure),
    `<ul class="notes">${figure.notes.map((note) => `<li>${escape(note)}</li>`).join("")}</ul>`,
    `<p><a class="download" href="/insight/${figure.id}.csv" download>Download “${escape(figure.title)}” as CSV</a></p>`,
    `</section>`,
  ].join("\n");
}

export function insightPage(report: InsightReport, mode: "trial" | "signed-in"): string {
  const notice = mode === "trial"
    ? "Trial mode: the figures come from this computer's own Signpost data."
    : "Anonymous figures for the First Contact hub and the commissioners of the prevention offer.";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Signpost insight</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/insight/insight.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to the figures</a>
<header class="page-header"><div class="wrap">
<h1>Signpost insight</h1>
<p>Referrals, searches that found nothing and the directory's freshness, ${escape(report.period)}.</p>
<p class="notice">${escape(notice)} Counts from 1 to 4 are shown as &lt;5; no person is named anywhere on this page.</p>
</div></header>
<main id="main" class="wrap">
<nav aria-label="Figures on this page"><h2>Figures</h2><ul>${report.figures.map((figure) => `<li><a href="#${figure.id}">${escape(figure.title)}</a></li>`).join("")}</ul></nav>
${report.figures.map(section).join("\n")}
</main>
<footer class="wrap"><p><a href="/">Back to the Signpost chat</a></p></footer>
</body>
</html>
`;
}
