/**
 * Text safe to print to a terminal: an escape (ESC, or the one-character CSI
 * U+009B) in a service's details or an echoed message would otherwise start an
 * ANSI sequence that recolours, clears, retitles the window or writes a
 * disguised hyperlink; a carriage return or backspace would overwrite what was
 * printed; a bidi override would reverse it. All C0 and C1 controls except tab
 * and line feed, and the bidi embedding, override and isolate characters, are
 * removed, and a lone surrogate becomes U+FFFD.
 */
import { wellFormed } from "../../text/well-formed.js";

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const unprintable = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return wellFormed(text).replace(unprintable, "");
}
