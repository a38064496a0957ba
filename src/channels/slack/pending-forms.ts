/**
 * Forms waiting for their "Open the form" button. A form asked for in a
 * mention or a DM cannot open as a modal (Slack gives no trigger id there), so
 * the reply comes with a button whose press brings one. What the button will
 * open is kept in the `slack_pending_forms` table (owned here) for 30 minutes
 * under a random token, the button's value, so the press may reach any
 * instance. A referral form may be pre-filled with a person's details: they
 * stay no longer than the form does, and are swept after.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Form, Reply } from "../../conversation/reply.js";
import type { Database } from "../../storage/database-schema.js";
import { ExpirySweep } from "../../storage/expiry-sweep.js";
import { guarded } from "../../storage/guarded.js";
import type { Clock } from "../../time/clock.js";

export const pendingFormMs = 30 * 60 * 1000;

/** A form waiting for its "Open the form" button to be pressed. */
export interface PendingForm {
  readonly reply: Reply & { readonly form: Form };
  readonly conversationId: string;
  readonly team?: string;
}

export interface PendingForms {
  /** Keeps the form; the token goes in the button's value. */
  keep(form: PendingForm): Promise<string>;
  /** The form for a token, while it is current; undefined for an unknown or expired one. */
  find(token: string): Promise<PendingForm | undefined>;
}

export class KyselyPendingForms implements PendingForms {
  private readonly sweep: ExpirySweep;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly ttlMs = pendingFormMs,
  ) {
    this.sweep = new ExpirySweep(db, "slack_pending_forms");
  }

  async keep(form: PendingForm): Promise<string> {
    const token = randomUUID();
    const now = this.clock.now();
    await guarded("keep a Slack form for its button", async () => {
      await this.db
        .insertInto("slack_pending_forms")
        .values({ token, form: JSON.stringify(form), expires_at: new Date(now.getTime() + this.ttlMs).toISOString() })
        .execute();
      await this.sweep.afterWrite(now);
    });
    return token;
  }

  async find(token: string): Promise<PendingForm | undefined> {
    const row = await guarded("find a Slack form for its button", () =>
      this.db.selectFrom("slack_pending_forms").select("form").where("token", "=", token).where("expires_at", ">", this.clock.now().toISOString()).executeTakeFirst(),
    );
    return row ? (JSON.parse(row.form) as PendingForm) : undefined;
  }
}
