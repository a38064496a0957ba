// Signpost web chat: one form field of each kind (text, textarea, select, multiselect, checkbox), labelled,
// with its hint and the bot's error beside it, and a way to read the value back as the string the bot expects.
/* global document -- a browser global (the project's ESLint config is for Node) */
import { element, nextId } from "./create-element.js";
import { renderGroupedChoices } from "./grouped-choices.js";

/** @typedef {import("../../../conversation/reply.js").FormField} FormField */
/** @typedef {{ node: HTMLElement, read: () => string }} RenderedField the field's wrapper, and its value as submitted */

/**
 * @param {FormField} field
 * @param {string | undefined} error the bot's message for this field, if the last submission did not validate
 * @returns {RenderedField}
 */
export function renderField(field, error) {
  switch (field.kind) {
    case "multiselect":
      return renderChoices(field, error);
    case "checkbox":
      return renderCheckbox(field, error);
    default:
      return renderSingle(field, error);
  }
}

/**
 * A labelled text box, text area or select.
 * @param {FormField} field
 * @param {string | undefined} error
 * @returns {RenderedField}
 */
function renderSingle(field, error) {
  const id = nextId(`field-${field.name}`);
  const wrapper = element("div", { className: error ? "field invalid" : "field" });
  wrapper.append(element("label", { text: labelText(field), attrs: { for: id } }));
  const describedBy = addHintAndError(wrapper, id, field.hint, error);
  /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */
  let control;
  if (field.kind === "select") {
    control = element("select");
    const options = field.options ?? [];
    // A blank first choice unless a required field already has a right value: never a silent default (the first area).
    if (!field.required || !options.some((option) => option.value === field.value)) control.append(element("option", { text: "Choose one", attrs: { value: "" } }));
    for (const option of options) control.append(element("option", { text: option.label, attrs: { value: option.value } }));
  } else {
    control = field.kind === "textarea" ? element("textarea", { attrs: { rows: "4" } }) : element("input", { attrs: { type: "text" } });
    if (field.maxLength > 0) control.maxLength = field.maxLength;
  }
  control.id = id;
  control.name = field.name;
  control.required = field.required;
  describe(control, describedBy, error);
  control.value = field.value ?? "";
  wrapper.append(control);
  return { node: wrapper, read: () => control.value };
}

/**
 * A group of checkboxes, one per option, in a fieldset whose legend is the field's label.
 * Ticked from the comma-separated value; read back as the ticked values, comma-separated, in the options' order.
 * @param {FormField} field
 * @param {string | undefined} error
 * @returns {RenderedField}
 */
function renderChoices(field, error) {
  const id = nextId(`field-${field.name}`);
  const fieldset = element("fieldset", { className: error ? "field choices invalid" : "field choices", attrs: { id } });
  fieldset.append(element("legend", { text: labelText(field) }));
  const describedBy = addHintAndError(fieldset, id, field.hint ?? "Tick all that apply.", error);
  if (describedBy.length > 0) fieldset.setAttribute("aria-describedby", describedBy.join(" "));
  const ticked = new Set((field.value ?? "").split(",").map((value) => value.trim()).filter(Boolean));
  const options = field.options ?? [];
  if (options.some((option) => option.group !== undefined)) {
    // A long list in groups (the needs): a filter box and a <details> per group, instead of a wall of checkboxes.
    const grouped = renderGroupedChoices(id, field.name, options, ticked, error !== undefined, checkbox);
    fieldset.classList.add("grouped");
    fieldset.append(...grouped.nodes);
    return { node: fieldset, read: () => grouped.boxes.filter((box) => box.checked).map((box) => box.value).join(",") };
  }
  const list = element("div", { className: "choice-list" });
  /** @type {HTMLInputElement[]} */
  const boxes = [];
  for (const option of options) {
    const box = checkbox(nextId(`${id}-option`), field.name, option.value, ticked.has(option.value));
    if (error) box.setAttribute("aria-invalid", "true");
    list.append(element("div", { className: "choice" }, [box, element("label", { text: option.label, attrs: { for: box.id } })]));
    boxes.push(box);
  }
  fieldset.append(list);
  return { node: fieldset, read: () => boxes.filter((box) => box.checked).map((box) => box.value).join(",") };
}

/**
 * One labelled checkbox ("The person has agreed to this referral"): "true" when ticked, "" when not.
 * @param {FormField} field
 * @param {string | undefined} error
 * @returns {RenderedField}
 */
function renderCheckbox(field, error) {
  const id = nextId(`field-${field.name}`);
  const wrapper = element("div", { className: error ? "field invalid" : "field" });
  const describedBy = addHintAndError(wrapper, id, field.hint, error);
  const box = checkbox(id, field.name, "true", field.value === "true");
  box.required = field.required;
  describe(box, describedBy, error);
  wrapper.append(element("div", { className: "choice" }, [box, element("label", { text: labelText(field), attrs: { for: id } })]));
  return { node: wrapper, read: () => (box.checked ? "true" : "") };
}

/**
 * @param {string} id
 * @param {string} name
 * @param {string} value
 * @param {boolean} checked
 * @returns {HTMLInputElement}
 */
function checkbox(id, name, value, checked) {
  const box = element("input", { attrs: { type: "checkbox" } });
  box.id = id;
  box.name = name;
  box.value = value;
  box.checked = checked;
  return box;
}

/**
 * The label, marked "(optional)" unless the field is required, is one of a group of which one is needed
 * (phone, email or address), or its label says so already: nothing that is needed is marked optional.
 * @param {FormField} field
 * @returns {string}
 */
function labelText(field) {
  return field.required || field.oneOf !== undefined || /\(optional\)\s*$/i.test(field.label) ? field.label : `${field.label} (optional)`;
}

/**
 * Appends the hint and the error (in that order, before the control) and returns their ids.
 * @param {HTMLElement} parent
 * @param {string} id the control's or the fieldset's id
 * @param {string | undefined} hint
 * @param {string | undefined} error
 * @returns {string[]}
 */
function addHintAndError(parent, id, hint, error) {
  /** @type {string[]} */
  const ids = [];
  if (hint) {
    parent.append(element("p", { className: "hint", text: hint, attrs: { id: `${id}-hint` } }));
    ids.push(`${id}-hint`);
  }
  if (error) {
    parent.append(
      element("p", { className: "field-error", attrs: { id: `${id}-error`, "data-testid": "field-error" } }, [
        element("span", { className: "visually-hidden", text: "Error: " }),
        document.createTextNode(error),
      ]),
    );
    ids.push(`${id}-error`);
  }
  return ids;
}

/**
 * @param {HTMLElement} control
 * @param {string[]} describedBy
 * @param {string | undefined} error
 */
function describe(control, describedBy, error) {
  if (describedBy.length > 0) control.setAttribute("aria-describedby", describedBy.join(" "));
  if (error) control.setAttribute("aria-invalid", "true");
}
