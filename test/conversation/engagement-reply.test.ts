// The outcome follow-up, end to end through the real bot and the registered job: a referral
// accepted 28 days ago gets one question in the referrer's inbox; the referrer's reply is
// stored and audited; a teammate may correct it; a stranger's reply records nothing and is
// told the reference can't be found, as for a lookup; a second run asks nothing more.
import type { Kysely } from "kysely";
import { KyselyFeedbackStore } from "../../src/feedback/kysely-feedback-store.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/conversation/bot.js";
import type { Reply } from "../../src/conversation/reply.js";
import { loadConfig } from "../../src/config/load-config.js";
import { LiveDirectory } from "../../src/directory/live-directory.js";
import { createJobs, type Jobs } from "../../src/jobs/create-jobs.js";
import { jobStores } from "../support/job-stores.js";
import type { InboxStore } from "../../src/notifications/inbox-store.js";
import type { OutboxSender } from "../../src/notifications/outbox-sender.js";
import type { Database } from "../../src/storage/database-schema.js";
import { realDirectory } from "../support/directory-copy.js";
import type { ManualClock } from "../support/manual-clock.js";
import { conversation, realBot } from "../support/real-bot.js";
import { memoryLogger } from "../support/memory-logger.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";
import { triageUserId } from "../support/test-referrals.js";

const day = 24 * 60 * 60 * 1000;
const service = "Lightbulb home safety and falls prevention";

let bot: Bot;
let clock: ManualClock;
let inbox: InboxStore;
let sender: OutboxSender;
let db: Kysely<Database>;
let jobs: Jobs;
beforeAll(async () => {
  const real = await realBot();
  ({ bot, clock, inbox, sender, db } = real);
  const config = loadConfig({}, { cwd: process.cwd(), readEnvFile: false });
  jobs = createJobs({
    config: config.jobs,
    ...jobStores(db, "sqlite", clock),
    clock,
    logger: memoryLogger().logger,
    targets: {
      maintainers: { notifier: "inbox", destination: { conversationId: "signpost-maintainers" } },
      triage: { notifier: "inbox", destination: { conversationId: "first-contact-triage" } },
    },
    directoryDir: realDirectory,
    live: new LiveDirectory(real.core.directory),
    engine: real.core.engine,
    feedback: new KyselyFeedbackStore(db),
  });
});

const said = (reply: Reply) => reply.text.join(" ");
const referenceIn = (reply: Reply) => /FC-[0-9A-HJKMNP-TV-Z]{6}/.exec(said(reply))?.[0] ?? "";
const stored = (reference: string) => db.selectFrom("referrals").select(["id", "engagement", "engagement_recorded_at"]).where("reference", "=", reference).executeTakeFirstOrThrow();
const engagementTrail = async (reference: string) => {
  const { id } = await stored(reference);
  const events = await db.selectFrom("audit_events").select(["action", "actor_id"]).where("referral_id", "=", id).where("action", "like", "engagement:%").orderBy("id").execute();
  return events.map((e) => [e.action, e.actor_id]);
};
/** Delivers what the outbox holds and reads a conversation's inbox. */
const delivered = async (conversationId: string) => {
  while ((await sender.runOnce()) > 0);
  return inbox.takeUnread(conversationId);
};

/** A referral made in the web chat by `userId`, accepted by triage for Lightbulb's home safety service. */
async function acceptedReferral(userId: string, conversationId: string): Promise<string> {
  const referrer = conversation(bot, conversationId, { userId });
  const form = await referrer.say("refer someone to First Contact");
  const fields = { person: syntheticPeople[1], phone: "0116 496 0777", age: "79", nhsNumber: syntheticNhsNumbers[1], area: "charnwood", needs: "home-safety", whatMatters: "Feeling safe at home", urgency: "routine", consent: "true" };
  const reference = referenceIn(await referrer.press({ id: "submit_form", value: form.form?.value ?? "", fields }));
  expect(reference).not.toBe("");
  expect(said(await conversation(bot, "c-triage", { userId: triageUserId }).say(`accept ${reference} for lightbulb-home-safety-falls`))).toMatch(/^Done\./);
  return reference;
}

describe("the outcome follow-up, through the real bot", () => {
  it("asks the referrer once, records their answer and a teammate's correction, and ignores a stranger", async () => {
    const reference = await acceptedReferral("u-flow", "c-referrer");
    await delivered("c-referrer"); // the status updates
    await delivered("first-contact-triage");

    clock.advance(27 * day);
    expect(await jobs.runNow("outcome-follow-up")).toEqual({ status: "succeeded", summary: "0 due; 0 referrers asked" });
    expect(await delivered("c-referrer")).toEqual([]);

    clock.advance(day);
    expect(await jobs.runNow("outcome-follow-up")).toEqual({ status: "succeeded", summary: "1 due; 1 referrers asked" });
    const asked = await delivered("c-referrer");
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(new RegExp(`^Follow-up on ${reference}: First Contact Plus accepted it for ${service} on `));
    expect(asked[0]).toContain(`Reply "${reference} engaged", "${reference} did not engage" or "${reference} not known".`);
    expect(asked[0]).not.toContain(syntheticPeople[1]);
    expect(await delivered("first-contact-triage")).toEqual([]);

    // A stranger answering is told what a lookup tells them, and nothing is recorded.
    const stranger = conversation(bot, "c-stranger", { userId: "u-stranger" });
    expect((await stranger.say(`${reference} engaged`)).text[0]).toBe(`I can't find ${reference} among the referrals you can see. Please check the reference, or say "my referrals".`);
    expect(await stored(reference)).toMatchObject({ engagement: null, engagement_recorded_at: null });

    const referrer = conversation(bot, "c-referrer", { userId: "u-flow" });
    const thanks = await referrer.say(`${reference} did not engage`);
    expect(thanks.text[0]).toBe(`Thank you. Recorded for ${reference}: the person did not engage with ${service}. If that changes, reply again.`);
    expect(await stored(reference)).toMatchObject({ engagement: "did-not-engage", engagement_recorded_at: clock.now().toISOString() });

    // Their teammate (USER_TEAMS puts u-flow and u-teammate together) corrects it, in lower case.
    clock.advance(60_000);
    const teammate = conversation(bot, "c-teammate", { userId: "u-teammate" });
    expect((await teammate.say(`${reference.toLowerCase()} engaged.`)).text[0]).toBe(`Thank you. Recorded for ${reference}: the person engaged with ${service}. If that changes, reply again.`);
    expect(await engagementTrail(reference)).toEqual([
      ["engagement:did-not-engage", "web:u-flow"],
      ["engagement:engaged", "web:u-teammate"],
    ]);

    clock.advance(day);
    expect(await jobs.runNow("outcome-follow-up")).toEqual({ status: "succeeded", summary: "0 due; 0 referrers asked" });
    expect(await delivered("c-referrer")).toEqual([]);
  });

  it("asks nothing more of a referrer who has not answered, and records nothing from a message that only mentions the reference", async () => {
    const reference = await acceptedReferral("u-quiet", "c-quiet");
    await delivered("c-quiet");
    clock.advance(28 * day);
    expect((await jobs.runNow("outcome-follow-up")).status).toBe("succeeded");
    expect(await delivered("c-quiet")).toHaveLength(1);
    const quiet = conversation(bot, "c-quiet", { userId: "u-quiet" });
    for (const text of [`is ${reference} engaged yet?`, `${reference} maybe`, `engaged ${reference}`]) await quiet.say(text);
    expect(await stored(reference)).toMatchObject({ engagement: null });
    for (let run = 0; run < 3; run++) {
      clock.advance(day);
      expect((await jobs.runNow("outcome-follow-up")).status).toBe("succeeded");
    }
    expect(await delivered("c-quiet")).toEqual([]);
  });

  it("tells a referrer there is nothing to record for a referral that has not been accepted", async () => {
    const referrer = conversation(bot, "c-early", { userId: "u-early" });
    const form = await referrer.say("refer someone to First Contact");
    const fields = { person: syntheticPeople[2], phone: "0116 496 0888", age: "70", area: "melton", needs: "home-safety", whatMatters: "Falls", urgency: "routine", consent: "true" };
    const reference = referenceIn(await referrer.press({ id: "submit_form", value: form.form?.value ?? "", fields }));
    expect((await referrer.say(`${reference} not known`)).text[0]).toBe(`${reference} has not been accepted by a service, so there is no engagement to record.`);
    expect(await stored(reference)).toMatchObject({ engagement: null });
  });
});
