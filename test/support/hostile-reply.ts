import fc from "fast-check";
import type { ActionId, Form, FormField, Reply, ReplyAction, ServiceCard } from "../../src/conversation/reply.js";
import { hostileText } from "./hostile-text.js";

/**
 * Replies whose every piece of text is hostile (as a directory feed, a form or an echoed message
 * could make it): for the renderers' property tests (decision 0023). Sizes go past the channel
 * limits on purpose: a renderer must cut or page, never send what a platform refuses.
 */
const actionIds: readonly ActionId[] = ["refer", "show_more", "narrow_area", "report_outdated", "details", "submit_form"];

const action: fc.Arbitrary<ReplyAction> = fc.record({ id: fc.constantFrom(...actionIds), label: hostileText, value: hostileText });
const labelled = fc.record({ id: hostileText, label: hostileText });
const url = fc.oneof(hostileText, fc.webUrl(), fc.constantFrom("javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "https://example.org/a?b=<script>"));

const card: fc.Arbitrary<ServiceCard> = fc
  .record({
    id: hostileText,
    name: hostileText,
    organization: hostileText,
    summary: hostileText,
    record: hostileText,
    full: fc.boolean(),
    howToRefer: hostileText,
    phone: fc.option(hostileText, { nil: undefined }),
    email: fc.option(fc.oneof(hostileText, fc.emailAddress()), { nil: undefined }),
    url: fc.option(url, { nil: undefined }),
    needs: fc.array(labelled, { maxLength: 4 }),
    matched: fc.array(labelled, { maxLength: 3 }),
    needsNote: fc.option(hostileText, { nil: undefined }),
    areas: fc.array(fc.record({ id: hostileText, name: hostileText }), { maxLength: 4 }),
    why: hostileText,
    lastVerified: fc.oneof(fc.constant("2026-03-14"), hostileText),
    lastVerifiedText: hostileText,
    verifiedBy: fc.option(hostileText, { nil: undefined }),
    verifiedText: hostileText,
    source: hostileText,
    actions: fc.array(action, { maxLength: 3 }),
  })
  .map(({ phone, email, url: link, needsNote, verifiedBy, ...rest }) => ({
    ...rest,
    contact: { ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }), ...(link === undefined ? {} : { url: link }) },
    ...(needsNote === undefined ? {} : { needsNote }),
    ...(verifiedBy === undefined ? {} : { verifiedBy }),
  }));

const field: fc.Arbitrary<FormField> = fc
  .record({
    // Field names are Signpost's own, never typed.
    name: fc.oneof(fc.constantFrom("person", "nhs_number", "consent", "notes", "needs"), fc.stringMatching(/^[a-z][a-z_]{0,29}$/)),
    label: hostileText,
    kind: fc.constantFrom("text", "textarea", "select", "multiselect", "checkbox"),
    required: fc.boolean(),
    maxLength: fc.integer({ min: 1, max: 3000 }),
    hint: fc.option(hostileText, { nil: undefined }),
    value: fc.option(hostileText, { nil: undefined }),
    options: fc.array(fc.record({ value: hostileText, label: hostileText, group: hostileText }, { requiredKeys: ["value", "label"] }), { minLength: 1, maxLength: 4 }),
    oneOf: fc.option(fc.record({ id: fc.constantFrom("contact"), legend: hostileText, hint: hostileText }), { nil: undefined }),
  })
  .map(({ hint, value, options, oneOf, ...rest }) => ({
    ...rest,
    ...(oneOf === undefined ? {} : { oneOf }),
    ...(hint === undefined ? {} : { hint }),
    ...(value === undefined ? {} : { value }),
    ...(rest.kind === "select" || rest.kind === "multiselect" ? { options } : {}),
  }));

const form: fc.Arbitrary<Form> = fc
  .record({
    id: fc.constantFrom("report_outdated", "referral"),
    title: hostileText,
    submitLabel: hostileText,
    // The service's id or the referral dialog's: made by Signpost, not typed, so of an id's size.
    value: fc.string({ unit: "binary", maxLength: 120 }),
    fields: fc.uniqueArray(field, { minLength: 1, maxLength: 4, selector: (f) => f.name }),
    errors: fc.option(fc.dictionary(hostileText, hostileText, { maxKeys: 3 }), { nil: undefined }),
    note: fc.option(hostileText, { nil: undefined }),
  })
  .map(({ errors, note, ...rest }) => ({ ...rest, ...(errors === undefined ? {} : { errors }), ...(note === undefined ? {} : { note }) }));

export const hostileReply: fc.Arbitrary<Reply> = fc
  .record({
    conversationId: fc.string({ unit: "binary-ascii", maxLength: 80 }),
    intent: fc.constantFrom("find_service", "urgent_help", "make_referral", "action", "unknown"),
    text: fc.array(hostileText, { maxLength: 5 }),
    urgent: fc.boolean(),
    private: fc.boolean(),
    cards: fc.array(card, { maxLength: 6 }),
    actions: fc.array(action, { maxLength: 4 }),
    form: fc.option(form, { nil: undefined, freq: 4 }),
  })
  .map(({ form: shown, ...rest }) => ({ ...rest, ...(shown === undefined ? {} : { form: shown }) }));
