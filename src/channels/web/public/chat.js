// Signpost web chat: sends each message or button press to POST /api/chat and
// renders the Reply. Every piece of text goes in through textContent or DOM
// APIs, never innerHTML, so nothing in a reply or in the directory can add markup.
// Plain browser JavaScript, type-checked against the Reply contract (tsconfig.json here).
/* global document, sessionStorage, crypto, fetch -- browser globals (the project's ESLint config is for Node) */
"use strict";

/** @typedef {import("../../../conversation/reply.js").Reply} Reply */
/** @typedef {import("../../../conversation/reply.js").ServiceCard} ServiceCard */
/** @typedef {import("../../../conversation/reply.js").ReplyAction} ReplyAction */
/** @typedef {import("../../../conversation/reply.js").Form} Form */
/** @typedef {import("../../../conversation/incoming-message.js").ActionRequest} ActionRequest */
/** @typedef {{ conversationId: string, userId: string, text: string } | { conversationId: string, userId: string, action: ActionRequest }} ChatRequest */
/** @typedef {{ className?: string, text?: string, attrs?: Readonly<Record<string, string>> }} ElementOptions */

(function signpostChat() {
  const log = byId("log", HTMLDivElement);
  const status = byId("status", HTMLParagraphElement);
  const composer = byId("composer", HTMLFormElement);
  const input = byId("message-input", HTMLInputElement);
  const send = byId("send", HTMLButtonElement);

  const conversationId = sessionValue("signpost.conversationId");
  const userId = sessionValue("signpost.userId");
  let busy = false;
  let uniqueCounter = 0;

  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || busy) return;
    addUserMessage(text);
    input.value = "";
    void exchange({ conversationId, userId, text }, true);
  });

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
   * One id per browser tab, kept for the life of the tab.
   * @param {string} key
   * @returns {string}
   */
  function sessionValue(key) {
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

  /**
   * @param {string} prefix
   * @returns {string}
   */
  function nextId(prefix) {
    uniqueCounter += 1;
    return `${prefix}-${uniqueCounter}`;
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
    try {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(message),
      });
      /** @type {unknown} */
      const body = await response.json().catch(() => undefined);
      if (!response.ok) container = addError(errorMessage(body) ?? `Signpost could not answer (error ${response.status}). Please try again.`);
      else if (isReply(body)) container = renderReply(body);
      else container = addError("Signpost sent an answer this page cannot read. Please try again.");
    } catch {
      container = addError("Signpost could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
    container.scrollIntoView({ block: "start" });
    const invalid = container.querySelector("[aria-invalid=true]");
    if (invalid instanceof HTMLElement) invalid.focus({ preventScroll: true });
    else if (backToInput) input.focus({ preventScroll: true });
    else container.focus({ preventScroll: true });
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

  /** @param {boolean} value */
  function setBusy(value) {
    busy = value;
    input.disabled = value;
    send.disabled = value;
    log.setAttribute("aria-busy", String(value));
    status.textContent = value ? "Signpost is answering…" : "";
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {ElementOptions} [options]
   * @param {readonly (Node | undefined)[]} [children]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, options = {}, children = []) {
    const node = document.createElement(tag);
    if (options.className) node.className = options.className;
    if (options.text !== undefined) node.textContent = options.text;
    for (const [name, value] of Object.entries(options.attrs ?? {})) node.setAttribute(name, value);
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /**
   * @param {string} kind
   * @param {string} who
   * @returns {HTMLDivElement}
   */
  function addMessage(kind, who) {
    const container = element("div", { className: `message ${kind}`, attrs: { tabindex: "-1" } }, [element("p", { className: "who", text: who })]);
    log.append(container);
    return container;
  }

  /** @param {string} text */
  function addUserMessage(text) {
    addMessage("user", "You").append(element("p", { className: "said", text }));
  }

  /**
   * @param {string} reason
   * @returns {HTMLDivElement}
   */
  function addError(reason) {
    const container = addMessage("bot error", "Signpost");
    container.setAttribute("data-testid", "error");
    container.append(element("p", { text: reason }));
    return container;
  }

  /**
   * @param {Reply} reply
   * @returns {HTMLDivElement}
   */
  function renderReply(reply) {
    const container = addMessage("bot", "Signpost");
    container.setAttribute("data-testid", "reply");
    const paragraphs = reply.text.map((text) => element("p", { className: "said", text }));
    if (reply.urgent) {
      // The safety net: its text first and prominent, and no service cards.
      container.append(element("div", { className: "urgent", attrs: { role: "alert", "data-testid": "urgent" } }, [element("p", { className: "urgent-title", text: "Urgent" }), ...paragraphs]));
    } else {
      container.append(...paragraphs);
      if (reply.cards.length > 0) container.append(element("div", { className: "cards" }, reply.cards.map(renderCard)));
    }
    if (reply.form) container.append(renderForm(reply.form));
    if (reply.actions.length > 0) container.append(renderActions(reply.actions, "reply-action", undefined));
    return container;
  }

  /**
   * @param {ServiceCard} card
   * @returns {HTMLElement}
   */
  function renderCard(card) {
    const headingId = nextId("card");
    const article = element("article", { className: "card", attrs: { "data-testid": "service-card", "aria-labelledby": headingId } });
    article.append(element("h3", { className: "card-name", text: card.name, attrs: { id: headingId } }));
    if (card.organization && card.organization !== card.name) article.append(element("p", { className: "card-org", text: card.organization }));
    if (card.summary) article.append(element("p", { className: "card-summary", text: card.summary }));

    const details = element("dl", { className: "card-details" });
    addDetail(details, "Why it matched", card.why);
    addDetail(details, "How to refer", card.howToRefer);
    addDetail(details, "Contact", renderContact(card.contact));
    addDetail(details, "Helps with", card.needs.map((need) => need.label).join(", "));
    addDetail(details, "Areas", card.areas.map((area) => area.name).join(", "));
    article.append(details);

    const when = element("time", { text: card.lastVerifiedText, attrs: card.lastVerified ? { datetime: card.lastVerified } : {} });
    article.append(element("p", { className: "card-verified" }, [document.createTextNode("Last verified: "), when]));
    if (card.source) article.append(element("p", { className: "card-source", text: `Source: ${card.source}` }));
    if (card.actions.length > 0) article.append(renderActions(card.actions, "card-action", card.name));
    return article;
  }

  /**
   * @param {HTMLDListElement} list
   * @param {string} term
   * @param {string | Node | undefined} value
   */
  function addDetail(list, term, value) {
    if (!value) return;
    const description = element("dd");
    description.append(value);
    list.append(element("dt", { text: term }), description);
  }

  /**
   * Phone, email and web links; a link is made only from a value of the right shape.
   * @param {ServiceCard["contact"]} contact
   * @returns {HTMLUListElement | undefined}
   */
  function renderContact(contact) {
    /** @type {Node[]} */
    const items = [];
    if (contact.phone) {
      const digits = contact.phone.replace(/[^\d+]/g, "");
      items.push(digits.length >= 3 ? link(`tel:${digits}`, contact.phone, false) : document.createTextNode(contact.phone));
    }
    if (contact.email) {
      const plain = /^[^\s@?#/:]+@[^\s@?#/:]+$/.test(contact.email);
      items.push(plain ? link(`mailto:${contact.email}`, contact.email, false) : document.createTextNode(contact.email));
    }
    if (contact.url) {
      const url = webUrl(contact.url);
      items.push(url ? link(url, contact.url, true) : document.createTextNode(contact.url));
    }
    if (items.length === 0) return undefined;
    return element("ul", { className: "contact" }, items.map((item) => element("li", {}, [item])));
  }

  /**
   * Only http and https: never javascript: or data: from the directory.
   * @param {string} value
   * @returns {string | undefined}
   */
  function webUrl(value) {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * @param {string} href
   * @param {string} text
   * @param {boolean} external
   * @returns {HTMLAnchorElement}
   */
  function link(href, text, external) {
    const anchor = element("a", { text, attrs: { href } });
    if (external) {
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
    }
    return anchor;
  }

  /**
   * Buttons that press an action. On a card the service's name is part of each button's accessible name.
   * @param {readonly ReplyAction[]} actions
   * @param {"card-action" | "reply-action"} testId
   * @param {string | undefined} serviceName
   * @returns {HTMLDivElement}
   */
  function renderActions(actions, testId, serviceName) {
    const group = element("div", { className: "actions", attrs: { role: "group", "aria-label": serviceName ? `Actions for ${serviceName}` : "More options" } });
    for (const action of actions) {
      const said = serviceName ? `${action.label}: ${serviceName}` : action.label;
      const button = element("button", { className: "button secondary", text: action.label, attrs: { type: "button", "data-testid": testId } });
      if (serviceName) button.setAttribute("aria-label", said);
      button.addEventListener("click", () => {
        if (busy) return;
        addUserMessage(said);
        void exchange({ conversationId, userId, action: { id: action.id, value: action.value } }, false);
      });
      group.append(button);
    }
    return group;
  }

  /**
   * A real form with labels, hints, and the bot's errors beside the right fields.
   * @param {Form} form
   * @returns {HTMLFormElement}
   */
  function renderForm(form) {
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
      if (busy) return;
      /** @type {Record<string, string>} */
      const fields = {};
      for (const control of controls) fields[control.name] = control.value;
      addUserMessage(form.submitLabel);
      void exchange({ conversationId, userId, action: { id: "submit_form", value: form.value, fields } }, false);
    });
    return node;
  }
})();
