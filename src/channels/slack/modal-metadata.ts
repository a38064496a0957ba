/**
 * What a modal carries in its private_metadata so its submission can go back
 * through the core: the conversation, the team, the form's value, and where to
 * send the confirmation. Slack returns it untouched with the (signed)
 * view_submission; at most 3000 characters.
 */
import { z } from "zod";
import { blockKit } from "./block-kit-limits.js";
import type { Destination } from "./slack-conversation.js";
import { InternalError } from "../../errors/internal-error.js";

export interface ModalMetadata {
  readonly conversationId: string;
  readonly team?: string;
  /** The Form's value, passed back with submit_form. */
  readonly formValue: string;
  readonly destination: Destination;
}

const schema = z.object({
  c: z.string().min(1),
  t: z.string().min(1).optional(),
  v: z.string(),
  w: z.object({ channel: z.string().min(1), threadTs: z.string().min(1).optional(), userId: z.string().min(1), visibility: z.enum(["public", "ephemeral", "dm"]) }),
});

export function encodeModalMetadata(metadata: ModalMetadata): string {
  const { channel, threadTs, userId, visibility } = metadata.destination;
  const encoded = JSON.stringify({
    c: metadata.conversationId,
    ...(metadata.team ? { t: metadata.team } : {}),
    v: metadata.formValue,
    w: { channel, ...(threadTs ? { threadTs } : {}), userId, visibility },
  });
  // Ids and values are bounded by the core (200 and 2000 characters), so this holds; checked, not assumed.
  if (encoded.length > blockKit.privateMetadata) throw new InternalError("modal metadata is longer than Slack allows");
  return encoded;
}

export function decodeModalMetadata(text: string): ModalMetadata | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return undefined;
  const { c, t, v, w } = parsed.data;
  const destination: Destination = { channel: w.channel, userId: w.userId, visibility: w.visibility, ...(w.threadTs ? { threadTs: w.threadTs } : {}) };
  return { conversationId: c, formValue: v, destination, ...(t ? { team: t } : {}) };
}
