import { createHash } from "node:crypto";
import type { Directory } from "../directory/directory.js";
import type { LiveDirectory } from "../directory/live-directory.js";
import { type DirectorySnapshot, loadDirectory } from "../directory/load-directory.js";
import { shortVersion, type VersionReason } from "../directory-version/directory-versions.js";
import { describeFailure as describe } from "../errors/describe-failure.js";
import { StorageError } from "../errors/storage-error.js";
import { importFeed } from "../oruk/import-feed.js";
import type { SearchEngine } from "../search/search-engine.js";
import { londonDate } from "../time/wall-clock.js";
import type { Job, JobReport, JobRun } from "./job.js";

/** The shared directory version, as the refresh job records it (src/directory-version/shared-directory.ts). */
export interface DirectoryPublisher {
  /** Whether the version recorded for every instance is another than this one. */
  differs(fingerprint: string): Promise<boolean>;
  /** Runs `swapIn` (index, then swap in), then records `next` for every instance. */
  publish(next: Directory, reason: VersionReason, swapIn: () => Promise<void>): Promise<void>;
}

export interface DirectoryRefreshDependencies {
  readonly directoryDir: string;
  readonly feeds: readonly { readonly name: string; readonly source: string }[];
  readonly live: LiveDirectory;
  readonly engine: SearchEngine;
  readonly snapshot?: DirectorySnapshot;
  /** Where the new version is recorded for the other instances; without it only this process changes. */
  readonly publisher?: DirectoryPublisher;
  /** Per HTTP request to a feed. */
  readonly feedTimeoutMs?: number;
}

/**
 * Keeps the directory fresh: imports each configured ORUK feed (a feed that
 * fails keeps its last good files), reloads directory/, and when anything
 * changed indexes the new directory and only then swaps it in, then records it
 * as the version every instance should answer from (they follow it: see
 * src/directory-version/). A broken source keeps the last good index and tells
 * the maintainers the exact error, once a day for each distinct error rather
 * than at every run while it stays broken.
 */
export class DirectoryRefreshJob implements Job {
  readonly name = "directory-refresh" as const;

  constructor(private readonly deps: DirectoryRefreshDependencies) {}

  async run({ notices, now, slot }: JobRun): Promise<JobReport> {
    const { live, directoryDir, snapshot } = this.deps;
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
    if (next) {
      try {
        outcome = await this.swapIn(next, slot.startsWith("by-hand:") ? "by-hand" : "refresh");
      } catch (error) {
        const stays = error instanceof StorageError ? "it is in use here, but the other instances were not told; the next run tries again" : "the last good index stays";
        problems.push(`The new directory could not be ${error instanceof StorageError ? "recorded" : "indexed"}; ${stays}. ${describe(error)}`);
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

  /** Indexes and swaps in a directory that changed, and records it when the shared version is another. */
  private async swapIn(next: Directory, reason: VersionReason): Promise<string> {
    const { live, engine, publisher } = this.deps;
    const changed = next.fingerprint !== live.fingerprint;
    // The database being away does not stop this instance taking up new files; recording them then fails, and says so.
    const unshared = publisher ? await publisher.differs(next.fingerprint).catch(() => false) : false;
    if (!changed && !unshared) return "unchanged";
    const swap = async () => {
      if (!changed) return;
      await engine.index(next);
      live.replace(next);
    };
    if (publisher) await publisher.publish(next, reason, swap);
    else await swap();
    const outcome = changed ? `reindexed ${next.services.length} services` : "unchanged";
    return publisher ? `${outcome}; version ${shortVersion(next.fingerprint)} recorded for every instance` : outcome;
  }
}
