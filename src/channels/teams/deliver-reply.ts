/**
 * Puts a core Reply in front of the user. Personal data (`reply.private`) is
 * never shown in a channel or group chat: the reply goes to the user's
 * personal chat, its buttons carrying a route back to the shared conversation,
 * and the shared conversation gets only a short notice. A form submitted from
 * a card is answered on that card (the card is replaced) when the answer is a
 * single message, so errors appear beside the fields and a sent form cannot
 * be sent again.
 */
import type { Activity, TurnContext } from "botbuilder";
import type { Logger } from "../../logging/create-logger.js";
import type { Reply } from "../../conversation/reply.js";
import type { ConversationReferences } from "./conversation-references.js";
import { packActivities, summaryOf } from "./pack-activities.js";
import { sendToPersonalChat } from "./personal-chat.js";
import type { PrivateRoutes } from "./private-routes.js";
import { renderReply, textCards } from "./render-card.js";
import { isPersonalChat, type MessageBase } from "./teams-activity.js";

export const sentPrivately = "I've sent you the details privately, in your chat with Signpost.";
export const couldNotSendPrivately = "I couldn't message you privately. Please open a chat with Signpost and ask me there.";

export interface DeliveryDependencies {
  readonly appId: string;
  readonly routes: PrivateRoutes;
  readonly references?: ConversationReferences;
  readonly logger: Logger;
}

export interface Delivery {
  readonly reply: Reply;
  /** Who and where the core was told the message came from (after any route). */
  readonly base: MessageBase;
  /** The route the pressed button carried: replies keep carrying it. */
  readonly route?: string;
  /** The card to replace with the answer (a submitted form). */
  readonly replace?: string;
}

/** The reply as messages for the conversation it is shown in. */
export function replyActivities(reply: Reply, route?: string): Partial<Activity>[] {
  return packActivities(renderReply(reply, route ? { route } : {}), summaryOf(reply.text));
}

export function noticeActivities(text: string): Partial<Activity>[] {
  return packActivities(textCards([text]), summaryOf([text]));
}

export async function deliverReply(context: TurnContext, delivery: Delivery, deps: DeliveryDependencies): Promise<void> {
  const { reply, base } = delivery;
  if (reply.private && !isPersonalChat(context.activity)) {
    const route = delivery.route ?? (await deps.routes.open({ conversationId: base.conversationId, userId: base.userId, ...(base.team ? { team: base.team } : {}) }));
    let sent = true;
    try {
      await sendToPersonalChat(context, replyActivities(reply, route), { appId: deps.appId, ...(deps.references ? { references: deps.references } : {}) });
    } catch (error) {
      sent = false;
      // The status and the connector's message only: never the reply.
      deps.logger.warn({ err: { message: (error as Error).message, statusCode: (error as { statusCode?: unknown }).statusCode } }, "could not open the user's personal chat in Teams");
    }
    await context.sendActivities(noticeActivities(sent ? sentPrivately : couldNotSendPrivately));
    return;
  }
  const activities = replyActivities(reply, delivery.route);
  const [only] = activities;
  if (delivery.replace && only && activities.length === 1) {
    await context.updateActivity({ ...only, id: delivery.replace });
    return;
  }
  await context.sendActivities(activities);
}
