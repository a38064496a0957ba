/**
 * Text for Adaptive Card TextBlocks and facts, shown as written. Teams reads
 * TextBlock text as a subset of markdown (bold, italic, lists, links), so a
 * name like "**urgent**" or "[NHS](http://…)" typed into a form would be
 * formatted, or become a disguised link. Each markdown character is escaped
 * with a backslash (CommonMark's escape), list markers at the start of a line
 * are escaped, and control and bidirectional-override characters are removed.
 */

/** C0/C1 controls except tab and line breaks, and the bidi embedding/override/isolate characters. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** An underscore inside a word (first_last@example.org) is not emphasis, so it is left as it is. */
const wordCharacter = /^[\p{L}\p{N}]$/u;

/** Text Teams shows without reading markdown (a button's title, an input's label, a choice): only the invisible characters removed. */
export function withoutInvisible(text: string): string {
  return text.replace(invisible, "");
}

export function plainText(text: string): string {
  return withoutInvisible(text)
    .replace(/[\\`*[\]~]/g, (c) => `\\${c}`)
    .replace(/_/g, (underscore, at: number, all: string) => (wordCharacter.test(all[at - 1] ?? "") && wordCharacter.test(all[at + 1] ?? "") ? underscore : "\\_"))
    .replace(/^(\s*)([-+>#])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, "$1\\$2");
}
