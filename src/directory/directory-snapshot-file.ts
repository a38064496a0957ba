import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Service } from "./directory.js";
import type { DirectorySnapshot } from "./load-directory.js";

/**
 * Bump when what the loader makes of a record changes (a new derived field, a
 * different area expansion): an older snapshot is then ignored, not trusted.
 */
export const snapshotFormat = 1;

interface SnapshotBody {
  readonly format: number;
  readonly fingerprint: string;
  /** SHA-256 of the services' JSON, so a damaged file is noticed. */
  readonly checksum: string;
  readonly services: string;
}

/** What happened to the snapshot on a load, for the start-up log line. */
export type SnapshotEvent = "used" | "written" | "stale" | "missing" | "unreadable" | "write-failed";

/**
 * The validated directory kept as JSON in DATA_DIR, so that a large directory
 * that has not changed starts without parsing thousands of YAML records. Any
 * problem reading it means it is ignored and the YAML is parsed as usual; a
 * failure to write it never stops start-up.
 */
export class DirectorySnapshotFile implements DirectorySnapshot {
  private readonly events: SnapshotEvent[] = [];

  constructor(private readonly file: string) {}

  /** What happened on each read and write since this object was made. */
  get history(): readonly SnapshotEvent[] {
    return this.events;
  }

  async read(fingerprint: string): Promise<readonly Service[] | undefined> {
    let body: SnapshotBody;
    try {
      body = JSON.parse(await readFile(this.file, "utf8")) as SnapshotBody;
    } catch (error) {
      this.events.push((error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable");
      return undefined;
    }
    if (body.format !== snapshotFormat || body.fingerprint !== fingerprint) {
      this.events.push("stale");
      return undefined;
    }
    if (typeof body.services !== "string" || sha256(body.services) !== body.checksum) {
      this.events.push("unreadable");
      return undefined;
    }
    this.events.push("used");
    return JSON.parse(body.services) as Service[];
  }

  async write(fingerprint: string, services: readonly Service[]): Promise<void> {
    const json = JSON.stringify(services);
    const body: SnapshotBody = { format: snapshotFormat, fingerprint, checksum: sha256(json), services: json };
    // Written beside, then renamed over: a crash mid-write leaves the old snapshot or none, never half of one.
    const temporary = `${this.file}.${randomBytes(4).toString("hex")}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFile(temporary, JSON.stringify(body));
      await rename(temporary, this.file);
      this.events.push("written");
    } catch {
      await rm(temporary, { force: true });
      this.events.push("write-failed");
    }
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
