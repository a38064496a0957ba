/**
 * Feeds' free text (descriptions, eligibility, how to apply) as plain text.
 * ORUK allows HTML in a description and council feeds use it; Signpost shows
 * text, never markup. html-to-text parses the HTML properly (entities, lists,
 * paragraphs, scripts and styles dropped) and keeps a link's words, not its
 * address: the feed's contact details have their own fields. Text without
 * markup is left alone apart from whitespace. See decision 0009.
 */
import { compile } from "html-to-text";

const toText = compile({
  wordwrap: false,
  decodeEntities: true,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "table", format: "dataTable" },
    { selector: "ul", options: { itemPrefix: " - " } },
  ],
});

const markup = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|<!--|&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i;

/** True when the text holds HTML tags, comments or character references. */
export function looksLikeHtml(text: string): boolean {
  return markup.test(text);
}

/** Plain text: HTML converted, blank-line paragraphs kept, spaces at line ends and runs of blank lines removed. */
export function plainText(text: string): string {
  const converted = looksLikeHtml(text) ? toText(text) : text;
  return converted
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
