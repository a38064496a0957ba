/**
 * Button presses (block_actions) go back through the core as the Reply action
 * they came from: the action_id names it, the value is the core's own token,
 * and the block_id names the conversation. The answer is shown like the message
 * pressed: ephemeral stays ephemeral, a thread answer goes in the thread. A
 * reply with a form opens as a modal with the press's trigger id. The Slack-only
 * "Open the form" button opens a form kept from a mention or DM.
 */
import type { App, BlockButtonAction } from "@slack/bolt";
import { buttonActionIdPattern, conversationFromBlockId, decodeActionId } from "./action-ids.js";
import { isSignpostError } from "../../errors/signpost-error.js";
import { converse, failed, notice, type SlackChannelContext } from "./converse.js";
import { openModal } from "./deliver-reply.js";
import { slackUserId } from "../../identity/user-id.js";
import { teamFor } from "./message-listeners.js";
import { conversationIdFor, type Destination, isDirectMessage, placeOf } from "./slack-conversation.js";

interface Pressed {
  readonly conversationId: string;
  readonly team?: string;
  readonly destination: Destination;
}

/** Where a press belongs and where its answer goes; undefined for a button outside a message (none of ours). */
function locate(body: BlockButtonAction, blockId: string): Pressed | undefined {
  const container = body.container as { channel_id?: unknown; thread_ts?: unknown; is_ephemeral?: unknown };
  const channel = body.channel?.id ?? (typeof container.channel_id === "string" ? container.channel_id : undefined);
  if (!channel) return undefined;
  const threadTs = typeof body.message?.thread_ts === "string" ? body.message.thread_ts : typeof container.thread_ts === "string" ? container.thread_ts : undefined;
  const conversationId = conversationFromBlockId(blockId) ?? conversationIdFor(channel, threadTs);
  const place = placeOf(conversationId);
  const visibility = container.is_ephemeral === true ? "ephemeral" : isDirectMessage(channel) ? "dm" : "public";
  // The answer goes where the button is: the conversation's thread, or the DM a private answer fell back to.
  const answerThread = place.channel === channel ? place.threadTs : undefined;
  const destination: Destination = { channel, userId: body.user.id, visibility, ...(answerThread ? { threadTs: answerThread } : {}) };
  const team = teamFor(place.channel, body.team?.id ?? body.user.team_id);
  return { conversationId, destination, ...(team ? { team } : {}) };
}

export function registerButtonListener(app: App, ctx: SlackChannelContext): void {
  app.action<BlockButtonAction>({ type: "block_actions", action_id: buttonActionIdPattern }, async ({ ack, body, action, client }) => {
    await ack();
    const decoded = decodeActionId(action.action_id);
    const pressed = locate(body, action.block_id);
    if (!decoded || !pressed) return;
    const { conversationId, team, destination } = pressed;
    const delivery = { conversationId, destination, triggerId: body.trigger_id, ...(team ? { team } : {}) };
    if (decoded.kind === "open_form") {
      let pending;
      try {
        pending = await ctx.pendingForms.find(action.value ?? "");
      } catch (error) {
        await notice(client, isSignpostError(error) ? error.userMessage : failed, delivery);
        return;
      }
      if (!pending) {
        await notice(client, "That form has expired. Please ask again and I'll open a new one.", delivery);
        return;
      }
      await openModal(client, pending.reply, { ...delivery, conversationId: pending.conversationId, ...(pending.team ? { team: pending.team } : {}) });
      return;
    }
    const userName = body.user.name ?? body.user.username;
    await converse(
      ctx,
      client,
      { channel: "slack", conversationId, userId: slackUserId(body.team?.id ?? body.user.team_id, body.user.id), ...(userName ? { userName } : {}), ...(team ? { team } : {}), action: { id: decoded.id, value: action.value ?? "" } },
      delivery,
    );
  });
}
