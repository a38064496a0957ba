// The answer as staff meet it on a phone, in real Chromium against the real server and core: compact
// service cards whose full record opens in place, the front door said once per conversation,
// feedback typed in chat recorded against the card it points to, who you are (trial mode, signed
// in, signed out), and accessibility: axe-core with no serious or critical violations on every
// state, keyboard focus order, visible focus, and 200% zoom with nothing to scroll sideways.
import { type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../../support/check-accessibility.js";
import { freePort } from "../../support/free-port.js";
import { type OpenIdProvider, signInAt, signpostClient, startOpenIdProvider } from "../../support/openid-provider.js";
import { horizontalOverflow, send, useChatBrowser } from "./support/chat-page.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const timeout = 60_000;
/** An everyday phone (iPhone 12 to 15): the answer should read in one screen. */
const phone = { width: 390, height: 844 };
const chat = useChatBrowser(phone, timeout);

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
}

describe("the compact answer on a phone", () => {
  it(
    "shows the intro and the first card's compact view in one screen, with the full record on demand",
    async () => {
      const { page, problems } = await chat.openChat();
      const reply = await send(page, "lonely widower in Loughborough");
      const first = reply.getByTestId("service-card").first();
      await first.waitFor();
      // The reply is scrolled to its top: its intro, then the first card down to its "Full record", above the message box.
      const toggle = first.getByTestId("card-record-toggle");
      const composerTop = (await page.locator("#composer").boundingBox())!.y;
      const toggleBox = (await toggle.boundingBox())!;
      expect(toggleBox.y + toggleBox.height).toBeLessThanOrEqual(composerTop);
      expect((await reply.boundingBox())!.y).toBeGreaterThanOrEqual(-1);
      // About 490 px (it was 873 px before cards were compact: decision 0020).
      expect((await first.boundingBox())!.height).toBeLessThan(600);

      const compact = await first.innerText();
      expect(compact).toMatch(/Why it matched[\s\S]*How to refer[\s\S]*Contact[\s\S]*Last verified: \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
      expect(await first.locator(".card-details").first().locator("a").count()).toBeLessThanOrEqual(1);
      expect(compact).not.toMatch(/Areas|Helps with|Source:/);
      expect(await first.getByTestId("card-action").filter({ hasText: "More about this" }).count()).toBe(0);

      // The record opens in place, from the keyboard, and says so to assistive technology.
      await toggle.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => first.getByTestId("card-record").getAttribute("open")).not.toBeNull();
      expect(await first.innerText()).toMatch(/Matched need[\s\S]*Helps with[\s\S]*Areas[\s\S]*Charnwood[\s\S]*Source:/);
      await expectAccessible(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: "/tmp/signpost-compact-answer.png" });
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "says the front door once per conversation, and again only when the person's front door differs",
    async () => {
      const { page, problems } = await chat.openChat();
      const frontDoor = "First Contact Plus is the front door to the prevention offer";
      expect(await (await send(page, "lonely widower in Loughborough")).innerText()).toContain(frontDoor);
      const second = await send(page, "help with money in Melton");
      await second.getByTestId("service-card").first().waitFor();
      expect(await second.innerText()).not.toContain(frontDoor);
      // Without the paragraph, the whole first card (buttons too) fits above the message box.
      const composerTop = (await page.locator("#composer").boundingBox())!.y;
      const card = (await second.getByTestId("service-card").first().boundingBox())!;
      expect(card.y + card.height).toBeLessThanOrEqual(composerTop);
      expect(await (await send(page, "lonely widower in Oakham")).innerText()).toContain("For someone who lives in Rutland, the front door is Rutland Wayfinder");
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "records feedback typed in chat against the card it points to, and offers the others still open",
    async () => {
      const { page, problems } = await chat.openChat();
      const answer = await send(page, "lonely widower in Loughborough");
      const names = await answer.getByTestId("service-card").getByRole("heading", { level: 3 }).allTextContents();
      expect(names.length).toBeGreaterThan(1);
      const before = chat.world.reports.length;
      const reply = await send(page, "that first one's shut down");
      expect(await reply.innerText()).toContain(`Your report about ${names[0]} is recorded`);
      expect(chat.world.reports.slice(before)).toEqual([expect.objectContaining({ details: "that first one's shut down", channel: "web" })]);
      expect(await reply.getByTestId("service-card").getByRole("heading", { level: 3 }).allTextContents()).toEqual(names.slice(1));
      await expectAccessible(page);

      // The form it stands beside: "Report outdated details", sent empty, says so beside its field.
      const replies = await page.getByTestId("reply").count();
      await reply.getByTestId("card-action").filter({ hasText: "Report outdated details" }).first().click();
      const form = page.getByTestId("reply").nth(replies).getByTestId("reply-form");
      await form.waitFor();
      await expectAccessible(page);
      // Spaces pass the browser's required check; the bot refuses them, beside the field.
      await form.getByRole("textbox").fill("   ");
      await form.getByTestId("form-submit").click();
      await page.getByTestId("reply").nth(replies + 1).locator("[aria-invalid=true]").waitFor();
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );
});

describe("accessibility in Chromium", () => {
  it(
    "has no serious or critical axe-core violations on an emergency reply or a clinical refusal",
    async () => {
      const { page, problems } = await chat.openChat();
      await expectAccessible(page);
      const urgent = await send(page, "he says he wants to end his life");
      expect(await urgent.getByTestId("urgent").count()).toBe(1);
      await expectAccessible(page);
      const clinical = await send(page, "what dose of paracetamol can she take with her warfarin?");
      expect(await clinical.innerText()).toContain("I can't give clinical advice");
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "moves focus in reading order (each card's contact, Full record and buttons, then the message box and Send), always visibly",
    async () => {
      const { page, problems } = await chat.openChat();
      const reply = await send(page, "lonely widower in Loughborough");
      await reply.getByTestId("service-card").first().waitFor();
      // What the page offers the keyboard, in document order.
      const expected = await page.evaluate<string[]>(`[...document.querySelectorAll("a[href], button:not([disabled]), summary, input:not([disabled])")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.tagName.toLowerCase() + ":" + (el.getAttribute("data-testid") ?? el.textContent.trim().slice(0, 40)))`);
      // Start where a reader starts: at the page's heading.
      await page.getByRole("heading", { level: 1 }).click();
      const seen: { id: string; visible: boolean; y: number }[] = [];
      for (let i = 0; i < expected.length; i += 1) {
        await page.keyboard.press("Tab");
        seen.push(
          await page.evaluate<{ id: string; visible: boolean; y: number }>(`(() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
            const shadow = style.boxShadow !== "none";
            return {
              id: el.tagName.toLowerCase() + ":" + (el.getAttribute("data-testid") ?? el.textContent.trim().slice(0, 40)),
              visible: el.matches(":focus-visible") && (outline || shadow),
              y: el.getBoundingClientRect().top + window.scrollY,
            };
          })()`),
        );
      }
      expect(seen.map((s) => s.id)).toEqual(expected);
      // The cards' controls come first, card by card, and the message box and Send last.
      expect(expected.slice(-2)).toEqual(["input:message-input", "button:send"]);
      expect(expected.filter((id) => id === "summary:card-record-toggle").length).toBe(await reply.getByTestId("service-card").count());
      const inLog = seen.slice(0, -2).map((s) => s.y);
      expect(inLog).toEqual([...inLog].sort((a, b) => a - b));
      expect(seen.filter((s) => !s.visible)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "reflows at 200% zoom (a 1280 px screen at 640 CSS px): nothing scrolls sideways, no violations",
    async () => {
      const zoomed = await chat.browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2, locale: "en-GB" });
      try {
        const { page, problems } = await chat.openChat(zoomed);
        const reply = await send(page, "carer support in Blaby");
        await reply.getByTestId("service-card").first().getByTestId("card-record-toggle").click();
        await send(page, "he says he wants to end his life");
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await expectAccessible(page);
        // CSS zoom as a browser's zoom applies it, on a 1280 px window.
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.evaluate("document.documentElement.style.zoom = '2'");
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
      } finally {
        await zoomed.close();
      }
    },
    timeout,
  );
});

describe("who you are", () => {
  let provider: OpenIdProvider;
  let signed: WebWorld;
  beforeAll(async () => {
    const port = await freePort();
    provider = await startOpenIdProvider({ port: await freePort(), redirectUris: [`http://127.0.0.1:${port}/auth/callback`], accounts: { "sam-4f1c": { name: "Sam Example", groups: ["g-triage"] } } });
    signed = await startWebWorld({
      port,
      web: {
        publicUrl: new URL(`http://127.0.0.1:${port}`),
        oidc: {
          issuer: provider.issuer,
          clientId: signpostClient.clientId,
          clientSecret: signpostClient.clientSecret,
          redirectUri: `http://127.0.0.1:${port}/auth/callback`,
          groupsClaim: "groups",
          roleGroups: { triage: new Set(["g-triage"]), maintainer: new Set(), commissioner: new Set() },
        },
      },
    });
  }, timeout);
  afterAll(async () => {
    await signed?.close();
    await provider?.close();
  }, timeout);

  it(
    "says trial mode, offers Sign in when signed out, and names whoever signed in; each state accessible",
    async () => {
      const trial = await chat.openChat();
      await expect.poll(() => trial.page.getByTestId("session-bar").innerText()).toMatch(/Trial mode on this computer/);
      await trial.page.close();

      const own = await chat.browser.newContext({ viewport: phone, locale: "en-GB" });
      try {
        const { page, problems } = await chat.openChat(own, signed.base);
        await page.getByTestId("sign-in").waitFor();
        await expectAccessible(page);

        // Signed in (through the provider, as test/channels/web/oidc-sign-in.test.ts does), the page names the person.
        const client = signed.client();
        const start = await client.fetch("/auth/sign-in?return_to=%2F");
        const callback = await signInAt(provider, start.headers.get("location") ?? "", "sam-4f1c");
        await client.fetch(callback.pathname + callback.search);
        await own.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: signed.base })));
        await page.reload();
        await expect.poll(() => page.getByTestId("session-bar").innerText()).toMatch(/Signed in as Sam Example \(triage\)/);
        await page.getByTestId("sign-out").waitFor();
        await expectAccessible(page);
        // Signed out, the page's first look at the session is refused (401) by design; nothing else went wrong.
        expect(problems.filter((problem) => !problem.includes("401 (Unauthorized)"))).toEqual([]);
      } finally {
        await own.close();
      }
    },
    timeout,
  );
});
