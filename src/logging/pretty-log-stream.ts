import { Writable } from "node:stream";

const levels: Readonly<Record<number, string>> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
/** What every line carries and a person need not read again. */
const skipped = new Set(["level", "time", "msg", "pid", "hostname", "app", "err"]);

/** One pino line as a person reads it: "14:02:07 warn  no sign-in is configured … (host=0.0.0.0)". */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof entry.time === "number" ? new Date(entry.time).toISOString().slice(11, 19) : "";
  const level = (levels[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !skipped.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const err = entry.err as { message?: unknown } | undefined;
  const error = typeof err?.message === "string" ? ` (${err.message})` : "";
  return `${time} ${level} ${typeof entry.msg === "string" ? entry.msg : ""}${error}${fields.length > 0 ? ` (${fields.join(", ")})` : ""}`;
}

/**
 * A destination for pino that writes each line readably instead of as JSON (LOG_FORMAT=pretty).
 * The same redaction applies: it formats what pino has already censored.
 */
export function prettyLogStream(out: NodeJS.WritableStream): Writable {
  let pending = "";
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim() !== "") out.write(`${prettyLine(line)}\n`);
      done();
    },
  });
}
