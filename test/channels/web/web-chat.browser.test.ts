// The web chat in a real headless Chromium against a real server and the real conversation core, on a
// 360 px screen: typing and Enter, service cards and their buttons, paging, the referral button only
// where First Contact Plus covers the person, the urgent reply, that service data cannot add markup,
// and a failed request said plainly. The forms are in web-chat-forms.browser.test.ts.
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import { seriousAccessibilityViolations } from "../../support/check-accessibility.js";
import { focusedTestId, horizontalOverflow, send, useChatBrowser } from "./support/chat-page.js";

const timeout = 30_000;
const screenshotPath = "/tmp/signpost-web-chat.png";
const chat = useChatBrowser({ width: 360, height: 780 }, timeout);

describe("the web chat in Chromium", () => {
  it(
    "shows the page, answers with service cards, and follows a card's button",
    async () => {
      const { page, problems } = await chat.openChat();
      await expect.poll(() => page.getAttribute("html", "lang")).toBe("en-GB");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Signpost");
      const notice = await page.getByTestId("notice").innerText();
      expect(notice).toContain("For trying Signpost on this computer: do not enter real people's details.");
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
      // Compact: why it matched, how to refer and one contact; the full record opens on demand.
      expect(await first.innerText()).toMatch(/Why it matched[\s\S]*How to refer[\s\S]*Contact/);
      expect(await first.innerText()).not.toMatch(/Areas/);
      await first.getByTestId("card-record-toggle").click();
      expect(await first.innerText()).toMatch(/Areas[\s\S]*Charnwood/);
      expect(await first.innerText()).toMatch(/Matched need\s*Loneliness and social isolation/);
      const phone = first.locator('a[href^="tel:"]');
      if ((await phone.count()) > 0) expect(await phone.first().getAttribute("href")).toMatch(/^tel:[\d+]+$/);

      // The conversation id is random per tab and kept in sessionStorage; who is asking is the session cookie's,
      // which no script can read, and the page says who that is.
      const ids = await page.evaluate<unknown[]>('[sessionStorage.getItem("signpost.conversationId"), sessionStorage.getItem("signpost.userId"), document.cookie]');
      expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.slice(1)).toEqual([null, ""]);
      expect(await page.getByTestId("session-bar").innerText()).toMatch(/Trial mode on this computer/);

      const name = (await first.getByRole("heading", { level: 3 }).textContent()) ?? "";
      await send(page, "tell me more about the first one");
      const details = page.getByTestId("reply").nth(1);
      expect(await details.innerText()).toContain("in full");
      expect(await details.getByTestId("service-card").getByRole("heading", { level: 3 }).textContent()).toBe(name);
      // The full card's record is open, and it has no "More about this" of its own.
      expect(await details.getByTestId("card-record").getAttribute("open")).not.toBeNull();
      await details.getByTestId("card-action").filter({ hasText: "Report outdated details" }).click();
      await page.getByTestId("reply").nth(2).waitFor();
      // The button's reply takes focus, so a keyboard user carries on from there.
      expect(await focusedTestId(page)).toBe("reply");

      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath, fullPage: true });
      // The check can fail: a button with no name is a critical violation, and it is found.
      await page.evaluate('document.querySelector("main").append(document.createElement("button"))');
      expect((await seriousAccessibilityViolations(page)).map((v) => v.id)).toContain("button-name");
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "pages with a reply-level button",
    async () => {
      const { page, problems } = await chat.openChat();
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
    "offers Refer to First Contact only where it covers the person, and in Rutland a button for Rutland's front door",
    async () => {
      const { page, problems } = await chat.openChat();
      await send(page, "lonely widower in Melton Mowbray");
      const melton = page.getByTestId("reply").first().getByTestId("service-card");
      await melton.first().waitFor();
      expect(await melton.first().getByTestId("card-action").filter({ hasText: "Refer to First Contact" }).count()).toBe(1);

      await send(page, "lonely widower in Oakham");
      const reply = page.getByTestId("reply").nth(1);
      const cards = reply.getByTestId("service-card");
      await cards.first().waitFor();
      expect(await reply.getByTestId("card-action").filter({ hasText: "Refer to First Contact" }).count()).toBe(0);
      const doors = reply.getByTestId("card-action").filter({ hasText: "Rutland's front door: Rutland Wayfinder" });
      expect(await doors.count()).toBe(await cards.count());
      expect(await reply.innerText()).toContain("For someone who lives in Rutland, the front door is Rutland Wayfinder (01632 960700)");
      await doors.first().click();
      const door = page.getByTestId("reply").nth(2);
      await door.waitFor();
      expect(await door.getByTestId("service-card").getByRole("heading", { level: 3 }).textContent()).toBe("Rutland Wayfinder");
      expect(await door.innerText()).toContain("01632 960700");
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "puts an emergency first, in an alert with 999, and shows no cards",
    async () => {
      const { page, problems } = await chat.openChat();
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
    "shows service data as text: markup and script links in a reply do nothing",
    async () => {
      const { page, problems } = await chat.openChat();
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
            record: "<img src=x onerror=\"window.hacked=5\">",
            howToRefer: "Phone us",
            contact: { url: "javascript:window.hacked=4", email: "a@b.example.org?subject=<x>", phone: "0116 496 0000" },
            needs: [{ id: "n", label: "<u>need</u>" }],
            matched: [{ id: "n", label: "<u>matched</u>" }],
            needsNote: "<b>inferred</b>",
            areas: [{ id: "a", name: "Area" }],
            why: "because",
            lastVerified: "2026-01-01",
            lastVerifiedText: "1 Jan 2026",
            verifiedBy: "<i>a feed</i>",
            verifiedText: "Verified by <i>a feed</i> on 1 Jan 2026",
            source: "test",
            actions: [{ id: "details", label: "<em>Details</em>", value: "another-record" }],
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
      await card.getByTestId("card-record-toggle").click();
      expect(await card.innerText()).toMatch(/Matched need\s*<u>matched<\/u>/);
      expect(await card.innerText()).toContain("<u>need</u> (<b>inferred</b>)");
      expect(await card.innerText()).toContain("Verified by <i>a feed</i> on 1 Jan 2026");
      expect(await page.evaluate<unknown>("window.hacked")).toBeUndefined();
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "says clearly when a request fails, and lets the person try again",
    async () => {
      const { page } = await chat.openChat();
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
});
