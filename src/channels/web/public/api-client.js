// Signpost web chat: POSTs one message to /api/chat and turns the answer into a Reply or a clear error message,
// and fetches the conversation's unread notifications from /api/chat/inbox.
/* global fetch -- a browser global (the project's ESLint config is for Node) */

/** @typedef {import("../../../conversation/reply.js").Reply} Reply */
/** @typedef {import("../../../conversation/incoming-message.js").ActionRequest} ActionRequest */
/** @typedef {{ conversationId: string, text: string } | { conversationId: string, action: ActionRequest }} ChatRequest */
/** @typedef {{ reply: Reply } | { error: string, signIn?: boolean }} ChatAnswer */
/** @typedef {{ mode: "trial" | "signed-in", name?: string, roles: string[] } | { signedOut: true, signInAvailable: boolean } | { unavailable: string }} SessionInfo */

/** What to show when the request fails before any answer arrives. */
export const unreachableMessage = "Signpost could not be reached. Check your connection and try again.";

/**
 * Sends one message. Resolves with the Reply, or with the error to show; rejects only if Signpost cannot be reached.
 * @param {ChatRequest} message
 * @returns {Promise<ChatAnswer>}
 */
export async function postChat(message) {
  const response = await fetch("/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(message),
  });
  /** @type {unknown} */
  const body = await response.json().catch(() => undefined);
  if (response.status === 401) return { error: errorMessage(body) ?? "Please sign in to use Signpost.", signIn: true };
  if (!response.ok) return { error: errorMessage(body) ?? `Signpost could not answer (error ${response.status}). Please try again.` };
  if (isReply(body)) return { reply: body };
  return { error: "Signpost sent an answer this page cannot read. Please try again." };
}

/**
 * @param {unknown} body
 * @returns {string | undefined}
 */
function errorMessage(body) {
  if (typeof body !== "object" || body === null || !("error" in body)) return undefined;
  const error = body.error;
  if (typeof error !== "object" || error === null || !("message" in error)) return undefined;
  return typeof error.message === "string" && error.message ? error.message : undefined;
}

/**
 * The shape this page relies on; the server is trusted for the rest.
 * @param {unknown} body
 * @returns {body is Reply}
 */
function isReply(body) {
  if (typeof body !== "object" || body === null) return false;
  return "text" in body && Array.isArray(body.text) && "cards" in body && Array.isArray(body.cards) && "actions" in body && Array.isArray(body.actions);
}

/**
 * The conversation's unread notifications, oldest first (the server marks them read as it returns them).
 * Rejects on any failure, which the caller handles quietly.
 * @param {string} conversationId
 * @returns {Promise<string[]>}
 */
export async function getInbox(conversationId) {
  const response = await fetch(`/api/chat/inbox?conversationId=${encodeURIComponent(conversationId)}`, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`The inbox answered ${response.status}.`);
  /** @type {unknown} */
  const body = await response.json();
  if (typeof body !== "object" || body === null || !("messages" in body) || !Array.isArray(body.messages)) throw new Error("The inbox sent an answer this page cannot read.");
  /** @type {unknown[]} */
  const messages = body.messages;
  return messages.filter(isText);
}

/**
 * @param {unknown} value
 * @returns {value is string}
 */
function isText(value) {
  return typeof value === "string" && value !== "";
}

/**
 * Who this page is talking for: the session (trial or signed in), signed out, or a sentence saying why neither.
 * @returns {Promise<SessionInfo>}
 */
export async function getSession() {
  const response = await fetch("/api/session", { headers: { Accept: "application/json" }, cache: "no-store" });
  /** @type {unknown} */
  const body = await response.json().catch(() => undefined);
  if (response.status === 401) return { signedOut: true, signInAvailable: true };
  if (!response.ok || typeof body !== "object" || body === null || !("mode" in body)) {
    return { unavailable: errorMessage(body) ?? `Signpost could not say who you are (error ${response.status}).` };
  }
  const mode = body.mode === "signed-in" ? "signed-in" : "trial";
  const name = "name" in body && typeof body.name === "string" ? body.name : undefined;
  const roles = "roles" in body && Array.isArray(body.roles) ? body.roles.filter(isText) : [];
  return name ? { mode, name, roles } : { mode, roles };
}

/**
 * Ends the session on the server; resolves when it is gone.
 * @returns {Promise<void>}
 */
export async function signOut() {
  const response = await fetch("/auth/sign-out", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: "{}" });
  if (!response.ok) throw new Error(`Sign-out answered ${response.status}.`);
}
