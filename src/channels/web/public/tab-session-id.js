// Signpost web chat: the conversation and user ids, random and kept in sessionStorage for the life of the tab.
/* global sessionStorage, crypto -- browser globals (the project's ESLint config is for Node) */

/**
 * One id per browser tab, kept for the life of the tab.
 * @param {string} key
 * @returns {string}
 */
export function sessionValue(key) {
  try {
    const existing = sessionStorage.getItem(key);
    if (existing) return existing;
    const created = randomId();
    sessionStorage.setItem(key, created);
    return created;
  } catch {
    return randomId(); // storage blocked: this page load only
  }
}

/**
 * crypto.randomUUID exists only in secure contexts (https, localhost); elsewhere a v4 UUID from getRandomValues.
 * @returns {string}
 */
function randomId() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
