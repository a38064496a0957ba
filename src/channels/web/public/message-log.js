// Signpost web chat: adds messages to the conversation log: what the person said, Signpost's replies, notifications and errors.
/* global window -- a browser global (the project's ESLint config is for Node) */
import { element } from "./create-element.js";

/**
 * A new, focusable message at the end of the log, headed with who said it.
 * @param {HTMLElement} log
 * @param {string} kind
 * @param {string} who
 * @returns {HTMLDivElement}
 */
export function addMessage(log, kind, who) {
  const container = element("div", { className: `message ${kind}`, attrs: { tabindex: "-1" } }, [element("p", { className: "who", text: who })]);
  log.append(container);
  return container;
}

/**
 * @param {HTMLElement} log
 * @param {string} text
 */
export function addUserMessage(log, text) {
  addMessage(log, "user", "You").append(element("p", { className: "said", text }));
}

/**
 * @param {HTMLElement} log
 * @param {string} reason
 * @param {boolean} [signIn] the session has ended or never began: offer to sign in
 * @returns {HTMLDivElement}
 */
export function addError(log, reason, signIn = false) {
  const container = addMessage(log, "bot error", "Signpost");
  container.setAttribute("data-testid", "error");
  container.append(element("p", { text: reason }));
  if (signIn) container.append(element("p", {}, [element("a", { text: "Sign in", attrs: { href: signInHref() } })]));
  return container;
}

/**
 * Where signing in starts, coming back to this page afterwards.
 * @returns {string}
 */
export function signInHref() {
  return `/auth/sign-in?return_to=${encodeURIComponent(window.location.pathname)}`;
}

/**
 * A notification from the conversation's inbox ("FC-7K3M9Q has been accepted by ..."), shown as Signpost's message.
 * @param {HTMLElement} log
 * @param {string} text
 * @returns {HTMLDivElement}
 */
export function addNotification(log, text) {
  const container = addMessage(log, "bot notification", "Signpost");
  container.setAttribute("data-testid", "inbox-message");
  container.append(element("p", { className: "said", text }));
  return container;
}
