/**
 * The outbox's "slack" notifier: posts a notification's text to its
 * destination, `{conversationId, userId?}`, with chat.postMessage: to the
 * channel, and into the thread when the conversation is one. Status texts
 * (reference and status, no personal data) go back where the referral was
 * made; if the app can no longer post there, to the referrer's DM. Triage texts
 * go to their destination, the configured triage channel, and nowhere else.
 * Private texts (kind "private", `{userId}`) go only to that user's DM.
 * A notice with an image (the weekly unmet-need chart, `payload.image`: a
 * base64 PNG with its alt text) is uploaded to its channel with
 * files.uploadV2, the text as its comment; an app installed before it asked for
 * files:write posts the text alone, saying so.
 * Any failure throws, so the outbox tries again later with backoff: the client
 * itself never retries and never waits out a rate limit (HTTP 429 "ratelimited").
 */
import { channelLocalId } from "../../identity/user-id.js";
import { webApi } from "@slack/bolt";
import type { Logger } from "../../logging/create-logger.js";
import type { Notifier, OutgoingNotification } from "../../notifications/notifier.js";
import { blockKit } from "./block-kit-limits.js";
import { boltLogger, errorSummary } from "./bolt-logger.js";
import { placeOf } from "./slack-conversation.js";
import { type SlackSettings, slackApiUrl } from "./slack-settings.js";
import { mrkdwnFit, mrkdwnPieces } from "./slack-text.js";
import { NotificationError } from "../../errors/notification-error.js";

/** Slack's answers that mean "this app may not upload files here": the image notice goes as text. */
const cannotUpload = new Set(["missing_scope", "not_allowed_token_type", "no_permission"]);

interface NoticeImage {
  readonly png: string;
  readonly alt: string;
  readonly filename: string;
}

function imageOf(payload: Readonly<Record<string, unknown>>): NoticeImage | undefined {
  const image = payload.image as Partial<NoticeImage> | undefined;
  return image && typeof image.png === "string" && typeof image.alt === "string" && typeof image.filename === "string" ? { png: image.png, alt: image.alt, filename: image.filename } : undefined;
}

/** Slack's answers that mean "this place is gone for the app": a status update then goes to the referrer's DM. */
const unreachable = new Set(["channel_not_found", "not_in_channel", "is_archived", "access_denied"]);

function message(text: string) {
  const pieces = mrkdwnPieces(text, blockKit.sectionText).slice(0, blockKit.blocksPerMessage);
  return {
    text: mrkdwnFit(text, blockKit.fallbackText),
    blocks: pieces.map((piece) => ({ type: "section" as const, text: { type: "mrkdwn" as const, text: piece } })),
    unfurl_links: false,
    unfurl_media: false,
  };
}

export class SlackNotifier implements Notifier {
  readonly name = "slack";

  constructor(private readonly client: webApi.WebClient) {}

  /** A notifier with its own client: no retries inside it, rate limits rejected; the outbox does the retrying. */
  static fromSettings(settings: SlackSettings, logger: Logger): SlackNotifier {
    const url = slackApiUrl(settings);
    return new SlackNotifier(
      new webApi.WebClient(settings.botToken, { logger: boltLogger(logger), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, ...(url ? { slackApiUrl: url } : {}) }),
    );
  }

  async send(notification: OutgoingNotification): Promise<void> {
    const { conversationId, userId } = notification.destination;
    const text = typeof notification.payload.text === "string" ? notification.payload.text : "";
    if (text.trim() === "") throw new NotificationError("a Slack notification needs payload.text");
    if (notification.payload.kind === "private") {
      // For one person only (an outcome follow-up): their DM with the app, never a channel or thread.
      if (!userId) throw new NotificationError("a private Slack notification needs destination.userId");
      await this.directMessage(userId, text);
      return;
    }
    if (!conversationId) throw new NotificationError("a Slack notification needs destination.conversationId");
    const { channel, threadTs } = placeOf(conversationId);
    const image = imageOf(notification.payload);
    if (image) {
      await this.upload(channel, threadTs, image, text);
      return;
    }
    try {
      await this.client.chat.postMessage({ channel, ...message(text), ...(threadTs ? { thread_ts: threadTs } : {}) });
    } catch (error) {
      const summary = errorSummary(error);
      const isStatus = notification.payload.kind === "status";
      if (isStatus && userId && summary.slackError && unreachable.has(summary.slackError)) {
        await this.directMessage(userId, text);
        return;
      }
      const status429 = summary.retryAfter !== undefined ? ` (rate limited; Slack asked to wait ${summary.retryAfter} s)` : "";
      throw new NotificationError(`Slack chat.postMessage failed: ${summary.slackError ?? summary.code ?? summary.error}${summary.status ? ` (HTTP ${summary.status})` : ""}${status429}`, { cause: error });
    }
  }

  /** A notice's image into its channel (files.getUploadURLExternal, the upload, files.completeUploadExternal), or its text where the app may not upload. */
  private async upload(channel: string, threadTs: string | undefined, image: NoticeImage, text: string): Promise<void> {
    try {
      const upload = {
        channel_id: channel,
        file: Buffer.from(image.png, "base64"),
        filename: image.filename,
        title: image.filename,
        alt_text: image.alt.slice(0, 1000),
        initial_comment: mrkdwnFit(text, blockKit.sectionText),
      };
      await this.client.filesUploadV2(threadTs ? { ...upload, thread_ts: threadTs } : upload);
    } catch (error) {
      const summary = errorSummary(error);
      if (summary.slackError && cannotUpload.has(summary.slackError)) {
        const note = `${text}\n(The chart could not be uploaded: the Slack app needs the files:write scope; reinstall it from deploy/slack/manifest.yml.)`;
        await this.client.chat.postMessage({ channel, ...message(note), ...(threadTs ? { thread_ts: threadTs } : {}) });
        return;
      }
      throw new NotificationError(`Slack file upload failed: ${summary.slackError ?? summary.code ?? summary.error}${summary.status ? ` (HTTP ${summary.status})` : ""}`, { cause: error });
    }
  }

  /** `userId` is namespaced (slack:<workspace>:<user>); Slack opens the DM from the user's own id. */
  private async directMessage(userId: string, text: string): Promise<void> {
    try {
      await this.client.chat.postMessage({ channel: channelLocalId(userId), ...message(text) });
    } catch (error) {
      throw new NotificationError(`Slack chat.postMessage to the referrer's DM failed: ${errorSummary(error).slackError ?? errorSummary(error).error}`, { cause: error });
    }
  }
}
