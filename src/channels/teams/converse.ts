/**
 * One turn with the core, from a Teams activity: typed text (with the
 * bot's @mention removed) or a card's button (with its route, if it was sent
 * privately on behalf of a shared conversation). Checked with the core's own
 * message schema before the core sees it; the core's Reply comes back with
 * what delivery needs. No Teams logic reaches the core.
 */
import { type Activity, TurnContext } from "botbuilder";
import type { Bot } from "../../conversation/bot.js";
import { type IncomingMessage, incomingMessageSchema, maxIncomingText } from "../../conversation/incoming-message.js";
import type { Reply } from "../../conversation/reply.js";
import { isSignpostError } from "../../errors/signpost-error.js";
import { readCardAction } from "./card-action.js";
import type { PrivateRoutes } from "./private-routes.js";
import { messageBaseOf, type MessageBase } from "./teams-activity.js";

export type TurnInput = { readonly kind: "text" } | { readonly kind: "card"; readonly data: unknown };

export type TurnOutcome =
  | { readonly kind: "reply"; readonly reply: Reply; readonly base: MessageBase; readonly route?: string; readonly submittedForm: boolean }
  /** Something to say that is not the core's: starting up, unreadable input. */
  | { readonly kind: "notice"; readonly text: string }
  /** Nothing to answer (no sender, or a card that is not Signpost's). */
  | { readonly kind: "ignore" };

export interface ConverseDependencies {
  readonly bot: () => Bot | undefined;
  readonly routes: PrivateRoutes;
}

export const notReady = "Signpost is still starting up. Please try again in a minute.";
export const tooLong = `That message is too long for me: please send at most ${maxIncomingText.toLocaleString("en-GB")} characters.`;
export const badButton = "Sorry, that button didn't work. Please ask me again.";
export const unreadable = "Sorry, I couldn't read that message. Please try again.";

/** The text the user wrote to the bot: the bot's own @mention removed (Teams puts it in the text of channel messages). */
export function textForBot(activity: Activity): string {
  const mentioned = (activity.entities ?? []).some((e) => e.type === "mention");
  const text = mentioned ? TurnContext.removeRecipientMention(activity) : (activity.text ?? "");
  return (text ?? "").replace(/\u00a0/g, " ").trim();
}

export async function converse(context: TurnContext, input: TurnInput, deps: ConverseDependencies): Promise<TurnOutcome> {
  const activity = context.activity;
  const sender = messageBaseOf(activity);
  if (!sender) return { kind: "ignore" };
  let base = sender;
  let message: IncomingMessage;
  let route: string | undefined;
  if (input.kind === "text") {
    // An @mention with nothing else is a greeting: answer it with help.
    message = { ...base, text: textForBot(activity) || "help" };
  } else {
    const read = readCardAction(input.data);
    if (!read.ok) return read.reason === "not_signpost" ? { kind: "ignore" } : { kind: "notice", text: badButton };
    const found = read.request.route ? await deps.routes.find(read.request.route, sender.userId) : undefined;
    if (found && read.request.route) {
      base = { ...sender, conversationId: found.conversationId, ...(found.team ? { team: found.team } : {}) };
      route = read.request.route;
    }
    message = { ...base, action: read.request.action };
  }
  const parsed = incomingMessageSchema.safeParse(message);
  if (!parsed.success) {
    if (input.kind === "card") return { kind: "notice", text: badButton };
    return { kind: "notice", text: (message.text?.length ?? 0) > maxIncomingText ? tooLong : unreadable };
  }
  const bot = deps.bot();
  if (!bot) return { kind: "notice", text: notReady };
  let reply: Reply;
  try {
    reply = await bot.handle(parsed.data);
  } catch (error) {
    // A limit reached, storage away: the core's own sentence. Anything else goes to the adapter's turn error.
    if (isSignpostError(error)) return { kind: "notice", text: error.userMessage };
    throw error;
  }
  return { kind: "reply", reply, base, ...(route ? { route } : {}), submittedForm: parsed.data.action?.id === "submit_form" };
}
