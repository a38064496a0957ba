import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { channelLimits } from "../../src/conversation/channel-limits.js";

/** Slack's published limits, transcribed in the shared fixtures: the strictest channel. */
const slack = parse(readFileSync(path.join(import.meta.dirname, "../../../shared/fixtures/slack/block_kit_limits.yaml"), "utf8")) as {
  section_block: { text: { max_length: number } };
  header_block: { text: { max_length: number } };
  button_element: { text: { max_length: number }; value: { max_length: number } };
  modal_view: { title: { max_length: number } };
  message: { blocks_per_message: { max: number } };
};

describe("channel limits", () => {
  it("keep every reply within Slack's Block Kit limits", () => {
    expect(channelLimits.paragraph).toBeLessThanOrEqual(slack.section_block.text.max_length);
    expect(channelLimits.heading).toBeLessThanOrEqual(slack.header_block.text.max_length);
    expect(channelLimits.buttonLabel).toBeLessThanOrEqual(slack.button_element.text.max_length);
    expect(channelLimits.buttonValue).toBeLessThanOrEqual(slack.button_element.value.max_length);
    expect(channelLimits.formTitle).toBeLessThanOrEqual(slack.modal_view.title.max_length);
    // Each card takes at most 8 blocks (header, sections, context, actions, divider), plus text and actions.
    expect(channelLimits.cards * 8 + 4).toBeLessThanOrEqual(slack.message.blocks_per_message.max);
  });
});
