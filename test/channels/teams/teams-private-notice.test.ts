// Private notices on Teams (kind "private", the outcome follow-up), through the real job, the
// real OutboxSender, the real CloudAdapter and a recording Bot Connector: the question goes to
// the referrer's personal chat and never to the channel the referral came from, even though
// Signpost can reach that channel; with no personal chat known it waits, and is sent there
// once the referrer has one.
import path from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { TurnContext } from "botbuilder";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TeamsConversationReferences } from "../../../src/channels/teams/conversation-references.js";
import { KyselyConversationReferenceStore } from "../../../src/conversation-references/kysely-conversation-reference-store.js";
import { TeamsNotifier } from "../../../src/channels/teams/teams-notifier.js";
import type { Directory } from "../../../src/directory/directory.js";
import { Notices } from "../../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../../src/notifications/kysely-notification-store.js";
import { OutcomeFollowUpJob } from "../../../src/jobs/outcome-follow-up-job.js";

import { OutboxSender } from "../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../../src/storage/database-schema.js";
import { migrateToLatest } from "../../../src/storage/migrate.js";
import { openDatabase } from "../../../src/storage/open-database.js";
import { realDirectoryAndEngine } from "../../support/load-real-directory.js";
import { ManualClock } from "../../support/manual-clock.js";
import { referralMadeAt, triageMovesAt } from "../../support/referral-timeline.js";
import { memoryLogger } from "../../support/memory-logger.js";
import { allText } from "./support/card-helpers.js";
import { type RecordingConnector, startRecordingConnector } from "./support/recording-connector.js";
import { channelMention, channelUser } from "./support/teams-fixtures.js";

const day = 24 * 60 * 60 * 1000;
const originChannel = channelMention("", "").conversation!.id;
const clock = new ManualClock();
const targets = {
  maintainers: { notifier: "inbox", destination: { conversationId: "signpost-maintainers" } },
  triage: { notifier: "teams", destination: { conversationId: "19:triage@thread.tacv2" } },
};
let db: Kysely<Database>;
let store: KyselyReferralStore;
let directory: Directory;
let connector: RecordingConnector;
let references: TeamsConversationReferences;
let sender: OutboxSender;

beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
  db = openDatabase({ kind: "sqlite", file: path.join(mkdtempSync(path.join(tmpdir(), "signpost-teams-private-")), "signpost.db") });
  await migrateToLatest(db);
  store = new KyselyReferralStore(db, clock);
  connector = await startRecordingConnector();
  references = new TeamsConversationReferences(new KyselyConversationReferenceStore(db, clock));
  // Signpost can reach the channel the referrals come from: a private notice must still not go there.
  await references.save(TurnContext.getConversationReference(channelMention(connector.url, "")));
  const { logger } = memoryLogger();
  sender = new OutboxSender(db, [TeamsNotifier.fromSettings({ appType: "SingleTenant", allowedTenantIds: new Set() }, references, logger)], clock, logger);
});
afterAll(async () => {
  await connector.close();
  await db.destroy();
});

/** A referral made in the channel by `userId`, accepted, and followed up 28 days later. */
async function followedUp(userId: string): Promise<string> {
  const made = await referralMadeAt(store, clock, clock.now().toISOString(), { referrer: { id: userId, team: "team-x", channel: "teams", conversationId: originChannel } });
  await triageMovesAt(store, clock, clock.now().toISOString(), made.reference, { status: "accepted", service: "lightbulb-home-safety-falls" });
  clock.advance(28 * day);
  const job = new OutcomeFollowUpJob({ referrals: new KyselyReferralStore(db, clock), afterDays: 28, directory });
  await job.run({ now: clock.now(), slot: `by-hand:${clock.now().toISOString()}`, notices: new Notices(new KyselyNotificationStore(db), targets, () => clock.now()) });
  return made.reference;
}

const personalChat = (conversationId: string, aadObjectId: string) =>
  references.save({ channelId: "msteams", serviceUrl: connector.url, conversation: { id: conversationId, conversationType: "personal", isGroup: false, name: "" }, user: { id: `29:${aadObjectId}`, name: "", aadObjectId } });

describe("private notices on Teams", () => {
  it("sends the outcome follow-up to the referrer's personal chat, not to the channel the referral came from", async () => {
    await personalChat("a:referrer-chat", channelUser.aadObjectId!);
    const reference = await followedUp(channelUser.aadObjectId!);
    expect(await sender.runOnce()).toBe(1);
    expect(connector.delivered(originChannel)).toEqual([]);
    expect(allText(connector.delivered("a:referrer-chat"))).toMatch(new RegExp(`^Follow-up on ${reference}: `));
  });

  it("waits while the referrer has no personal chat with Signpost, then sends it there", async () => {
    const reference = await followedUp("aad-no-chat-yet");
    expect(await sender.runOnce()).toBe(0);
    const waiting = await db.selectFrom("outbox").selectAll().where("delivered_at", "is", null).execute();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.last_error).toMatch(/no Teams conversation is known/);
    expect(connector.delivered(originChannel)).toEqual([]);

    await personalChat("a:their-chat", "aad-no-chat-yet");
    clock.advance(60_000);
    expect(await sender.runOnce()).toBe(1);
    expect(allText(connector.delivered("a:their-chat"))).toContain(reference);
    expect(connector.delivered(originChannel)).toEqual([]);
  });
});
