import { createHash } from "node:crypto";
import type { Directory } from "../directory/directory.js";
import type { LiveDirectory } from "../directory/live-directory.js";
import { type DirectorySnapshot, loadDirectory } from "../directory/load-directory.js";
import { DirectoryError, formatProblem } from "../errors/directory-error.js";
import { importFeed } from "../oruk/import-feed.js";
import { formatOrukProblem, OrukImportError } from "../oruk/oruk-import-error.js";
import type { SearchEngine } from "../search/search-engine.js";
import { londonDate } from "../time/wall-clock.js";
import type { Job, JobReport, JobRun } from "./job.js";

export interface DirectoryRefreshDependencies {
  readonly directoryDir: string;
  readonly feeds: readonly { readonly name: string; readonly source: string }[];
  readonly live: LiveDirectory;
  readonly engine: SearchEngine;
  readonly snapshot?: DirectorySnapshot;
  /** Per HTTP request to a feed. */
  readonly feedTimeoutMs?: number;
}

/**
 * Keeps the directory fresh: imports each configured ORUK feed (a feed that
 * fails keeps its last good files), reloads directory/, and when anything
 * changed indexes the new directory and only then swaps it in. A broken source
 * keeps the last good index and tells the maintainers the exact error, once a
 * day for each distinct error rather than at every run while it stays broken.
 */
export class DirectoryRefreshJob implements Job {
  readonly name = "directory-refresh" as const;

  constructor(private readonly deps: DirectoryRefreshDependencies) {}

  async run({ notices, now }: JobRun): Promise<JobReport> {
    const { live, engine, directoryDir, snapshot } = this.deps;
    const problems: string[] = [];
    let feedsWritten = 0;
    for (const feed of this.deps.feeds) {
      try {
        const imported = await importFeed({ feed: feed.name, source: feed.source, directory: live.view, directoryDir, ...(this.deps.feedTimeoutMs ? { timeoutMs: this.deps.feedTimeoutMs } : {}) });
        if (imported.written) feedsWritten++;
      } catch (error) {
        problems.push(`The ORUK feed "${feed.name}" was not imported; its last good copy stays. ${describe(error)}`);
      }
    }

    let next: Directory | undefined;
    try {
      next = await loadDirectory(directoryDir, snapshot ? { snapshot } : {});
    } catch (error) {
      problems.push(`directory/ could not be loaded; Signpost keeps answering from the last good directory. ${describe(error)}`);
    }
    let outcome = "unchanged";
    if (next && next.fingerprint !== live.fingerprint) {
      try {
        await engine.index(next);
        live.replace(next);
        outcome = `reindexed ${next.services.length} services`;
      } catch (error) {
        problems.push(`The new directory could not be indexed; the last good index stays. ${describe(error)}`);
      }
    }
    if (problems.length > 0) {
      const text = `Signpost's directory refresh found problems:\n${problems.map((problem) => `- ${problem}`).join("\n")}`;
      // Once a day for each distinct problem, however often the job runs while it lasts.
      const problemKey = createHash("sha256").update(text).digest("hex").slice(0, 16);
      await notices.send("maintainers", `directory-refresh:problem:${londonDate(now)}:${problemKey}`, text);
    }
    return { summary: `${outcome}; ${feedsWritten} of ${this.deps.feeds.length} feeds changed; ${problems.length} problems` };
  }
}

function describe(error: unknown): string {
  if (error instanceof DirectoryError) return error.problems.map(formatProblem).join("; ");
  if (error instanceof OrukImportError) return error.problems.map(formatOrukProblem).join("; ");
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${(error as Error).message}${cause}`;
}
