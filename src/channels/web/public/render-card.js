// Signpost web chat: one service card, with contact links made only from values of a safe shape.
/* global document -- a browser global (the project's ESLint config is for Node) */
import { element, nextId } from "./create-element.js";
import { renderActions } from "./render-actions.js";

/** @typedef {import("../../../conversation/reply.js").ServiceCard} ServiceCard */
/** @typedef {import("./render-actions.js").PressAction} PressAction */

/**
 * A compact card (name, organisation, why it matched, how to refer, one way to get in touch and when it was last
 * verified) whose full record opens in place: a native <details> disclosure, which every browser and screen reader
 * already knows how to open with the keyboard. The "More about this" card (card.full) is the record shown open.
 * @param {ServiceCard} card
 * @param {PressAction} press
 * @returns {HTMLElement}
 */
export function renderCard(card, press) {
  const headingId = nextId("card");
  const article = element("article", { className: "card", attrs: { "data-testid": "service-card", "aria-labelledby": headingId } });
  article.append(element("h3", { className: "card-name", text: card.name, attrs: { id: headingId } }));
  if (card.organization && card.organization !== card.name) article.append(element("p", { className: "card-org", text: card.organization }));

  const compact = element("dl", { className: "card-details" });
  addDetail(compact, "Why it matched", card.why);
  addDetail(compact, "How to refer", card.howToRefer);
  addDetail(compact, "Contact", card.full ? renderContact(card.contact) : renderContact(oneContact(card.contact)));
  article.append(compact);

  const when = element("time", { text: card.lastVerifiedText, attrs: card.lastVerified ? { datetime: card.lastVerified } : {} });
  const verified = card.verifiedBy ? `Verified by ${card.verifiedBy} on ` : "Last verified: ";
  article.append(element("p", { className: "card-verified" }, [document.createTextNode(verified), when]));

  const record = element("details", { className: "card-record", attrs: { "data-testid": "card-record" } });
  record.open = card.full === true;
  const summary = element("summary", { attrs: { "data-testid": "card-record-toggle" } }, [
    document.createTextNode("Full record"),
    element("span", { className: "visually-hidden", text: `: ${card.name}` }),
  ]);
  record.append(summary);
  if (card.record) record.append(element("p", { className: "card-summary", text: card.record }));
  const details = element("dl", { className: "card-details" });
  addDetail(details, card.matched.length === 1 ? "Matched need" : "Matched needs", card.matched.map((need) => need.label).join(", "));
  const contacts = [card.contact.phone, card.contact.email, card.contact.url].filter(Boolean).length;
  if (!card.full && contacts > 1) addDetail(details, "All contact details", renderContact(card.contact));
  const helps = card.needs.map((need) => need.label).join(", ");
  addDetail(details, "Helps with", helps && card.needsNote ? `${helps} (${card.needsNote})` : helps);
  addDetail(details, "Areas", card.areas.map((area) => area.name).join(", "));
  record.append(details);
  if (card.source) record.append(element("p", { className: "card-source", text: `Source: ${card.source}` }));
  article.append(record);

  // The disclosure above is this page's "More about this"; a button naming another record (an area's front door) stays.
  const actions = card.actions.filter((action) => !(action.id === "details" && action.value === card.id));
  if (actions.length > 0) article.append(renderActions(actions, "card-action", card.name, press));
  return article;
}

/**
 * The one way to get in touch a compact card shows: the phone, else the email, else the website.
 * @param {ServiceCard["contact"]} contact
 * @returns {ServiceCard["contact"]}
 */
function oneContact(contact) {
  if (contact.phone) return { phone: contact.phone };
  if (contact.email) return { email: contact.email };
  return contact.url ? { url: contact.url } : {};
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
