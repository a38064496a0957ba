// Hostile input (decision 0023): the web chat's own renderer (public/render-reply.js), in a real headless
// Chromium on the chat page under its Content-Security-Policy, given replies whose every text is hostile:
// no element that runs or loads anything (script, iframe, img, svg...), no on* attribute, and no link but
// http(s), tel: and mailto:; and the text is shown as written.
// The replies go to the page in batches (decision 0023, "Web target batched"): one round trip to Chromium a batch,
// gzipped, rather than one a reply, so that the campaign's 100,000 fit its time; each reply is still rendered
// alone into its own log and checked alone.
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../../support/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import { hostileReply } from "../../support/hostile-reply.js";
import { propertySettings, tortureRuns } from "../../support/hostile-text.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

let world: WebWorld;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  world = await startWebWorld();
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${world.base}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
});

interface Rendered {
  /** What renderReply threw, if it did (a throw fails the reply, as a rejected round trip did). */
  readonly thrown?: string;
  readonly dangerous: string[];
  readonly handlers: string[];
  readonly links: string[];
  /** The reply's paragraphs that the log's text (textContent) does not contain. */
  readonly missing: string[];
}

interface RenderedBatch {
  /** The length of the batch's JSON as the page read it back: the same as sent, or a character was lost on the way. */
  readonly received: number;
  readonly replies: Rendered[];
}

// Browser-side code as a string: the project's type-check has Node's types, not the DOM's. The batch comes as
// gzipped JSON in base64 (the DevTools pipe moves a few MB a second here, and hostile text is large; lone
// surrogates travel as JSON's \u escapes). Each reply in its own log, checked and removed before the next; the
// text is checked here, where it is, rather than sending every log's text back.
const renderInPage = `async (batch) => {
  const { renderReply } = await import("/assets/render-reply.js");
  const binary = atob(batch);
  const zipped = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) zipped[i] = binary.charCodeAt(i);
  const json = await new Response(new Blob([zipped]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  const replies = JSON.parse(json);
  return {
    received: JSON.stringify(replies).length,
    replies: replies.map((reply) => {
      const log = document.createElement("div");
      document.body.append(log);
      try {
        renderReply(log, reply, () => {});
      } catch (error) {
        log.remove();
        return { thrown: String(error?.stack ?? error), dangerous: [], handlers: [], links: [], missing: [] };
      }
      const all = [...log.querySelectorAll("*")];
      const text = log.textContent;
      const rendered = {
        dangerous: all.filter((e) => /^(script|iframe|frame|object|embed|img|svg|math|style|link|meta|base|video|audio|source)$/i.test(e.tagName)).map((e) => e.tagName),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
        links: all.flatMap((e) => ["href", "src", "action", "formaction", "xlink:href"].map((name) => e.getAttribute(name)).filter((v) => v !== null)),
        missing: reply.text.filter((paragraph) => !text.includes(paragraph)),
      };
      log.remove();
      return rendered;
    }),
  };
}`;

const safeLink = (link: string) => {
  try {
    return ["http:", "https:", "tel:", "mailto:"].includes(new URL(link).protocol);
  } catch {
    return false;
  }
};

/**
 * Replies a round trip: the largest divisor of the run count up to 100, so that batches x replies is exactly
 * TORTURE_RUNS (the count the campaign reports) and a batch's JSON stays a few MB. A prime run count over 100
 * gives batches of one, as slow as before but still exact.
 */
const batchSize = Math.max(...Array.from({ length: Math.min(100, tortureRuns) }, (_, index) => index + 1).filter((size) => tortureRuns % size === 0));

/**
 * `size` hostile replies at once, each generated (and shrunk) by hostileReply. A failing batch shrinks first
 * to each of its replies alone, in order, keeping the first that still fails, and that reply then shrinks as
 * before; so the counterexample is one small reply, as when each reply had its own round trip. A failure that
 * only some replies together cause (none do today: each has its own log) stays the whole batch, and the
 * assertion's message names the reply.
 */
class ReplyBatch extends fc.Arbitrary<Reply[]> {
  constructor(private readonly size: number) {
    super();
  }

  override generate(random: fc.Random, biasFactor: number | undefined): fc.Value<Reply[]> {
    const replies = Array.from({ length: this.size }, () => hostileReply.generate(random, biasFactor));
    return new fc.Value(replies.map((reply) => reply.value), replies);
  }

  override canShrinkWithoutContext(_value: unknown): _value is Reply[] {
    return false;
  }

  override shrink(_batch: Reply[], context: unknown): fc.Stream<fc.Value<Reply[]>> {
    const replies = context as fc.Value<Reply>[] | undefined;
    if (replies === undefined || replies.length === 0) return fc.Stream.nil();
    if (replies.length > 1) return fc.Stream.of(...replies.map((reply) => new fc.Value([reply.value], [reply])));
    const [only] = replies as [fc.Value<Reply>];
    return hostileReply.shrink(only.value, only.context).map((smaller) => new fc.Value([smaller.value], [smaller]));
  }
}

describe("the web chat's renderer, from hostile replies", () => {
  it("adds no markup, no handler and no unsafe link, and shows the text as written", async () => {
    let generated = 0;
    await fc.assert(
      fc.asyncProperty(new ReplyBatch(batchSize), async (replies) => {
        generated += replies.length;
        const json = JSON.stringify(replies);
        const batch = gzipSync(Buffer.from(json, "utf8"), { level: 1 }).toString("base64");
        const rendered = await page.evaluate<RenderedBatch>(`(${renderInPage})("${batch}")`);
        expect(rendered.received, "the batch as the page read it").toBe(json.length);
        expect(rendered.replies).toHaveLength(replies.length);
        for (const [index, shown] of rendered.replies.entries()) {
          const which = `reply ${index + 1} of ${replies.length} in the batch`;
          expect(shown.thrown, which).toBeUndefined();
          expect(shown.dangerous, which).toEqual([]);
          expect(shown.handlers, which).toEqual([]);
          expect(shown.links.filter((link) => !safeLink(link)), which).toEqual([]);
          expect(shown.missing, `${which}: paragraphs not in the text shown`).toEqual([]);
        }
        expect(problems, `after a batch of ${replies.length} replies`).toEqual([]);
      }),
      { ...propertySettings, numRuns: tortureRuns / batchSize },
    );
    // The campaign reports TORTURE_RUNS cases for this property: that many replies were rendered and checked
    // (a passing run never shrinks, so every batch counted was a generated one).
    expect(generated).toBe(tortureRuns);
  });
});
