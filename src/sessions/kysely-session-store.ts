import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import { isRole } from "../identity/roles.js";
import type { Database, WebSessionsTable } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";
import type { SessionTimeouts, WebSession } from "./web-session.js";

/** A session's last use is written at most this often, so a busy chat is not a write per request. */
const touchEveryMs = 60_000;
const sweepEveryMs = 10 * 60_000;

/** The SHA-256 of a cookie's token: the database never holds a token that would sign anyone in. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * Web sessions in the database (the `web_sessions` table, owned here), so
 * every instance behind a load balancer knows every session and a restart
 * signs nobody out. The cookie carries 32 random bytes; the row, only their
 * hash. A session ends after `idleMs` without use, after `maxMs` in any case,
 * or when its owner signs out.
 */
export class KyselySessionStore {
  private nextSweep = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly timeouts: SessionTimeouts,
  ) {}

  /** Starts a session; the token is for the cookie and is not kept anywhere else. */
  async create(who: Pick<WebSession, "userId" | "userName" | "roles" | "kind">): Promise<{ token: string; session: WebSession }> {
    const token = randomBytes(32).toString("base64url");
    const now = this.clock.now();
    const session: WebSession = {
      userId: who.userId,
      ...(who.userName ? { userName: who.userName } : {}),
      roles: who.roles,
      kind: who.kind,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.timeouts.maxMs).toISOString(),
    };
    await this.guard(async () => {
      await this.sweep(now);
      await this.db
        .insertInto("web_sessions")
        .values({
          token_hash: tokenHash(token),
          user_id: session.userId,
          user_name: session.userName ?? null,
          roles: JSON.stringify(session.roles),
          kind: session.kind,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
        })
        .execute();
    });
    return { token, session };
  }

  /** The live session a token names; undefined for an unknown, tampered, idle or expired one. */
  async find(token: string): Promise<WebSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const hash = tokenHash(token);
    const row = await this.guard(() => this.db.selectFrom("web_sessions").selectAll().where("token_hash", "=", hash).executeTakeFirst());
    if (!row) return undefined;
    const now = this.clock.now();
    const idleUntil = new Date(row.last_seen_at).getTime() + this.timeouts.idleMs;
    if (row.expires_at <= now.toISOString() || idleUntil <= now.getTime()) {
      await this.guard(() => this.db.deleteFrom("web_sessions").where("token_hash", "=", hash).execute());
      return undefined;
    }
    if (now.getTime() - new Date(row.last_seen_at).getTime() >= touchEveryMs) {
      await this.guard(() => this.db.updateTable("web_sessions").set({ last_seen_at: now.toISOString() }).where("token_hash", "=", hash).execute());
      return fromRow({ ...row, last_seen_at: now.toISOString() });
    }
    return fromRow(row);
  }

  /** Signs out: the token names nothing from now on, on every instance. */
  async delete(token: string): Promise<void> {
    await this.guard(() => this.db.deleteFrom("web_sessions").where("token_hash", "=", tokenHash(token)).execute());
  }

  private async sweep(now: Date): Promise<void> {
    if (now.getTime() < this.nextSweep) return;
    this.nextSweep = now.getTime() + sweepEveryMs;
    const idleCutoff = new Date(now.getTime() - this.timeouts.idleMs).toISOString();
    await this.db
      .deleteFrom("web_sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now.toISOString()), eb("last_seen_at", "<=", idleCutoff)]))
      .execute();
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StorageError("could not read or write a web session", { cause: error });
    }
  }
}

function fromRow(row: WebSessionsTable): WebSession {
  const roles = (JSON.parse(row.roles) as unknown[]).filter((r): r is string => typeof r === "string").filter(isRole);
  return {
    userId: row.user_id,
    ...(row.user_name ? { userName: row.user_name } : {}),
    roles,
    kind: row.kind,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
}
