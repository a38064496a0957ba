import type { Directory } from "../directory/directory.js";
import type { LiveDirectory } from "../directory/live-directory.js";
import { type DirectorySnapshot, loadDirectory } from "../directory/load-directory.js";
import { describeFailure } from "../errors/describe-failure.js";
import { DirectoryVersionError } from "../errors/directory-version-error.js";
import type { Logger } from "../logging/create-logger.js";
import type { SearchEngine } from "../search/search-engine.js";
import type { Clock } from "../time/clock.js";
import { type DirectoryVersion, type DirectoryVersions, shortVersion, type VersionReason } from "./directory-versions.js";

export interface SharedDirectoryDependencies {
  readonly versions: DirectoryVersions;
  readonly live: LiveDirectory;
  /** Indexes a directory before it is swapped in (the embedded engine, and Meilisearch where it is used). */
  readonly engine: SearchEngine;
  readonly directoryDir: string;
  readonly snapshot?: DirectorySnapshot;
  /** Lets this process build the shared search index for a version while it publishes it (VersionIndexBuilds). */
  readonly builds?: { whilePublishing(fingerprint: string, work: () => Promise<void>): Promise<void> };
  /** Who this instance is, for the version rows and the log (INSTANCE_NAME). */
  readonly instance: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What /readyz says about the directory version. */
export interface SharedDirectoryStatus {
  /** The version every instance should answer from, as last seen; absent before any is recorded. */
  readonly shared?: DirectoryVersion;
  /** Why this instance is not on it, when it tried to take it up and could not. */
  readonly problem?: string;
}

/**
 * The shared directory version as one instance sees it. The refresh job's
 * winner publishes a new version once it has indexed and swapped it in; every
 * other instance follows (`check`, on a notification or the periodic look):
 * it loads directory/ from the same shared folder and swaps the new directory
 * in only once its own index is built, and only if it is the very version
 * recorded. One that cannot keeps its last good directory and says why.
 * Swaps in one process happen one at a time.
 */
export class SharedDirectory {
  private seen: DirectoryVersion | undefined;
  private problem: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private following: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: SharedDirectoryDependencies) {}

  status(): SharedDirectoryStatus {
    return { ...(this.seen ? { shared: this.seen } : {}), ...(this.problem ? { problem: this.problem } : {}) };
  }

  /** Start-up (servers only): the directory this instance loaded becomes the shared version when it is another. */
  async adopt(): Promise<void> {
    const { live, versions } = this.deps;
    this.seen = await versions.current();
    if (this.seen?.fingerprint !== live.fingerprint) await this.record(live.view, "start-up");
  }

  /**
   * The refresh job: `swapIn` indexes `next` and swaps it in, and then it is
   * recorded for every instance. While `swapIn` runs, this process may build
   * the shared search index for `next`, which is not yet the shared version.
   */
  async publish(next: Directory, reason: VersionReason, swapIn: () => Promise<void>): Promise<void> {
    await this.exclusive(async () => {
      const { builds } = this.deps;
      await (builds ? builds.whilePublishing(next.fingerprint, swapIn) : swapIn());
      this.problem = undefined;
      if (await this.differs(next.fingerprint)) await this.record(next, reason);
    });
  }

  /** Whether the shared version is another than the directory this instance answers from. */
  async differs(fingerprint: string): Promise<boolean> {
    this.seen = await this.deps.versions.current();
    return this.seen?.fingerprint !== fingerprint;
  }

  /** Follows the shared version if it has moved. Calls while one runs are folded into one more run after it. */
  check(): Promise<void> {
    if (this.following) {
      this.again = true;
      return this.following;
    }
    this.following = (async () => {
      do {
        this.again = false;
        await this.exclusive(() => this.follow());
      } while (this.again);
    })().finally(() => (this.following = undefined));
    return this.following;
  }

  private async follow(): Promise<void> {
    const { versions, live, engine, logger, directoryDir, snapshot } = this.deps;
    let shared: DirectoryVersion | undefined;
    try {
      shared = await versions.current();
    } catch (error) {
      logger.warn({ err: error }, "could not read the shared directory version; still answering from this one");
      return;
    }
    this.seen = shared;
    if (!shared || shared.fingerprint === live.fingerprint) {
      this.problem = undefined;
      return;
    }
    const started = performance.now();
    try {
      const next = await loadDirectory(directoryDir, snapshot ? { snapshot } : {});
      if (next.fingerprint !== shared.fingerprint) {
        throw new DirectoryVersionError(`directory/ here holds version ${shortVersion(next.fingerprint)}, not the shared ${shortVersion(shared.fingerprint)}; is DIRECTORY_DIR on storage every instance shares?`);
      }
      await engine.index(next);
      const from = live.fingerprint;
      live.replace(next);
      this.problem = undefined;
      logger.info(
        { from: shortVersion(from), to: shortVersion(next.fingerprint), services: next.services.length, madeBy: shared.madeBy, ms: Math.round(performance.now() - started), lagMs: this.deps.clock.now().getTime() - Date.parse(shared.madeAt) },
        "took up the shared directory version",
      );
    } catch (error) {
      const problem = `could not take up the shared directory version ${shortVersion(shared.fingerprint)}, so this instance answers from ${shortVersion(live.fingerprint)}: ${describeFailure(error)}`;
      // Once for each problem, however often the periodic look tries again.
      if (problem === this.problem) return;
      logger.warn({ code: "DIRECTORY_VERSION_UNAVAILABLE", shared: shortVersion(shared.fingerprint), answering: shortVersion(live.fingerprint), problem }, "could not take up the shared directory version; answering from the last good one");
      this.problem = problem;
      // The shared Meilisearch index now holds the shared version, not this one. Indexing this one
      // again lets the engine see that (it may not rebuild the index for an older version), so it
      // answers from the embedded engine, which holds this one, until this instance catches up.
      await engine.index(live.view).catch(() => undefined);
    }
  }

  private async record(directory: Directory, reason: VersionReason): Promise<void> {
    const version: DirectoryVersion = { fingerprint: directory.fingerprint, services: directory.services.length, madeAt: this.deps.clock.now().toISOString(), madeBy: this.deps.instance, reason };
    await this.deps.versions.record(version);
    this.seen = version;
    this.deps.logger.info({ version: shortVersion(version.fingerprint), services: version.services, reason }, "recorded the shared directory version");
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}
