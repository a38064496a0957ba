/**
 * One turn with the core from Slack: check the neutral message, ask the bot,
 * show its reply. While Signpost is starting, or if the core fails, the person
 * is told plainly (privately) instead of being left without an answer. What
 * people wrote is never logged.
 */
import type { webApi } from "@slack/bolt";
import type { Bot } from "../../conversation/bot.js";
import { type IncomingMessage, incomingMessageSchema } from "../../conversation/incoming-message.js";
import type { Reply } from "../../conversation/reply.js";
import { isSignpostError } from "../../errors/signpost-error.js";
import type { Logger } from "../../logging/create-logger.js";
import { type Delivery, deliverReply } from "./deliver-reply.js";
import type { PendingForms } from "./pending-forms.js";
import { postReply } from "./post-messages.js";
import { renderReply } from "./render-blocks.js";

/** What every Slack listener shares. */
export interface SlackChannelContext {
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  readonly logger: Logger;
  /** Forms offered with an "Open the form" button, shared by every instance. */
  readonly pendingForms: PendingForms;
  readonly commandName: string;
}

export const notReady = "Signpost is still starting up. Please try again in a few seconds.";
export const failed = "Something went wrong on our side. Please try again; if it keeps happening, tell the administrator.";

export type CoreAnswer = { readonly ok: true; readonly reply: Reply } | { readonly ok: false; readonly problem: string };

/** Asks the core, without showing anything: a refused message, a core still starting or failing, is a sentence to show. */
export async function answerFromCore(ctx: SlackChannelContext, message: IncomingMessage): Promise<CoreAnswer> {
  const parsed = incomingMessageSchema.safeParse(message);
  if (!parsed.success) {
    ctx.logger.debug({ problem: parsed.error.issues[0]?.code, field: parsed.error.issues[0]?.path.join(".") }, "Slack message refused");
    return { ok: false, problem: "I couldn't read that: it may be too long. Please send a shorter message." };
  }
  const bot = ctx.bot();
  if (!bot) return { ok: false, problem: notReady };
  try {
    return { ok: true, reply: await bot.handle(parsed.data) };
  } catch (error) {
    // A limit reached, storage away: the core's own sentence. Anything else: a general apology.
    if (isSignpostError(error)) {
      ctx.logger.warn({ code: error.code, channel: "slack" }, "the core could not answer a Slack message");
      return { ok: false, problem: error.userMessage };
    }
    ctx.logger.error({ err: error, channel: "slack" }, "the core failed to answer a Slack message");
    return { ok: false, problem: failed };
  }
}

/** Asks the core and shows its reply where the delivery says. */
export async function converse(ctx: SlackChannelContext, client: webApi.WebClient, message: IncomingMessage, delivery: Delivery): Promise<void> {
  const answer = await answerFromCore(ctx, message);
  if (answer.ok) await deliverReply(client, answer.reply, delivery, ctx.pendingForms, ctx.logger);
  else await notice(client, answer.problem, delivery);
}

/** A short private message from the channel itself. */
export function notice(client: webApi.WebClient, text: string, delivery: Delivery): Promise<void> {
  const reply: Reply = { conversationId: delivery.conversationId, intent: "action", text: [text], urgent: false, cards: [], actions: [] };
  return postReply(client, renderReply(reply, { conversationId: delivery.conversationId }), delivery.destination, true);
}
