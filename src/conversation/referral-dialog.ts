import { randomUUID } from "node:crypto";
import { findService } from "../directory/directory.js";
import { firstContactCovers, outsideFirstContact } from "../directory/front-doors.js";
import type { AreaId } from "../directory/ids.js";
import { describeDraft } from "../referrals/describe-referral.js";
import type { Identity } from "../referrals/referral-desk.js";
import type { ReferralDraft } from "../referrals/referral-draft.js";
import { tokenize } from "../text/normalise-text.js";
import type { Understanding, UnderstoodEntities } from "../understanding/understand.js";
import { parseDateOfBirth } from "../referrals/parse-date-of-birth.js";
import type { TurnDependencies } from "./bot-dependencies.js";
import { textReply } from "./build-replies.js";
import type { ConversationState } from "./conversation-state.js";
import type { IncomingMessage } from "./incoming-message.js";
import type { ReferralDialog, ReplacedForm } from "./referral-dialog-state.js";
import { asksReferrerName, readGivenReferrer, referrerFieldNames } from "./given-referrer.js";
import { readReferralForm, referralForm, referralLabels, roundErrors } from "./referral-form.js";
import { isNo, isYes, nextStep, questions, readAnswer } from "./referral-questions.js";
import type { Reply } from "./reply.js";

/** Channels that can show a whole form; the rest are asked one question at a time. */
const channelsWithForms = new Set(["web", "slack", "teams"]);

/** With a form on screen, typed messages are ordinary messages; without one, they answer the dialog. */
export function answersByText(channel: string): boolean {
  return !channelsWithForms.has(channel);
}
const cancelWords = /^(?:cancel|stop|abort|quit referral|never ?mind|forget it|cancel (?:it|that|the referral))$/;
const consentWords = /\b(?:consented|consents|consent|(?:has|have|they|she|he) agreed|agrees|with (?:their|her|his) (?:consent|agreement)|gave (?:consent|permission)|happy to be referred)\b/;
const refusedConsent = /\b(?:not|hasn'?t|hasnt|haven'?t|havent|didn'?t|didnt|doesn'?t|doesnt|no|without|refused|declined)\s+(?:\w+\s+)?(?:consent|consents|consented|agree|agreed|agreement)\b/;

/** The message says the person agreed ("yes he consents"). It is never taken as the referrer's confirmation: they tick the box, or answer the question. */
export function saysAgreed(text: string): boolean {
  const words = tokenize(text).join(" ");
  return consentWords.test(words) && !refusedConsent.test(words);
}

/** How many replaced forms a conversation remembers, to say "replaced" rather than "expired". */
const rememberedForms = 10;

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
  // The needs of the search the referral came from, all of them; from a card outside a search, that service's.
  const needs = entities?.needs.length ? entities.needs : searchNeeds.length > 0 ? searchNeeds : (service?.needs ?? []);
  const areas = entities?.areas.length ? entities.areas : (list?.search.areas ?? []);
  const age = entities?.age ?? list?.search.age ?? null;
  // No consent is read from the message: the referrer ticks the box (or answers the question) themselves.
  const draft: ReferralDraft = {
    ...(entities?.person ? { person: entities.person } : {}),
    ...(areas.length === 1 ? { area: areas[0]! } : {}),
    ...(needs.length > 0 ? { needs: [...needs] } : {}),
    ...(age !== null ? { age } : {}),
    ...(entities?.nhsNumber ? { nhsNumber: entities.nhsNumber } : {}),
    ...(entities?.urgency ? { urgency: entities.urgency } : {}),
    ...(service ? { suggestedServices: [service.id] } : list?.onScreen.length ? { suggestedServices: list.onScreen } : {}),
  };
  // Someone living where First Contact Plus does not reach is pointed to their own front door, before any details are taken.
  if (draft.area !== undefined && !firstContactCovers(draft.area, deps.directory)) return outsideArea(message, draft.area, deps);
  const previous = state?.dialog;
  // The referrer gives their name once (trial mode): a new form shows what they gave in the last one.
  const given = referrerEntries(previous?.entries);
  const dialog: ReferralDialog = { id: randomUUID(), draft, step: nextStep(draft, []), skipped: [], ...(Object.keys(given).length > 0 ? { entries: given } : {}) };
  const replacing = previous !== undefined && !previous.submittedReference;
  const replaced: ReplacedForm[] = previous ? [{ id: previous.id, ...(previous.submittedReference ? { reference: previous.submittedReference } : {}) }, ...(state?.replaced ?? [])] : [...(state?.replaced ?? [])];
  await deps.conversations.set(message.conversationId, { ...state, dialog, replaced: replaced.slice(0, rememberedForms) });
  const agreed = from.text !== undefined && saysAgreed(from.text);
  return askNext(message, dialog, deps, channelsWithForms.has(message.channel), true, { replacing, agreed });
}

/** A submission of a referral form that is no longer the live one: it was replaced by a newer form, or already sent. Nothing is saved. */
export function replacedFormReply(message: IncomingMessage, state: ConversationState | undefined, dialogId: string): Reply | undefined {
  const replaced = state?.replaced?.find((form) => form.id === dialogId);
  if (!replaced) return undefined;
  const text = replaced.reference
    ? `That form was already sent as ${replaced.reference}; nothing more was saved from it.`
    : "That referral form was replaced by a newer one, so nothing was saved from it. Please use the newest form.";
  return { ...textReply(message.conversationId, "action", text), private: true };
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
  const answer = readAnswer(step, text, deps.directory, deps.clock.now());
  if (!answer.ok) return { ...textReply(message.conversationId, "make_referral", `${answer.message}\n${questions[step]}`), private: true };
  if (answer.patch.area !== undefined && !firstContactCovers(answer.patch.area, deps.directory)) {
    await deps.conversations.set(message.conversationId, withoutDialog(state));
    return outsideArea(message, answer.patch.area, deps);
  }
  return advance(message, state, { ...dialog, draft: { ...dialog.draft, ...answer.patch }, skipped: answer.skip ? [...dialog.skipped, answer.skip] : dialog.skipped }, deps);
}

/**
 * A submitted referral form: every error at once (each field's own, and what
 * the referral as a whole lacks, from the store's one schema), each beside its
 * field, with every entry kept as typed; stored when all is well. A form
 * already sent is not checked again.
 */
export async function submitReferralForm(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, fields: Readonly<Record<string, string>>, deps: TurnDependencies): Promise<Reply> {
  if (dialog.submittedReference) return stored(message, state, dialog, dialog.submittedReference, false, deps);
  const { draft, errors: own, entries } = readReferralForm(fields, dialog.draft, deps.clock.now());
  // In trial mode the referrer's name is theirs to give, shown to triage as given, never taken as who they are.
  const given = asksReferrerName(message) ? readGivenReferrer(fields) : undefined;
  const identity = { ...identityOf(message), ...(given?.displayName ? { givenName: given.displayName } : {}) };
  const errors = { ...given?.errors, ...roundErrors(own, deps.referrals.problems(draft, identity)) };
  const updated: ReferralDialog = { ...dialog, draft, entries };
  if (Object.keys(errors).length === 0) {
    await deps.limits?.take("referral", message.userId);
    const result = await deps.referrals.submit(draft, dialog.id, identity);
    if (result.ok) return stored(message, state, updated, result.referral.reference, result.created, deps);
    Object.assign(errors, roundErrors({}, result.errors));
  }
  await deps.conversations.set(message.conversationId, { ...state, dialog: updated });
  const count = Object.keys(errors).length;
  const intro = `Please check the form: ${count === 1 ? "1 thing needs" : `${count} things need`} changing, each shown beside its field. Everything you typed is still there.`;
  return { ...textReply(message.conversationId, "action", intro), form: referralForm(updated, deps.directory, errors, undefined, asksReferrerName(message)), private: true };
}

/**
 * Text typed while a referral form is open. Details for the form ("he's 70,
 * lives in Belgrave") go into it, and the form comes back filled; "yes he
 * consents" is answered with a reminder to tick the box, and no new form.
 * Anything else (a search, a question) is left to the rest of the bot.
 */
export async function answerOpenForm(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, understood: Understanding, deps: TurnDependencies): Promise<Reply | undefined> {
  const text = message.text ?? "";
  if (understood.intent === "urgent_help") return undefined;
  const asksToRefer = /\brefer/i.test(text);
  if (saysAgreed(text) && !asksToRefer) {
    const reminder = `Thank you. Please tick "${referralLabels.consent}" in the form yourself when you send it: I never tick it for you. The form above is still open.`;
    return { ...textReply(message.conversationId, "make_referral", reminder), private: true };
  }
  // "refer someone else" opens a new form (replacing this one); a reference or "my referrals" is answered as ever.
  if ((understood.intent === "make_referral" && asksToRefer) || understood.intent === "referral_status" || understood.intent === "list_referrals") return undefined;
  const patch = detailsFor(understood.entities, text, deps.clock.now());
  // A message naming needs reads as a search; one with only details about the person is for the form.
  if (Object.keys(patch).length === 0 || understood.entities.needs.length > 0) return undefined;
  const entries = Object.fromEntries(Object.entries(dialog.entries ?? {}).filter(([name]) => !Object.hasOwn(patch, name)));
  const updated: ReferralDialog = { ...dialog, draft: { ...dialog.draft, ...patch }, entries };
  await deps.conversations.set(message.conversationId, { ...state, dialog: updated });
  const added = describeDraft(patch, deps.directory).filter((line) => !/: (?:-|not given)$/.test(line));
  const outside = patch.area !== undefined && !firstContactCovers(patch.area, deps.directory) ? { area: outsideFirstContact(patch.area, deps.directory) } : undefined;
  const intro = [`I've put that in the referral form: ${added.join("; ")}. Please check it below; it replaces the form above.`, ...(outside ? [outside.area] : [])].join("\n");
  return { ...textReply(message.conversationId, "make_referral", intro), form: referralForm(updated, deps.directory, outside, undefined, asksReferrerName(message)), private: true };
}

/** The details a typed message gives for the form: the person, their age or date of birth, where they live, an NHS number, a phone or email. */
function detailsFor(entities: UnderstoodEntities, text: string, today: Date): ReferralDraft {
  const phone = /(?<![\d])(?:\+44\s?|0)\d[\d\s-]{8,12}\d(?![\d])/.exec(text)?.[0];
  const email = /[^\s@]+@[^\s@]+\.[^\s@]+/.exec(text)?.[0];
  const born = /\b(?:born|dob|d\.o\.b\.?|date of birth)\s*:?\s*(.+?)(?:[.;]|$)/i.exec(text)?.[1];
  const dateOfBirth = born ? parseDateOfBirth(born, today) : undefined;
  // "he's 70", "she is 84": how an age is said about the person already being referred.
  const said = /\b(?:he'?s|she'?s|they'?re|he is|she is|they are)\s+(\d{1,3})\b(?!\s*(?:%|mg|kg|am|pm|:))/i.exec(text)?.[1];
  const age = entities.age ?? (said !== undefined && Number(said) <= 120 ? Number(said) : null);
  return {
    ...(entities.person ? { person: entities.person } : {}),
    ...(age !== null ? { age } : {}),
    ...(dateOfBirth?.ok ? { dateOfBirth: dateOfBirth.iso } : {}),
    ...(entities.areas.length === 1 ? { area: entities.areas[0]! } : {}),
    ...(entities.nhsNumber ? { nhsNumber: entities.nhsNumber } : {}),
    ...(entities.urgency ? { urgency: entities.urgency } : {}),
    ...(phone && !entities.nhsNumber ? { phone: phone.replace(/[\s-]/g, "").replace(/^\+44/, "0") } : {}),
    ...(email ? { email } : {}),
  };
}

async function advance(message: IncomingMessage, state: ConversationState, dialog: ReferralDialog, deps: TurnDependencies): Promise<Reply> {
  const next: ReferralDialog = { ...dialog, step: nextStep(dialog.draft, dialog.skipped) };
  await deps.conversations.set(message.conversationId, { ...state, dialog: next });
  return askNext(message, next, deps, false, false);
}

function askNext(message: IncomingMessage, dialog: ReferralDialog, deps: TurnDependencies, asForm: boolean, first: boolean, opened: { replacing?: boolean; agreed?: boolean } = {}): Reply {
  const intro = "Let's refer them to First Contact Plus. Nothing is saved until you confirm.";
  if (asForm) {
    const agreed = opened.agreed ? ` You said they have agreed: please tick "${referralLabels.consent}" yourself before you send it.` : " Send it when the person has agreed.";
    const note = opened.replacing ? "This form replaces the referral form above: nothing was saved from that one." : undefined;
    return { ...textReply(message.conversationId, "make_referral", `${intro} Check the details below and fill in the rest.${agreed}`), form: referralForm(dialog, deps.directory, undefined, note, asksReferrerName(message)), private: true };
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
  // The entries as typed are not needed any more; the draft stays until the conversation expires, for "already sent".
  // Only the referrer's own name (trial mode) is kept, so the next form need not ask for it again.
  const given = referrerEntries(dialog.entries);
  const sent: ReferralDialog = { id: dialog.id, draft: dialog.draft, step: dialog.step, skipped: dialog.skipped, submittedReference: reference, ...(Object.keys(given).length > 0 ? { entries: given } : {}) };
  // The referral is stored, so it is acknowledged even when the conversation cannot be written: sending the form
  // again then finds it by the form's id ("already sent as …"), rather than the person being told nothing was saved.
  await deps.conversations.set(message.conversationId, { ...state, dialog: sent }).catch(() => undefined);
  if (!created) return { ...textReply(message.conversationId, "make_referral", `That referral was already sent as ${reference}; it has not been sent twice.`), private: true };
  // What was sent, said back, without the NHS number (it is with First Contact Plus; nobody needs to read it again here).
  const { nhsNumber, ...shown } = dialog.draft;
  const lines = describeDraft(shown, deps.directory).map((line) => (line.startsWith("NHS number:") ? `NHS number: ${nhsNumber ? "given (not repeated here)" : "not given"}` : line));
  const text = [
    `Referral ${reference} has been sent to First Contact Plus. Please give the person this reference in case they call. I'll tell you here when its status changes.`,
    "What was sent:",
    ...lines,
  ].join("\n");
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

/** The conversation without its dialog: everything else it remembers (the list, replaced forms, front doors said) stays. */
function withoutDialog(state: ConversationState): ConversationState {
  return Object.fromEntries(Object.entries(state).filter(([key]) => key !== "dialog"));
}

/** The referrer's own entries (their name and role, given in trial mode) from a form's, for the next form. */
function referrerEntries(entries: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const names: readonly string[] = Object.values(referrerFieldNames);
  return Object.fromEntries(Object.entries(entries ?? {}).filter(([name, value]) => names.includes(name) && value.trim() !== ""));
}
