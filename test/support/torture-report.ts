import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * How the torture campaign's parts (issue 19, decision 0023) are sized and how they hand back
 * their figures. `npm test` runs each part's short form with the defaults; `npm run torture`
 * (scripts/torture.ts) sets the TORTURE_* variables for the long run, a file for the figures
 * (TORTURE_FIGURES: one JSON object a line) and a folder for every log the servers wrote
 * (TORTURE_LOG_DIR), which it scans again across the whole campaign for the synthetic people.
 */
export function tortureSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new TypeError(`${name} must be a number, got ${raw}`);
  return value;
}

/** A range such as "8-16" (TORTURE_CONVERSATIONS); one number is a range of one. */
export function tortureRange(name: string, fallback: readonly [number, number]): readonly [number, number] {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const match = /^(\d+)(?:-(\d+))?$/.exec(raw.trim());
  if (!match) throw new TypeError(`${name} must be a number or a range like 8-16, got ${raw}`);
  const low = Number(match[1]);
  const high = Number(match[2] ?? match[1]);
  if (low < 1 || high < low) throw new TypeError(`${name} must be a range like 8-16, got ${raw}`);
  return [low, high];
}

export type Figures = Record<string, number | string | boolean | readonly string[]>;

/** Prints one part's figures and, in the campaign, appends them to TORTURE_FIGURES for scripts/torture.ts. */
export function reportFigures(part: string, figures: Figures): void {
  const line = JSON.stringify({ part, ...figures });
  process.stdout.write(`torture figures: ${line}\n`);
  const file = process.env.TORTURE_FIGURES;
  if (file) appendFileSync(file, `${line}\n`);
}

/**
 * Keeps what a server wrote for the campaign's privacy scan (in the campaign only), with the
 * synthetic personal details the part used, so the scan can look for every part's details in
 * every part's logs.
 */
export function keepForPrivacyScan(name: string, log: string, secrets: readonly string[]): void {
  const folder = process.env.TORTURE_LOG_DIR;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${name}.log`), log);
  appendFileSync(path.join(folder, "secrets.txt"), `${secrets.join("\n")}\n`);
}
