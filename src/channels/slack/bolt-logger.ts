/**
 * Bolt's and the Web API client's logger, on Signpost's pino logger. Only
 * warnings and errors pass, as short strings: Bolt's debug lines can hold
 * request bodies (what people typed), which must never reach the log.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logging/create-logger.js";

function describe(parts: readonly unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? `${p.name}: ${p.message}` : typeof p === "string" ? p : ""))
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...parts: unknown[]) => logger.warn({ component: "slack" }, describe(parts)),
    error: (...parts: unknown[]) => logger.error({ component: "slack" }, describe(parts)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** An error as operators need it: its kind, Slack's error code and status, never a request or response body. */
export interface ErrorSummary {
  readonly error: string;
  readonly code?: string;
  readonly slackError?: string;
  readonly status?: number;
  readonly retryAfter?: number;
}

export function errorSummary(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { error: typeof error };
  const e = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown };
  return {
    error: e.name,
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.data?.error === "string" ? { slackError: e.data.error } : {}),
    ...(typeof e.statusCode === "number" ? { status: e.statusCode } : {}),
    ...(typeof e.retryAfter === "number" ? { retryAfter: e.retryAfter } : {}),
  };
}
