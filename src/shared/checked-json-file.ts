import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** What happened to a checked file on a read or a write, for the start-up log line. */
export type CheckedFileEvent = "used" | "written" | "stale" | "missing" | "unreadable" | "write-failed";

interface Body {
  readonly format: number;
  readonly key: string;
  /** SHA-256 of the payload, so a damaged file is noticed. */
  readonly checksum: string;
  readonly payload: string;
}

/**
 * A cache file in DATA_DIR for something slow to make (the validated directory,
 * the trained intent model): kept with the format of the code that wrote it,
 * the key of what it was made from and a checksum. Read back only when all
 * three agree; any problem means "make it again", and a failure to write never
 * stops Signpost. Written beside and renamed over, so a crash leaves the old
 * file or none, never half of one.
 */
export class CheckedJsonFile {
  private readonly events: CheckedFileEvent[] = [];

  constructor(
    private readonly file: string,
    private readonly format: number,
  ) {}

  /** What happened on each read and write since this object was made. */
  get history(): readonly CheckedFileEvent[] {
    return this.events;
  }

  /**
   * What was written for `key`, decoded; undefined (and why, in history) when the file is missing,
   * stale, damaged, or its payload does not decode (`decode` returns undefined or throws).
   */
  async read<T>(key: string, decode: (payload: string) => T | undefined): Promise<T | undefined> {
    let body: Body;
    try {
      body = JSON.parse(await readFile(this.file, "utf8")) as Body;
    } catch (error) {
      this.events.push((error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable");
      return undefined;
    }
    if (body.format !== this.format || body.key !== key) {
      this.events.push("stale");
      return undefined;
    }
    const value = typeof body.payload === "string" && sha256(body.payload) === body.checksum ? decodeSafely(body.payload, decode) : undefined;
    this.events.push(value === undefined ? "unreadable" : "used");
    return value;
  }

  async write(key: string, payload: string): Promise<void> {
    const body: Body = { format: this.format, key, checksum: sha256(payload), payload };
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

function decodeSafely<T>(payload: string, decode: (payload: string) => T | undefined): T | undefined {
  try {
    return decode(payload);
  } catch {
    return undefined;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
