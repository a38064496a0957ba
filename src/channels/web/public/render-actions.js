// Signpost web chat: a group of buttons for a reply's or a service card's actions.
import { element } from "./create-element.js";

/** @typedef {import("../../../conversation/reply.js").ReplyAction} ReplyAction */
/** @typedef {import("../../../conversation/incoming-message.js").ActionRequest} ActionRequest */
/** @typedef {(said: string, action: ActionRequest) => void} PressAction shows `said` as the person's message and sends the action */

/**
 * Buttons that press an action. On a card the service's name is part of each button's accessible name.
 * @param {readonly ReplyAction[]} actions
 * @param {"card-action" | "reply-action"} testId
 * @param {string | undefined} serviceName
 * @param {PressAction} press
 * @returns {HTMLDivElement}
 */
export function renderActions(actions, testId, serviceName, press) {
  const group = element("div", { className: "actions", attrs: { role: "group", "aria-label": serviceName ? `Actions for ${serviceName}` : "More options" } });
  for (const action of actions) {
    const said = serviceName ? `${action.label}: ${serviceName}` : action.label;
    const button = element("button", { className: "button secondary", text: action.label, attrs: { type: "button", "data-testid": testId } });
    if (serviceName) button.setAttribute("aria-label", said);
    button.addEventListener("click", () => press(said, { id: action.id, value: action.value }));
    group.append(button);
  }
  return group;
}
