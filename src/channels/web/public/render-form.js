// Signpost web chat: a reply's form (reporting outdated details, a referral) as a real form, one field of each kind.
import { element, nextId } from "./create-element.js";
import { renderField } from "./form-fields.js";

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
  // novalidate: the bot checks every field and answers with all the errors at once, each beside its field
  // (the browser would stop at the first empty box, and cannot require "at least one" of a group of checkboxes).
  // required stays on the controls, so assistive technology still says which fields must be filled in.
  const node = element("form", { className: "reply-form", attrs: { "aria-labelledby": titleId, "data-testid": "reply-form", novalidate: "" } });
  node.append(element("h3", { text: form.title, attrs: { id: titleId } }));
  node.setAttribute("data-form-id", form.id);
  node.setAttribute("data-form-value", form.value);
  if (form.note) node.append(element("p", { className: "form-note", text: form.note, attrs: { "data-testid": "form-note" } }));
  const errors = form.errors ?? {};
  /** @type {{ name: string, read: () => string }[]} */
  const values = [];
  /** The fieldset of the group being filled ("One way to contact them"), while its fields come in a row. */
  /** @type {{ id: string, node: HTMLFieldSetElement } | undefined} */
  let group;
  for (const field of form.fields) {
    const { node: wrapper, read } = renderField(field, Object.hasOwn(errors, field.name) ? errors[field.name] : undefined);
    if (field.oneOf) {
      if (group?.id !== field.oneOf.id) {
        const hintId = nextId("group-hint");
        const fieldset = element("fieldset", { className: "field-group", attrs: { "aria-describedby": hintId, "data-testid": `group-${field.oneOf.id}` } }, [
          element("legend", { text: field.oneOf.legend }),
          element("p", { className: "hint", text: field.oneOf.hint, attrs: { id: hintId } }),
        ]);
        group = { id: field.oneOf.id, node: fieldset };
        node.append(fieldset);
      }
      group.node.append(wrapper);
    } else {
      group = undefined;
      node.append(wrapper);
    }
    values.push({ name: field.name, read });
  }
  node.append(element("button", { className: "button primary", text: form.submitLabel, attrs: { type: "submit", "data-testid": "form-submit" } }));
  node.addEventListener("submit", (event) => {
    event.preventDefault();
    /** @type {Record<string, string>} */
    const fields = {};
    for (const { name, read } of values) fields[name] = read();
    press(form.submitLabel, { id: "submit_form", value: form.value, fields });
  });
  return node;
}
