// The referral form in real Chromium against the real server and core (issue 17): the error round keeps every entry
// and puts each error beside its field with no serious accessibility violation, a UK date is accepted, the needs are
// grouped and found with the filter by keyboard, one form is live at a time (an older one is switched off, and if sent
// anyway is told it was replaced), and details typed in chat fill the open form.
import { type Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { seriousAccessibilityViolations } from "../../support/check-accessibility.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { syntheticNhsNumbers, syntheticPeople, syntheticReferrerName } from "../../support/synthetic-referral.js";
import { send, submit, useChatBrowser } from "./support/chat-page.js";

const timeout = 45_000;
const chat = useChatBrowser({ width: 390, height: 844 }, timeout);

const box = (form: Locator, name: string) => form.getByRole("textbox", { name, exact: true });
const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
const wrongCheckDigit = spaced(`${syntheticNhsNumbers[1].slice(0, 9)}${(Number(syntheticNhsNumbers[1][9]) + 1) % 10}`);

describe("the referral form in Chromium", () => {
  it(
    "keeps every entry through an error round, with each error beside its field, then takes a UK date and confirms what was sent",
    async () => {
      const { page, problems } = await chat.openChat();
      const opened = (await send(page, "refer someone to First Contact")).getByTestId("reply-form");
      // Trial mode: the referrer gives their own name, for triage to call back.
      await box(opened, "Your name").fill(syntheticReferrerName);
      await box(opened, "Name, or initials if your team uses initials").fill(syntheticPeople[4]);
      await box(opened, "Date of birth").fill("31/02/1942");
      await box(opened, "NHS number (optional)").fill(wrongCheckDigit);
      await box(opened, "What matters most to them").fill("Keeping warm this winter");
      const retry = await submit(page, opened);
      const form = retry.getByTestId("reply-form");

      // Everything typed is still there, as typed.
      expect(await box(form, "Your name").inputValue()).toBe(syntheticReferrerName);
      expect(await box(form, "Name, or initials if your team uses initials").inputValue()).toBe(syntheticPeople[4]);
      expect(await box(form, "Date of birth").inputValue()).toBe("31/02/1942");
      expect(await box(form, "NHS number (optional)").inputValue()).toBe(wrongCheckDigit);
      expect(await box(form, "What matters most to them").inputValue()).toBe("Keeping warm this winter");
      // Every error at once, each beside its field and named by it; the field with the first error has focus.
      const errorOf = async (control: Locator) => {
        const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ");
        const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"].field-error`).allInnerTexts()));
        return texts.flat().join(" ");
      };
      expect(await errorOf(box(form, "Date of birth"))).toMatch(/31\/02\/1942 is not a real date/);
      expect(await errorOf(box(form, "NHS number (optional)"))).toMatch(/check digit/);
      expect(await errorOf(box(form, "Phone"))).toMatch(/one way to contact them/);
      expect(await box(form, "Age").getAttribute("aria-invalid")).toBeNull();
      expect(await form.getByTestId("field-error").count()).toBe(6);
      expect(await page.locator(":focus").getAttribute("name")).toBe("phone");
      // The first copy is switched off and says so.
      expect(await opened.getByTestId("form-retired").innerText()).toMatch(/replaced by a newer one/);
      expect(await opened.getByTestId("form-submit").isDisabled()).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Put right, with the date written as people write it.
      await box(form, "Date of birth").fill("12 March 1942");
      await box(form, "NHS number (optional)").fill(spaced(syntheticNhsNumbers[1]));
      await box(form, "Phone").fill("0116 496 0777");
      await form.getByRole("combobox", { name: "Where they live", exact: true }).selectOption("blaby");
      const filter = form.getByRole("searchbox", { name: "Find a need by a word in its name" });
      await filter.fill("cold");
      const cold = form.getByRole("checkbox", { name: "Cold, damp homes and energy bills", exact: true });
      await cold.focus();
      await page.keyboard.press("Space");
      expect(await cold.isChecked()).toBe(true);
      await form.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true }).check();
      const sent = await submit(page, form);
      const text = await sent.innerText();
      expect(text).toMatch(/Referral FC-[0-9A-HJKMNP-TV-Z]{6} has been sent to First Contact Plus/);
      expect(text).toMatch(/What was sent:[\s\S]*Age: born 12\/03\/1942[\s\S]*Needs: Cold, damp homes and energy bills/);
      expect(text).toContain("NHS number: given (not repeated here)");
      expect(text.replace(/\s/g, "")).not.toContain(syntheticNhsNumbers[1]);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "groups the needs, ticks the search's, and filters them by keyboard",
    async () => {
      const { page, problems } = await chat.openChat();
      const answer = await send(page, "lonely widower in Loughborough who keeps falling");
      await answer.getByTestId("card-action").filter({ hasText: "Refer to First Contact" }).first().click();
      const form = page.getByTestId("reply").nth(1).getByTestId("reply-form");
      await form.waitFor();
      const needs = form.getByRole("group", { name: "What they need help with", exact: true });
      // The search's needs are ticked, and their groups are open and say so; the rest are closed.
      expect(await needs.getByRole("checkbox", { checked: true }).count()).toBe(2);
      const summaries = await needs.getByTestId("choice-group-summary").allInnerTexts();
      expect(summaries).toContain("Wellbeing and connection (1 ticked)");
      expect(summaries.filter((s) => s.includes("ticked"))).toHaveLength(2);
      expect(await needs.getByTestId("choice-group").count()).toBe((await realDirectoryAndEngine()).directory.taxonomy.groups.length);
      // The filter: typing shows only what matches, and says how many.
      const filter = needs.getByRole("searchbox");
      await filter.focus();
      await page.keyboard.type("debt");
      await expect.poll(() => needs.getByRole("checkbox").count()).toBeGreaterThan(0);
      for (const label of await needs.locator(".choice:visible label").allInnerTexts()) expect(label.toLowerCase()).toContain("debt");
      expect(await needs.getByRole("status").count()).toBe(0);
      expect(await needs.locator("[aria-live=polite]").innerText()).toMatch(/needs? match/);
      // Enter in the filter does not send the form.
      const replies = await page.getByTestId("reply").count();
      await page.keyboard.press("Enter");
      expect(await page.getByTestId("reply").count()).toBe(replies);
      // Tab reaches the matching group's summary (open), then its first matching need; Space ticks it.
      await page.keyboard.press("Tab");
      expect(await page.locator(":focus").getAttribute("data-testid")).toBe("choice-group-summary");
      await page.keyboard.press("Tab");
      expect(await page.locator(":focus").getAttribute("type")).toBe("checkbox");
      await page.keyboard.press("Space");
      // Needs ticked earlier stay ticked while the filter hides them, and show again when it is cleared.
      expect(await needs.locator("input[type=checkbox]:checked").count()).toBe(3);
      await filter.fill("");
      expect(await needs.getByRole("checkbox", { checked: true }).count()).toBe(3);
      expect(await page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth")).toBeLessThanOrEqual(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "keeps one live form: a new one switches off the older, which if sent anyway is told it was replaced",
    async () => {
      const { page, problems } = await chat.openChat();
      const first = (await send(page, "refer someone to First Contact")).getByTestId("reply-form");
      await box(first, "Name, or initials if your team uses initials").fill(syntheticPeople[5]);
      const second = await send(page, "refer someone else to First Contact");
      expect(await second.getByTestId("form-note").innerText()).toBe("This form replaces the referral form above: nothing was saved from that one.");
      expect(await first.getByTestId("form-retired").count()).toBe(1);
      expect(await first.getByTestId("form-submit").isDisabled()).toBe(true);
      // A new referral starts empty: nothing is carried from another one.
      expect(await box(second.getByTestId("reply-form"), "Name, or initials if your team uses initials").inputValue()).toBe("");
      // Sent anyway (switched back on by hand), the server says it was replaced and saves nothing.
      await page.evaluate('for (const c of document.querySelectorAll("form[data-retired=true] [disabled]")) c.removeAttribute("disabled")');
      const answer = await submit(page, first);
      expect(await answer.innerText()).toContain("That referral form was replaced by a newer one, so nothing was saved from it.");
      expect(await answer.getByTestId("reply-form").count()).toBe(0);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );

  it(
    "fills the open form from details typed in chat, keeping what was typed in it, and answers 'yes he consents' without ticking",
    async () => {
      const { page, problems } = await chat.openChat();
      const first = (await send(page, "refer someone to First Contact")).getByTestId("reply-form");
      await box(first, "Name, or initials if your team uses initials").fill(syntheticPeople[6]);
      const filled = await send(page, "he's 70, lives in Shepshed");
      expect(await filled.innerText()).toMatch(/I've put that in the referral form: .*Lives in: Charnwood.*Age: 70/);
      const form = filled.getByTestId("reply-form");
      expect(await box(form, "Age").inputValue()).toBe("70");
      expect(await form.getByRole("combobox", { name: "Where they live", exact: true }).inputValue()).toBe("charnwood");
      expect(await box(form, "Name, or initials if your team uses initials").inputValue()).toBe(syntheticPeople[6]);
      expect(await first.getByTestId("form-submit").isDisabled()).toBe(true);
      expect(await filled.getByTestId("service-card").count()).toBe(0);

      const consent = await send(page, "yes he consents");
      expect(await consent.innerText()).toContain('Please tick "The person has agreed to this referral" in the form yourself');
      expect(await consent.getByTestId("reply-form").count()).toBe(0);
      expect(await form.getByRole("checkbox", { name: "The person has agreed to this referral", exact: true }).isChecked()).toBe(false);
      expect(await form.getByTestId("form-submit").isEnabled()).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    },
    timeout,
  );
});
