/**
 * Slack's Block Kit limits, as transcribed in ../shared/fixtures/slack/block_kit_limits.yaml
 * (test/channels/slack/block-kit-limits.test.ts checks these numbers against that file).
 * Every renderer in this folder builds within them, so Slack never refuses a payload.
 */
export const blockKit = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  blockIdLength: 255,
  actionsPerBlock: 25,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  actionIdLength: 255,
  buttonValue: 2000,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  privateMetadata: 3000,
  /** Not in the yaml: Slack's documented limits for input blocks and select menus. */
  inputLabel: 2000,
  inputHint: 2000,
  plainTextInputMax: 3000,
  optionsPerSelect: 100,
  optionText: 75,
  optionValue: 150,
  /** The message `text` fallback: Slack truncates after 40,000; we keep it short enough to read in a notification. */
  fallbackText: 3000,
} as const;
