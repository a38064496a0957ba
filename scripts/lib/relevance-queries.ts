import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Service } from "../../src/directory/directory.js";
import { areaIds, needIds } from "../../src/directory/ids.js";

/**
 * The labelled relevance queries in test/fixtures/search-queries.yaml: what a
 * social prescriber typed, the needs a right answer meets and the area it names.
 * Used by the relevance tests, the library comparison and the benchmarks.
 */
const queriesSchema = z.strictObject({
  queries: z
    .array(
      z.strictObject({
        q: z.string().min(1),
        needs: z.array(z.enum(needIds)).min(1),
        area: z.enum(areaIds).nullable(),
      }),
    )
    .min(30),
});

export type LabelledQuery = z.infer<typeof queriesSchema>["queries"][number];

export function readLabelledQueries(file = new URL("../../test/fixtures/search-queries.yaml", import.meta.url)): LabelledQuery[] {
  return queriesSchema.parse(parse(readFileSync(file, "utf8"))).queries;
}

/** A right answer meets one of the labelled needs and serves the labelled area. */
export function isRightService(service: Pick<Service, "needs" | "areas">, query: LabelledQuery): boolean {
  const meetsNeed = service.needs.some((need) => query.needs.includes(need));
  const servesArea = query.area === null || service.areas.includes(query.area);
  return meetsNeed && servesArea;
}
