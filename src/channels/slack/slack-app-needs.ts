/**
 * Everything the Slack app asks of a workspace, and why: the bot scopes, the
 * events, the shortcuts and the request path. deploy/slack/manifest.yml (and
 * its Socket Mode twin) list exactly these; test/channels/slack/manifest.test.ts
 * checks the two agree, so an admin never grants more than Signpost uses.
 */
import { findServicesCallbackId } from "./message-listeners.js";
import { logReferralCallbackId } from "./referral-shortcut.js";

export const slackAppNeeds = {
  scopes: {
    "app_mentions:read": "the app_mention event: being asked in a channel",
    "assistant:write": "the agent view (agent_view): the top-bar entry point, assistant.threads.setSuggestedPrompts and assistant.threads.setStatus",
    "chat:write": "chat.postMessage and chat.postEphemeral: answers, confirmations, status changes, triage",
    commands: "the slash command and the two shortcuts",
    "files:write": "files.uploadV2: the weekly unmet-need digest's chart, as a PNG in the maintainers' channel",
    "im:history": "the message.im event: direct messages to the app",
    "im:write": "conversations.open: the DM a referral from the global shortcut is confirmed in",
  },
  /** assistant_thread_*: threads of the assistant view (the split view) on apps still on assistant_view; agent_view uses app_home_opened (the Messages tab) and message.im. */
  botEvents: ["app_home_opened", "app_mention", "assistant_thread_context_changed", "assistant_thread_started", "message.im"],
  shortcuts: [
    { callbackId: findServicesCallbackId, type: "message", name: "Find services for this" },
    { callbackId: logReferralCallbackId, type: "global", name: "Log a First Contact referral" },
  ],
  /** Events, the slash command and interactivity all arrive here over HTTP. */
  requestPath: "/slack/events",
  defaultCommand: "/signpost",
} as const;
