import type { Meilisearch } from "meilisearch";

/**
 * How many times an index was built and swapped in, read from Meilisearch's
 * own task list: one indexSwap task per build, naming the live index and the
 * fresh one (`<indexUid>-<fingerprint prefix>`). Swaps are counted rather than
 * fresh indexes by name because a swap rewrites index names in the task history.
 */
export async function buildCount(client: Meilisearch, indexUid: string): Promise<number> {
  const { results } = await client.tasks.getTasks({ types: ["indexSwap"], statuses: ["succeeded"], limit: 1000 });
  const ours = (uid: string) => uid === indexUid || uid.startsWith(`${indexUid}-`);
  return results.filter((task) => ((task.details as { swaps?: { indexes: string[] }[] } | undefined)?.swaps ?? []).some((swap) => swap.indexes.every(ours))).length;
}

/** Every task Meilisearch has been given, of any kind, for any index. */
export async function taskCount(client: Meilisearch): Promise<number> {
  return (await client.tasks.getTasks({ limit: 1 })).total ?? 0;
}
