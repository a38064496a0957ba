import { z } from "zod";

/** A whole number in a range, from an environment string, with one message for every way it can be wrong. */
function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
}

/**
 * Every setting Signpost reads, with its default. `.env.example` lists the same
 * variables; test/config/load-config.test.ts checks the two stay in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  PORT: wholeNumber(1, 65535).default(3978),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DIRECTORY_DIR: z.string().min(1, "must not be empty").default("./directory"),
  SEARCH_MAX_RESULTS: wholeNumber(1, 20).default(5),
  CONVERSATION_TTL_MINUTES: wholeNumber(1, 1440).default(30),
  INTENTS_DIR: z.string().min(1, "must not be empty").default("./intents"),
  INTENT_CONFIDENCE_THRESHOLD: z.coerce
    .number({ error: "must be a number from 0 to 1" })
    .min(0, "must be a number from 0 to 1")
    .max(1, "must be a number from 0 to 1")
    .default(0.4),
});

type RawConfig = z.infer<typeof configSchema>;

/** The validated settings, with paths made absolute. */
export interface Config {
  readonly nodeEnv: RawConfig["NODE_ENV"];
  readonly host: string;
  readonly port: number;
  readonly logLevel: RawConfig["LOG_LEVEL"];
  readonly dataDir: string;
  readonly directoryDir: string;
  readonly searchMaxResults: number;
  readonly conversationTtlMs: number;
  readonly intentsDir: string;
  readonly intentConfidenceThreshold: number;
}

export const configVariables = Object.keys(configSchema.shape) as (keyof RawConfig)[];
