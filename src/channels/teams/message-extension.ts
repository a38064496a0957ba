/**
 * The search-based message extension (composeExtension/query): staff type a
 * need or a place in the compose box, the core searches as it would in chat,
 * and each service comes back as a thumbnail preview whose insert is the
 * service's Adaptive Card (without buttons: the chat it is inserted into may
 * not have Signpost in it). Emergencies and non-search answers come back as
 * a message in the extension instead of a list. Searches run in a separate
 * core conversation per user, so they never disturb a chat's follow-ups.
 */
import type { MessagingExtensionAttachment, MessagingExtensionQuery, MessagingExtensionResponse, TurnContext } from "botbuilder";
import type { Bot } from "../../conversation/bot.js";
import { incomingMessageSchema } from "../../conversation/incoming-message.js";
import type { ServiceCard } from "../../conversation/reply.js";
import { adaptiveCardContentType } from "./adaptive-card.js";
import { notReady } from "./converse.js";
import { renderServiceCard } from "./render-service-card.js";
import { messageBaseOf } from "./teams-activity.js";
import { teamsLimits } from "./teams-limits.js";

export const searchCommandId = "searchServices";
export const queryParameter = "query";
export const extensionHint = 'Type a need or a place, for example "falls in Melton" or "carer support Hinckley".';

function message(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: "message", text } };
}

function preview(card: ServiceCard): MessagingExtensionAttachment {
  const summary = card.summary.length <= teamsLimits.previewText ? card.summary : `${card.summary.slice(0, teamsLimits.previewText - 1)}…`;
  return {
    contentType: adaptiveCardContentType,
    content: renderServiceCard(card, { buttons: false }),
    preview: {
      contentType: "application/vnd.microsoft.card.thumbnail",
      content: { title: card.name, subtitle: `${card.organization} · last verified ${card.lastVerifiedText}`, text: summary },
    },
  };
}

export async function answerExtensionQuery(context: TurnContext, query: MessagingExtensionQuery, bot: Bot | undefined): Promise<MessagingExtensionResponse> {
  const parameters = query.parameters ?? [];
  if (parameters.some((p) => p.name === "initialRun" && String(p.value) === "true")) return message(extensionHint);
  const raw: unknown = parameters.find((p) => p.name === queryParameter)?.value ?? parameters[0]?.value;
  const text = typeof raw === "string" ? raw.trim() : "";
  if (!text) return message(extensionHint);
  // The core gives one page of results; Teams asks for later pages with skip, and there are none.
  if ((query.queryOptions?.skip ?? 0) > 0) return { composeExtension: { type: "result", attachmentLayout: "list", attachments: [] } };
  if (!bot) return message(notReady);
  const sender = messageBaseOf(context.activity);
  if (!sender) return message(extensionHint);
  const parsed = incomingMessageSchema.safeParse({ ...sender, conversationId: `teams-compose:${sender.userId}`.slice(0, 200), text });
  if (!parsed.success) return message("That search is too long. Please use fewer words.");
  const reply = await bot.handle(parsed.data);
  if (reply.urgent || reply.cards.length === 0) return message(reply.text.join("\n\n"));
  return {
    composeExtension: { type: "result", attachmentLayout: "list", attachments: reply.cards.slice(0, teamsLimits.extensionResults).map(preview) },
  };
}
