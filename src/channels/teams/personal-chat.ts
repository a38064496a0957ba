/**
 * Sends messages to the user's personal chat with the bot, from a turn in a
 * shared conversation (a channel or group chat). Teams gives back the same
 * one-to-one conversation every time the bot asks to create it, so this works
 * whether or not the user has opened a chat with Signpost, as long as the app
 * is installed where they are. The new chat's reference is stored so that the
 * outbox can reach the user there later.
 */
import { type Activity, type ChannelAccount, type CloudAdapterBase, type ConversationParameters, TurnContext } from "botbuilder";
import type { ConversationReferences } from "./conversation-references.js";
import { tenantIdsOf } from "./teams-activity.js";
import { NotificationError } from "../../errors/notification-error.js";

export interface PersonalChatOptions {
  /** The bot's app id ("" with authentication off). */
  readonly appId: string;
  readonly references?: ConversationReferences;
}

/** Sends `activities` to the sender of the turn's activity, privately. Throws when Teams refuses. */
export async function sendToPersonalChat(context: TurnContext, activities: readonly Partial<Activity>[], options: PersonalChatOptions): Promise<void> {
  const inbound = context.activity;
  const adapter = context.adapter as CloudAdapterBase;
  const tenantId = tenantIdsOf(inbound)[0];
  const user: ChannelAccount = { id: inbound.from.id, name: "" };
  const parameters: ConversationParameters = {
    isGroup: false,
    bot: inbound.recipient,
    members: [user],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  } as ConversationParameters;
  const audience = context.turnState.get<string | undefined>(adapter.OAuthScopeKey);
  let failure: unknown;
  // Errors inside the callback would go to the adapter's onTurnError (an apology in the chat); catch them here instead.
  // The audience of this turn's token; undefined lets the connector use the public cloud's default (its typing says string).
  await adapter.createConversationAsync(options.appId, inbound.channelId, inbound.serviceUrl, audience as string, parameters, async (personal) => {
    try {
      const reference = TurnContext.getConversationReference(personal.activity);
      await options.references?.save({
        ...reference,
        conversation: { ...personal.activity.conversation, conversationType: "personal" },
        user: { id: inbound.from.id, name: "", ...(inbound.from.aadObjectId ? { aadObjectId: inbound.from.aadObjectId } : {}) },
      });
      for (const activity of activities) await personal.sendActivity(activity);
    } catch (error) {
      failure = error;
    }
  });
  if (failure !== undefined) {
    // The connector's error stays behind the edge, as the cause; its status is all the message needs.
    const status = (failure as { statusCode?: unknown }).statusCode;
    throw new NotificationError(`the personal chat could not be written to${typeof status === "number" ? ` (HTTP ${status})` : ""}`, { cause: failure });
  }
}
