// Signpost web chat: says who the page is talking for (signed in as a name, or trial mode on this computer),
// with a way to sign out, or to sign in when the session has ended.
/* global window -- a browser global (the project's ESLint config is for Node) */
import { signOut } from "./api-client.js";
import { element } from "./create-element.js";
import { signInHref } from "./message-log.js";

/** @typedef {import("./api-client.js").SessionInfo} SessionInfo */

/**
 * Fills the bar under the heading, and the notice above it, for this session.
 * @param {HTMLElement} bar
 * @param {HTMLElement} notice
 * @param {SessionInfo} session
 */
export function showSession(bar, notice, session) {
  bar.replaceChildren();
  if ("unavailable" in session) {
    bar.append(element("p", { text: session.unavailable }));
    return;
  }
  if ("signedOut" in session) {
    bar.append(element("p", {}, [element("a", { className: "button primary", text: "Sign in", attrs: { href: signInHref(), "data-testid": "sign-in" } })]));
    return;
  }
  const roles = session.roles.length > 0 ? ` (${session.roles.join(", ")})` : "";
  if (session.mode === "trial") {
    // Nothing to sign out of: the identity is this browser's, on this computer only.
    bar.append(element("p", { text: `Trial mode on this computer: no sign-in${roles}.` }));
    return;
  }
  notice.textContent = "Only you and the teams you refer to see the details you give here.";
  const who = `Signed in as ${session.name ?? "you"}`;
  const button = element("button", { className: "button secondary", text: "Sign out", attrs: { type: "button", "data-testid": "sign-out" } });
  button.addEventListener("click", () => {
    button.disabled = true;
    void signOut().then(
      () => window.location.reload(),
      () => {
        button.disabled = false;
      },
    );
  });
  bar.append(element("p", { text: `${who}${roles}.` }), button);
}
