import { StorageError } from "../errors/storage-error.js";

/**
 * Runs one piece of storage work; any failure becomes a StorageError saying
 * what could not be done ("could not <what>"), with the database's error as
 * its cause for the operator. Users see the StorageError's own sentence.
 */
export async function guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StorageError(`could not ${what}`, { cause: error });
  }
}
