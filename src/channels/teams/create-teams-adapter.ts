/**
 * The botbuilder CloudAdapter Signpost runs Teams through. With an app id and
 * its credential, every inbound request's token is validated and outbound
 * calls are signed (ConfigurationBotFrameworkAuthentication); with no app id,
 * authentication is off, for the Bot Framework Emulator only (the composition
 * root refuses that in production). A turn that fails is logged without
 * anything anyone wrote and answered with a short apology, never a stack trace.
 */
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import { isSignpostError } from "../../errors/signpost-error.js";
import type { Logger } from "../../logging/create-logger.js";
import { noticeActivities } from "./deliver-reply.js";
import { type TeamsSettings, authenticationEnabled } from "./teams-settings.js";

export const apology = "Sorry, something went wrong on my side. Please try again; if it keeps happening, tell your administrator.";

/** Where an error happened (its name, code and stack frames), without its message, which may quote what someone wrote. */
export function describeTurnError(error: unknown): Record<string, unknown> {
  const e = error instanceof Error ? error : { name: "NonError", stack: undefined };
  const frames = (e.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 8).map((line) => line.trim());
  const status = (error as { statusCode?: unknown }).statusCode;
  return { error: e.name, code: isSignpostError(error) ? error.code : "INTERNAL", ...(typeof status === "number" ? { statusCode: status } : {}), frames };
}

/** What happened to one inbound request: refused before any turn (its token), or processed (with an invoke's answer). */
export type Processed = { readonly ok: false; readonly reason: string } | { readonly ok: true; readonly invoke?: InvokeResponse };

/**
 * botbuilder's CloudAdapter with the request's authentication done first and
 * apart: a token that cannot be validated (forged, expired, or the signing
 * keys unreachable) is a refusal to answer 401, with nothing of botbuilder's
 * own error printing. Only an authenticated activity becomes a turn.
 */
export class SignpostCloudAdapter extends CloudAdapter {
  constructor(private readonly authentication: ConfigurationBotFrameworkAuthentication) {
    super(authentication);
  }

  async authenticateAndProcess(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<Processed> {
    const refusal = obviouslyInvalid(authHeader);
    if (refusal) return { ok: false, reason: refusal };
    let authenticated: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
    try {
      authenticated = await this.authentication.authenticateRequest(activity, authHeader);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.name : "not validated" };
    }
    const invoke = await this.processActivity(authenticated, activity, logic);
    return invoke ? { ok: true, invoke } : { ok: true };
  }
}

/**
 * A bearer token that is no JWT, or one whose expiry passed more than
 * botbuilder's five minutes' tolerance ago, is refused here, before botbuilder
 * (which prints a stack trace for each expired token). Anything else is for
 * botbuilder to validate.
 */
function obviouslyInvalid(authHeader: string): string | undefined {
  if (authHeader === "") return undefined; // botbuilder decides: refused with an app id, allowed for the Emulator
  const token = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/.exec(authHeader);
  if (!token) return "not a bearer JWT";
  try {
    const payload = JSON.parse(Buffer.from(token[2] ?? "", "base64url").toString("utf8")) as { exp?: unknown };
    if (typeof payload.exp === "number" && payload.exp * 1000 < Date.now() - 5 * 60_000) return "expired";
  } catch {
    return "unreadable JWT";
  }
  return undefined;
}

export function createTeamsAdapter(settings: TeamsSettings, logger: Logger): SignpostCloudAdapter {
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
  const adapter = new SignpostCloudAdapter(auth);
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
