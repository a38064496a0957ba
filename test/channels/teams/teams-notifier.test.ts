// The "teams" notifier through the real OutboxSender, the real CloudAdapter and a recording
// Bot Connector: a new referral's details go to the triage channel and its status changes to
// the channel it came from (reference and status only). When the connector fails (HTTP 500,
// then 429 with Retry-After) the notifier throws, the outbox keeps the notification and tries
// again later, and it is delivered exactly once when Teams is back.
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { TurnContext } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsConversationReferences } from "../../../src/channels/teams/conversation-references.js";
import { KyselyConversationReferenceStore } from "../../../src/conversation-references/kysely-conversation-reference-store.js";
import { TeamsNotifier } from "../../../src/channels/teams/teams-notifier.js";
import { OutboxSender } from "../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../src/referrals/kysely-referral-store.js";
import { noRoleAssignments } from "../../../src/identity/roles.js";
import { ReferralDesk } from "../../../src/referrals/referral-desk.js";
import { notificationPlan } from "../../../src/referrals/referral-notifications.js";
import type { Database } from "../../../src/storage/database-schema.js";
import { migrateToLatest } from "../../../src/storage/migrate.js";
import { openDatabase } from "../../../src/storage/open-database.js";
import type { Kysely } from "kysely";
import { Notices } from "../../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../../src/notifications/kysely-notification-store.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { ManualClock } from "../../support/manual-clock.js";
import { memoryLogger } from "../../support/memory-logger.js";
import { adaptiveCardValidator } from "./support/adaptive-card-schema.js";
import { allText, cardsOf, elementsOf, textOf } from "./support/card-helpers.js";
import { type RecordingConnector, startRecordingConnector } from "./support/recording-connector.js";
import { botAddedToTeam, channelMention, channelUser } from "./support/teams-fixtures.js";

const triageChannel = botAddedToTeam("").conversation!.id;
const originChannel = channelMention("", "").conversation!.id;

let db: Kysely<Database>;
let connector: RecordingConnector;
let desk: ReferralDesk;
let sender: OutboxSender;
let logs: () => Record<string, unknown>[];
const clock = new ManualClock();

beforeAll(async () => {
  const { directory } = await realDirectoryAndEngine();
  db = openDatabase({ kind: "sqlite", file: path.join(mkdtempSync(path.join(tmpdir(), "signpost-teams-")), "signpost.db") });
  await migrateToLatest(db);
  connector = await startRecordingConnector();
  const references = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, clock));
  await references.save(TurnContext.getConversationReference(botAddedToTeam(connector.url)));
  await references.save(TurnContext.getConversationReference(channelMention(connector.url, "")));
  const plan = notificationPlan({ triage: { notifier: "teams", destination: { conversationId: triageChannel } }, notifierFor: () => "teams", webhook: false }, directory);
  desk = new ReferralDesk(new KyselyReferralStore(db, clock), plan, { roles: { ...noRoleAssignments, triage: new Set(["teams:tenant:u-triage"]) }, userTeams: new Map() }, clock, directory);
  const memory = memoryLogger();
  logs = memory.lines;
  const notifier = TeamsNotifier.fromSettings({ appType: "SingleTenant", allowedTenantIds: new Set() }, references, memory.logger);
  sender = new OutboxSender(db, [notifier], clock, memory.logger);
});

afterAll(async () => {
  await connector.close();
  await db.destroy();
});

const outbox = () => db.selectFrom("outbox").selectAll().orderBy("id").execute();

describe("the Teams notifier", () => {
  let reference = "";

  it("keeps retrying through a 500 and a 429 (Retry-After), then delivers the triage details once", async () => {
    const submitted = await desk.submit(
      { person: "Zephyrine Quillfeather", phone: "01164960555", age: 84, area: "charnwood", needs: ["home-safety"], whatMatters: "Staying warm", urgency: "routine", consent: true },
      "dialog-1",
      { userId: `teams:tenant:${channelUser.aadObjectId!}`, channel: "teams", conversationId: originChannel, team: "team-x" },
    );
    if (!submitted.ok) throw new Error("the referral did not validate");
    reference = submitted.referral.reference;

    connector.failWith({ status: 500 });
    expect(await sender.runOnce()).toBe(0);
    let [entry] = await outbox();
    expect(entry).toMatchObject({ notifier: "teams", attempts: 1, delivered_at: null });
    expect(entry?.last_error).toMatch(/HTTP 500/);
    expect(connector.calls.every((c) => c.status === 500 && c.conversationId === triageChannel)).toBe(true);

    clock.advance(10_000);
    connector.failWith({ status: 429, headers: { "Retry-After": "1" } });
    expect(await sender.runOnce()).toBe(0);
    [entry] = await outbox();
    expect(entry).toMatchObject({ attempts: 2, delivered_at: null });
    expect(entry?.last_error).toMatch(/HTTP 429, retry after 1s/);

    clock.advance(20_000);
    connector.succeed();
    expect(await sender.runOnce()).toBe(1);
    clock.advance(60_000);
    expect(await sender.runOnce()).toBe(0);
    const delivered = connector.delivered();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.conversationId).toBe(triageChannel);
    expect(allText(delivered)).toMatch(new RegExp(`New referral ${reference}`));
    expect(allText(delivered)).toMatch(/Zephyrine Quillfeather/);
    [entry] = await outbox();
    expect(entry).toMatchObject({ attempts: 3, last_error: null });
    expect(entry?.delivered_at).not.toBeNull();
    // Why it failed is logged; what it said is not.
    expect(JSON.stringify(logs())).not.toMatch(/Zephyrine|Quillfeather|01164960555/);
  }, 40_000);

  it("posts a status change to the channel the referral came from, with no personal details", async () => {
    await desk.move(reference, { status: "acknowledged" }, { userId: "teams:tenant:u-triage", channel: "teams", conversationId: triageChannel });
    expect(await sender.runOnce()).toBe(1);
    const [status] = connector.delivered(originChannel);
    expect(allText([status!])).toBe(`${reference} has been picked up by First Contact Plus.`);
  });

  it("sends a job's notice (kind notice) to the channel named, and never to anyone's personal chat", async () => {
    const notices = new Notices(new KyselyNotificationStore(db), { maintainers: { notifier: "teams", destination: { conversationId: triageChannel } }, triage: { notifier: "teams", destination: { conversationId: triageChannel } } }, () => clock.now());
    await notices.send("maintainers", "test-notice:1", "Signpost's stale-entries job failed: the feed answered 500");
    await notices.send({ notifier: "teams", destination: { conversationId: "19:nowhere@thread.tacv2", userId: "aad-of-someone" } }, "test-notice:2", "A notice for a channel Signpost is not in");
    clock.advance(60_000);
    expect(await sender.runOnce()).toBe(1);
    expect(allText(connector.delivered(triageChannel))).toContain("stale-entries job failed");
    const [waiting] = (await outbox()).filter((o) => o.idempotency_key === "test-notice:2");
    expect(waiting).toMatchObject({ delivered_at: null });
    expect(waiting?.last_error).toMatch(/no Teams conversation is known/);
    await db.deleteFrom("outbox").where("idempotency_key", "=", "test-notice:2").execute(); // not the next test's business
  });

  it("shows a notice's image (the weekly chart) in its card, and only the text when it would not fit a Teams message", async () => {
    const notices = new Notices(new KyselyNotificationStore(db), { maintainers: { notifier: "teams", destination: { conversationId: triageChannel } }, triage: { notifier: "teams", destination: { conversationId: triageChannel } } }, () => clock.now());
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    const image = { png, alt: "Chart: searches that found nothing, by need", filename: "unmet-need.png" };
    await notices.send("maintainers", "test-chart:1", "Searches that found nothing: the chart", { image });
    await notices.send("maintainers", "test-chart:2", "Searches that found nothing: a chart too big", { image: { ...image, png: "A".repeat(90_000) } });
    const before = connector.delivered(triageChannel).length;
    clock.advance(60_000);
    expect(await sender.runOnce()).toBe(2);
    const [withImage, tooBig] = connector.delivered(triageChannel).slice(before);
    const [card] = cardsOf(withImage);
    expect(card && adaptiveCardValidator()(card)).toEqual([]);
    const picture = card ? elementsOf(card).find((element) => element.type === "Image") : undefined;
    expect(picture).toMatchObject({ url: `data:image/png;base64,${png}`, altText: image.alt });
    expect(card ? textOf(card) : "").toContain("Searches that found nothing: the chart");
    expect(JSON.stringify(tooBig?.body)).not.toContain("data:image/png");
    expect(allText(tooBig ? [tooBig] : [])).toMatch(/a chart too big\n\(The chart is too large for a Teams message/);
  });

  it("falls back to the referrer's personal chat for a status, and keeps a notification it cannot place", async () => {
    const references = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, clock));
    const lost = await desk.submit(
      { person: "Marmaduke Pennywhistle", phone: "01164960555", age: 70, area: "melton", needs: ["home-safety"], whatMatters: "Falls", urgency: "routine", consent: true },
      "dialog-2",
      { userId: "teams:tenant:aad-of-someone", channel: "teams", conversationId: "19:unknown@thread.tacv2", team: "team-y" },
    );
    if (!lost.ok) throw new Error("the referral did not validate");
    await sender.runOnce();
    await desk.move(lost.referral.reference, { status: "acknowledged" }, { userId: "teams:tenant:u-triage", channel: "teams", conversationId: triageChannel });
    expect(await sender.runOnce()).toBe(0);
    const waiting = (await outbox()).filter((o) => o.delivered_at === null);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.last_error).toMatch(/no Teams conversation is known/);
    await references.save({ channelId: "msteams", serviceUrl: connector.url, conversation: { id: "a:their-chat", conversationType: "personal", isGroup: false, name: "" }, user: { id: "29:them", name: "", aadObjectId: "aad-of-someone" } });
    clock.advance(60_000);
    expect(await sender.runOnce()).toBe(1);
    expect(allText(connector.delivered("a:their-chat"))).toMatch(/has been picked up/);
  });
});
