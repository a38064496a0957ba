/**
 * Text with every lone surrogate (half of a UTF-16 pair, with no other half:
 * from a broken feed, a cut string or a hostile message) replaced by U+FFFD,
 * the replacement character, so that a platform given it never refuses the
 * payload or shows half an emoji. The length in UTF-16 units is unchanged.
 * (String.prototype.toWellFormed, which is not in the ES2023 library this project targets.)
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(loneSurrogate, "\uFFFD");
}
