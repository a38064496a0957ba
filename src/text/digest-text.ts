/**
 * Small pieces the weekly digests share, so that a long list stays readable
 * in a chat channel and a reader is always told what was left out.
 */

/** At most `max` lines, and when some are cut, a last line saying how many. */
export function cutList(lines: readonly string[], max: number, more: (left: number) => string): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), more(lines.length - max)];
}

/** "1 service", "3 services". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

const tenDigits = /(?<!\d|\+|\+44 ?)[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?!\d)/g;

/**
 * What someone typed, made safe to quote in a shared channel: on one line (it
 * cannot fake the digest's own lines), cut to `max` characters, with anything
 * shaped like an NHS number (ten digits not starting 0)
 * removed, and angle brackets changed so that chat apps read no mention or link
 * markup (Slack's <!channel>) in it. A service's phone number, 0116 or +44 116,
 * is kept: reports are often about one.
 */
export function quoteTyped(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, " ").trim().replace(tenDigits, "[number removed]").replaceAll("<", "‹").replaceAll(">", "›");
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
