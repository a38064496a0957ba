import type { Kysely, Transaction } from "kysely";
import type { OutboxDraft } from "./outbox-draft.js";
import type { Database } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";

/**
 * Writes notifications into the outbox, due at once. With `skipRepeats`, a
 * draft whose key is already there writes nothing (a job run again after a
 * crash sends nothing twice); without it a repeated key is an error, which the
 * referral store relies on to detect a lost race. Returns how many were written.
 */
export async function writeOutbox(
  db: Kysely<Database> | Transaction<Database>,
  now: Date,
  referralId: string,
  drafts: readonly OutboxDraft[],
  options: { readonly skipRepeats?: boolean } = {},
): Promise<number> {
  let written = 0;
  for (const draft of drafts) {
    const at = now.toISOString();
    const insert = db.insertInto("outbox").values({
      id: orderedId(now),
      idempotency_key: draft.key,
      referral_id: referralId,
      notifier: draft.notifier,
      destination: JSON.stringify(draft.destination),
      payload: JSON.stringify(draft.payload),
      attempts: 0,
      next_attempt_at: at,
      delivered_at: null,
      last_error: null,
      created_at: at,
    });
    const result = await (options.skipRepeats ? insert.onConflict((conflict) => conflict.column("idempotency_key").doNothing()) : insert).executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}
