import { z } from "zod";
import { roles } from "../identity/roles.js";
import { isUserIdOf } from "../identity/user-id.js";

/** Longer texts are refused at the edge; up to this, the bot itself says a message is too long. */
export const maxIncomingText = 20_000;

export const channels = ["web", "terminal", "slack", "teams"] as const;

const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** A button press or a form submission. */
export const actionSchema = z.strictObject({
  id: z.enum(["refer", "show_more", "narrow_area", "report_outdated", "details", "submit_form", "rate_answer"]),
  value: z.string().max(2000, "must be at most 2000 characters"),
  fields: z.record(z.string().max(100), z.string().max(5000, "must be at most 5000 characters")).refine((f) => Object.keys(f).length <= 30, "has too many fields").optional(),
});

/**
 * One message from any channel, as the core sees it: either text or an action.
 * Channels translate their own payloads into this and validate it. Who sent it
 * comes from the channel's verified identity, never from what a request says:
 * `userId` is namespaced by its channel (src/identity/user-id.ts), and `roles`
 * are those the channel vouches for (a signed-in user's groups).
 */
export const incomingMessageSchema = z
  .strictObject({
    channel: z.enum(channels),
    conversationId: id,
    userId: id,
    userName: z.string().max(200).optional(),
    roles: z.array(z.enum(roles)).max(roles.length).optional(),
    /**
     * The web chat's trial mode: Signpost made this identity itself (web:trial-<random>), so no name is
     * vouched for. A referral form then asks the referrer for their name, shown to triage as given, never
     * taken as who they are. Set only by the web chat, from the session.
     */
    trial: z.literal(true).optional(),
    /** The team the channel puts the user in (a Slack channel or workspace, a Teams team); never taken from the web API. */
    team: z.string().min(1).max(200).optional(),
    text: z.string().max(maxIncomingText, `must be at most ${maxIncomingText} characters`).optional(),
    action: actionSchema.optional(),
  })
  .refine((message) => (message.text === undefined) !== (message.action === undefined), {
    message: "send either text or an action, not both and not neither",
  })
  .refine((message) => isUserIdOf(message.channel, message.userId), {
    message: "must be a user id namespaced by its channel, like web:<sub> or slack:<workspace>:<user>",
    path: ["userId"],
  });

export type IncomingMessage = z.infer<typeof incomingMessageSchema>;
export type ActionRequest = z.infer<typeof actionSchema>;
