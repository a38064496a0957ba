/**
 * The botbuilder CloudAdapter Signpost runs Teams through. With an app id and
 * its credential, every inbound request's token is validated and outbound
 * calls are signed (ConfigurationBotFrameworkAuthentication); with no app id,
 * authentication is off, for the Bot Framework Emulator only (the composition
 * root refuses that in production). A turn that fails is logged without
 * anything anyone wrote and answered with a short apology, never a stack trace.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type TurnContext } from "botbuilder";
import { isSignpostError } from "../../errors/signpost-error.js";
import type { Logger } from "../../logging/create-logger.js";
import { noticeActivities } from "./deliver-reply.js";
import { type TeamsSettings, authenticationEnabled } from "./teams-settings.js";

export const apology = "Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your administrator.";

/** Where an error happened (its name, code and stack frames), without its message, which may quote what someone wrote. */
export function describeTurnError(error: unknown): Record<string, unknown> {
  const e = error instanceof Error ? error : new Error("non-error thrown");
  const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim());
  const status = (error as { statusCode?: unknown }).statusCode;
  return { error: e.name, code: isSignpostError(error) ? error.code : "INTERNAL", ...(typeof status === "number" ? { statusCode: status } : {}), frames };
}

export function createTeamsAdapter(settings: TeamsSettings, logger: Logger): CloudAdapter {
  const options = authenticationEnabled(settings)
    ? {
        MicrosoftAppType: settings.appType,
        ...(settings.appId ? { MicrosoftAppId: settings.appId } : {}),
        ...(settings.appPassword ? { MicrosoftAppPassword: settings.appPassword } : {}),
        ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}),
      }
    : {};
  const credentials = new ConfigurationServiceClientCredentialFactory(options);
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...(settings.appId ? { MicrosoftAppId: settings.appId } : {}), ...(settings.tenantId ? { MicrosoftAppTenantId: settings.tenantId } : {}) },
    credentials,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ ...describeTurnError(error), activity: context.activity.type, name: context.activity.name }, "Teams turn failed");
    // A message extension runs in whatever chat the user is writing in: its failure shows in the extension, not as a message there.
    if (context.activity.type === "invoke" && context.activity.name?.startsWith("composeExtension/")) return;
    try {
      await context.sendActivities(noticeActivities(apology));
    } catch (sendError) {
      logger.warn(describeTurnError(sendError), "could not send the apology to Teams");
    }
  };
  return adapter;
}
