/**
 * A core Form (the referral, "report outdated details") as an Adaptive Card:
 * Input.Text (isMultiline for long answers), Input.ChoiceSet (compact; multi
 * select for needs, sent back comma-separated as the core expects),
 * Input.Toggle for agreement ("true"/"false"), each pre-filled from what the
 * core understood, and each field's error in attention colour right under it.
 * Submitted with Action.Submit; Teams clients that send Action.Execute instead
 * are handled the same way (card-action.ts).
 */
import { fieldLabel, groupHeading, groupStartedBy } from "../../conversation/form-field-labels.js";
import type { Form, FormField } from "../../conversation/reply.js";
import { type AdaptiveCard, adaptiveCard, type CardElement, type Container, type Input, paragraphBlocks, textBlock } from "./adaptive-card.js";
import { fieldPrefix, submitAction } from "./card-action.js";
import { withoutInvisible } from "./plain-text.js";

export interface FormCardOptions {
  /** Paragraphs to show above the form (the core's reply text). */
  readonly intro: readonly string[];
  readonly route?: string;
}

function input(field: FormField): Input {
  const required = field.required ? { isRequired: true, errorMessage: "This is required." } : {};
  // One of a group is needed (phone, email or address): the label names the group; only what is truly optional says so.
  const common = { id: `${fieldPrefix}${field.name}`, label: withoutInvisible(fieldLabel(field, { marksOptional: false })), ...required };
  switch (field.kind) {
    case "text":
    case "textarea":
      return { type: "Input.Text", ...common, maxLength: field.maxLength, ...(field.kind === "textarea" ? { isMultiline: true } : {}), ...(field.value !== undefined ? { value: field.value } : {}) };
    case "select":
    case "multiselect":
      return {
        type: "Input.ChoiceSet",
        ...common,
        style: "compact",
        wrap: true,
        ...(field.kind === "multiselect" ? { isMultiSelect: true } : {}),
        // Adaptive Cards have no option groups: a grouped option (a need) names its group first.
        choices: (field.options ?? []).map((option) => ({ title: withoutInvisible(option.group ? `${option.group}: ${option.label}` : option.label), value: option.value })),
        ...(field.value !== undefined ? { value: field.value } : {}),
      };
    case "checkbox":
      // The toggle's title is its label; a separate label would say it twice.
      return { type: "Input.Toggle", id: common.id, ...required, title: withoutInvisible(field.label), valueOn: "true", valueOff: "false", value: field.value === "true" ? "true" : "false", wrap: true };
  }
}

function fieldElements(fields: readonly FormField[], index: number, error: string | undefined): CardElement[] {
  const field = fields[index]!;
  // A group (one way to contact them) is introduced once, before its first field: its heading, that one is needed, and its hint.
  const group = groupStartedBy(fields, index);
  const elements: CardElement[] = group ? [textBlock(groupHeading(group), { weight: "bolder", spacing: "medium" }), textBlock(group.hint, { isSubtle: true, size: "small", spacing: "none" })] : [];
  elements.push(input(field));
  if (field.hint) elements.push(textBlock(field.hint, { isSubtle: true, size: "small", spacing: "none" }));
  if (error) elements.push(textBlock(error, { color: "attention", spacing: "none" }));
  return elements;
}

export function renderFormCard(form: Form, options: FormCardOptions): AdaptiveCard {
  const errors = form.errors ?? {};
  const names = new Set(form.fields.map((f) => f.name));
  const unplaced = Object.entries(errors).filter(([name]) => !names.has(name));
  const body: CardElement[] = [textBlock(form.title, { size: "medium", weight: "bolder" }), ...options.intro.flatMap((p) => paragraphBlocks(p))];
  if (form.note) body.push(textBlock(form.note, { weight: "bolder" }));
  if (Object.keys(errors).length > 0) {
    const summary: Container = {
      type: "Container",
      style: "attention",
      items: [textBlock("Please check the fields marked below.", { weight: "bolder", color: "attention" }), ...unplaced.map(([, message]) => textBlock(message, { color: "attention" }))],
    };
    body.push(summary);
  }
  form.fields.forEach((field, index) => body.push(...fieldElements(form.fields, index, errors[field.name])));
  const submit = submitAction({ id: "submit_form", label: form.submitLabel, value: form.value }, options.route, "positive");
  return { ...adaptiveCard(body, [submit]), fallbackText: form.title };
}
