import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

/**
 * An id that sorts in the order it was made (time, then a counter within the
 * same millisecond, then randomness), like a ULID. Audit events and outbox
 * entries use it so "oldest first" is exact, even when two share a timestamp,
 * without needing a different auto-increment column for each database.
 */
export function orderedId(at: Date): string {
  const ms = at.getTime();
  if (ms === lastMs) counter++;
  else {
    lastMs = ms;
    counter = 0;
  }
  return `${ms.toString(36).padStart(10, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(5).toString("hex")}`;
}
