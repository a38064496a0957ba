/**
 * Splits text into pieces of at most `max` characters, never inside a word:
 * at paragraph breaks first, then sentence ends, then spaces. A single "word"
 * longer than `max` (a URL, say) is the only thing ever broken.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  for (const paragraph of text.split(/\n+/).map((p) => p.trim()).filter(Boolean)) {
    let rest = paragraph;
    while (rest.length > max) {
      const window = rest.slice(0, max + 1);
      const sentence = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "), window.lastIndexOf("! "));
      const space = window.lastIndexOf(" ");
      const cut = sentence > max / 2 ? sentence + 1 : space > 0 ? space : max;
      pieces.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    if (rest) pieces.push(rest);
  }
  return pieces;
}

/** Shortens text to at most `max` characters at a word boundary, ending with an ellipsis. */
export function summarise(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const window = clean.slice(0, max - 1);
  // If the window ends exactly at a word's end, keep that word.
  const space = clean[max - 1] === " " ? window.length : window.lastIndexOf(" ");
  return `${(space > max / 2 ? window.slice(0, space) : window).replace(/[,;:.\s]+$/, "")}…`;
}
