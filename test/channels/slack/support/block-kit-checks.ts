/**
 * Checks a Block Kit payload against every limit in
 * ../shared/fixtures/slack/block_kit_limits.yaml (read from the file, not
 * copied), walking each block: counts, text lengths, button ids and values,
 * unique block ids and action ids, and no unescaped markup in mrkdwn.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { fixturesDir } from "./slack-requests.js";

interface Limits {
  message: { blocks_per_message: { max: number }; blocks_per_modal_or_home_tab: { max: number } };
  block_id: { max_length: number };
  actions_block: { elements: { max_items: number } };
  section_block: { text: { max_length: number }; fields: { max_items: number; max_length_each: number } };
  header_block: { text: { max_length: number } };
  context_block: { elements: { max_items: number } };
  button_element: { text: { max_length: number }; action_id: { max_length: number }; value: { max_length: number } };
  modal_view: { title: { max_length: number }; close: { max_length: number }; submit: { max_length: number }; blocks: { max_items: number }; private_metadata: { max_length: number } };
}

export const limits = parse(readFileSync(path.join(fixturesDir, "block_kit_limits.yaml"), "utf8")) as Limits;

type Json = Record<string, unknown>;

function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function checkText(text: unknown, max: number, where: string): void {
  const t = text as { type: string; text: string };
  expect(t.text.length, `${where} text length`).toBeLessThanOrEqual(max);
  expect(t.text.length, `${where} text is empty`).toBeGreaterThan(0);
  expect(hasLoneSurrogate(t.text), `${where} splits an emoji`).toBe(false);
  if (t.type === "mrkdwn") expect(t.text, `${where} has unescaped markup`).not.toMatch(/<[^>]*>/);
}

export function checkBlocks(blocks: readonly unknown[], maxBlocks: number): void {
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  const blockIds = blocks.map((b) => (b as Json).block_id).filter((id) => id !== undefined);
  expect(new Set(blockIds).size, "block ids are unique").toBe(blockIds.length);
  for (const raw of blocks) {
    const block = raw as Json;
    if (typeof block.block_id === "string") expect(block.block_id.length).toBeLessThanOrEqual(limits.block_id.max_length);
    switch (block.type) {
      case "section":
        if (block.text) checkText(block.text, limits.section_block.text.max_length, "section");
        if (block.fields) {
          const fields = block.fields as unknown[];
          expect(fields.length).toBeLessThanOrEqual(limits.section_block.fields.max_items);
          for (const f of fields) checkText(f, limits.section_block.fields.max_length_each, "section field");
        }
        break;
      case "header":
        checkText(block.text, limits.header_block.text.max_length, "header");
        break;
      case "context": {
        const elements = block.elements as unknown[];
        expect(elements.length).toBeLessThanOrEqual(limits.context_block.elements.max_items);
        for (const e of elements) checkText(e, limits.section_block.text.max_length, "context");
        break;
      }
      case "actions": {
        const elements = block.elements as Json[];
        expect(elements.length).toBeLessThanOrEqual(limits.actions_block.elements.max_items);
        const ids = elements.map((e) => e.action_id as string);
        expect(new Set(ids).size, "action ids are unique in a block").toBe(ids.length);
        for (const button of elements) {
          checkText(button.text, limits.button_element.text.max_length, "button");
          expect((button.action_id as string).length).toBeLessThanOrEqual(limits.button_element.action_id.max_length);
          expect((button.value as string).length).toBeLessThanOrEqual(limits.button_element.value.max_length);
        }
        break;
      }
      default:
        break;
    }
  }
}

export function checkMessage(message: { text?: unknown; blocks?: unknown }): void {
  expect(typeof message.text === "string" && message.text.length > 0, "fallback text is set").toBe(true);
  checkBlocks(message.blocks as unknown[], limits.message.blocks_per_message.max);
}

export function checkModal(view: Json): void {
  for (const key of ["title", "submit", "close"] as const) {
    if (view[key]) expect(((view[key] as Json).text as string).length).toBeLessThanOrEqual(limits.modal_view[key].max_length);
  }
  expect((view.private_metadata as string).length).toBeLessThanOrEqual(limits.modal_view.private_metadata.max_length);
  checkBlocks(view.blocks as unknown[], limits.modal_view.blocks.max_items);
}
