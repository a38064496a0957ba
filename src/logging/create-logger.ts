import { type Logger, pino } from "pino";
import { prettyLogStream } from "./pretty-log-stream.js";

export type { Logger } from "pino";

/**
 * Paths that may carry personal data if a caller ever logs a whole object.
 * Code should not log these in the first place; redaction is the safety net.
 */
const redactPaths = [
  "text",
  "*.text",
  "query",
  "*.query",
  "q",
  "*.q",
  "name",
  "*.name",
  "nhsNumber",
  "*.nhsNumber",
  "phone",
  "*.phone",
  "email",
  "*.email",
  "person",
  "*.person",
  "address",
  "*.address",
  "contact",
  "*.contact",
  "whatMatters",
  "*.whatMatters",
  "referral",
  "*.referral",
  "draft",
  "*.draft",
  "fields",
  "*.fields",
  "payload",
  "*.payload",
  "req.headers.authorization",
  "req.headers.cookie",
];

export interface LoggerOptions {
  readonly level: string;
  /** Where to write; defaults to stdout. Tests pass a stream to read the lines back. */
  readonly destination?: NodeJS.WritableStream;
  /** JSON lines (the default, for operators) or readable lines for a person at a terminal. */
  readonly format?: "json" | "pretty";
}

/** Structured JSON logs (pino), or the same lines made readable. Users' words are never logged; see redactPaths. */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level,
    base: { app: "signpost" },
    redact: { paths: redactPaths, censor: "[redacted]" },
  };
  if (options.format === "pretty") return pino(settings, prettyLogStream(options.destination ?? process.stdout));
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
