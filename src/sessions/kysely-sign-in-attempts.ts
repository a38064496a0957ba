import type { Kysely } from "kysely";
import { StorageError } from "../errors/storage-error.js";
import type { Database } from "../storage/database-schema.js";
import type { Clock } from "../time/clock.js";
import { tokenHash } from "./kysely-session-store.js";

/** How long someone has to sign in at the identity provider and come back. */
export const signInAttemptMs = 10 * 60_000;

export interface SignInAttempt {
  /** The PKCE code verifier, sent with the code to prove this server asked for it. */
  readonly codeVerifier: string;
  readonly nonce: string;
  /** A path on this site to return to. */
  readonly returnTo: string;
}

/**
 * Sign-ins in progress (the `sign_in_attempts` table, owned here), by a hash
 * of their OAuth state, so the callback may land on any instance. Each is
 * taken once: a replayed callback finds nothing.
 */
export class KyselySignInAttempts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async save(state: string, attempt: SignInAttempt): Promise<void> {
    const now = this.clock.now();
    await this.guard(async () => {
      await this.db.deleteFrom("sign_in_attempts").where("expires_at", "<=", now.toISOString()).execute();
      await this.db
        .insertInto("sign_in_attempts")
        .values({
          state_hash: tokenHash(state),
          code_verifier: attempt.codeVerifier,
          nonce: attempt.nonce,
          return_to: attempt.returnTo,
          expires_at: new Date(now.getTime() + signInAttemptMs).toISOString(),
        })
        .execute();
    });
  }

  /** The attempt for a state, removed as it is read; undefined when unknown, used or expired. */
  async take(state: string): Promise<SignInAttempt | undefined> {
    const row = await this.guard(() =>
      this.db.deleteFrom("sign_in_attempts").where("state_hash", "=", tokenHash(state)).returning(["code_verifier", "nonce", "return_to", "expires_at"]).executeTakeFirst(),
    );
    if (!row || row.expires_at <= this.clock.now().toISOString()) return undefined;
    return { codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new StorageError("could not keep a sign-in in progress", { cause: error });
    }
  }
}
