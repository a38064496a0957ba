// Block Kit rendering: real replies from the core, and hostile ones built to
// break limits (very long names and texts, 20 results, markup characters, emoji,
// dozens of buttons), all checked against block_kit_limits.yaml.
import { describe, expect, it } from "vitest";
import { blockKit } from "../../../src/channels/slack/block-kit-limits.js";
import { renderHome } from "../../../src/channels/slack/render-home.js";
import { renderReply } from "../../../src/channels/slack/render-blocks.js";
import { renderModal } from "../../../src/channels/slack/render-modal.js";
import type { Form, Reply, ServiceCard } from "../../../src/conversation/reply.js";
import { realBot } from "../../support/real-bot.js";
import { checkMessage, checkModal, checkBlocks, limits } from "./support/block-kit-checks.js";

const hostile = "<!channel> *bold* _it_ ~x~ `code` & <http://evil.example|click> 🧓🏽👨‍👩‍👧 ";

function card(i: number, size: number): ServiceCard {
  const long = hostile.repeat(Math.ceil(size / hostile.length));
  return {
    id: `service-${i}`,
    name: `${i} ${long}`,
    organization: long,
    summary: long,
    record: long,
    howToRefer: long,
    contact: { phone: "0116 496 0000", email: `${long}@example.org`, url: `https://example.org/${long}` },
    needs: Array.from({ length: 40 }, (_, n) => ({ id: `need-${n}`, label: long.slice(0, 200) })),
    matched: Array.from({ length: 40 }, (_, n) => ({ id: `need-${n}`, label: long.slice(0, 200) })),
    needsNote: long,
    areas: Array.from({ length: 40 }, (_, n) => ({ id: `area-${n}`, name: long.slice(0, 200) })),
    why: long,
    lastVerified: "2026-03-14",
    lastVerifiedText: "14 Mar 2026",
    verifiedBy: long,
    verifiedText: `Verified by ${long} on 14 Mar 2026`,
    source: long,
    actions: [
      { id: "refer", label: `Refer ${long}`, value: `service-${i}` },
      { id: "details", label: long, value: `service-${i}` },
      { id: "report_outdated", label: long, value: `service-${i}` },
    ],
  };
}

function hostileReply(overrides: Partial<Reply> = {}): Reply {
  return {
    conversationId: "C123:1700000000.000100",
    intent: "find_service",
    text: Array.from({ length: 12 }, () => hostile.repeat(400)),
    urgent: false,
    cards: Array.from({ length: 20 }, (_, i) => card(i, 6000)),
    actions: [
      { id: "show_more", label: hostile.repeat(5), value: "search-1" },
      ...Array.from({ length: 30 }, (_, i) => ({ id: "narrow_area" as const, label: `Only in ${hostile.repeat(3)}`, value: `search-1|area-${i}` })),
      { id: "details", label: "too long a value", value: "x".repeat(2001) },
    ],
    ...overrides,
  };
}

describe("renderReply", () => {
  it("renders a real search as service cards with verification dates and the core's buttons", async () => {
    const { bot } = await realBot();
    const reply = await bot.handle({ channel: "slack", conversationId: "C1:1.1", userId: "U1", text: "lonely widower in Loughborough" });
    const [message, ...rest] = renderReply(reply, { conversationId: reply.conversationId });
    expect(rest).toEqual([]);
    checkMessage(message!);
    const headers = message!.blocks.filter((b) => b.type === "header");
    expect(headers.map((h) => (h.type === "header" ? h.text.text : ""))).toEqual(reply.cards.map((c) => c.name));
    const context = JSON.stringify(message!.blocks.filter((b) => b.type === "context"));
    for (const c of reply.cards) expect(context).toContain(`Last verified ${c.lastVerifiedText}`);
    // Compact cards: why it matched, how to refer and one contact; the full record is one button away.
    const fields = message!.blocks.flatMap((b) => (b.type === "section" ? (b.fields ?? []).map((f) => f.text) : []));
    expect(fields.filter((f) => f.startsWith("*How to refer*"))).toHaveLength(reply.cards.length);
    expect(fields.some((f) => /^\*(?:Areas|Needs|Matched needs?)\*/.test(f))).toBe(false);
    const sections = JSON.stringify(message!.blocks.filter((b) => b.type === "section"));
    for (const c of reply.cards) expect(sections).toContain(c.why.slice(0, 20));
    // The full card (More about this) says which need of the search it meets, by the need's plain label.
    expect(reply.cards.every((c) => c.matched.length > 0)).toBe(true);
    const more = await bot.handle({ channel: "slack", conversationId: "C1:1.1", userId: "U1", action: { id: "details", value: reply.cards[0]!.id } });
    const fullFields = renderReply(more, { conversationId: more.conversationId }).flatMap((m) => m.blocks).flatMap((b) => (b.type === "section" ? (b.fields ?? []).map((f) => f.text) : []));
    expect(fullFields).toContain(`*Matched need*\n${reply.cards[0]!.matched[0]!.label}`);
    expect(fullFields.some((f) => f.startsWith("*Areas*"))).toBe(true);
    const buttons = message!.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: "refer", value: reply.cards[0]!.id }));
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: "report_outdated", value: reply.cards[0]!.id }));
  });

  it("puts an emergency first, in its own section, with no cards", () => {
    const reply = hostileReply({ intent: "urgent_help", urgent: true, text: ["This sounds like an emergency. If someone's life is at risk now, call 999.", "Then this."] });
    const messages = renderReply(reply, { conversationId: "C1" });
    const first = messages[0]!.blocks[0]!;
    expect(first).toEqual({ type: "section", text: { type: "mrkdwn", text: ":rotating_light: *This sounds like an emergency. If someone's life is at risk now, call 999.*" } });
    expect(messages.flatMap((m) => m.blocks).some((b) => b.type === "header")).toBe(false);
    expect(messages[0]!.text).toMatch(/^This sounds like an emergency/);
  });

  it("keeps every limit for 20 hostile results, paging over several messages without splitting a card", () => {
    const reply = hostileReply();
    const messages = renderReply(reply, { conversationId: reply.conversationId });
    expect(messages.length).toBeGreaterThan(2);
    for (const message of messages) checkMessage(message);
    const all = messages.flatMap((m) => m.blocks);
    expect(all.filter((b) => b.type === "header")).toHaveLength(20);
    for (const message of messages) {
      // A card is a header followed by its five blocks, all in the same message.
      message.blocks.forEach((b, i) => {
        if (b.type === "header") expect(message.blocks[i + 5]?.type).toBe("divider");
      });
    }
    const buttons = all.flatMap((b) => (b.type === "actions" ? b.elements : [])) as { action_id: string; value: string }[];
    expect(buttons.filter((b) => b.action_id.startsWith("narrow_area"))).toHaveLength(30);
    expect(buttons.some((b) => b.value.length > 2000)).toBe(false); // left out rather than cut
    // mrkdwn is escaped (checkMessage refuses any "<" in it); plain_text is shown literally, never parsed.
    const mrkdwn = JSON.stringify(all).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
    expect(mrkdwn.length).toBeGreaterThan(0);
    expect(mrkdwn.every((t) => !t.includes("<!channel>"))).toBe(true);
    expect(mrkdwn.some((t) => t.includes("&lt;!channel&gt;"))).toBe(true);
  });

  it("escapes every paragraph piece within 3000 characters even when escaping makes it longer", () => {
    const reply = hostileReply({ cards: [], actions: [], text: ["&".repeat(2999), "<".repeat(3000)] });
    const messages = renderReply(reply, { conversationId: "C1" });
    for (const m of messages) checkMessage(m);
    const texts = messages.flatMap((m) => m.blocks).map((b) => (b.type === "section" && b.text ? b.text.text : ""));
    expect(texts.join("")).toBe(`${"&amp;".repeat(2999)}${"&lt;".repeat(3000)}`);
  });

  it("matches the limits file", () => {
    expect(blockKit.blocksPerMessage).toBe(limits.message.blocks_per_message.max);
    expect(blockKit.blocksPerView).toBe(limits.message.blocks_per_modal_or_home_tab.max);
    expect(blockKit.sectionText).toBe(limits.section_block.text.max_length);
    expect(blockKit.headerText).toBe(limits.header_block.text.max_length);
    expect(blockKit.buttonText).toBe(limits.button_element.text.max_length);
    expect(blockKit.actionIdLength).toBe(limits.button_element.action_id.max_length);
    expect(blockKit.buttonValue).toBe(limits.button_element.value.max_length);
    expect(blockKit.modalTitle).toBe(limits.modal_view.title.max_length);
    expect(blockKit.privateMetadata).toBe(limits.modal_view.private_metadata.max_length);
    expect(blockKit.blockIdLength).toBe(limits.block_id.max_length);
    expect(blockKit.actionsPerBlock).toBe(limits.actions_block.elements.max_items);
    expect(blockKit.contextElements).toBe(limits.context_block.elements.max_items);
    expect(blockKit.sectionFields).toBe(limits.section_block.fields.max_items);
    expect(blockKit.sectionFieldText).toBe(limits.section_block.fields.max_length_each);
  });
});

describe("renderModal and renderHome", () => {
  const destination = { channel: "C1", threadTs: "1.1", userId: "U1", visibility: "public" as const };

  it("keeps a hostile form within a modal's limits", () => {
    const form: Form = {
      id: "referral",
      title: "A title far longer than twenty-four characters",
      submitLabel: "A submit label that is far too long",
      value: "dialog-1",
      fields: Array.from({ length: 120 }, (_, i) => ({
        name: `field${i}`,
        label: hostile.repeat(200),
        kind: (["text", "textarea", "select", "multiselect", "checkbox"] as const)[i % 5]!,
        required: i % 2 === 0,
        maxLength: 5000,
        hint: hostile.repeat(200),
        value: i % 5 >= 2 && i % 5 <= 3 ? "opt-1,opt-150" : i % 5 === 4 ? "true" : hostile.repeat(300),
        options: Array.from({ length: 150 }, (_, n) => ({ value: `opt-${n}`, label: hostile.repeat(5) })),
      })),
    };
    const view = renderModal({ ...hostileReply({ cards: [] }), form }, { conversationId: "C1:1.1", formValue: form.value, destination });
    checkModal(view as unknown as Record<string, unknown>);
    expect(view.blocks).toHaveLength(100);
  });

  it("keeps App Home within 100 blocks however many referrals there are", () => {
    const list: Reply = { conversationId: "D1", intent: "list_referrals", text: ["Your referrals, newest first:", ...Array.from({ length: 5000 }, (_, i) => `FC-${i} · open · ${hostile}`)], urgent: false, cards: [], actions: [] };
    const view = renderHome("/signpost", list.text);
    checkBlocks(view.blocks, limits.message.blocks_per_modal_or_home_tab.max);
  });
});
