/**
 * Where a privately sent card belongs. A private reply asked for in a channel
 * (a referral form, say) is sent to the user's personal chat, but the core's
 * state for it (the dialog, the last search) lives under the channel's
 * conversation. Each such card carries a random route token; when its button
 * comes back from the personal chat, the token, checked against the same user,
 * names the conversation (and team) to hand the core. Routes are kept in the
 * `teams_private_routes` table (owned here) as long as the core's
 * conversations are, so a button pressed on any instance finds its route.
 * They cannot be forged or used by someone else: an unknown token or another
 * user's is ignored.
 */
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../storage/database-schema.js";
import { ExpirySweep } from "../../storage/expiry-sweep.js";
import { guarded } from "../../storage/guarded.js";
import type { Clock } from "../../time/clock.js";

export interface PrivateRoute {
  readonly conversationId: string;
  readonly userId: string;
  readonly team?: string;
}

export interface PrivateRoutes {
  /** A new token for cards sent privately on behalf of `route.conversationId`. */
  open(route: PrivateRoute): Promise<string>;
  /** The route for a token pressed by `userId`, if it is theirs and still current. */
  find(token: string, userId: string): Promise<PrivateRoute | undefined>;
}

export class KyselyPrivateRoutes implements PrivateRoutes {
  private readonly sweep: ExpirySweep;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    /** The core's conversation TTL: a route outliving its conversation would lead nowhere. */
    private readonly ttlMs: number,
  ) {
    this.sweep = new ExpirySweep(db, "teams_private_routes");
  }

  async open(route: PrivateRoute): Promise<string> {
    const token = randomBytes(12).toString("base64url");
    const now = this.clock.now();
    await guarded("keep a Teams card's route", async () => {
      await this.db
        .insertInto("teams_private_routes")
        .values({ token, conversation_id: route.conversationId, user_id: route.userId, team: route.team ?? null, expires_at: new Date(now.getTime() + this.ttlMs).toISOString() })
        .execute();
      await this.sweep.afterWrite(now);
    });
    return token;
  }

  async find(token: string, userId: string): Promise<PrivateRoute | undefined> {
    const row = await guarded("find a Teams card's route", () =>
      this.db
        .selectFrom("teams_private_routes")
        .select(["conversation_id", "user_id", "team"])
        .where("token", "=", token)
        .where("user_id", "=", userId)
        .where("expires_at", ">", this.clock.now().toISOString())
        .executeTakeFirst(),
    );
    if (!row) return undefined;
    return { conversationId: row.conversation_id, userId: row.user_id, ...(row.team ? { team: row.team } : {}) };
  }
}
