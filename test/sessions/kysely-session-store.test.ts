// Web sessions in the database, on SQLite and PostgreSQL: a token names its session until it is idle too
// long, reaches its absolute timeout, or is signed out; a tampered or unknown token names nothing; the
// table never holds a token that would sign anyone in; sign-ins in progress are used once.
import { describe, expect, it } from "vitest";
import { KyselySessionStore, tokenHash } from "../../src/sessions/kysely-session-store.js";
import { KyselySignInAttempts, signInAttemptMs } from "../../src/sessions/kysely-sign-in-attempts.js";
import { bothDatabases, useMigratedDatabase } from "../support/databases.js";
import { ManualClock } from "../support/manual-clock.js";

const timeouts = { idleMs: 30 * 60_000, maxMs: 8 * 3_600_000 };
const who = { userId: "web:4f1c2d", userName: "Sam Example", roles: ["triage" as const], kind: "signed-in" as const };

describe.each(bothDatabases)("%s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("finds a session by its token, with who and what roles, and keeps only the token's hash", async () => {
    const store = new KyselySessionStore(context.db, new ManualClock(), timeouts);
    const { token, session } = await store.create(who);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.find(token)).toEqual(session);
    expect(session).toMatchObject({ userId: "web:4f1c2d", userName: "Sam Example", roles: ["triage"], kind: "signed-in" });
    const rows = await context.db.selectFrom("web_sessions").select("token_hash").execute();
    expect(rows.map((r) => r.token_hash)).toContain(tokenHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("names nothing for a tampered, unknown or malformed token", async () => {
    const store = new KyselySessionStore(context.db, new ManualClock(), timeouts);
    const { token } = await store.create(who);
    const last = token.at(-1) === "A" ? "B" : "A";
    for (const tampered of [`${token.slice(0, -1)}${last}`, "x".repeat(43), "", token.slice(1), `${token}=`, "'; DROP TABLE web_sessions; --"]) {
      expect(await store.find(tampered)).toBeUndefined();
    }
    expect(await store.find(token)).toBeDefined();
  });

  it("ends after the idle timeout without use, and use keeps it alive", async () => {
    const clock = new ManualClock();
    const store = new KyselySessionStore(context.db, clock, timeouts);
    const { token } = await store.create(who);
    clock.advance(timeouts.idleMs - 60_000);
    expect(await store.find(token)).toBeDefined();
    clock.advance(timeouts.idleMs - 60_000);
    expect(await store.find(token)).toBeDefined();
    clock.advance(timeouts.idleMs + 1);
    expect(await store.find(token)).toBeUndefined();
    // And once ended, it is gone: going back in time does not bring it back.
    clock.advance(-timeouts.idleMs);
    expect(await store.find(token)).toBeUndefined();
  });

  it("ends at the absolute timeout however busy it is", async () => {
    const clock = new ManualClock();
    const store = new KyselySessionStore(context.db, clock, timeouts);
    const { token } = await store.create(who);
    for (let elapsed = 0; elapsed < timeouts.maxMs - 20 * 60_000; elapsed += 20 * 60_000) {
      clock.advance(20 * 60_000);
      expect(await store.find(token)).toBeDefined();
    }
    clock.advance(20 * 60_000);
    expect(await store.find(token)).toBeUndefined();
  });

  it("ends at sign-out, for every instance on the database", async () => {
    const clock = new ManualClock();
    const one = new KyselySessionStore(context.db, clock, timeouts);
    const other = new KyselySessionStore(context.db, clock, timeouts);
    const { token } = await one.create(who);
    expect(await other.find(token)).toBeDefined();
    await one.delete(token);
    expect(await other.find(token)).toBeUndefined();
  });

  it("takes a sign-in in progress once, and not after it has expired", async () => {
    const clock = new ManualClock();
    const attempts = new KyselySignInAttempts(context.db, clock);
    await attempts.save("state-1", { codeVerifier: "verifier-1", nonce: "nonce-1", returnTo: "/" });
    await attempts.save("state-2", { codeVerifier: "verifier-2", nonce: "nonce-2", returnTo: "/insight" });
    expect(await attempts.take("state-1")).toEqual({ codeVerifier: "verifier-1", nonce: "nonce-1", returnTo: "/" });
    expect(await attempts.take("state-1")).toBeUndefined();
    expect(await attempts.take("state-unknown")).toBeUndefined();
    clock.advance(signInAttemptMs + 1);
    expect(await attempts.take("state-2")).toBeUndefined();
  });
});
