/**
 * Bolt's authorize for one workspace: the bot token, with the bot's own ids
 * from auth.test, asked once and remembered. Asked lazily, on the first event,
 * so a Slack outage at start-up cannot crash Signpost; a failure is forgotten,
 * so the next event asks again.
 */
import { type Authorize, webApi } from "@slack/bolt";

interface BotIdentity {
  readonly botUserId?: string;
  readonly botId?: string;
}

export function singleWorkspaceAuthorize(botToken: string, clientOptions: webApi.WebClientOptions): Authorize<boolean> {
  const client = new webApi.WebClient(botToken, clientOptions);
  let identity: Promise<BotIdentity> | undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (result) => ({ ...(result.user_id ? { botUserId: result.user_id } : {}), ...(result.bot_id ? { botId: result.bot_id } : {}) }),
      (error: unknown) => {
        identity = undefined;
        throw error;
      },
    );
    return { botToken, ...(await identity) };
  };
}
