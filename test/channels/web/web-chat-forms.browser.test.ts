// The web chat's forms in a real headless Chromium against a real server and the real conversation core,
// on a 360 px screen: the report form, the referral form (every kind of field, errors beside the fields,
// the keyboard) and its status change arriving by polling the inbox, the polling's pause after a
// failure, and the message box held while an answer is on its way.
import { describe, expect, it } from "vitest";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { triageUserId } from "../../support/test-referrals.js";
import { syntheticReferrerName } from "../../support/synthetic-referral.js";
import { expectErrorBeside, fieldOf, focusedTestId, horizontalOverflow, send, useChatBrowser } from "./support/chat-page.js";

const timeout = 30_000;
const referralScreenshotPath = "/tmp/signpost-referral-form.png";
const chat = useChatBrowser({ width: 360, height: 780 }, timeout);

describe("the web chat's forms in Chromium", () => {
  it(
    "reports outdated details through a real form, with the bot's error beside the field",
    async () => {
      const { page, problems } = await chat.openChat();
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
      expect(chat.world.reports.at(-1)).toMatchObject({ details: "The group now meets on Thursdays.", channel: "web" });
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "refers someone through the referral form, with errors beside the fields, and shows its status change by polling",
    async () => {
      const { page, problems } = await chat.openChat();
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
      expect(await needs.locator("input[type=checkbox]").count()).toBe((await realDirectoryAndEngine()).directory.taxonomy.needs.length);
      expect(await needs.locator("input[type=checkbox]:checked").count()).toBe(0);
      expect(await blank.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true }).getAttribute("required")).not.toBeNull();
      // One of phone, email or address is needed: none of them says optional; the NHS number is optional and says so.
      expect(await blank.getByRole("group", { name: "One way to contact them", exact: true }).getByRole("textbox", { name: "Phone", exact: true }).count()).toBe(1);
      expect(await blank.getByRole("textbox", { name: "NHS number (optional)", exact: true }).count()).toBe(1);
      // Trial mode (no sign-in): the referrer is asked for their own name, first, and optionally their role or team.
      expect(await blank.getByRole("textbox", { name: "Your name", exact: true }).getAttribute("required")).not.toBeNull();
      expect(await blank.getByRole("textbox", { name: "Your role or team (optional)", exact: true }).count()).toBe(1);

      // Sent empty: every required field gets its error beside it at once, consent included,
      // and the first field in error takes focus so the keyboard starts there.
      await blank.getByTestId("form-submit").click();
      const retry = page.getByTestId("reply").nth(1);
      await retry.getByTestId("reply-form").waitFor();
      expect(await retry.getByTestId("private-note").count()).toBe(1);
      const consent = retry.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true });
      const yourName = retry.getByRole("textbox", { name: "Your name", exact: true });
      const person = retry.getByRole("textbox", { name: "Name, or initials if your team uses initials", exact: true });
      const whatMatters = retry.getByRole("textbox", { name: "What matters most to them", exact: true });
      const retryArea = retry.getByRole("combobox", { name: "Where they live", exact: true });
      const retryNeeds = retry.getByRole("group", { name: "What they need help with", exact: true });
      await expectErrorBeside(fieldOf(consent), consent, /agreed/);
      await expectErrorBeside(fieldOf(yourName), yourName, /your name/);
      await expectErrorBeside(fieldOf(person), person, /needed/);
      await expectErrorBeside(fieldOf(whatMatters), whatMatters, /needed/);
      await expectErrorBeside(fieldOf(retryArea), retryArea, /where they live/);
      await expectErrorBeside(retryNeeds, retryNeeds, /at least one need/);
      // The rules across fields come in the same round: a way to contact them, an age or a date of birth.
      const phoneBox = retry.getByRole("textbox", { name: "Phone", exact: true });
      const ageBox = retry.getByRole("textbox", { name: "Age", exact: true });
      await expectErrorBeside(fieldOf(phoneBox), phoneBox, /one way to contact them/);
      await expectErrorBeside(fieldOf(ageBox), ageBox, /age or their date of birth/);
      for (const invalid of [yourName, consent, person, whatMatters, retryArea, retryNeeds.locator("input[type=checkbox]").first()]) expect(await invalid.getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator(":focus").getAttribute("id")).toBe(await yourName.getAttribute("id"));

      await page.keyboard.type(syntheticReferrerName);
      await page.keyboard.press("Tab");
      await page.keyboard.type("Social prescriber");
      await page.keyboard.press("Tab");
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
      await chat.world.referrals.move(reference ?? "", { status: "acknowledged" }, { userId: triageUserId, channel: "web", conversationId: "t" });
      await chat.world.sender.runOnce();
      // Triage was told who referred by the name given in the form, marked as given in trial mode, beside the trial id.
      const toTriage = (await chat.world.inbox.takeUnread("first-contact-triage")).join("\n");
      expect(toTriage).toMatch(new RegExp(`New referral ${reference ?? ""} \\(to be seen soon\\) from ${syntheticReferrerName}, Social prescriber \\(given in trial mode, not verified\\) \\(user:web:trial-`));
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
      const page = await chat.context.newPage();
      await page.clock.install();
      let polls = 0;
      let failing = true;
      await page.route("**/api/chat/inbox?*", (route) => {
        polls += 1;
        if (failing) return route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong." } }) });
        const messages = polls === 2 ? ["FC-7K3M9Q has been picked up by the First Contact team."] : [];
        return route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ messages }) });
      });
      await page.goto(`${chat.world.base}/`);
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
    "disables the message box while waiting for an answer",
    async () => {
      const { page } = await chat.openChat();
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
