/**
 * What the web page may send: which of its conversations (the tab's own id),
 * and text or an action. Nothing about who is sending: that is the session's.
 * A conversation's id in the core is the user's id and the tab's, so one
 * person's conversations, and their inboxes, can never be named by another.
 */
import { z } from "zod";
import { actionSchema, maxIncomingText } from "../../conversation/incoming-message.js";

/** Fields the server decides; a body that names one is refused, whatever its value. */
export const serverOnlyFields = ["channel", "team", "userId", "userName", "roles", "trial"] as const;

export const tabId = z
  .string({ error: "must be a string" })
  .trim()
  .min(1, "must not be empty")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, - or _");

export const webChatRequestSchema = z
  .strictObject({
    conversationId: tabId,
    text: z.string().max(maxIncomingText, `must be at most ${maxIncomingText} characters`).optional(),
    action: actionSchema.optional(),
  })
  .refine((request) => (request.text === undefined) !== (request.action === undefined), {
    message: "send either text or an action, not both and not neither",
  });

export type WebChatRequest = z.infer<typeof webChatRequestSchema>;

/** The core's conversation id for a person's tab. */
export function webConversationId(userId: string, tab: string): string {
  return `${userId}/${tab}`;
}
