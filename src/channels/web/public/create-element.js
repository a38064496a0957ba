// Signpost web chat: builds elements with text and attributes through DOM APIs only, and unique ids for them.
/* global document -- a browser global (the project's ESLint config is for Node) */

/** @typedef {{ className?: string, text?: string, attrs?: Readonly<Record<string, string>> }} ElementOptions */

let uniqueCounter = 0;

/**
 * A new element. Text goes in through textContent, never innerHTML, so nothing in a reply or in the directory can add markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {ElementOptions} [options]
 * @param {readonly (Node | undefined)[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/**
 * An id no other element on the page has, for labels and aria references.
 * @param {string} prefix
 * @returns {string}
 */
export function nextId(prefix) {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}
