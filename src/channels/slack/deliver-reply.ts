/**
 * Shows one core Reply in Slack. A form opens as a modal when the interaction
 * gave a trigger id; otherwise (a mention, a DM) the reply's text comes with an
 * "Open the form" button, kept for a while where every instance finds it
 * (pending-forms.ts), whose press brings the trigger id the modal needs. Everything else is rendered as Block
 * Kit and posted publicly, ephemerally or by DM as the destination and the
 * reply's `private` flag say.
 */
import type { webApi } from "@slack/bolt";
import type { Form, Reply } from "../../conversation/reply.js";
import type { Logger } from "../../logging/create-logger.js";
import { openFormActionId } from "./action-ids.js";
import { postReply } from "./post-messages.js";
import { renderReply } from "./render-blocks.js";
import { renderModal } from "./render-modal.js";
import type { PendingForms } from "./pending-forms.js";
import type { Destination } from "./slack-conversation.js";

export type ReplyWithForm = Reply & { readonly form: Form };

export interface Delivery {
  readonly conversationId: string;
  readonly team?: string;
  readonly destination: Destination;
  /** From a slash command, shortcut or button: lets a form open as a modal (valid for 3 seconds). */
  readonly triggerId?: string;
}

export function hasForm(reply: Reply): reply is ReplyWithForm {
  return reply.form !== undefined;
}

export async function openModal(client: webApi.WebClient, reply: ReplyWithForm, delivery: Delivery & { triggerId: string }): Promise<void> {
  const view = renderModal(reply, { conversationId: delivery.conversationId, formValue: reply.form.value, destination: delivery.destination, ...(delivery.team ? { team: delivery.team } : {}) });
  await client.views.open({ trigger_id: delivery.triggerId, view });
}

export async function deliverReply(client: webApi.WebClient, reply: Reply, delivery: Delivery, pendingForms: PendingForms, logger: Logger): Promise<void> {
  const { conversationId, destination, triggerId } = delivery;
  if (!hasForm(reply)) {
    await postReply(client, renderReply(reply, { conversationId }), destination, reply.private === true);
    return;
  }
  if (triggerId) {
    try {
      await openModal(client, reply, { ...delivery, triggerId });
      return;
    } catch (error) {
      // An expired trigger (slow network): offer the button instead.
      logger.warn({ slackError: (error as { data?: { error?: string } }).data?.error ?? (error as Error).message }, "could not open the Slack modal; offering a button");
    }
  }
  const token = await pendingForms.keep({ reply, conversationId, ...(delivery.team ? { team: delivery.team } : {}) });
  const extraButton = { id: openFormActionId, label: `Open the form: ${reply.form.title}`, value: token };
  await postReply(client, renderReply(reply, { conversationId, extraButton }), destination, true);
}
