import type { EnqueuedTask, EnqueuedTaskPromise, Meilisearch, Task } from "meilisearch";
import type { Directory } from "../directory/directory.js";
import { SearchError } from "../errors/search-error.js";
import { indexSettings, indexVersion, type ServiceDocument, toDocuments } from "./meilisearch-index-settings.js";

const batchSize = 2000;
/** How long the whole document load may take before the build is given up (the live index stays). */
const buildTimeoutMs = 15 * 60_000;

/**
 * Whether the live index already holds this directory: every document carries
 * the version it was built from (index_version), written and swapped in with
 * the documents themselves, so the check cannot disagree with what is served,
 * and one document tells. It needs only the search action, so a tool with a
 * search-only key can make it. A missing index holds nothing; an unreachable
 * server throws.
 */
export async function holdsDirectory(client: Meilisearch, indexUid: string, directory: Directory): Promise<boolean> {
  try {
    const { hits } = await client.index<Pick<ServiceDocument, "index_version">>(indexUid).search("", { limit: 1, attributesToRetrieve: ["index_version"] });
    return hits[0]?.index_version === indexVersion(directory);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === "index_not_found") return false;
    throw error;
  }
}

/**
 * Builds the directory into a fresh index named after its version
 * (`services-<fingerprint prefix>`), waits for it, swaps it with the live
 * index in one step (Meilisearch's swap-indexes) and deletes the old
 * documents. A failed build leaves the live index untouched.
 */
export async function buildAndSwap(client: Meilisearch, indexUid: string, directory: Directory): Promise<void> {
  const fresh = `${indexUid}-${directory.fingerprint.slice(0, 12)}`;
  try {
    // A build cut short (the process died) may have left this very index behind.
    if (await exists(client, fresh)) await settled(client.deleteIndex(fresh));
    await settled(client.createIndex(fresh, { primaryKey: "id" }));
    await settled(client.index(fresh).updateSettings(indexSettings(directory)));
    // In batches, sent one after another: Meilisearch refuses a payload over 100 MB (100k services
    // in one request is more). It works through them in order and joins consecutive additions into
    // one batch of work (2,000 or 20,000 documents a request build in the same time), so the build
    // waits for the last, then reads every task's outcome in one request.
    const documents = toDocuments(directory);
    const tasks: EnqueuedTask[] = [];
    for (let start = 0; start < documents.length; start += batchSize) tasks.push(await client.index<ServiceDocument>(fresh).addDocuments(documents.slice(start, start + batchSize)));
    await allDone(client, tasks);
    if (!(await exists(client, indexUid))) await settled(client.createIndex(indexUid, { primaryKey: "id" }));
    await settled(client.swapIndexes([{ indexes: [indexUid, fresh], rename: false }]));
    await settled(client.deleteIndex(fresh)); // after the swap it holds the old documents
  } catch (error) {
    // Waited for as long as any other step (deleteIndexIfExists gives up after 5 s on a busy server, leaving
    // the half-built index behind); a failed delete (the index was never created) is nothing to report.
    await settled(client.deleteIndex(fresh)).catch(() => undefined);
    throw new SearchError("could not build the Meilisearch index; the live index is unchanged", { cause: error });
  }
}

async function exists(client: Meilisearch, uid: string): Promise<boolean> {
  try {
    await client.index(uid).getRawInfo();
    return true;
  } catch {
    return false;
  }
}

/** Waits for the last of these tasks (Meilisearch runs an index's tasks in order), then throws if any failed. */
async function allDone(client: Meilisearch, tasks: readonly EnqueuedTask[]): Promise<void> {
  const last = tasks.at(-1);
  if (!last) return;
  await client.tasks.waitForTask(last, { timeout: buildTimeoutMs, interval: 100 });
  const { results } = await client.tasks.getTasks({ uids: tasks.map((task) => task.taskUid), limit: tasks.length });
  if (results.length !== tasks.length) throw new SearchError(`Meilisearch reported ${results.length} of ${tasks.length} document tasks`);
  for (const task of results) checkDone(task);
}

/** Waits for a Meilisearch task and throws if it failed. */
async function settled(task: EnqueuedTaskPromise): Promise<void> {
  checkDone(await task.waitTask({ timeout: 60_000 }));
}

function checkDone(done: Task): void {
  if (done.status !== "succeeded") throw new SearchError(`Meilisearch task ${done.type} ${done.status}: ${done.error?.message ?? "no detail"}`);
}
