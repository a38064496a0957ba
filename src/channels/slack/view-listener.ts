/**
 * A modal's submission goes back through the core as `submit_form` with the
 * form's value and its fields. The answer decides the response Slack needs
 * within 3 seconds: field errors shown against their inputs
 * (`response_action: "errors"`), a changed form (`update`), or done (`clear`),
 * after which the confirmation is sent only to the person who submitted it.
 */
import type { App, ViewOutput } from "@slack/bolt";
import type { Form } from "../../conversation/reply.js";
import { slackUserId } from "../../identity/user-id.js";
import { answerFromCore, type SlackChannelContext } from "./converse.js";
import { decodeModalMetadata } from "./modal-metadata.js";
import { postReply } from "./post-messages.js";
import { renderReply } from "./render-blocks.js";
import { formCallbackId, renderModal } from "./render-modal.js";
import { readSubmission, responseErrors } from "./read-modal-submission.js";

function onFirstField(view: ViewOutput, message: string) {
  return { response_action: "errors" as const, errors: responseErrors({ form: message }, view) };
}

export function registerViewListener(app: App, ctx: SlackChannelContext): void {
  app.view({ callback_id: formCallbackId, type: "view_submission" }, async ({ ack, body, view, client }) => {
    const metadata = decodeModalMetadata(view.private_metadata);
    if (!metadata) {
      await ack(onFirstField(view, "This form has expired. Please close it and start again."));
      return;
    }
    const destination = { ...metadata.destination, userId: body.user.id };
    const fields = readSubmission(view);
    const message = {
      channel: "slack" as const,
      conversationId: metadata.conversationId,
      userId: slackUserId(body.team?.id ?? body.user.team_id, body.user.id),
      ...(body.user.name ? { userName: body.user.name } : {}),
      ...(metadata.team ? { team: metadata.team } : {}),
      action: { id: "submit_form" as const, value: metadata.formValue, fields },
    };
    const answer = await answerFromCore(ctx, message);
    if (!answer.ok) {
      await ack(onFirstField(view, answer.problem));
      return;
    }
    const { reply } = answer;
    const form: Form | undefined = reply.form;
    if (form?.errors && Object.keys(form.errors).length > 0) {
      await ack({ response_action: "errors", errors: responseErrors(form.errors, view) });
      return;
    }
    if (form) {
      await ack({ response_action: "update", view: renderModal({ ...reply, form }, metadata) });
      return;
    }
    await ack({ response_action: "clear" });
    await postReply(client, renderReply(reply, { conversationId: metadata.conversationId }), destination, true);
  });
}
