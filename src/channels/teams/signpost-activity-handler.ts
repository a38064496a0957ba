/**
 * The Teams bot: a botbuilder TeamsActivityHandler that translates Teams
 * activities for the conversation core and renders its replies. Personal
 * chat and @mentions in channels and group chats; card buttons as
 * Action.Submit messages, Action.Execute (`adaptiveCard/action`) and card
 * `invoke`s; the message extension's search; and a welcome when the bot is
 * added. Every conversation the bot hears from is remembered (its reference)
 * so the outbox can write to it later.
 */
import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  TurnContext,
} from "botbuilder";
import type { Bot } from "../../conversation/bot.js";
import type { Logger } from "../../logging/create-logger.js";
import { executeData } from "./card-action.js";
import { describeTurnError } from "./create-teams-adapter.js";
import type { ConversationReferences } from "./conversation-references.js";
import { converse, type TurnInput, type TurnOutcome } from "./converse.js";
import { deliverReply, type DeliveryDependencies, noticeActivities, replyActivities } from "./deliver-reply.js";
import { answerExtensionQuery } from "./message-extension.js";
import type { PrivateRoutes } from "./private-routes.js";
import { isPersonalChat } from "./teams-activity.js";
import { welcomeText } from "./welcome.js";

export interface SignpostHandlerOptions {
  /** Absent until the directory is indexed and the bot is built. */
  readonly bot: () => Bot | undefined;
  /** Absent until storage is open. */
  readonly references: () => ConversationReferences | undefined;
  readonly routes: PrivateRoutes;
  /** The bot's app id ("" with authentication off). */
  readonly appId: string;
  readonly logger: Logger;
}

export class SignpostActivityHandler extends TeamsActivityHandler {
  constructor(private readonly options: SignpostHandlerOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context);
      // A card's Action.Submit arrives as a message whose value is the card's data.
      const input: TurnInput = context.activity.value !== undefined && context.activity.value !== null ? { kind: "card", data: context.activity.value } : { kind: "text" };
      await this.respond(context, await converse(context, input, this.options), context.activity.replyToId);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === context.activity.recipient.id);
      if (botAdded) {
        await this.remember(context);
        await context.sendActivities(noticeActivities(welcomeText(isPersonalChat(context.activity))));
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.remember(context);
      await next();
    });
  }

  private deliveryDependencies(): DeliveryDependencies {
    const references = this.options.references();
    return { appId: this.options.appId, routes: this.options.routes, logger: this.options.logger, ...(references ? { references } : {}) };
  }

  /** Stores how to reach this conversation later. A storage failure must not stop the bot answering. */
  private async remember(context: TurnContext): Promise<void> {
    try {
      await this.options.references()?.save(TurnContext.getConversationReference(context.activity));
    } catch (error) {
      this.options.logger.warn({ ...describeTurnError(error) }, "could not store a Teams conversation reference");
    }
  }

  private async respond(context: TurnContext, outcome: TurnOutcome, cardId: string | undefined): Promise<void> {
    if (outcome.kind === "ignore") return;
    if (outcome.kind === "notice") {
      await context.sendActivities(noticeActivities(outcome.text));
      return;
    }
    const replace = outcome.submittedForm ? cardId : undefined;
    await deliverReply(
      context,
      { reply: outcome.reply, base: outcome.base, ...(outcome.route ? { route: outcome.route } : {}), ...(replace ? { replace } : {}) },
      this.deliveryDependencies(),
    );
  }

  /** Action.Execute: a submitted form is answered on the card itself (Universal Actions), everything else as messages. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    await this.remember(context);
    const outcome = await converse(context, { kind: "card", data: executeData({ action: invokeValue.action }) }, this.options);
    if (outcome.kind === "reply" && outcome.submittedForm && !(outcome.reply.private && !isPersonalChat(context.activity))) {
      const activities = replyActivities(outcome.reply, outcome.route);
      const [only] = activities;
      const card = only?.attachments?.length === 1 ? (only.attachments[0]?.content as Record<string, unknown> | undefined) : undefined;
      if (activities.length === 1 && card) return { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card };
    }
    await this.respond(context, outcome, undefined);
    // The Universal Actions "message" response carries a string; botbuilder's typing only allows objects.
    return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "Done." as unknown as Record<string, unknown> };
  }

  /** A card `invoke` action (Action.Submit with msteams type invoke): the data is the activity's value. */
  protected override async handleTeamsCardActionInvoke(context: TurnContext): Promise<InvokeResponse> {
    await this.remember(context);
    await this.respond(context, await converse(context, { kind: "card", data: context.activity.value }, this.options), context.activity.replyToId);
    return { status: 200 };
  }

  protected override async handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return answerExtensionQuery(context, query, this.options.bot());
  }
}
