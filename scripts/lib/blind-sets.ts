/**
 * The blind evaluation sets (test/fixtures/blind/round-N/*.yaml): written by
 * helpers who saw only the domain, the need ids, the area ids and the intents
 * (docs/blind-sets/brief.md), never intents/, directory/, the tests or the
 * rules. Each round is run once as it was delivered, its first-run figures
 * recorded (first-run.json beside it, and docs/decisions/0008), and only then
 * used for development.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { areaIds, needIds } from "../../src/directory/ids.js";
import { intentIds } from "../../src/understanding/intents.js";

const blindCase = z.object({
  text: z.string().min(1),
  intent: z.enum(intentIds),
  tier: z.enum(["routine", "concern", "emergency"]).default("routine"),
  clinical: z.boolean().default(false),
  needs: z.array(z.enum(needIds)).default([]),
  // One writer gave a single plain string: the same label, so it is read as a list of one; another
  // wrote `outside: null` for "nothing outside": the same as no list.
  outside: z
    .union([z.string().min(1).transform((need) => [need]), z.array(z.string().min(1)), z.null().transform(() => [])])
    .default([]),
  area: z.enum(areaIds).nullable().default(null),
  // Absent when the set does not label ages (the intents set): then age is not scored.
  age: z.number().int().min(0).max(120).nullable().optional(),
});

export type BlindCase = z.infer<typeof blindCase>;

const blindFile = z.object({ set: z.enum(["find", "intents", "notes"]), cases: z.array(blindCase).min(1) });

export type BlindSetKind = z.infer<typeof blindFile>["set"];

export interface BlindSet {
  readonly round: number;
  readonly kind: BlindSetKind;
  readonly file: string;
  readonly cases: readonly BlindCase[];
}

export const blindFolder = new URL("../../test/fixtures/blind/", import.meta.url).pathname;

/** Where a round's first-run figures are recorded; until that file exists the round is sealed. */
export function firstRunFile(round: number, folder = blindFolder): string {
  return path.join(folder, `round-${round}`, "first-run.json");
}

/**
 * A round with no first run yet is sealed: committed as delivered, read only by
 * its first run (`eval:blind -- --first-run N`), never by development.
 */
export function isSealed(set: BlindSet): boolean {
  return !existsSync(path.join(path.dirname(set.file), "first-run.json"));
}

/**
 * Every round's sets, oldest round first. With `which: "open"`, only the rounds whose first run is
 * recorded: a sealed round's files are not even read.
 */
export function readBlindSets(folder = blindFolder, which: "all" | "open" = "all"): BlindSet[] {
  if (!existsSync(folder)) return [];
  const rounds = readdirSync(folder)
    .map((name) => /^round-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .filter((round) => which === "all" || existsSync(firstRunFile(round, folder)))
    .sort((a, b) => a - b);
  return rounds.flatMap((round) =>
    (["find", "intents", "notes"] as const)
      .map((kind) => path.join(folder, `round-${round}`, `${kind}.yaml`))
      .filter((file) => existsSync(file))
      .map((file) => {
        const parsed = blindFile.parse(parse(readFileSync(file, "utf8")));
        return { round, kind: parsed.set, file, cases: parsed.cases };
      }),
  );
}
