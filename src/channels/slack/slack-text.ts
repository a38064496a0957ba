/**
 * Text for and from Slack. Outgoing: mrkdwn needs &, < and > escaped (so a
 * directory entry or an echoed message can never become an @channel or a link),
 * and every text object has a length limit, counted here in UTF-16 units and
 * never cut inside an emoji. Incoming: Slack's markup (<@U…>, <#C…|name>,
 * <url|label>, &amp;) becomes the plain words the core understands.
 */
import type { types } from "@slack/bolt";
import { wellFormed } from "../../text/well-formed.js";

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export function escapeMrkdwn(text: string): string {
  return wellFormed(text).replace(/[&<>]/g, (c) => entities[c] ?? c);
}

/** Cuts to at most `max` UTF-16 units, whole code points only, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

/** A plain_text object (never parsed for links or mentions), cut to `max`; a blank text becomes a dash, which Slack accepts. */
export function plain(text: string, max: number): types.PlainTextElement {
  const clean = wellFormed(text).replace(/\s+/g, " ").trim();
  return { type: "plain_text", text: truncate(clean === "" ? "-" : clean, max), emoji: true };
}

/**
 * Escaped mrkdwn in pieces of at most `max` characters each (after escaping),
 * broken at a line break or space where possible; entities and emoji are never split.
 */
export function mrkdwnPieces(raw: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = raw.trim();
  while (rest !== "") {
    const escaped = escapeMrkdwn(rest);
    if (escaped.length <= max) {
      pieces.push(escaped);
      break;
    }
    let fit = 0;
    let size = 0;
    for (const ch of rest) {
      const add = entities[ch]?.length ?? ch.length;
      if (size + add > max) break;
      size += add;
      fit += ch.length;
    }
    const window = rest.slice(0, fit);
    const lineBreak = window.lastIndexOf("\n");
    const space = window.lastIndexOf(" ");
    const cut = lineBreak > fit / 2 ? lineBreak : space > fit / 2 ? space : fit;
    pieces.push(escapeMrkdwn(rest.slice(0, cut).trimEnd()));
    rest = rest.slice(cut).trimStart();
  }
  return pieces;
}

/** One escaped mrkdwn text of at most `max` characters (cut with an ellipsis when longer). */
export function mrkdwnFit(raw: string, max: number): string {
  const [first = "", second] = mrkdwnPieces(raw, max - 1);
  return second === undefined ? first : `${first}…`;
}

/** Wraps in a formatting mark (*bold*, _italic_) only when the text cannot break it. */
export function emphasise(escaped: string, mark: "*" | "_"): string {
  return escaped.includes(mark) || escaped.includes("\n") || escaped.trim() === "" ? escaped : `${mark}${escaped}${mark}`;
}

/**
 * What a person wrote, from Slack's markup: the bot's own mention removed, other
 * mentions and channels as their names, links as their labels, entities decoded.
 */
export function plainTextFromSlack(text: string, botUserId?: string): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => (id === botUserId ? " " : name ? `@${name}` : ""))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<#[A-Z0-9]+>/g, "")
    .replace(/<!(?:here|channel|everyone)(?:\|[^>]*)?>/g, "")
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? "")
    .replace(/<([^<>|]+)\|([^<>]+)>/g, "$2")
    .replace(/<([^<>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t]+/g, " ")
    .trim();
}
