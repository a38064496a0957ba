// Signpost web chat, the entry module: wires the page's composer and buttons to POST /api/chat and each answer into
// the log, and polls the conversation's inbox for notifications (a referral's status changes).
/* global document, window -- browser globals (the project's ESLint config is for Node) */
import { getInbox, getSession, postChat, unreachableMessage } from "./api-client.js";
import { startInboxPolling } from "./inbox-poller.js";
import { addError, addNotification, addUserMessage } from "./message-log.js";
import { renderReply } from "./render-reply.js";
import { showSession } from "./session-bar.js";
import { sessionValue } from "./tab-session-id.js";

/** @typedef {import("./api-client.js").ChatRequest} ChatRequest */
/** @typedef {import("./render-actions.js").PressAction} PressAction */

const log = byId("log", HTMLDivElement);
const status = byId("status", HTMLParagraphElement);
const composer = byId("composer", HTMLFormElement);
const input = byId("message-input", HTMLInputElement);
const send = byId("send", HTMLButtonElement);

// The tab's own conversation; who is asking is the server's to know, from the session cookie.
const conversationId = sessionValue("signpost.conversationId");
let busy = false;

/** Polling starts once there is a session to poll for (the first request makes one in trial mode). */
let inbox = { pollNow() {} };
void getSession().then(
  (session) => {
    showSession(byId("session-bar", HTMLDivElement), byId("mode-notice", HTMLElement), session);
    if ("mode" in session) inbox = startInboxPolling({ fetchUnread: () => getInbox(conversationId), show: showNotification, busy: () => busy });
  },
  () => undefined,
);

composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text || busy) return;
  addUserMessage(log, text);
  input.value = "";
  void exchange({ conversationId, text }, true);
});

/**
 * A button or a reply's form was used: say so in the log and send the action (unless an answer is awaited).
 * @type {PressAction}
 */
function press(said, action) {
  if (busy) return;
  addUserMessage(log, said);
  void exchange({ conversationId, action }, false);
}

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`The page is missing #${id}.`);
  return node;
}

/**
 * Sends one message, shows the reply (or a clear error) and re-enables the composer.
 * @param {ChatRequest} message
 * @param {boolean} backToInput after the reply, focus the text box (typed messages) or the reply (button presses)
 */
async function exchange(message, backToInput) {
  setBusy(true);
  /** @type {HTMLElement} */
  let container;
  let replied = false;
  try {
    const answer = await postChat(message);
    replied = "reply" in answer;
    container = "reply" in answer ? renderReply(log, answer.reply, press) : addError(log, answer.error, answer.signIn === true);
  } catch {
    container = addError(log, unreachableMessage);
  } finally {
    setBusy(false);
  }
  container.scrollIntoView({ block: "start" });
  const invalid = container.querySelector("[aria-invalid=true]");
  if (invalid instanceof HTMLElement) invalid.focus({ preventScroll: true });
  else if (backToInput) input.focus({ preventScroll: true });
  else container.focus({ preventScroll: true });
  if (replied) inbox.pollNow();
}

/**
 * A notification joins the log (whose aria-live announces it) without taking focus; it is scrolled to only when
 * the person is already at the end of the conversation, so reading further up is not interrupted.
 * @param {string} text
 */
function showNotification(text) {
  const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 80;
  const container = addNotification(log, text);
  if (atEnd) container.scrollIntoView({ block: "nearest" });
}

/** @param {boolean} value */
function setBusy(value) {
  busy = value;
  input.disabled = value;
  send.disabled = value;
  log.setAttribute("aria-busy", String(value));
  status.textContent = value ? "Signpost is answering…" : "";
}
