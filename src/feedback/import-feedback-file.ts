/**
 * Before reports were kept in the database, each instance appended them to
 * DATA_DIR/feedback.jsonl. At start-up such a file is moved in once: every
 * report that can be read is stored (each once, however often this runs),
 * then the file is renamed feedback.jsonl.imported (or .imported-2 and so on,
 * never over an earlier one), so an upgrade loses nothing and nothing is
 * imported twice. The renamed file is kept: it is the only copy of any line
 * that could not be read.
 */
import { access, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { OutdatedReport } from "./feedback-store.js";
import type { KyselyFeedbackStore } from "./kysely-feedback-store.js";

/** What a line must hold to be a report; anything else is counted as unreadable, not trusted. */
const reportLine = z.object({
  serviceId: z.string(),
  organizationId: z.string(),
  details: z.string(),
  channel: z.string(),
  reportedBy: z.string(),
  reportedAt: z.iso.datetime(),
});

export interface FeedbackFileImport {
  /** Reports read from the file. */
  readonly read: number;
  /** Of those, how many were not in the database already. */
  readonly added: number;
  /** Lines cut short by a crash or damaged: left out, and kept in the renamed file. */
  readonly unreadableLines: number;
  /** The file's name now (feedback.jsonl.imported, …). */
  readonly keptAs: string;
}

/** Reads a reports file line by line: a torn or damaged line is counted and skipped, never fatal. */
function readReportLines(text: string): { reports: OutdatedReport[]; unreadableLines: number } {
  const reports: OutdatedReport[] = [];
  let unreadableLines = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const parsed = reportLine.safeParse(parseJson(line));
    if (parsed.success) reports.push(parsed.data);
    else unreadableLines++;
  }
  return { reports, unreadableLines };
}

/** Moves `file` into the store; undefined when there is no such file. A file that cannot be read is an error. */
export async function importFeedbackFile(file: string, store: Pick<KyselyFeedbackStore, "importOnce">): Promise<FeedbackFileImport | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const { reports, unreadableLines } = readReportLines(text);
  const added = await store.importOnce(reports);
  const keptAs = await freeName(file);
  try {
    await rename(file, keptAs);
  } catch (error) {
    // Another process moved it in at the same moment: its reports are stored either way.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { read: reports.length, added, unreadableLines, keptAs: path.basename(keptAs) };
}

async function freeName(file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${file}.imported` : `${file}.imported-${n}`;
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
