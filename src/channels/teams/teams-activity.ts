/**
 * What the Teams channel reads from an activity: who and where (for the core's
 * IncomingMessage), the tenant it comes from, and whether the conversation is
 * shared (a channel or group chat) or the user's personal chat.
 */
import type { Activity } from "botbuilder";
import type { IncomingMessage } from "../../conversation/incoming-message.js";
import { teamsUserId } from "../../identity/user-id.js";

export type MessageBase = Omit<IncomingMessage, "text" | "action">;

interface TeamsChannelData {
  readonly tenant?: { readonly id?: unknown };
  readonly team?: { readonly id?: unknown };
}

function channelData(activity: Partial<Activity>): TeamsChannelData {
  const data = activity.channelData as unknown;
  return typeof data === "object" && data !== null ? data : {};
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Every tenant id the activity names: Teams puts it in conversation.tenantId and in channelData.tenant.id. */
export function tenantIdsOf(activity: Partial<Activity>): string[] {
  const ids = [text(activity.conversation?.tenantId), text(channelData(activity).tenant?.id)].filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

function teamOf(activity: Partial<Activity>, conversationId: string, tenant: string | undefined): { team?: string } {
  const team = teamIdOf(activity) ?? (activity.conversation?.conversationType === "personal" ? undefined : conversationId);
  return team ? { team: teamsUserId(tenant, team) } : {};
}

/** The Teams team id, when the conversation is in a team's channel. */
export function teamIdOf(activity: Partial<Activity>): string | undefined {
  return text(channelData(activity).team?.id);
}

/** A personal (one-to-one) chat: the only place private replies are shown. The Emulator's chats count as personal. */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === "personal" || (type === undefined && activity.conversation?.isGroup !== true);
}

/**
 * Who and where, as the core sees it: the conversation id, the user as
 * teams:<tenant>:<Entra (AAD) object id> (else their Teams id), and their
 * team: the Teams team, or a group chat itself, in the same namespace. A
 * personal chat names no team, so the core uses USER_TEAMS or a team of one
 * (a person's own chat is not a team). The token botbuilder validated vouches
 * for the activity, and the tenant allowlist has already been applied.
 */
export function messageBaseOf(activity: Partial<Activity>): MessageBase | undefined {
  const conversationId = text(activity.conversation?.id);
  const user = text(activity.from?.aadObjectId) ?? text(activity.from?.id);
  if (!conversationId || !user) return undefined;
  const tenant = tenantIdsOf(activity)[0];
  const userId = teamsUserId(tenant, user);
  const userName = text(activity.from?.name);
  return {
    channel: "teams",
    conversationId,
    userId,
    ...(userName ? { userName: userName.slice(0, 200) } : {}),
    ...teamOf(activity, conversationId, tenant),
  };
}
