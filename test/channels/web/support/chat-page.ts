// What the web chat's browser tests share: one Chromium and one server per file, and the few ways of
// driving and reading the chat page (send a message, send a form, what has focus, the error beside a
// field, sideways scrolling). Browser-side code is passed as strings: the project's type-check has
// Node's types, not the DOM's.
import { type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium, openWatchedPage } from "../../../support/chromium.js";
import { startWebWorld, type WebWorld } from "./web-world.js";

export interface ChatBrowser {
  readonly world: WebWorld;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /**
   * A fresh tab on the chat page that fails the test on any script error or CSP violation: in the
   * file's context and server unless another context (a zoom, a sign-in) or server is given.
   */
  openChat(on?: BrowserContext, base?: string): Promise<{ page: Page; problems: string[] }>;
}

/** Starts a web world and a Chromium tab context of `viewport` for the file's tests, and closes both after them. */
export function useChatBrowser(viewport: { width: number; height: number }, timeout: number): ChatBrowser {
  let world: WebWorld | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    world = await startWebWorld();
    browser = await launchChromium();
    context = await browser.newContext({ viewport, locale: "en-GB" });
  }, timeout);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await world?.close();
  }, timeout);
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new TypeError("the chat browser is used before beforeAll has run");
    return value;
  };
  return {
    get world() {
      return started(world);
    },
    get browser() {
      return started(browser);
    },
    get context() {
      return started(context);
    },
    openChat: (on = started(context), base = started(world).base) => openWatchedPage(on, `${base}/`),
  };
}

/** Waits for the next reply after `act`, and for the message box to be usable again; returns the reply. */
async function nextReply(page: Page, act: () => Promise<void>): Promise<Locator> {
  const replies = await page.getByTestId("reply").count();
  await act();
  const reply = page.getByTestId("reply").nth(replies);
  await reply.waitFor();
  await expect.poll(() => page.getByTestId("message-input").isEnabled()).toBe(true);
  return reply;
}

/** Types a message, presses Enter and waits for its reply. */
export function send(page: Page, text: string): Promise<Locator> {
  return nextReply(page, async () => {
    await page.getByTestId("message-input").fill(text);
    await page.getByTestId("message-input").press("Enter");
  });
}

/** Sends a form with its button and waits for the reply. */
export function submit(page: Page, form: Locator): Promise<Locator> {
  return nextReply(page, () => form.getByTestId("form-submit").click());
}

/** How far the page scrolls sideways (0 or less: not at all). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
}

/** The data-testid of whatever has focus (waits until something does). */
export function focusedTestId(page: Page): Promise<string | null> {
  return page.locator(":focus").getAttribute("data-testid");
}

/** The field wrapper (div or fieldset) around a control. */
export function fieldOf(control: Locator): Locator {
  return control.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' field ')][1]");
}

/** The bot's error for a field sits in the field's wrapper, and `describedBy` (the control or the fieldset) points to it. */
export async function expectErrorBeside(field: Locator, describedBy: Locator, message: RegExp): Promise<void> {
  const error = field.getByTestId("field-error");
  expect(await error.count()).toBe(1);
  expect(await error.innerText()).toMatch(message);
  expect(((await describedBy.getAttribute("aria-describedby")) ?? "").split(" ")).toContain(await error.getAttribute("id"));
}
