import type { IntentId } from "../understanding/intents.js";
import { channelLimits } from "./channel-limits.js";
import type { Form, Reply, ReplyAction, ServiceCard } from "./reply.js";
import { splitText } from "./split-text.js";
import { formValue } from "./form-value.js";

/** A reply of text only, split to fit every channel. */
export function textReply(conversationId: string, intent: Reply["intent"], text: string, urgent = false): Reply {
  return { conversationId, intent, text: splitText(text, channelLimits.paragraph), urgent, cards: [], actions: [] };
}

export function searchReply(
  conversationId: string,
  intent: IntentId | "action",
  text: readonly string[],
  cards: readonly ServiceCard[],
  actions: readonly ReplyAction[],
): Reply {
  return {
    conversationId,
    intent,
    text: text.flatMap((line) => splitText(line, channelLimits.paragraph)),
    urgent: false,
    cards: cards.slice(0, channelLimits.cards),
    actions,
  };
}

/** The "report outdated details" form for one service. */
export function outdatedForm(serviceId: string, serviceName: string, errors?: Readonly<Record<string, string>>, value?: string): Form {
  return {
    id: "report_outdated",
    title: "Report outdated details",
    submitLabel: "Send report",
    value: formValue({ form: "report_outdated", serviceId }),
    fields: [
      {
        name: "details",
        label: `What is wrong or out of date for ${serviceName}?`,
        kind: "textarea",
        required: true,
        maxLength: 1000,
        hint: "For example: it has closed, moved, changed its day, or the number is wrong. Please leave out anyone's personal details.",
        ...(value !== undefined ? { value } : {}),
      },
    ],
    ...(errors ? { errors } : {}),
  };
}
