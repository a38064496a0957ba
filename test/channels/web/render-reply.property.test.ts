// Hostile input (decision 0023): the web chat's own renderer (public/render-reply.js), in a real headless
// Chromium on the chat page under its Content-Security-Policy, given replies whose every text is hostile:
// no element that runs or loads anything (script, iframe, img, svg...), no on* attribute, and no link but
// http(s), tel: and mailto:; and the text is shown as written.
import fc from "fast-check";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../../support/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileReply } from "../../support/hostile-reply.js";
import { propertySettings } from "../../support/hostile-text.js";
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
  readonly dangerous: string[];
  readonly handlers: string[];
  readonly links: string[];
  readonly text: string;
}

// Browser-side code as a string: the project's type-check has Node's types, not the DOM's.
const renderInPage = `async (reply) => {
  const { renderReply } = await import("/assets/render-reply.js");
  const log = document.createElement("div");
  document.body.append(log);
  renderReply(log, reply, () => {});
  const all = [...log.querySelectorAll("*")];
  const rendered = {
    dangerous: all.filter((e) => /^(script|iframe|frame|object|embed|img|svg|math|style|link|meta|base|video|audio|source)$/i.test(e.tagName)).map((e) => e.tagName),
    handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
    links: all.flatMap((e) => ["href", "src", "action", "formaction", "xlink:href"].map((name) => e.getAttribute(name)).filter((v) => v !== null)),
    text: log.textContent,
  };
  log.remove();
  return rendered;
}`;

const safeLink = (link: string) => {
  try {
    return ["http:", "https:", "tel:", "mailto:"].includes(new URL(link).protocol);
  } catch {
    return false;
  }
};

describe("the web chat's renderer, from hostile replies", () => {
  it("adds no markup, no handler and no unsafe link, and shows the text as written", async () => {
    await fc.assert(
      fc.asyncProperty(hostileReply, async (reply) => {
        const rendered = await page.evaluate<Rendered>(`(${renderInPage})(${JSON.stringify(reply)})`);
        expect(rendered.dangerous).toEqual([]);
        expect(rendered.handlers).toEqual([]);
        expect(rendered.links.filter((link) => !safeLink(link))).toEqual([]);
        for (const paragraph of reply.text) expect(rendered.text).toContain(paragraph);
        expect(problems).toEqual([]);
      }),
      propertySettings,
    );
  });
});
