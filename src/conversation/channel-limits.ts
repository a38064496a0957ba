/**
 * The sizes every Reply keeps within: the strictest of the channels Signpost
 * renders to (Slack's Block Kit is the tightest; test/conversation/channel-limits.test.ts
 * checks these against ../shared/fixtures/slack/block_kit_limits.yaml).
 */
export const channelLimits = {
  /** One paragraph of reply text (a Block Kit section's text). */
  paragraph: 3000,
  /** A card's heading (a Block Kit header). */
  heading: 150,
  /** A button's label. */
  buttonLabel: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** A form's title (a Slack modal title). */
  formTitle: 24,
  /** A card's summary: short enough to scan. */
  summary: 300,
  /** Service cards in one reply. */
  cards: 5,
} as const;
