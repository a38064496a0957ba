// Two real Signpost processes (npm start's entry point), each on its own port and DATA_DIR, on one
// fresh PostgreSQL database, behind a round-robin proxy that sends each request to the other
// instance from the last, with no sticky sessions. Used as staff use the web chat (trial mode,
// its real HTTP API): a search's follow-ups, card buttons, a referral form, outdated-details
// reports and their digest and review list all come out right whichever instance gets each
// request, and when one instance is killed mid-conversation the other carries on with the same
// session and list. An older Signpost's feedback.jsonl in one DATA_DIR is moved in at start-up.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutdatedReport } from "../../src/feedback/feedback-store.js";
import { openDatabase, postgresDatabase, type TestDatabase } from "../support/databases.js";
import { freePort } from "../support/free-port.js";
import { type RoundRobinProxy, startRoundRobinProxy } from "../support/round-robin-proxy.js";
import { run, start, waitFor } from "../support/run-process.js";
import { syntheticPeople } from "../support/synthetic-referral.js";
import { webClient, type WebClient } from "../support/web-client.js";

const signpost = ["--import", "tsx", "src/main.ts"];

interface Action {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}
interface Card {
  readonly name: string;
  readonly areas: readonly { readonly id: string }[];
  readonly actions: readonly Action[];
}
interface Reply {
  readonly text: string[];
  readonly cards: Card[];
  readonly actions: Action[];
  readonly form?: { readonly value: string };
}

const serviceOf = (card: Card) => card.actions.find((action) => action.id === "report_outdated")?.value;
const said = (reply: Reply) => reply.text.join(" ");

/** A report written by an older Signpost to one instance's DATA_DIR/feedback.jsonl. */
const oldReport: OutdatedReport = {
  serviceId: "harborough-strollers",
  organizationId: "harborough-strollers",
  details: "The Tuesday walk now starts from the library",
  channel: "web",
  reportedBy: "web:synthetic-older-reporter",
  reportedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
};

let database: TestDatabase;
let proxy: RoundRobinProxy;
const dataDirs = [mkdtempSync(path.join(tmpdir(), "signpost-two-a-")), mkdtempSync(path.join(tmpdir(), "signpost-two-b-"))];
const instances: ReturnType<typeof start>[] = [];
let env: Record<string, string>;
const startedAt = Date.now();

/** Starts one instance and resolves once its /readyz says ready; fails at once if it exits first. */
async function launch(port: number, dataDir: string) {
  const server = start(process.execPath, signpost, { ...env, PORT: String(port), DATA_DIR: dataDir });
  instances.push(server);
  const ready = waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined), 60_000);
  const died = server.exited.then((code) => {
    throw new Error(`an instance exited (${code}) before it was ready:\n${server.output.stderr.slice(-2000)}`);
  });
  await Promise.race([ready, died]);
}

/** One chat turn through the proxy; returns the reply and which instance answered it. */
async function turn(browser: WebClient, body: Record<string, unknown>): Promise<{ reply: Reply; by: number }> {
  const response = await browser.chat(body);
  expect(response.status).toBe(200);
  return { reply: (await response.json()) as Reply, by: proxy.served.at(-1)! };
}

beforeAll(async () => {
  database = await postgresDatabase();
  if (database.settings.kind !== "postgres") throw new Error("needs PostgreSQL");
  env = {
    REFERRAL_STORE: "postgres",
    DATABASE_URL: database.settings.url,
    JOBS_ENABLED: "false",
    LOG_LEVEL: "warn",
    TRIAL_ROLES: "maintainer",
    CHAT_TURNS_PER_MINUTE: "1000",
    SEARCHES_PER_MINUTE: "1000",
  };
  writeFileSync(path.join(dataDirs[0]!, "feedback.jsonl"), `${JSON.stringify(oldReport)}\n`);
  const ports = [await freePort(), await freePort()];
  await Promise.all(ports.map((port, i) => launch(port, dataDirs[i]!)));
  proxy = await startRoundRobinProxy(ports);
}, 90_000);

afterAll(async () => {
  for (const server of instances) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await Promise.all(instances.map((server) => server.exited));
  await proxy?.close();
  await database?.drop();
  // What the whole file took, start-up included, for docs/decisions/0014-shared-state.md.
  process.stdout.write(`two instances: ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
});

describe("two instances behind a round-robin proxy, on one PostgreSQL", () => {
  it("answers a search's follow-ups right whichever instance gets each", async () => {
    const browser = webClient(proxy.url);
    const tab = "tab-follow-ups";
    const search = await turn(browser, { conversationId: tab, text: "help for carers" });
    expect(search.reply.cards).toHaveLength(5);
    const more = await turn(browser, { conversationId: tab, text: "show more" });
    expect(said(more.reply)).toMatch(/^Here are \d+ more services/);
    const first = new Set(search.reply.cards.map(serviceOf));
    expect(more.reply.cards.length).toBeGreaterThan(0);
    for (const card of more.reply.cards) expect(first.has(serviceOf(card)), card.name).toBe(false);
    const blaby = await turn(browser, { conversationId: tab, text: "only in Blaby" });
    expect(said(blaby.reply)).toMatch(/^Same needs as before, now in Blaby\./);
    expect(blaby.reply.cards.length).toBeGreaterThan(1);
    for (const card of blaby.reply.cards) expect(card.areas.map((area) => area.id), card.name).toContain("blaby");
    const second = await turn(browser, { conversationId: tab, text: "tell me more about the second one" });
    expect(second.reply.text[0]).toBe(`${blaby.reply.cards[1]!.name}, in full:`);
    // Each turn went to the other instance from the one before it.
    expect([search.by, more.by, blaby.by, second.by]).toEqual([search.by, 1 - search.by, search.by, 1 - search.by]);
  });

  it("takes a card's buttons on the instance that did not make the card", async () => {
    const browser = webClient(proxy.url);
    const tab = "tab-buttons";
    const search = await turn(browser, { conversationId: tab, text: "lonely older man, house is cold" });
    const showMore = search.reply.actions.find((action) => action.id === "show_more")!;
    const onlyBlaby = search.reply.actions.find((action) => action.label === "Only in Blaby")!;
    const more = await turn(browser, { conversationId: tab, action: { id: showMore.id, value: showMore.value } });
    expect(more.by).not.toBe(search.by);
    expect(said(more.reply)).toMatch(/^Here are \d+ more services/);
    const shown = new Set(search.reply.cards.map(serviceOf));
    for (const card of more.reply.cards) expect(shown.has(serviceOf(card)), card.name).toBe(false);
    const narrowed = await turn(browser, { conversationId: tab, action: { id: onlyBlaby.id, value: onlyBlaby.value } });
    expect(narrowed.by).not.toBe(more.by);
    expect(said(narrowed.reply)).toMatch(/in Blaby/);
    expect(narrowed.reply.cards.length).toBeGreaterThan(0);
    for (const card of narrowed.reply.cards) expect(card.areas.map((area) => area.id), card.name).toContain("blaby");
  });

  it("stores a referral once from a form opened on one instance and sent to the other", async () => {
    const browser = webClient(proxy.url);
    const tab = "tab-referral";
    const person = syntheticPeople[3];
    const opened = await turn(browser, { conversationId: tab, text: "refer someone to First Contact" });
    // Trial mode: the referrer gives their own name (src/conversation/given-referrer.ts).
    const fields = { referrerName: "Sam Tester", person, phone: "0116 496 0778", age: "81", area: "melton", needs: "home-safety", whatMatters: "Staying safe at home", urgency: "routine", consent: "true" };
    const sent = await turn(browser, { conversationId: tab, action: { id: "submit_form", value: opened.reply.form!.value, fields } });
    expect(sent.by).not.toBe(opened.by);
    const reference = /Referral (FC-[0-9A-Z]{6}) has been sent/.exec(said(sent.reply))?.[1];
    expect(reference).toBeDefined();
    const again = await turn(browser, { conversationId: tab, action: { id: "submit_form", value: opened.reply.form!.value, fields } });
    expect(again.by).toBe(opened.by);
    expect(said(again.reply)).toContain(`already sent as ${reference!}`);
    const db = openDatabase(database.settings);
    try {
      expect(await db.selectFrom("referrals").select("reference").where("person", "=", person).execute()).toEqual([{ reference }]);
    } finally {
      await db.destroy();
    }
  });

  it("puts outdated-details reports made on both instances, and an older file's, in one digest and one review list", async () => {
    // The older file in A's DATA_DIR was moved in at start-up, and kept.
    expect(existsSync(path.join(dataDirs[0]!, "feedback.jsonl"))).toBe(false);
    expect(existsSync(path.join(dataDirs[0]!, "feedback.jsonl.imported"))).toBe(true);
    const browser = webClient(proxy.url);
    const tab = "tab-reports";
    const form = await turn(browser, { conversationId: tab, action: { id: "report_outdated", value: "charnwood-carers-circle" } });
    const first = await turn(browser, { conversationId: tab, action: { id: "submit_form", value: form.reply.form!.value, fields: { details: "The circle now meets on Wednesdays" } } });
    const second = await turn(browser, { conversationId: tab, action: { id: "submit_form", value: "report_outdated:hinckley-mens-shed", fields: { details: "The shed has moved to Burbage" } } });
    expect(second.by).not.toBe(first.by);
    for (const { reply } of [first, second]) expect(said(reply)).toMatch(/^Thank you\. Your report about .* is recorded/);

    // The maintainers' tools, run as a maintainer would on B's host (its DATA_DIR never held A's reports or the older file).
    const tools = { ...env, DATA_DIR: dataDirs[1]! };
    const [review, digest] = await Promise.all([
      run(process.execPath, ["--import", "tsx", "scripts/directory.ts", "review"], tools),
      run(process.execPath, ["--import", "tsx", "scripts/job.ts", "stale-entries"], tools),
    ]);
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout.split("\n")[0]).toMatch(/: 3 records with reports of outdated details,/);
    const reported = review.stdout.slice(0, review.stdout.indexOf("Not verified since"));
    for (const id of ["harborough-strollers", "charnwood-carers-circle", "hinckley-mens-shed"]) expect(reported).toContain(`  ${id}  `);
    expect(digest.code, digest.stderr).toBe(0);
    expect(digest.stdout).toMatch(/3 reports this week; digest sent/);
    const inbox = await browser.fetch("/api/inbox/maintainers");
    const text = ((await inbox.json()) as { messages: string[] }).messages.join("\n");
    for (const details of [oldReport.details, "The circle now meets on Wednesdays", "The shed has moved to Burbage"]) expect(text).toContain(`"${details}"`);
    expect(text).not.toMatch(/web:trial-|synthetic-older-reporter/);
  });

  it("carries on with the same session and list when one instance is killed mid-conversation", async () => {
    const browser = webClient(proxy.url);
    const tab = "tab-kill";
    const search = await turn(browser, { conversationId: tab, text: "help for carers" });
    const session = new Map(browser.cookies);
    const killed = instances[search.by]!;
    killed.child.kill("SIGKILL");
    expect(await killed.exited).toBeNull();
    const more = await turn(browser, { conversationId: tab, text: "show more" });
    expect(more.by).toBe(1 - search.by);
    expect(said(more.reply)).toMatch(/^Here are \d+ more services/);
    const shown = new Set(search.reply.cards.map(serviceOf));
    for (const card of more.reply.cards) expect(shown.has(serviceOf(card)), card.name).toBe(false);
    const second = await turn(browser, { conversationId: tab, text: "tell me more about the second one" });
    expect(second.by).toBe(1 - search.by);
    expect(second.reply.text[0]).toBe(`${more.reply.cards[1]!.name}, in full:`);
    // The same session throughout: no new cookie was set, and it is still signed in to a trial.
    expect(browser.cookies).toEqual(session);
    expect(await (await browser.fetch("/api/session")).json()).toMatchObject({ mode: "trial" });
  });
});
