// Signpost web chat: a reply's form (reporting outdated details) as a real form with labels, hints and errors.
/* global document -- a browser global (the project's ESLint config is for Node) */
import { element, nextId } from "./create-element.js";

/** @typedef {import("../../../conversation/reply.js").Form} Form */
/** @typedef {import("./render-actions.js").PressAction} PressAction */

/**
 * A real form with labels, hints, and the bot's errors beside the right fields.
 * @param {Form} form
 * @param {PressAction} press
 * @returns {HTMLFormElement}
 */
export function renderForm(form, press) {
  const titleId = nextId("form-title");
  const node = element("form", { className: "reply-form", attrs: { "aria-labelledby": titleId, "data-testid": "reply-form" } });
  node.append(element("h3", { text: form.title, attrs: { id: titleId } }));
  const errors = form.errors ?? {};
  /** @type {(HTMLInputElement | HTMLTextAreaElement)[]} */
  const controls = [];
  for (const field of form.fields) {
    const controlId = nextId(`field-${field.name}`);
    const wrapper = element("div", { className: "field" });
    wrapper.append(element("label", { text: field.required ? field.label : `${field.label} (optional)`, attrs: { for: controlId } }));
    /** @type {string[]} */
    const describedBy = [];
    if (field.hint) {
      wrapper.append(element("p", { className: "hint", text: field.hint, attrs: { id: `${controlId}-hint` } }));
      describedBy.push(`${controlId}-hint`);
    }
    const error = Object.hasOwn(errors, field.name) ? errors[field.name] : undefined;
    if (error) {
      const message = element("p", { className: "field-error", attrs: { id: `${controlId}-error`, "data-testid": "field-error" } }, [
        element("span", { className: "visually-hidden", text: "Error: " }),
        document.createTextNode(error),
      ]);
      wrapper.append(message);
      describedBy.push(`${controlId}-error`);
    }
    const control = field.kind === "textarea" ? element("textarea", { attrs: { rows: "4" } }) : element("input", { attrs: { type: "text" } });
    control.id = controlId;
    control.name = field.name;
    control.required = field.required;
    if (field.maxLength > 0) control.maxLength = field.maxLength;
    if (describedBy.length > 0) control.setAttribute("aria-describedby", describedBy.join(" "));
    if (error) control.setAttribute("aria-invalid", "true");
    control.value = field.value ?? "";
    wrapper.append(control);
    node.append(wrapper);
    controls.push(control);
  }
  node.append(element("button", { className: "button primary", text: form.submitLabel, attrs: { type: "submit", "data-testid": "form-submit" } }));
  // The browser checks required and maxlength before this runs; the bot checks again and answers with errors.
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    /** @type {Record<string, string>} */
    const fields = {};
    for (const control of controls) fields[control.name] = control.value;
    press(form.submitLabel, { id: "submit_form", value: form.value, fields });
  });
  return node;
}
