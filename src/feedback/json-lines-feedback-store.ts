import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { FeedbackRead, FeedbackReader, FeedbackStore, OutdatedReport } from "./feedback-store.js";

/** What a line must hold to be a report; anything else is counted as unreadable, not trusted. */
const reportLine = z.object({
  serviceId: z.string(),
  organizationId: z.string(),
  details: z.string(),
  channel: z.string(),
  reportedBy: z.string(),
  reportedAt: z.iso.datetime(),
});

/**
 * Reports appended to one JSON-lines file under DATA_DIR, each flushed to disk
 * before the user is thanked. Append-only: nothing is rewritten, so a crash can
 * lose at most the line being written, never earlier ones.
 */
export class JsonLinesFeedbackStore implements FeedbackStore, FeedbackReader {
  constructor(private readonly file: string) {}

  async record(report: OutdatedReport): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, "a+", 0o600);
    try {
      // A line cut short by a crash has no newline: start on a fresh line, or this report would be lost with it.
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      if (size > 0) await handle.read(last, 0, 1, size - 1);
      const separator = size > 0 && last.toString() !== "\n" ? "\n" : "";
      await handle.write(`${separator}${JSON.stringify(report)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async list(): Promise<OutdatedReport[]> {
    return [...(await this.read()).reports];
  }

  /** Every report in the file. A torn or damaged line is counted and skipped, never fatal. */
  async read(): Promise<FeedbackRead> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { reports: [], unreadableLines: 0 };
      throw error;
    }
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
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}
