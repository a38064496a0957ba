/**
 * A Reply's form as a Slack modal: the reply's text at the top, then one input
 * block per field (block_id and action_id are the field's name), pre-filled with
 * what the core already knows. Text fields are plain_text_input (multiline for
 * textareas), selects static_select, multiselects multi_static_select, a
 * checkbox a one-option checkboxes. Title, buttons, labels, options and the
 * block count are kept within Slack's limits by construction.
 */
import type { types } from "@slack/bolt";
import { type FieldGroup, fieldLabel, groupHeading, groupStartedBy } from "../../conversation/form-field-labels.js";
import type { Form, FormField, Reply } from "../../conversation/reply.js";
import { blockKit } from "./block-kit-limits.js";
import { encodeModalMetadata, type ModalMetadata } from "./modal-metadata.js";
import { emphasise, mrkdwnFit, mrkdwnPieces, plain, truncate } from "./slack-text.js";

/** The callback_id of every modal this channel opens. */
export const formCallbackId = "signpost_form";

type Option = types.PlainTextOption;

function option(o: { value: string; label: string }): Option {
  return { text: plain(o.label, blockKit.optionText), value: o.value };
}

type OptionGroup = { label: types.PlainTextElement; options: Option[] };

function selectOptions(field: FormField): { options: Option[] } | { option_groups: OptionGroup[] } {
  const fitting = (field.options ?? []).filter((o) => o.value.length <= blockKit.optionValue);
  // Options that name their group (the needs, by the taxonomy's groups) are shown under it; Slack's menu also filters as you type.
  if (fitting.some((o) => o.group !== undefined)) {
    const labels = [...new Set(fitting.map((o) => o.group ?? "Other"))].slice(0, blockKit.optionsPerSelect);
    return { option_groups: labels.map((label) => ({ label: plain(label, blockKit.optionText), options: fitting.filter((o) => (o.group ?? "Other") === label).slice(0, blockKit.optionsPerSelect).map(option) })) };
  }
  const options = fitting.map(option);
  if (options.length <= blockKit.optionsPerSelect) return { options };
  const groups: OptionGroup[] = [];
  for (let start = 0; start < options.length && groups.length < blockKit.optionsPerSelect; start += blockKit.optionsPerSelect) {
    groups.push({ label: plain(`Choices ${start + 1} onwards`, blockKit.optionText), options: options.slice(start, start + blockKit.optionsPerSelect) });
  }
  return { option_groups: groups };
}

function chosen(field: FormField): Option[] {
  const wanted = new Set((field.value ?? "").split(",").map((v) => v.trim()).filter(Boolean));
  return (field.options ?? []).filter((o) => wanted.has(o.value) && o.value.length <= blockKit.optionValue).map(option);
}

function element(field: FormField): types.InputBlockElement {
  const action_id = field.name;
  switch (field.kind) {
    case "text":
    case "textarea": {
      const max = Math.min(field.maxLength, blockKit.plainTextInputMax);
      return {
        type: "plain_text_input",
        action_id,
        max_length: max,
        ...(field.kind === "textarea" ? { multiline: true } : {}),
        ...(field.value ? { initial_value: truncate(field.value, max) } : {}),
      };
    }
    case "select": {
      const [initial] = chosen(field);
      return { type: "static_select", action_id, ...selectOptions(field), ...(initial ? { initial_option: initial } : {}) };
    }
    case "multiselect": {
      const initial = chosen(field);
      return { type: "multi_static_select", action_id, ...selectOptions(field), ...(initial.length ? { initial_options: initial } : {}) };
    }
    case "checkbox": {
      const yes = { text: plain("Yes", blockKit.optionText), value: "true" };
      return { type: "checkboxes", action_id, options: [yes], ...(field.value === "true" ? { initial_options: [yes] } : {}) };
    }
  }
}

function input(field: FormField): types.InputBlock {
  // Slack marks every optional input "(optional)" itself; one of a group (phone, email or address) must be
  // optional to Slack, so its label names the group, and the group's heading above says one is needed.
  return {
    type: "input",
    block_id: field.name,
    label: plain(fieldLabel(field, { marksOptional: true }), blockKit.inputLabel),
    optional: !field.required,
    element: element(field),
    ...(field.hint ? { hint: plain(field.hint, blockKit.inputHint) } : {}),
  };
}

/** Before a group's first field: its heading, that one is needed, its hint, and why Slack marks each of them optional. */
function groupBlock(group: FieldGroup): types.SectionBlock {
  const heading = emphasise(mrkdwnFit(groupHeading(group), 500), "*");
  const text = `${heading}\n${mrkdwnFit(`${group.hint} Slack marks each of these optional because any one of them will do.`, blockKit.sectionText - heading.length - 1)}`;
  return { type: "section", block_id: `signpost-group-${group.id}`.slice(0, blockKit.blockIdLength), text: { type: "mrkdwn", text } };
}

/** The fields' blocks: an input each, with a group's heading before its first field. */
function fieldBlocks(fields: readonly FormField[]): (types.InputBlock | types.SectionBlock)[] {
  return fields.flatMap((field, index) => {
    const group = groupStartedBy(fields, index);
    return group ? [groupBlock(group), input(field)] : [input(field)];
  });
}

/** The modal for a reply that has a form; `metadata` says where its submission belongs. */
export function renderModal(reply: Reply & { readonly form: Form }, metadata: ModalMetadata): types.ModalView {
  const { form } = reply;
  const inputs = fieldBlocks(form.fields.filter((f) => f.name.length <= blockKit.blockIdLength)).slice(0, blockKit.blocksPerView);
  const room = blockKit.blocksPerView - inputs.length;
  const intro = [...reply.text, ...(form.note ? [form.note] : [])]
    .flatMap((p) => mrkdwnPieces(p, blockKit.sectionText))
    .slice(0, room)
    .map((text, i): types.SectionBlock => ({ type: "section", block_id: `signpost-intro-${i}`, text: { type: "mrkdwn", text } }));
  return {
    type: "modal",
    callback_id: formCallbackId,
    title: plain(form.title, blockKit.modalTitle),
    submit: plain(form.submitLabel, blockKit.modalSubmit),
    close: plain("Cancel", blockKit.modalClose),
    private_metadata: encodeModalMetadata(metadata),
    blocks: [...intro, ...inputs],
  };
}
