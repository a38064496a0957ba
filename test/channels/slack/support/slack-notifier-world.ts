import type { Kysely } from "kysely";
import { afterAll, beforeAll } from "vitest";
import { SlackNotifier } from "../../../../src/channels/slack/slack-notifier.js";
import type { Directory } from "../../../../src/directory/directory.js";
import { OutboxSender } from "../../../../src/notifications/outbox-sender.js";
import { KyselyReferralStore } from "../../../../src/referrals/kysely-referral-store.js";
import type { Database } from "../../../../src/storage/database-schema.js";
import { realDirectoryAndEngine } from "../../../support/load-real-directory.js";
import type { ManualClock } from "../../../support/manual-clock.js";
import { memoryLogger } from "../../../support/memory-logger.js";
import { testReferrals } from "../../../support/test-referrals.js";
import { type SlackApiRecorder, startSlackApiRecorder } from "./slack-api-recorder.js";

/**
 * For the Slack notifier's tests, inside a describe or a file: the real
 * directory, a referral database and store, a recording Slack Web API, and
 * `sender()`, an outbox sender whose only notifier is Slack's (with the lines
 * it logged). Read the fields inside tests: they are set in beforeAll.
 */
export function useSlackNotifierWorld(clock: ManualClock) {
  const world = {} as { db: Kysely<Database>; store: KyselyReferralStore; slack: SlackApiRecorder; directory: Directory };
  beforeAll(async () => {
    ({ directory: world.directory } = await realDirectoryAndEngine());
    ({ db: world.db } = await testReferrals(world.directory, clock));
    world.store = new KyselyReferralStore(world.db, clock);
    world.slack = await startSlackApiRecorder();
  });
  afterAll(async () => {
    await world.slack.close();
    await world.db.destroy();
  });
  const sender = () => {
    const { logger, lines } = memoryLogger();
    const notifier = SlackNotifier.fromSettings({ botToken: "xoxb-test-token", signingSecret: "unused-in-this-test", commandName: "/signpost", apiUrl: world.slack.apiUrl }, logger);
    return { outbox: new OutboxSender(world.db, [notifier], clock, logger), lines };
  };
  return { world, sender };
}
