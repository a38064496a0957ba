import { randomUUID } from "node:crypto";
import { findService } from "../directory/directory.js";
import { firstContactCovers, outsideFirstContact } from "../directory/front-doors.js";
import type { AreaId } from "../directory/ids.js";
import { describeDraft } from "../referrals/describe-referral.js";
import type { Identity } from "../referrals/referral-desk.js";
import type { ReferralDraft } from "../referrals/referral-draft.js";
import { tokenize } from "../text/normalise-text.js";
import type { UnderstoodEntities } from "../understanding/understand.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { textReply } from "./build-replies.js";
import type { ConversationState } from "./conversation-state.js";
import type { IncomingMessage } from "./incoming-message.js";
import type { ReferralDialog } from "./referral-dialog-state.js";
import { referralForm, readReferralForm } from "./referral-form.js";
import { isNo, isYes, nextStep, questions, readAnswer } from "./referral-questions.js";
import type { Reply } from "./reply.js";

/** Channels that can show a whole form; the rest are asked one question at a time. */
const channelsWithForms = new Set(["web", "slack", "teams"]);

/** With a form on screen, typed messages are ordinary messages; without one, they answer the dialog. */
export function answersByText(channel: string): boolean {
  return !channelsWithForms.has(channel);
}
const cancelWords = /^(?:cancel|stop|abort|quit referral|never ?mind|forget it|cancel (?:it|that|the referral))$/;
const consentWords = /\b(?:consented|consents|(?:has|have|they|she|he) agreed|with (?:their|her|his) (?:consent|agreement)|gave (?:consent|permission)|happy to be referred)\b/;
const refusedConsent = /\b(?:not|hasn'?t|hasnt|haven'?t|havent|didn'?t|didnt|no|without|refused|declined)\s+(?:\w+\s+)?(?:consent|consented|agreed|agreement)\b/;

export function identityOf(message: IncomingMessage): Identity {
  return {
    userId: message.userId,
    channel: message.channel,
    conversationId: message.conversationId,
    ...(message.userName ? { userName: message.userName } : {}),
    ...(message.team ? { team: message.team } : {}),
    ...(message.roles ? { roles: message.roles } : {}),
  };
}

/** An open dialog is one not yet stored. */
export function openDialog(state: ConversationState | undefined): ReferralDialog | undefined {
  return state?.dialog && !state.dialog.submittedReference ? state.dialog : undefined;
}

/**
 * Starts a referral from what is already known: the message's entities, the
 * service card it came from, the last search. Forms get the whole referral at
 * once; text channels get the first missing question.
 */
export async function startReferral(message: IncomingMessage, state: ConversationState | undefined, deps: TurnDependencies, from: { entities?: UnderstoodEntities; text?: string; serviceId?: string }): Promise<Reply> {
  const list = state?.list;
  const service = from.serviceId ? findService(deps.directory, from.serviceId) : undefined;
  const entities = from.entities;
  const searchNeeds = list?.search.needs ?? [];
  const needs = entities?.needs.length ? entities.needs : service ? (service.needs.some((n) => searchNeeds.includes(n)) ? service.needs.filter((n) => searchNeeds.includes(n)) : service.needs) : searchNeeds;
  const areas = entities?.areas.length ? entities.areas : (list?.search.areas ?? []);
  const age = entities?.age ?? list?.search.age ?? null;
  const words = from.text ? tokenize(from.text).join(" ") : "";
  const draft: ReferralDraft = {
    ...(entities?.person ? { person: entities.person } : {}),
    ...(areas.length === 1 ? { area: areas[0]! } : {}),
    ...(needs.length > 0 ? { needs } : {}),
    ...(age !== null ? { age } : {}),
    ...(entities?.nhsNumber ? { nhsNumber: entities.nhsNumber } : {}),
    ...(entities?.urgency ? { urgency: entities.urgency } : {}),
    ...(service ? { suggestedServices: [service.id] } : list?.onScreen.length ? { suggestedServices: list.onScreen } : {}),
    ...(consentWords.test(words) && !refusedConsent.test(words) ? { consent: true } : {}),
  };
  // Someone living where First Contact Plus does not reach is pointed to their own front door, before any details are taken.
  if (draft.area !== undefined && !firstContactCovers(draft.area, deps.directory)) return outsideArea(message, draft.area, deps);
  const dialog: ReferralDialog = { id: randomUUID(), draft, step: nextStep(draft, []), skipped: [] };
  await deps.conversations.set(message.conversationId, { ...state, dialog });
  return askNext(message, dialog, deps, channelsWithForms.has(message.channel), true);
}

/** The next turn of a text dialog: cancel, an answer to the current question, or the final yes. */
export async function continueReferral(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, deps: TurnDependencies): Promise<Reply> {
  const text = message.text ?? "";
  if (cancelWords.test(tokenize(text).join(" "))) return cancel(message, state, deps);
  const step = dialog.step;
  if (step === "confirm") {
    if (isYes(text)) return submit(message, state, dialog, deps);
    if (isNo(text)) return cancel(message, state, deps);
    return { ...textReply(message.conversationId, "make_referral", 'Please say "yes" to send it, or "cancel".'), private: true };
  }
  if (step === "consent") {
    if (isNo(text)) {
      await deps.conversations.set(message.conversationId, withoutDialog(state));
      return textReply(message.conversationId, "make_referral", "Without the person's agreement I can't log a referral, so nothing has been saved. If they change their mind, they can also contact First Contact Plus themselves.");
    }
    if (!isYes(text)) return { ...textReply(message.conversationId, "make_referral", `Please answer yes or no. ${questions.consent}`), private: true };
    return advance(message, state, { ...dialog, draft: { ...dialog.draft, consent: true } }, deps);
  }
  const answer = readAnswer(step, text, deps.directory);
  if (!answer.ok) return { ...textReply(message.conversationId, "make_referral", `${answer.message}\n${questions[step]}`), private: true };
  if (answer.patch.area !== undefined && !firstContactCovers(answer.patch.area, deps.directory)) {
    await deps.conversations.set(message.conversationId, withoutDialog(state));
    return outsideArea(message, answer.patch.area, deps);
  }
  return advance(message, state, { ...dialog, draft: { ...dialog.draft, ...answer.patch }, skipped: answer.skip ? [...dialog.skipped, answer.skip] : dialog.skipped }, deps);
}

/** A submitted referral form: the same schema, errors beside their fields, stored when all is well. */
export async function submitReferralForm(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, fields: Readonly<Record<string, string>>, deps: TurnDependencies): Promise<Reply> {
  const { draft, errors } = readReferralForm(fields, dialog.draft);
  const updated: ReferralDialog = { ...dialog, draft };
  if (Object.keys(errors).length === 0) {
    await deps.limits?.take("referral", message.userId);
    const result = await deps.referrals.submit(draft, dialog.id, identityOf(message));
    if (result.ok) return stored(message, state, updated, result.referral.reference, result.created, deps);
    Object.assign(errors, formErrors(result.errors));
  }
  await deps.conversations.set(message.conversationId, { ...state, dialog: updated });
  return { ...textReply(message.conversationId, "action", "Please check the form: some details need changing."), form: referralForm(updated, deps.directory, errors), private: true };
}

async function advance(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, deps: TurnDependencies): Promise<Reply> {
  const next: ReferralDialog = { ...dialog, step: nextStep(dialog.draft, dialog.skipped) };
  await deps.conversations.set(message.conversationId, { ...state, dialog: next });
  return askNext(message, next, deps, false, false);
}

function askNext(message: IncomingMessage, dialog: ReferralDialog, deps: TurnDependencies, asForm: boolean, first: boolean): Reply {
  const intro = "Let's refer them to First Contact Plus. Nothing is saved until you confirm.";
  if (asForm) {
    return { ...textReply(message.conversationId, "make_referral", `${intro} Check the details below, fill in the rest, and send it when the person has agreed.`), form: referralForm(dialog, deps.directory), private: true };
  }
  if (dialog.step === "confirm") {
    const summary = ["Here is the referral:", ...describeDraft(dialog.draft, deps.directory), 'Shall I send it to First Contact Plus? Say "yes" to send, or "cancel".'];
    return { ...textReply(message.conversationId, "make_referral", summary.join("\n")), private: true };
  }
  const opening = first ? `${intro} You can say "cancel" at any time.\n` : "";
  return { ...textReply(message.conversationId, "make_referral", `${opening}${questions[dialog.step]}`), private: true };
}

async function submit(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, deps: TurnDependencies): Promise<Reply> {
  await deps.limits?.take("referral", message.userId);
  const result = await deps.referrals.submit(dialog.draft, dialog.id, identityOf(message));
  if (!result.ok) {
    const [field, problem] = Object.entries(result.errors)[0] ?? ["form", "Something is missing."];
    return { ...textReply(message.conversationId, "make_referral", `I couldn't send it yet: ${problem} (${field})`), private: true };
  }
  return stored(message, state, dialog, result.referral.reference, result.created, deps);
}

async function stored(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, reference: string, created: boolean, deps: TurnDependencies): Promise<Reply> {
  await deps.conversations.set(message.conversationId, { ...state, dialog: { ...dialog, submittedReference: reference } });
  const text = created
    ? `Referral ${reference} has been sent to First Contact Plus. Please give the person this reference in case they call. I'll tell you here when its status changes.`
    : `That referral was already sent as ${reference}; it has not been sent twice.`;
  return { ...textReply(message.conversationId, "make_referral", text), private: true };
}

/** The referral goes no further: First Contact Plus does not cover where the person lives, and their area's front door is named. */
function outsideArea(message: IncomingMessage, area: AreaId, deps: TurnDependencies): Reply {
  return textReply(message.conversationId, "make_referral", outsideFirstContact(area, deps.directory));
}

async function cancel(message: IncomingMessage, state: ConversationState, deps: TurnDependencies): Promise<Reply> {
  await deps.conversations.set(message.conversationId, withoutDialog(state));
  return textReply(message.conversationId, "make_referral", "Cancelled. Nothing was saved.");
}

function withoutDialog(state: ConversationState): ConversationState {
  return state.list ? { list: state.list } : {};
}

/** The store's cross-field errors, placed on a field the form shows. */
function formErrors(errors: Readonly<Record<string, string>>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) placed[field === "contact" ? "phone" : field] = message;
  return placed;
}
