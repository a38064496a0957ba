/**
 * The outbox's "teams" notifier. A notification's destination names a Teams
 * conversation (and the referrer's user id); the stored conversation reference
 * says how to reach it, and the adapter posts there proactively. Status
 * changes (reference and status only, no personal details) go to the
 * conversation the referral came from, or failing that the referrer's personal
 * chat; triage notifications (the details) go only to the configured triage
 * conversation; private ones (kind "private") only to the user's personal
 * chat. A notice with an image (the weekly unmet-need chart: a base64 PNG and
 * its alt text) is one Adaptive Card with the text and the image as a data
 * URI, when that fits the 80 KB this project allows one activity (Teams refuses
 * about 100 KB); otherwise the text alone, saying so.
 * Any failure throws, so the outbox tries again later.
 */
import { channelLocalId } from "../../identity/user-id.js";
import type { CloudAdapterBase } from "botbuilder";
import type { Logger } from "../../logging/create-logger.js";
import type { Notifier, OutgoingNotification } from "../../notifications/notifier.js";
import type { ConversationReferences, StoredReference } from "./conversation-references.js";
import { createTeamsAdapter } from "./create-teams-adapter.js";
import type { Activity } from "botbuilder";
import { adaptiveCard, paragraphBlocks } from "./adaptive-card.js";
import { noticeActivities } from "./deliver-reply.js";
import { cardAttachment } from "./pack-activities.js";
import { jsonBytes, teamsLimits } from "./teams-limits.js";
import type { TeamsSettings } from "./teams-settings.js";
import { NotificationError } from "../../errors/notification-error.js";

export interface TeamsNotifierOptions {
  readonly adapter: CloudAdapterBase;
  /** The bot's app id ("" with authentication off). */
  readonly appId: string;
  readonly references: ConversationReferences;
}

/** Why Teams did not take a message, in terms of the channel only (never the message). */
export function describeDeliveryFailure(error: unknown): string {
  const status = (error as { statusCode?: unknown }).statusCode;
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } }).response?.headers;
  const retryAfter = typeof headers?.get === "function" ? headers.get("retry-after") : undefined;
  if (typeof status === "number") return `Teams did not accept the message (HTTP ${status}${retryAfter ? `, retry after ${retryAfter}s` : ""})`;
  return `Teams could not be reached (${error instanceof Error ? error.name : "unknown error"})`;
}

/** What the notifier sends: status to a referral's conversation, triage details, notices, and one person's private questions. */
const kinds = ["status", "triage", "notice", "private"] as const;
type Kind = (typeof kinds)[number];
const isKind = (kind: unknown): kind is Kind => (kinds as readonly unknown[]).includes(kind);

/** The envelope the connector adds to an activity (ids, addresses): kept free of the size budget. */
const envelopeBytes = 2048;

/** A notice's text, with its image in the same card where the channel's size limit allows. */
export function activitiesFor(text: string, image: unknown): Partial<Activity>[] {
  const { png, alt } = (image ?? {}) as { png?: unknown; alt?: unknown };
  if (typeof png !== "string" || typeof alt !== "string") return noticeActivities(text);
  const card = adaptiveCard([...paragraphBlocks(text), { type: "Image", url: `data:image/png;base64,${png}`, altText: alt, size: "Stretch" } as never]);
  const activity: Partial<Activity> = { type: "message", attachments: [cardAttachment(card)], summary: alt.slice(0, 200) };
  // One picture is worth the bigger budget (80 KB, under the ~100 KB Teams refuses); text messages keep to 28 KB.
  if (jsonBytes(activity) + envelopeBytes <= teamsLimits.maxPayloadBytes) return [activity];
  return noticeActivities(`${text}\n(The chart is too large for a Teams message; open the insight view for it.)`);
}

export class TeamsNotifier implements Notifier {
  readonly name = "teams";

  constructor(private readonly options: TeamsNotifierOptions) {}

  /** A notifier with its own adapter, signed with the bot's credentials (it needs no HTTP route). */
  static fromSettings(settings: TeamsSettings, references: ConversationReferences, logger: Logger): TeamsNotifier {
    return new TeamsNotifier({ adapter: createTeamsAdapter(settings, logger), appId: settings.appId ?? "", references });
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const { kind, text } = notification.payload;
    if (!isKind(kind) || typeof text !== "string") throw new NotificationError(`the Teams notifier does not send "${String(kind)}" notifications`);
    const reference = await this.destination(kind, notification.destination);
    if (!reference) throw new NotificationError("no Teams conversation is known for this destination yet (add Signpost to it first)");
    let failure: unknown;
    // Errors inside the callback would reach the adapter's onTurnError (which apologises in the chat); keep them here.
    await this.options.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
      try {
        for (const activity of activitiesFor(text, notification.payload.image)) await context.sendActivity(activity);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw new NotificationError(describeDeliveryFailure(failure), { cause: failure });
  }

  private async destination(kind: Kind, destination: Readonly<Record<string, string>>): Promise<StoredReference | undefined> {
    const { conversationId } = destination;
    // The referrer's namespaced id (teams:<tenant>:<object id>); personal chats are kept by the object id.
    const userId = destination.userId ? channelLocalId(destination.userId) : undefined;
    // For one person only (an outcome follow-up): their personal chat, never the conversation named.
    if (kind === "private") return userId ? this.options.references.findPersonalChat(userId) : undefined;
    const stored = conversationId ? await this.options.references.find(conversationId) : undefined;
    // Triage details and the jobs' notices (kind "notice") go only to the channel named.
    if (stored || kind === "triage" || kind === "notice") return stored;
    return userId ? this.options.references.findPersonalChat(userId) : undefined;
  }
}
