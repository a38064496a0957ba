// Signpost web chat: one service card, with contact links made only from values of a safe shape.
/* global document -- a browser global (the project's ESLint config is for Node) */
import { element, nextId } from "./create-element.js";
import { renderActions } from "./render-actions.js";

/** @typedef {import("../../../conversation/reply.js").ServiceCard} ServiceCard */
/** @typedef {import("./render-actions.js").PressAction} PressAction */

/**
 * @param {ServiceCard} card
 * @param {PressAction} press
 * @returns {HTMLElement}
 */
export function renderCard(card, press) {
  const headingId = nextId("card");
  const article = element("article", { className: "card", attrs: { "data-testid": "service-card", "aria-labelledby": headingId } });
  article.append(element("h3", { className: "card-name", text: card.name, attrs: { id: headingId } }));
  if (card.organization && card.organization !== card.name) article.append(element("p", { className: "card-org", text: card.organization }));
  if (card.summary) article.append(element("p", { className: "card-summary", text: card.summary }));

  const details = element("dl", { className: "card-details" });
  addDetail(details, card.matched.length === 1 ? "Matched need" : "Matched needs", card.matched.map((need) => need.label).join(", "));
  addDetail(details, "Why it matched", card.why);
  addDetail(details, "How to refer", card.howToRefer);
  addDetail(details, "Contact", renderContact(card.contact));
  const helps = card.needs.map((need) => need.label).join(", ");
  addDetail(details, "Helps with", helps && card.needsNote ? `${helps} (${card.needsNote})` : helps);
  addDetail(details, "Areas", card.areas.map((area) => area.name).join(", "));
  article.append(details);

  const when = element("time", { text: card.lastVerifiedText, attrs: card.lastVerified ? { datetime: card.lastVerified } : {} });
  const verified = card.verifiedBy ? `Verified by ${card.verifiedBy} on ` : "Last verified: ";
  article.append(element("p", { className: "card-verified" }, [document.createTextNode(verified), when]));
  if (card.source) article.append(element("p", { className: "card-source", text: `Source: ${card.source}` }));
  if (card.actions.length > 0) article.append(renderActions(card.actions, "card-action", card.name, press));
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
