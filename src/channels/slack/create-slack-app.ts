/**
 * The Slack channel: a real Bolt App wired to the conversation core. Slash
 * command, mentions, DMs, the two shortcuts, buttons, modal submissions and App
 * Home all become IncomingMessages for `bot.handle`, and its Replies become
 * Block Kit. Assistant threads (the split view) get suggested prompts, a status
 * while answering and feedback buttons under each answer. Over HTTP it is mounted on Signpost's Hono server at /slack/events;
 * with an app token it connects by Socket Mode instead. Repeated events (Slack's
 * retries) are dropped before any listener runs, whichever instance saw them first.
 */
import { App, SocketModeReceiver } from "@slack/bolt";
import type { Hono } from "hono";
import type { Bot } from "../../conversation/bot.js";
import type { Logger } from "../../logging/create-logger.js";
import { boltLogger, errorSummary } from "./bolt-logger.js";
import { registerAssistant } from "./assistant-listener.js";
import { registerButtonListener } from "./button-listener.js";
import type { SlackChannelContext } from "./converse.js";
import { registerFeedbackListener } from "./feedback-listener.js";
import { registerHomeListener } from "./home-listener.js";
import { HonoSlackReceiver } from "./hono-slack-receiver.js";
import { registerMessageListeners } from "./message-listeners.js";
import type { PendingForms } from "./pending-forms.js";
import { registerReferralShortcut } from "./referral-shortcut.js";
import { dropRepeatedEvents } from "./seen-events.js";
import type { SeenRequests } from "./seen-requests.js";
import { singleWorkspaceAuthorize } from "./slack-authorize.js";
import { type SlackSettings, slackApiUrl, webClientOptions } from "./slack-settings.js";
import { registerViewListener } from "./view-listener.js";
import { ConfigError } from "../../errors/config-error.js";

export interface SlackChannelOptions {
  readonly settings: SlackSettings;
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** What every instance must share: requests already handled, and forms waiting for their button. */
  readonly state: SlackState;
  readonly logger: Logger;
  /** The clock for the HTTP receiver's 5-minute replay window (tests); default Date.now. */
  readonly now?: () => number;
}

export interface SlackState {
  readonly seen: SeenRequests;
  readonly pendingForms: PendingForms;
}

export interface SlackChannel {
  readonly app: App;
  readonly mode: "http" | "socket";
  /** HTTP: adds POST /slack/events to Signpost's server (call before it starts). Socket Mode: nothing to add. */
  mount(hono: Hono): void;
  /** Socket Mode: connects to Slack. HTTP: nothing to start (the server is Signpost's). */
  start(): Promise<void>;
  /** Socket Mode: resolves once the WebSocket is closed, and it does not reconnect. */
  stop(): Promise<void>;
}

export function createSlackApp({ settings, bot, state, logger, now }: SlackChannelOptions): SlackChannel {
  const slackLogger = boltLogger(logger);
  const apiUrl = slackApiUrl(settings);
  let http: HonoSlackReceiver | undefined;
  let socket: SocketModeReceiver | undefined;
  let receiver: HonoSlackReceiver | SocketModeReceiver;
  if (settings.appToken) {
    // installerOptions.clientOptions is what Bolt gives the Socket Mode client's own Web API client (apps.connections.open).
    socket = new SocketModeReceiver({ appToken: settings.appToken, logger: slackLogger, ...(apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: apiUrl } } } : {}) });
    receiver = socket;
  } else {
    if (!settings.signingSecret) throw new ConfigError("SLACK_SIGNING_SECRET", "is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)");
    http = new HonoSlackReceiver({ signingSecret: settings.signingSecret, seen: state.seen, logger, ...(now ? { now } : {}) });
    receiver = http;
  }
  // Two option objects on purpose: Bolt writes its logger into the one it is given.
  const app = new App({
    receiver,
    authorize: singleWorkspaceAuthorize(settings.botToken, webClientOptions(settings, slackLogger)),
    clientOptions: webClientOptions(settings, slackLogger),
    logger: slackLogger,
  });
  app.use(dropRepeatedEvents(state.seen, logger));
  app.error((error) => {
    logger.error(errorSummary(error), "a Slack listener failed");
    return Promise.resolve();
  });

  // Forms from a mention or DM wait for their "Open the form" button (30 minutes, on any instance).
  const ctx: SlackChannelContext = { bot, logger, pendingForms: state.pendingForms, commandName: settings.commandName };
  // Assistant threads first: Bolt's Assistant takes their messages before the DM listener would.
  registerAssistant(app, ctx);
  registerMessageListeners(app, ctx);
  registerButtonListener(app, ctx);
  registerFeedbackListener(app, ctx);
  registerViewListener(app, ctx);
  registerReferralShortcut(app, ctx);
  registerHomeListener(app, ctx);

  return {
    app,
    mode: http ? "http" : "socket",
    mount(hono) {
      http?.mount(hono);
    },
    async start() {
      await app.start();
    },
    async stop() {
      // Bolt's SocketModeReceiver.stop() only begins the WebSocket's close handshake: wait for the
      // client's "disconnected" (handshake done, or its own 30-second cut-off), so nothing is left open.
      const disconnected = socket ? new Promise<void>((resolve) => socket.client.once("disconnected", () => resolve())) : undefined;
      await app.stop();
      await disconnected;
    },
  };
}
