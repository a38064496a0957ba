import { setTimeout as sleep } from "node:timers/promises";
import { SearchError } from "../errors/search-error.js";
import type { JobLock } from "../storage/job-lock.js";
import type { IndexBuilds } from "../search/index-builds.js";
import type { DirectoryVersions } from "./directory-versions.js";

/** The lock every instance takes to build the shared search index (beside the jobs' locks). */
export const indexBuildLock = "shared-search-index";

export interface VersionIndexBuildsOptions {
  /** How long to wait while another instance builds before giving up (the embedded engine answers meanwhile). */
  readonly waitMs?: number;
  /** How often to try the lock while waiting. */
  readonly pollMs?: number;
}

/**
 * A server's rule for building the Meilisearch index every instance shares:
 * only for the shared directory version (or the one this instance is
 * publishing), and one instance at a time, under a lock (a PostgreSQL
 * advisory lock, or SQLite's lock row). An instance that finds the lock taken
 * waits for it, then finds the index built and builds nothing.
 */
export class VersionIndexBuilds implements IndexBuilds {
  private readonly publishing = new Set<string>();

  constructor(
    private readonly versions: DirectoryVersions,
    private readonly lock: JobLock,
    private readonly options: VersionIndexBuildsOptions = {},
  ) {}

  async run(fingerprint: string, build: () => Promise<void>): Promise<boolean> {
    const { waitMs = 15 * 60_000, pollMs = 250 } = this.options;
    const until = Date.now() + waitMs;
    for (;;) {
      const held = await this.lock.withLock(indexBuildLock, async () => {
        if (!(await this.mayBuild(fingerprint))) return false;
        await build();
        return true;
      });
      if (held.ran) return held.value;
      if (Date.now() > until) throw new SearchError(`another instance has been building the shared search index for over ${Math.round(waitMs / 1000)} s`);
      await sleep(pollMs);
    }
  }

  /** While `work` runs (the refresh job indexing a new directory), builds for that version are allowed. */
  async whilePublishing(fingerprint: string, work: () => Promise<void>): Promise<void> {
    this.publishing.add(fingerprint);
    try {
      await work();
    } finally {
      this.publishing.delete(fingerprint);
    }
  }

  /**
   * Only the shared version (or any, before one is recorded), or the one being
   * published: an instance left on an older version never builds over a newer one.
   */
  private async mayBuild(fingerprint: string): Promise<boolean> {
    if (this.publishing.has(fingerprint)) return true;
    const shared = await this.versions.current();
    return shared === undefined || shared.fingerprint === fingerprint;
  }
}
