import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import { ReferralError } from "../errors/referral-error.js";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "../storage/database-schema.js";
import { orderedId } from "../storage/ordered-id.js";
import { isUniqueViolation } from "../storage/unique-violation.js";
import { writeOutbox } from "../notifications/write-outbox.js";
import type { Clock } from "../time/clock.js";
import { newReference } from "./reference.js";
import { canSee, type Engagement, engagements, fromRow, type Referral, toRow, type Viewer } from "./referral.js";
import type { NewReferral } from "./referral-fields.js";
import { canMove, isOpen, type StatusChange, statuses } from "./referral-status.js";
import type { OutboxDraft } from "../notifications/outbox-draft.js";
import { type FollowUpCandidate, ReferralQueries, type WaitingReferral } from "./referral-queries.js";
import type { ListFilter, NotificationPlan, ReferralStore } from "./referral-store.js";
import { referralsEndedBefore, type Retirement, retireReferral } from "./retire-referral.js";

/** The referral store on any database Kysely speaks to: SQLite and PostgreSQL share this code. */
export class KyselyReferralStore implements ReferralStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: NewReferral, idempotencyKey: string, plan: NotificationPlan): Promise<{ referral: Referral; created: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.byKey(idempotencyKey);
      if (existing) return { referral: existing, created: false };
      const now = this.clock.now().toISOString();
      const referral: Referral = { ...input, id: randomUUID(), reference: newReference(), status: "submitted", createdAt: now, updatedAt: now };
      try {
        await this.db.transaction().execute(async (trx) => {
          await trx.insertInto("referrals").values(toRow(referral, idempotencyKey)).execute();
          await this.audit_(trx, referral.id, "created", toViewer(input.referrer), {});
          // Who confirmed the person's agreement, and when: the referrer's own tick (or answer), never a pre-ticked box.
          await this.audit_(trx, referral.id, "consent:confirmed", { ...toViewer(input.referrer), id: input.consent.confirmedBy }, {}, input.consent.confirmedAt);
          await this.enqueue(trx, referral.id, plan(referral, "created"));
        });
        return { referral, created: true };
      } catch (error) {
        // Another submission with the same key won the race, or (rarely) the reference was taken: look again.
        if (!isUniqueViolation(error)) throw new StorageError("could not store a referral", { cause: error });
      }
    }
    throw new StorageError("could not find a free reference after 5 tries");
  }

  async find(reference: string, viewer: Viewer): Promise<Referral | undefined> {
    const row = await this.guard(() => this.db.selectFrom("referrals").selectAll().where("reference", "=", reference.toUpperCase()).executeTakeFirst());
    if (!row) return undefined;
    const referral = fromRow(row);
    if (!canSee(viewer, referral)) return undefined;
    await this.guard(() => this.audit_(this.db, referral.id, "read", viewer, {}));
    return referral;
  }

  async list(viewer: Viewer, filter: ListFilter): Promise<Referral[]> {
    if (filter.scope === "triage" && !viewer.triage) return [];
    let query = this.db.selectFrom("referrals").selectAll();
    if (filter.scope === "mine") query = query.where("referrer_id", "=", viewer.id);
    if (filter.scope === "team") query = query.where("referrer_team", "=", viewer.team);
    if (filter.openOnly) query = query.where("status", "in", statuses.filter(isOpen));
    const rows = await this.guard(() => query.orderBy("created_at", "desc").limit(50).execute());
    const referrals = rows.map(fromRow).filter((r) => canSee(viewer, r));
    await this.guard(() => this.db.transaction().execute(async (trx) => {
      for (const referral of referrals) await this.audit_(trx, referral.id, "listed", viewer, { scope: filter.scope });
    }));
    return referrals;
  }

  async changeStatus(reference: string, change: StatusChange, actor: Viewer, plan: NotificationPlan): Promise<Referral | undefined> {
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        const current = await this.visible(trx, reference, actor);
        if (!current) return undefined;
        if (!actor.triage) throw new ReferralError("Only the First Contact triage team can change a referral's status.");
        if (!canMove(current.status, change.status)) {
          throw new ReferralError(`${current.reference} is ${current.status}, so it can't be marked ${change.status}.`);
        }
        const now = this.clock.now().toISOString();
        const updated: Referral = {
          ...current,
          status: change.status,
          ...(change.status === "accepted" ? { acceptedService: change.service } : {}),
          ...(change.status === "declined" ? { declineReason: change.reason } : {}),
          ...(change.status === "closed" ? { outcome: change.outcome } : {}),
          updatedAt: now,
        };
        await trx
          .updateTable("referrals")
          .set({ status: updated.status, accepted_service: updated.acceptedService ?? null, decline_reason: updated.declineReason ?? null, outcome: updated.outcome ?? null, updated_at: now })
          .where("id", "=", current.id)
          .execute();
        await this.audit_(trx, current.id, `status:${change.status}`, actor, {});
        await this.enqueue(trx, current.id, plan(updated, change.status));
        return updated;
      }),
    );
  }

  async recordEngagement(reference: string, engagement: Engagement, actor: Viewer): Promise<Referral | undefined> {
    if (!engagements.includes(engagement)) throw new ReferralError(`An engagement is one of ${engagements.join(", ")}.`);
    return this.guard(() =>
      this.db.transaction().execute(async (trx) => {
        const current = await this.visible(trx, reference, actor);
        if (!current) return undefined;
        // Only a referral that went to a service (accepted, perhaps closed since) has an engagement to record.
        if (!current.acceptedService) throw new ReferralError(`${current.reference} has not been accepted by a service, so there is no engagement to record.`);
        const now = this.clock.now().toISOString();
        // updated_at stays: it is when the hub last changed the referral, which status replies show.
        await trx.updateTable("referrals").set({ engagement, engagement_recorded_at: now }).where("id", "=", current.id).execute();
        await this.audit_(trx, current.id, `engagement:${engagement}`, actor, {});
        return { ...current, engagement, engagementRecordedAt: now };
      }),
    );
  }

  async export(since: string | undefined, actor: Viewer): Promise<Referral[]> {
    let query = this.db.selectFrom("referrals").selectAll();
    if (since) query = query.where("created_at", ">=", since);
    const referrals = (await this.guard(() => query.orderBy("created_at", "asc").execute())).map(fromRow);
    await this.guard(() => this.db.transaction().execute(async (trx) => {
      for (const referral of referrals) await this.audit_(trx, referral.id, "exported", actor, { since: since ?? null });
    }));
    return referrals;
  }

  async audit(referenceOrId: string): Promise<{ action: string; actorId: string; channel: string; at: string }[]> {
    const referral = await this.db.selectFrom("referrals").select("id").where((eb) => eb.or([eb("reference", "=", referenceOrId), eb("id", "=", referenceOrId)])).executeTakeFirst();
    if (!referral) return [];
    const rows = await this.db.selectFrom("audit_events").selectAll().where("referral_id", "=", referral.id).orderBy("id").execute();
    return rows.map((r) => ({ action: r.action, actorId: r.actor_id, channel: r.channel, at: r.at }));
  }

  awaitingAcknowledgement(): Promise<WaitingReferral[]> {
    return new ReferralQueries(this.db).awaitingAcknowledgement();
  }

  dueForFollowUp(acceptedBy: Date): Promise<FollowUpCandidate[]> {
    return new ReferralQueries(this.db).dueForFollowUp(acceptedBy);
  }

  endedBefore(cutoff: Date, limit: number): Promise<string[]> {
    return referralsEndedBefore(this.db, cutoff, limit);
  }

  retire(retirement: Retirement): Promise<boolean> {
    return retireReferral(this.db, retirement);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** The referral with this reference inside a transaction, if the actor may see it (else as if it did not exist). */
  private async visible(trx: Transaction<Database>, reference: string, actor: Viewer): Promise<Referral | undefined> {
    const row = await trx.selectFrom("referrals").selectAll().where("reference", "=", reference.toUpperCase()).executeTakeFirst();
    const referral = row ? fromRow(row) : undefined;
    return referral && canSee(actor, referral) ? referral : undefined;
  }

  private async byKey(idempotencyKey: string): Promise<Referral | undefined> {
    const row = await this.guard(() => this.db.selectFrom("referrals").selectAll().where("idempotency_key", "=", idempotencyKey).executeTakeFirst());
    return row ? fromRow(row) : undefined;
  }

  private async audit_(db: Kysely<Database> | Transaction<Database>, referralId: string, action: string, actor: Viewer, detail: Record<string, unknown>, at = this.clock.now().toISOString()): Promise<void> {
    await db
      .insertInto("audit_events")
      .values({ id: orderedId(this.clock.now()), referral_id: referralId, action, actor_id: actor.id, actor_team: actor.team, channel: actor.channel, at, detail: JSON.stringify(detail) })
      .execute();
  }

  private async enqueue(trx: Transaction<Database>, referralId: string, drafts: readonly OutboxDraft[]): Promise<void> {
    await writeOutbox(trx, this.clock.now(), referralId, drafts);
  }

  /** Database failures become a StorageError; our own errors pass through. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ReferralError || error instanceof StorageError) throw error;
      throw new StorageError("a referral query failed", { cause: error });
    }
  }
}

function toViewer(referrer: NewReferral["referrer"]): Viewer {
  return { id: referrer.id, team: referrer.team, channel: referrer.channel, triage: false };
}
