import type { InboxStore } from "./inbox-store.js";
import type { Notifier, OutgoingNotification } from "./notifier.js";
import { NotificationError } from "../errors/notification-error.js";

/** Delivers to a web chat or terminal conversation through its inbox. */
export class InboxNotifier implements Notifier {
  readonly name = "inbox";

  constructor(private readonly inbox: InboxStore) {}

  async send(notification: OutgoingNotification): Promise<void> {
    const conversationId = notification.destination.conversationId;
    const text = notification.payload.text;
    if (!conversationId || typeof text !== "string") throw new NotificationError("inbox notification needs a conversationId and a text");
    await this.inbox.add(notification.idempotencyKey, conversationId, text);
  }
}
