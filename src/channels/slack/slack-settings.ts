/**
 * What the Slack channel needs, filled in by the composition root from
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, SLACK_COMMAND and
 * SLACK_API_URL. With an app token Signpost uses Socket Mode (no public URL);
 * without one, HTTP on /slack/events, which needs the signing secret.
 */
import type { webApi } from "@slack/bolt";
import type { Logger as BoltLogger } from "@slack/bolt";

export interface SlackSettings {
  /** xoxb-…: the bot token, for every Web API call. */
  readonly botToken: string;
  /** Verifies HTTP requests from Slack; required unless `appToken` is set. */
  readonly signingSecret?: string;
  /** xapp-…: an app-level token with connections:write; set, Socket Mode is used. */
  readonly appToken?: string;
  /** The slash command, with its slash ("/signpost"), as in deploy/slack/manifest.yml. */
  readonly commandName: string;
  /** The Web API base URL ("https://slack.com/api/" by default; GovSlack has its own; tests use a local one). */
  readonly apiUrl?: string;
}

/** The Web API base URL as the client wants it: ending in "/". */
export function slackApiUrl(settings: SlackSettings): string | undefined {
  if (!settings.apiUrl) return undefined;
  return settings.apiUrl.endsWith("/") ? settings.apiUrl : `${settings.apiUrl}/`;
}

/**
 * Web API client options for answering people: two quick retries at most (an
 * answer minutes late is worse than an error), the configured base URL, and
 * Signpost's logger.
 */
export function webClientOptions(settings: SlackSettings, logger: BoltLogger): webApi.WebClientOptions {
  const url = slackApiUrl(settings);
  return { logger, retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 }, ...(url ? { slackApiUrl: url } : {}) };
}
