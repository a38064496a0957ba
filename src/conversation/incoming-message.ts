import { z } from "zod";

/** Longer texts are refused at the edge; up to this, the bot itself says a message is too long. */
export const maxIncomingText = 20_000;

export const channels = ["web", "terminal", "slack", "teams", "api"] as const;

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** A button press or a form submission. */
export const actionSchema = z.strictObject({
  id: z.enum(["refer", "show_more", "narrow_area", "report_outdated", "details", "submit_form"]),
  value: z.string().max(2000, "must be at most 2000 characters"),
  fields: z.record(z.string().max(100), z.string().max(5000, "must be at most 5000 characters")).refine((f) => Object.keys(f).length <= 30, "has too many fields").optional(),
});

/**
 * One message from any channel, as the core sees it: either text or an action.
 * Channels translate their own payloads into this; the HTTP API validates it.
 */
export const incomingMessageSchema = z
  .strictObject({
    channel: z.enum(channels),
    conversationId: id,
    userId: id,
    userName: z.string().max(200).optional(),
    /** The team the channel puts the user in (a Slack channel or workspace, a Teams team); never taken from the web API. */
    team: z.string().min(1).max(200).optional(),
    text: z.string().max(maxIncomingText, `must be at most ${maxIncomingText} characters`).optional(),
    action: actionSchema.optional(),
  })
  .refine((message) => (message.text === undefined) !== (message.action === undefined), {
    message: "send either text or an action, not both and not neither",
  });

export type IncomingMessage = z.infer<typeof incomingMessageSchema>;
export type ActionRequest = z.infer<typeof actionSchema>;
