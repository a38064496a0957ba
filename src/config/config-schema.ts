import { z } from "zod";

/**
 * Every setting Signpost reads, with its default. `.env.example` lists the same
 * variables; test/config/load-config.test.ts checks the two stay in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1, "must not be empty").default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a whole number from 1 to 65535" })
    .int("must be a whole number from 1 to 65535")
    .min(1, "must be a whole number from 1 to 65535")
    .max(65535, "must be a whole number from 1 to 65535")
    .default(3978),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATA_DIR: z.string().min(1, "must not be empty").default("./data"),
  DIRECTORY_DIR: z.string().min(1, "must not be empty").default("./directory"),
  SEARCH_MAX_RESULTS: z.coerce
    .number({ error: "must be a whole number from 1 to 20" })
    .int("must be a whole number from 1 to 20")
    .min(1, "must be a whole number from 1 to 20")
    .max(20, "must be a whole number from 1 to 20")
    .default(5),
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
}

export const configVariables = Object.keys(configSchema.shape) as (keyof RawConfig)[];
