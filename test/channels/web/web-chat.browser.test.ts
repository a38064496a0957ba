// The web chat in a real headless Chromium against a real server and the real
// conversation core: typing and Enter, service cards, buttons, the urgent reply,
// the report form, the referral form (every kind of field) and its status change arriving by polling,
// keyboard use, a 360 px screen, and that service data cannot add markup.
import { type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { launchChromium, openWatchedPage } from "../../support/chromium.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/conversation/reply.js";
import type { Directory } from "../../../src/directory/directory.js";
import type { OutdatedReport } from "../../../src/feedback/feedback-store.js";
import type { OutboxSender } from "../../../src/notifications/outbox-sender.js";
import type { ReferralDesk } from "../../../src/referrals/referral-desk.js";
import { seriousAccessibilityViolations } from "../../support/check-accessibility.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { triageUserId } from "../../support/test-referrals.js";
import { startWebWorld, type WebWorld } from "./support/web-world.js";

const timeout = 30_000;
const screenshotPath = "/tmp/signpost-web-chat.png";
const referralScreenshotPath = "/tmp/signpost-referral-form.png";

let world: WebWorld;
let browser: Browser;
let context: BrowserContext;
let base: string;
let directory: Directory;
let referrals: ReferralDesk;
let sender: OutboxSender;
let reports: OutdatedReport[];

beforeAll(async () => {
  directory = (await realDirectoryAndEngine()).directory;
  world = await startWebWorld();
  ({ base, referrals, sender, reports } = world);
  browser = await launchChromium();
  // A small phone's width: nothing may need scrolling sideways.
  context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "en-GB" });
}, timeout);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await world?.close();
}, timeout);

/** A fresh tab on the chat page that fails the test on any script error or CSP violation. */
async function openChat(): Promise<{ page: Page; problems: string[] }> {
  return openWatchedPage(context, `${base}/`);
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

/** The field wrapper (div or fieldset) around a control. */
function fieldOf(control: Locator): Locator {
  return control.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");
}

/** The bot's error for a field sits in the field's wrapper, and `describedBy` (the control or the fieldset) points to it. */
async function expectErrorBeside(field: Locator, describedBy: Locator, message: RegExp): Promise<void> {
  const error = field.getByTestId("field-error");
  expect(await error.count()).toBe(1);
  expect(await error.innerText()).toMatch(message);
  expect(((await describedBy.getAttribute("aria-describedby")) ?? "").split(" ")).toContain(await error.getAttribute("id"));
}

describe("the web chat in Chromium", () => {
  it(
    "shows the page, answers with service cards, and follows a card's button",
    async () => {
      const { page, problems } = await openChat();
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
    "offers Refer to First Contact only where it covers the person, and in Rutland a button for Rutland's front door",
    async () => {
      const { page, problems } = await openChat();
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
    "refers someone through the referral form, with errors beside the fields, and shows its status change by polling",
    async () => {
      const { page, problems } = await openChat();
      await send(page, "refer someone to First Contact");
      const opened = page.getByTestId("reply").first();
      expect(await opened.getByTestId("private-note").innerText()).toBe("Only you can see this.");
      const blank = opened.getByTestId("reply-form");
      expect(await blank.getByRole("heading", { level: 3 }).textContent()).toBe("Refer to First Contact");
      // Every kind of field, labelled: a select with no silent default, a fieldset of checkboxes, a lone checkbox.
      const area = blank.getByRole("combobox", { name: "Where they live", exact: true });
      expect(await area.inputValue()).toBe("");
      expect(await area.getAttribute("required")).not.toBeNull();
      expect(await blank.getByRole("combobox", { name: "Urgency", exact: true }).inputValue()).toBe("routine");
      const needs = blank.getByRole("group", { name: "What they need help with", exact: true });
      expect(await needs.locator("xpath=self::fieldset/legend").count()).toBe(1);
      // The needs are in their groups, closed until opened: every one is there, none ticked.
      expect(await needs.locator("input[type=checkbox]").count()).toBe(directory.taxonomy.needs.length);
      expect(await needs.locator("input[type=checkbox]:checked").count()).toBe(0);
      expect(await blank.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true }).getAttribute("required")).not.toBeNull();
      // One of phone, email or address is needed: none of them says optional; the NHS number is optional and says so.
      expect(await blank.getByRole("group", { name: "One way to contact them", exact: true }).getByRole("textbox", { name: "Phone", exact: true }).count()).toBe(1);
      expect(await blank.getByRole("textbox", { name: "NHS number (optional)", exact: true }).count()).toBe(1);

      // Sent empty: every required field gets its error beside it at once, consent included,
      // and the first field in error takes focus so the keyboard starts there.
      await blank.getByTestId("form-submit").click();
      const retry = page.getByTestId("reply").nth(1);
      await retry.getByTestId("reply-form").waitFor();
      expect(await retry.getByTestId("private-note").count()).toBe(1);
      const consent = retry.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true });
      const person = retry.getByRole("textbox", { name: "Name, or initials if your team uses initials", exact: true });
      const whatMatters = retry.getByRole("textbox", { name: "What matters most to them", exact: true });
      const retryArea = retry.getByRole("combobox", { name: "Where they live", exact: true });
      const retryNeeds = retry.getByRole("group", { name: "What they need help with", exact: true });
      await expectErrorBeside(fieldOf(consent), consent, /agreed/);
      await expectErrorBeside(fieldOf(person), person, /needed/);
      await expectErrorBeside(fieldOf(whatMatters), whatMatters, /needed/);
      await expectErrorBeside(fieldOf(retryArea), retryArea, /where they live/);
      await expectErrorBeside(retryNeeds, retryNeeds, /at least one need/);
      // The rules across fields come in the same round: a way to contact them, an age or a date of birth.
      const phoneBox = retry.getByRole("textbox", { name: "Phone", exact: true });
      const ageBox = retry.getByRole("textbox", { name: "Age", exact: true });
      await expectErrorBeside(fieldOf(phoneBox), phoneBox, /one way to contact them/);
      await expectErrorBeside(fieldOf(ageBox), ageBox, /age or their date of birth/);
      for (const invalid of [consent, person, whatMatters, retryArea, retryNeeds.locator("input[type=checkbox]").first()]) expect(await invalid.getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator(":focus").getAttribute("id")).toBe(await person.getAttribute("id"));

      await page.keyboard.type("Ottoline Brackenbury");
      await page.keyboard.press("Tab");
      expect(await page.locator(":focus").getAttribute("name")).toBe("phone");
      await page.keyboard.type("0116 496 0777");
      await ageBox.click();
      await page.keyboard.type("79");
      await retryArea.focus();
      await page.keyboard.type("Charnwood");
      expect(await retryArea.inputValue()).toBe("charnwood");
      await retryNeeds.getByTestId("choice-group-summary").filter({ hasText: "Home and housing" }).click();
      await retryNeeds.getByText("Home safety and repairs", { exact: true }).click();
      await retryNeeds.getByRole("checkbox", { name: "Cold, damp homes and energy bills", exact: true }).focus();
      await page.keyboard.press("Space");
      await whatMatters.click();
      await page.keyboard.type("Feeling safe and warm at home");
      await retry.getByRole("combobox", { name: "Urgency", exact: true }).selectOption({ label: "Soon" });
      expect(await retryNeeds.getByRole("checkbox", { checked: true }).count()).toBe(2);
      await consent.focus();
      await page.keyboard.press("Space");
      expect(await consent.isChecked()).toBe(true);

      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await retry.screenshot({ path: referralScreenshotPath });
      await retry.getByTestId("form-submit").focus();
      await page.keyboard.press("Enter");
      const sent = page.getByTestId("reply").nth(2);
      await sent.waitFor();
      const reference = /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(await sent.innerText())?.[0];
      expect(reference).toBeDefined();
      expect(await sent.getByTestId("private-note").innerText()).toBe("Only you can see this.");
      expect(await page.getByTestId("inbox-message").count()).toBe(0);

      // Triage picks it up; the page finds out by polling its inbox (every 5 seconds).
      await referrals.move(reference ?? "", { status: "acknowledged" }, { userId: triageUserId, channel: "web", conversationId: "t" });
      await sender.runOnce();
      const told = page.getByRole("log").getByTestId("inbox-message");
      await told.waitFor({ timeout: 10_000 });
      expect(await told.innerText()).toContain(reference);
      expect(await told.innerText()).not.toContain("Ottoline");
      expect(await told.count()).toBe(1);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "stops polling the inbox quietly when it fails, and picks up again after the next reply",
    async () => {
      // The page's timers run on a clock the test moves, so "no more polls for a while" needs no waiting.
      const page = await context.newPage();
      await page.clock.install();
      let polls = 0;
      let failing = true;
      await page.route("**/api/chat/inbox?*", (route) => {
        polls += 1;
        if (failing) return route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong." } }) });
        const messages = polls === 2 ? ["FC-7K3M9Q has been picked up by the First Contact team."] : [];
        return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ messages }) });
      });
      await page.goto(`${base}/`);
      await expect.poll(() => polls).toBe(1);
      // Nothing is shown for a failed poll, and no more polls follow for the next 25 seconds (the pause after a failure).
      await page.clock.runFor(25_000);
      expect(polls).toBe(1);
      expect(await page.getByTestId("error").count()).toBe(0);
      expect(await page.getByRole("log").innerText()).not.toMatch(/went wrong|Error|at .*:\d+/);

      failing = false;
      await send(page, "lonely in Oakham");
      const told = page.getByTestId("inbox-message");
      await told.waitFor({ timeout: 2_000 });
      expect(await told.innerText()).toContain("FC-7K3M9Q has been picked up");
      expect(await focusedTestId(page)).toBe("message-input");
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
