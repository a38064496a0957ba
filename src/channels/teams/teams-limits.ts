/**
 * Sizes the Teams channel keeps within. Teams refuses bot messages over
 * roughly 100 KB and documents 28 KB for incoming webhooks; Signpost packs each
 * activity into the tighter 28 KB so that every payload is far below the 80 KB
 * this project allows, and sends more messages rather than bigger ones.
 */
export const teamsLimits = {
  /** Most bytes of JSON one outgoing activity is packed to. */
  activityBytes: 28 * 1024,
  /** The hard ceiling tests hold every payload to. */
  maxPayloadBytes: 80 * 1024,
  /** Results offered in the message extension's list. */
  extensionResults: 10,
  /** Characters of a preview's text in the message extension list. */
  previewText: 140,
} as const;

/** The UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), "utf8");
}
