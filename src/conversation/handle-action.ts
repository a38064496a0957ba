import { findService } from "../directory/directory.js";
import { isAreaId } from "../directory/ids.js";
import { buildCard } from "./build-card.js";
import { outdatedForm, searchReply, textReply } from "./build-replies.js";
import { readFormValue } from "./form-value.js";
import type { ConversationState } from "./conversation-state.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { replacedFormReply, startReferral, submitReferralForm } from "./referral-dialog.js";
import { narrowSearch, showMore } from "./search-turns.js";
import { rateAnswer } from "./rate-answer.js";
import type { ActionRequest, IncomingMessage } from "./incoming-message.js";
import type { Reply } from "./reply.js";

const expired = "That list has expired, so I can't act on that button. Please ask again and I'll search afresh.";
const unknownService = "I can't find that service in the directory any more. It may have been removed; please search again.";
const unknownForm = "I don't recognise that form, so nothing was saved. Please start again from the button that opened it.";

/**
 * A button press or a form submission. Every value is checked: a button from
 * an old or expired list, or for a service that no longer exists, gets a plain
 * reply rather than acting on the wrong thing.
 */
export async function handleAction(message: IncomingMessage, action: ActionRequest, state: ConversationState | undefined, deps: TurnDependencies): Promise<Reply> {
  const { conversationId } = message;
  switch (action.id) {
    case "show_more":
      if (!state?.list || state.list.searchId !== action.value) return textReply(conversationId, "action", expired);
      return showMore(conversationId, state, state.list, deps);

    case "narrow_area": {
      const [searchId, areaId] = action.value.split("|");
      if (!state?.list || state.list.searchId !== searchId) return textReply(conversationId, "action", expired);
      if (!areaId || !isAreaId(areaId)) return textReply(conversationId, "action", "I don't know that area. Please name the town or district instead.");
      return narrowSearch(conversationId, { ...state.list.search, areas: [areaId] }, state, deps);
    }

    case "details": {
      const service = findService(deps.directory, action.value);
      if (!service) return textReply(conversationId, "action", unknownService);
      const card = buildCard(service, "You asked for the details of this service.", deps.directory, { full: true, areas: state?.list?.search.areas ?? [], asked: state?.list?.search.needs ?? [] });
      return searchReply(conversationId, "action", [`${service.name}, in full:`], [card], []);
    }

    case "refer": {
      if (!findService(deps.directory, action.value)) return textReply(conversationId, "action", unknownService);
      return startReferral(message, state, deps, { serviceId: action.value });
    }

    case "rate_answer":
      return rateAnswer(message, action, deps);

    case "report_outdated": {
      const service = findService(deps.directory, action.value);
      if (!service) return textReply(conversationId, "action", unknownService);
      return { ...textReply(conversationId, "action", `Tell me what is wrong with ${service.name} and I'll pass it to the directory's maintainers.`), form: outdatedForm(service.id, service.name) };
    }

    case "submit_form": {
      const subject = readFormValue(action.value);
      if (subject?.form === "referral") {
        const dialog = state?.dialog;
        if (state && dialog && dialog.id === subject.dialogId) return submitReferralForm(message, state, dialog, action.fields ?? {}, deps);
        // One live form at a time: an older one, replaced by a newer form, saves nothing and says so.
        const replaced = replacedFormReply(message, state, subject.dialogId);
        if (replaced) return replaced;
        // No matching dialog: the form outlived its conversation.
        return textReply(conversationId, "action", "That referral form has expired, so nothing was saved. Please start the referral again.");
      }
      const service = subject ? findService(deps.directory, subject.serviceId) : undefined;
      if (!service) return textReply(conversationId, "action", subject ? unknownService : unknownForm);
      const details = (action.fields?.details ?? "").trim();
      const error = details === "" ? "Please say what is wrong." : details.length > 1000 ? "Please keep it under 1,000 characters." : undefined;
      if (error) {
        return { ...textReply(conversationId, "action", "Please check the form."), form: outdatedForm(service.id, service.name, { details: error }, details.slice(0, 1000)) };
      }
      await deps.limits?.take("feedback_report", message.userId);
      await deps.feedback.record({
        serviceId: service.id,
        organizationId: service.organization.id,
        details,
        channel: message.channel,
        reportedBy: message.userId,
        reportedAt: deps.clock.now().toISOString(),
      });
      return textReply(conversationId, "action", `Thank you. Your report about ${service.name} is recorded for the directory's maintainers to check with the provider. Until it is fixed, please check the details with the provider.`);
    }
  }
}
