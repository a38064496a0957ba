// The web chat in a real headless Chromium against a real server and the real
// conversation core: typing and Enter, service cards, buttons, the urgent reply,
// the report form, keyboard use, a 360 px screen, and that service data cannot add markup.
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { testReferrals } from "../../support/test-referrals.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountWebChat } from "../../../src/channels/web/web-chat-routes.js";
import { createBot } from "../../../src/conversation/create-bot.js";
import { InMemoryConversationStore } from "../../../src/conversation/in-memory-conversation-store.js";
import type { Reply } from "../../../src/conversation/reply.js";
import type { OutdatedReport } from "../../../src/feedback/feedback-store.js";
import { createHttpApp } from "../../../src/http/create-http-app.js";
import { type RunningServer, startHttpServer } from "../../../src/http/start-http-server.js";
import { systemClock } from "../../../src/time/clock.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { memoryLogger } from "../../support/silent-logger.js";

const timeout = 30_000;
const screenshotPath = "/tmp/signpost-web-chat.png";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let base: string;
const reports: OutdatedReport[] = [];

beforeAll(async () => {
  const core = await realDirectoryAndEngine();
  const bot = createBot({
    ...core,
    maxResults: 5,
    conversations: new InMemoryConversationStore(systemClock, 30 * 60 * 1000),
    referrals: (await testReferrals(core.directory, systemClock)).referrals,
    feedback: { record: (report) => Promise.resolve(void reports.push(report)), list: () => Promise.resolve([...reports]) },
    clock: systemClock,
  });
  const { logger } = memoryLogger();
  const app = createHttpApp({ core: () => undefined, logger });
  mountWebChat(app, { bot: () => bot, logger });
  server = await startHttpServer(app, "127.0.0.1", 0);
  base = `http://127.0.0.1:${server.port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  // A small phone's width: nothing may need scrolling sideways.
  context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-GB" });
}, timeout);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
}, timeout);

/** A fresh tab on the chat page that fails the test on any script error or CSP violation. */
async function openChat(): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${base}/`);
  return { page, problems };
}

async function send(page: Page, text: string): Promise<void> {
  const replies = await page.getByTestId("reply").count();
  await page.getByTestId("message-input").fill(text);
  await page.getByTestId("message-input").press("Enter");
  await page.getByTestId("reply").nth(replies).waitFor();
}

// Browser-side code is passed as strings: the project's type-check has Node's types, not the DOM's.
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
}

/** The data-testid of whatever has focus (waits until something does). */
function focusedTestId(page: Page): Promise<string | null> {
  return page.locator(":focus").getAttribute("data-testid");
}

describe("the web chat in Chromium", () => {
  it(
    "shows the page, answers with service cards, and follows a card's button",
    async () => {
      const { page, problems } = await openChat();
      await expect.poll(() => page.getAttribute("html", "lang")).toBe("en-GB");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signpost");
      const notice = await page.getByTestId("notice").innerText();
      expect(notice).toContain("For trying Signpost: do not enter real people's details.");
      expect(notice).toContain("In an emergency call 999.");
      expect(await page.getByRole("log").getAttribute("aria-live")).toBe("polite");

      // Keyboard: the first Tab reaches the message box, and Enter sends.
      await page.keyboard.press("Tab");
      expect(await focusedTestId(page)).toBe("message-input");
      expect(await page.getByLabel("Your message").getAttribute("data-testid")).toBe("message-input");
      await page.keyboard.type("lonely widower in Loughborough");
      await page.keyboard.press("Enter");
      const reply = page.getByTestId("reply").first();
      await reply.getByTestId("service-card").first().waitFor();
      expect(await focusedTestId(page)).toBe("message-input");

      const cards = reply.getByTestId("service-card");
      expect(await cards.count()).toBeGreaterThan(0);
      const first = cards.first();
      expect(await first.innerText()).toMatch(/Last verified: \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
      expect(await first.getByRole("heading", { level: 3 }).count()).toBe(1);
      expect(await first.innerText()).toMatch(/Why it matched[\s\S]*How to refer[\s\S]*Areas[\s\S]*Charnwood/);
      const phone = first.locator('a[href^="tel:"]');
      if ((await phone.count()) > 0) expect(await phone.first().getAttribute("href")).toMatch(/^tel:[\d+]+$/);

      // The ids are random per tab and kept in sessionStorage.
      const ids = await page.evaluate<unknown[]>('[sessionStorage.getItem("signpost.conversationId"), sessionStorage.getItem("signpost.userId")]');
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      const name = (await first.getByRole("heading", { level: 3 }).textContent()) ?? "";
      await first.getByTestId("card-action").filter({ hasText: "More about this" }).click();
      const details = page.getByTestId("reply").nth(1);
      await details.waitFor();
      expect(await details.innerText()).toContain("in full");
      expect(await details.getByTestId("service-card").getByRole("heading", { level: 3 }).textContent()).toBe(name);
      // The button's reply takes focus, so a keyboard user carries on from there.
      expect(await focusedTestId(page)).toBe("reply");

      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "pages with a reply-level button",
    async () => {
      const { page, problems } = await openChat();
      await send(page, "carer support");
      const first = page.getByTestId("reply").first();
      const names = await first.getByTestId("service-card").getByRole("heading", { level: 3 }).allTextContents();
      await first.getByTestId("reply-action").filter({ hasText: "Show more" }).click();
      const more = page.getByTestId("reply").nth(1);
      await more.waitFor();
      expect(await more.innerText()).toMatch(/more service/);
      const moreNames = await more.getByTestId("service-card").getByRole("heading", { level: 3 }).allTextContents();
      expect(moreNames.length).toBeGreaterThan(0);
      for (const moreName of moreNames) expect(names).not.toContain(moreName);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "puts an emergency first, in an alert with 999, and shows no cards",
    async () => {
      const { page, problems } = await openChat();
      await send(page, "he says he wants to end his life");
      const reply = page.getByTestId("reply").first();
      const firstChild = reply.locator(":scope > :not(.who)").first();
      expect(await firstChild.getAttribute("data-testid")).toBe("urgent");
      expect(await firstChild.getAttribute("role")).toBe("alert");
      expect(await firstChild.innerText()).toContain("999");
      expect(await reply.getByTestId("service-card").count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "reports outdated details through a real form, with the bot's error beside the field",
    async () => {
      const { page, problems } = await openChat();
      await send(page, "lonely widower in Loughborough");
      await page.getByTestId("reply").first().getByTestId("card-action").filter({ hasText: "Report outdated details" }).first().click();
      const form = page.getByTestId("reply").nth(1).getByTestId("reply-form");
      await form.waitFor();
      const box = form.getByRole("textbox");
      expect(await box.getAttribute("required")).not.toBeNull();
      expect(await box.getAttribute("maxlength")).toBe("1000");
      expect(await form.locator("label").count()).toBe(1);

      // Spaces pass the browser's required check; the bot refuses them and the error sits by the field.
      await box.fill("   ");
      await form.getByTestId("form-submit").click();
      const retry = page.getByTestId("reply").nth(2);
      await retry.waitFor();
      const error = retry.getByTestId("field-error");
      expect(await error.innerText()).toContain("Please say what is wrong.");
      const retryBox = retry.getByRole("textbox");
      expect(await retryBox.getAttribute("aria-invalid")).toBe("true");
      expect(await retryBox.getAttribute("aria-describedby")).toContain((await error.getAttribute("id")) ?? "missing");
      expect(await page.locator("textarea:focus").count()).toBe(1);

      await retryBox.fill("The group now meets on Thursdays.");
      await retry.getByTestId("form-submit").click();
      const thanks = page.getByTestId("reply").nth(3);
      await thanks.waitFor();
      expect(await thanks.innerText()).toContain("Thank you");
      expect(reports.at(-1)).toMatchObject({ details: "The group now meets on Thursdays.", channel: "web" });
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "shows service data as text: markup and script links in a reply do nothing",
    async () => {
      const { page, problems } = await openChat();
      const hostile: Reply = {
        conversationId: "x",
        intent: "find_service",
        text: ['<img src=x onerror="window.hacked=1">Here you go'],
        urgent: false,
        cards: [
          {
            id: "evil",
            name: "<b>Bold</b> service<script>window.hacked=2</script>",
            organization: "<i>Org</i>",
            summary: "<img src=x onerror=\"window.hacked=3\">",
            howToRefer: "Phone us",
            contact: { url: "javascript:window.hacked=4", email: "a@b.example.org?subject=<x>", phone: "0116 496 0000" },
            needs: [{ id: "n", label: "<u>need</u>" }],
            areas: [{ id: "a", name: "Area" }],
            why: "because",
            lastVerified: "2026-01-01",
            lastVerifiedText: "1 Jan 2026",
            source: "test",
            actions: [{ id: "details", label: "<em>Details</em>", value: "evil" }],
          },
        ],
        actions: [],
      };
      await page.route("**/api/chat", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(hostile) }));
      await send(page, "anything");
      const card = page.getByTestId("service-card").first();
      expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe("<b>Bold</b> service<script>window.hacked=2</script>");
      expect(await page.locator("#log img, #log script, #log b, #log i, #log u, #log em").count()).toBe(0);
      expect(await card.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await card.locator('a[href^="mailto:"]').count()).toBe(0);
      expect(await card.getByTestId("card-action").textContent()).toBe("<em>Details</em>");
      expect(await page.evaluate<unknown>("window.hacked")).toBeUndefined();
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "says clearly when a request fails, and lets the person try again",
    async () => {
      const { page } = await openChat();
      await page.route("**/api/chat", (route) =>
        route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "NOT_READY", message: "Signpost is still starting up. Please try again in a few seconds." } }),
        }),
      );
      await page.getByTestId("message-input").fill("lonely in Oakham");
      await page.getByTestId("send").click();
      const error = page.getByTestId("error");
      await error.waitFor();
      expect(await error.innerText()).toContain("Signpost is still starting up.");
      expect(await page.getByTestId("message-input").isEnabled()).toBe(true);
      expect(await page.getByTestId("send").isEnabled()).toBe(true);

      await page.unroute("**/api/chat");
      await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
      await page.getByTestId("message-input").fill("lonely in Oakham");
      await page.getByTestId("message-input").press("Enter");
      await page.getByTestId("error").nth(1).waitFor();
      expect(await page.getByTestId("error").nth(1).innerText()).toContain("could not be reached");
      await page.close();
    },
    timeout,
  );

  it(
    "disables the message box while waiting for an answer",
    async () => {
      const { page } = await openChat();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route("**/api/chat", async (route) => {
        await held;
        await route.continue();
      });
      await page.getByTestId("message-input").fill("lonely widower in Loughborough");
      await page.getByTestId("message-input").press("Enter");
      await expect.poll(() => page.getByTestId("message-input").isDisabled()).toBe(true);
      expect(await page.getByTestId("send").isDisabled()).toBe(true);
      expect(await page.getByRole("status").innerText()).toContain("answering");
      release();
      await page.getByTestId("reply").first().waitFor();
      expect(await page.getByTestId("message-input").isEnabled()).toBe(true);
      await page.close();
    },
    timeout,
  );
});
