// Signpost web chat: one whole Reply in the log: its text (urgent first and alone), service cards, form and buttons,
// and a note on a private reply (one that holds personal data) that only the person who asked can see it.
import { element } from "./create-element.js";
import { addMessage } from "./message-log.js";
import { renderActions } from "./render-actions.js";
import { renderCard } from "./render-card.js";
import { renderForm } from "./render-form.js";

/** @typedef {import("../../../conversation/reply.js").Reply} Reply */
/** @typedef {import("./render-actions.js").PressAction} PressAction */

/**
 * @param {HTMLElement} log
 * @param {Reply} reply
 * @param {PressAction} press what a button or the form does when used
 * @returns {HTMLDivElement}
 */
export function renderReply(log, reply, press) {
  const container = addMessage(log, "bot", "Signpost");
  container.setAttribute("data-testid", "reply");
  if (reply.private) {
    container.classList.add("private");
    container.append(element("p", { className: "private-note", text: "Only you can see this.", attrs: { "data-testid": "private-note" } }));
  }
  const paragraphs = reply.text.map((text) => element("p", { className: "said", text }));
  if (reply.urgent) {
    // The safety net: its text first and prominent, and no service cards.
    container.append(element("div", { className: "urgent", attrs: { role: "alert", "data-testid": "urgent" } }, [element("p", { className: "urgent-title", text: "Urgent" }), ...paragraphs]));
  } else {
    container.append(...paragraphs);
    if (reply.cards.length > 0) container.append(element("div", { className: "cards" }, reply.cards.map((card) => renderCard(card, press))));
  }
  if (reply.form) {
    const form = renderForm(reply.form, press);
    if (reply.form.id === "referral") retireOlderForms(log, form);
    container.append(form);
  }
  if (reply.actions.length > 0) container.append(renderActions(reply.actions, "reply-action", undefined, press));
  return container;
}

/**
 * One live referral form at a time: every older one in the log is switched off and says so. What the person typed
 * into an older form of the same referral and had not sent yet is carried into the new one where it has nothing,
 * except the agreement box, which is only ever ticked by hand in the live form.
 * @param {HTMLElement} log
 * @param {HTMLFormElement} live
 */
function retireOlderForms(log, live) {
  for (const old of log.querySelectorAll('form[data-form-id="referral"]')) {
    if (!(old instanceof HTMLFormElement) || old.dataset.retired === "true") continue;
    if (old.dataset.formValue === live.dataset.formValue) carryOver(old, live);
    old.dataset.retired = "true";
    for (const control of old.querySelectorAll("input, select, textarea, button")) control.setAttribute("disabled", "");
    old.prepend(element("p", { className: "form-note", text: "This form was replaced by a newer one below. Nothing is sent from it.", attrs: { "data-testid": "form-retired" } }));
  }
}

/**
 * @param {HTMLFormElement} from
 * @param {HTMLFormElement} to
 */
function carryOver(from, to) {
  for (const control of from.querySelectorAll("input[type=text], textarea")) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) || control.value === "") continue;
    const target = to.querySelector(`[name="${control.name}"]:not([type=checkbox])`);
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value === "") target.value = control.value;
  }
}
