import type { Clock } from "../../src/time/clock.js";

/** A clock that only moves when told to: for expiry tests. */
export class ManualClock implements Clock {
  constructor(private current = new Date("2026-11-22T10:00:00Z")) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  set(moment: Date | string): void {
    this.current = new Date(moment);
  }
}
