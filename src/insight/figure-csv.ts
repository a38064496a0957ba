import type { Figure } from "./figure.js";

/** A figure's table as CSV (RFC 4180), as the page shows it: suppressed counts stay "<5". */
export function figureCsv(figure: Figure): string {
  const lines = [[figure.rowHeading, ...figure.columns], ...figure.rows.map((row) => [row.label, ...row.values.map(String)])];
  return `${lines.map((line) => line.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** Quoted when needed, and a leading quote mark on anything a spreadsheet would run as a formula ("<5" is safe). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
