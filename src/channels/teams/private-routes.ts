/**
 * Where a privately sent card belongs. A private reply asked for in a channel
 * (a referral form, say) is sent to the user's personal chat, but the core's
 * state for it (the dialog, the last search) lives under the channel's
 * conversation. Each such card carries a random route token; when its button
 * comes back from the personal chat, the token, checked against the same user,
 * names the conversation (and team) to hand the core. Tokens live in memory
 * as long as the core's conversations do, and cannot be forged or reused by
 * someone else: an unknown token or another user's is ignored.
 */
import { randomBytes } from "node:crypto";
import type { Clock } from "../../time/clock.js";

export interface PrivateRoute {
  readonly conversationId: string;
  readonly userId: string;
  readonly team?: string;
}

export class PrivateRoutes {
  private readonly routes = new Map<string, PrivateRoute & { readonly expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    private readonly capacity = 10_000,
  ) {}

  /** A new token for cards sent privately on behalf of `route.conversationId`. */
  open(route: PrivateRoute): string {
    const token = randomBytes(12).toString("base64url");
    this.routes.set(token, { ...route, expiresAt: this.clock.now().getTime() + this.ttlMs });
    while (this.routes.size > this.capacity) {
      const oldest = this.routes.keys().next().value;
      if (oldest === undefined) break;
      this.routes.delete(oldest);
    }
    return token;
  }

  /** The route for a token pressed by `userId`, if it is theirs and still current. */
  find(token: string, userId: string): PrivateRoute | undefined {
    const route = this.routes.get(token);
    if (!route) return undefined;
    if (route.expiresAt <= this.clock.now().getTime()) {
      this.routes.delete(token);
      return undefined;
    }
    if (route.userId !== userId) return undefined;
    return { conversationId: route.conversationId, userId: route.userId, ...(route.team ? { team: route.team } : {}) };
  }
}
