/**
 * Who may build the search index that several processes share (Meilisearch),
 * and that only one builds it at a time. `run` calls `build` when this process
 * may build the index for that directory version, holding whatever keeps other
 * instances from building it at the same moment, and says whether it did.
 */
export interface IndexBuilds {
  run(fingerprint: string, build: () => Promise<void>): Promise<boolean>;
}

/** Builds whenever asked: a process with an index of its own (benchmarks, tests, a lone instance's tools). */
export const alwaysBuild: IndexBuilds = {
  async run(_fingerprint, build) {
    await build();
    return true;
  },
};

/** Never builds: command-line tools search the shared index only when it already holds their directory. */
export const readOnly: IndexBuilds = {
  run: () => Promise.resolve(false),
};
