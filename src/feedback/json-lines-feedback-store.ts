import { mkdir, open, readFile } from "node:fs/promises";
import path from "node:path";
import type { FeedbackStore, OutdatedReport } from "./feedback-store.js";

/**
 * Reports appended to one JSON-lines file under DATA_DIR, each flushed to disk
 * before the user is thanked. Append-only: nothing is rewritten, so a crash can
 * lose at most the line being written, never earlier ones.
 */
export class JsonLinesFeedbackStore implements FeedbackStore {
  constructor(private readonly file: string) {}

  async record(report: OutdatedReport): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const handle = await open(this.file, "a", 0o600);
    try {
      await handle.write(`${JSON.stringify(report)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async list(): Promise<OutdatedReport[]> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    // A torn last line (a crash mid-write) is skipped, not fatal.
    return text
      .split("\n")
      .filter(Boolean)
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as OutdatedReport];
        } catch {
          return [];
        }
      });
  }
}
