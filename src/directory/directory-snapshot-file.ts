import { type CheckedFileEvent, CheckedJsonFile } from "../shared/checked-json-file.js";
import type { Service } from "./directory.js";
import type { DirectorySnapshot } from "./load-directory.js";

/**
 * Bump when what the loader makes of a record changes (a new derived field, a
 * different area expansion): an older snapshot is then ignored, not trusted.
 */
export const snapshotFormat = 2;

/** What happened to the snapshot on a load, for the start-up log line. */
export type SnapshotEvent = CheckedFileEvent;

/**
 * The validated directory kept as JSON in DATA_DIR, so that a large directory
 * that has not changed starts without parsing thousands of YAML records. Any
 * problem reading it means it is ignored and the YAML is parsed as usual; a
 * failure to write it never stops start-up.
 */
export class DirectorySnapshotFile implements DirectorySnapshot {
  private readonly file: CheckedJsonFile;

  constructor(file: string) {
    this.file = new CheckedJsonFile(file, snapshotFormat);
  }

  /** What happened on each read and write since this object was made. */
  get history(): readonly SnapshotEvent[] {
    return this.file.history;
  }

  async read(fingerprint: string): Promise<readonly Service[] | undefined> {
    return this.file.read(fingerprint, (json) => JSON.parse(json) as Service[]);
  }

  async write(fingerprint: string, services: readonly Service[]): Promise<void> {
    await this.file.write(fingerprint, JSON.stringify(services));
  }
}
