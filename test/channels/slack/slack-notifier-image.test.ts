// A notice with an image (the weekly unmet-need chart) through the real OutboxSender and
// Bolt's Web API client against a recording Slack API: uploaded with files.uploadV2
// (get an upload URL, send the bytes there, complete into the channel with the text as
// comment and the alt text); an app without files:write posts the text, saying so.
import { describe, expect, it } from "vitest";
import { Notices } from "../../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../../src/notifications/kysely-notification-store.js";
import { ManualClock } from "../../support/manual-clock.js";
import { startRecordingServer } from "../../support/recording-server.js";
import { useSlackNotifierWorld } from "./support/slack-notifier-world.js";

const clock = new ManualClock();
const { world, sender } = useSlackNotifierWorld(clock);
// A 1 x 1 PNG: the notifier sends whatever bytes it is given.
const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const image = { png, alt: "Chart: searches that found nothing, by need", filename: "unmet-need-2027-03-22-to-2027-03-28.png" };
const targets = { maintainers: { notifier: "slack", destination: { conversationId: "C0MAINTAIN" } }, triage: { notifier: "slack", destination: { conversationId: "C0TRIAGE" } } };

describe("SlackNotifier with a notice's image", () => {
  it("uploads the PNG into the channel with its text and alt text, once", async () => {
    const { slack } = world;
    slack.clear();
    const uploads = await startRecordingServer([200]);
    try {
      slack.respond("files.getUploadURLExternal", () => ({ ok: true, upload_url: `${uploads.url}/upload/F0CHART`, file_id: "F0CHART" }));
      slack.respond("files.completeUploadExternal", () => ({ ok: true, files: [{ id: "F0CHART", title: image.filename }] }));
      await new Notices(new KyselyNotificationStore(world.db), targets, () => clock.now()).send("maintainers", "unmet-need:2027-W13:chart", "Chart: searches that found nothing, 22 Mar 2027 to 28 Mar 2027", { image });
      const { outbox } = sender();
      expect(await outbox.runOnce()).toBe(1);
      const [asked] = slack.callsTo("files.getUploadURLExternal");
      expect(asked?.args).toMatchObject({ filename: image.filename, length: String(Buffer.from(png, "base64").length) });
      expect(uploads.requests).toHaveLength(1);
      expect(uploads.requests[0]?.method).toBe("POST");
      expect(uploads.requests[0]?.path).toBe("/upload/F0CHART");
      const [completed] = slack.callsTo("files.completeUploadExternal");
      expect(completed?.args).toMatchObject({ channel_id: "C0MAINTAIN", initial_comment: "Chart: searches that found nothing, 22 Mar 2027 to 28 Mar 2027" });
      expect(JSON.parse(String(completed?.args.files))).toEqual([{ id: "F0CHART", title: image.filename }]);
      expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
      expect(await outbox.runOnce()).toBe(0);
    } finally {
      await uploads.close();
    }
  });

  it("posts the text, saying why, when the app was installed without files:write", async () => {
    const { slack } = world;
    slack.clear();
    slack.script("files.getUploadURLExternal", [{ status: 200, body: { ok: false, error: "missing_scope", needed: "files:write" } }]);
    await new Notices(new KyselyNotificationStore(world.db), targets, () => clock.now()).send("maintainers", "unmet-need:2027-W14:chart", "Chart: searches that found nothing, 29 Mar 2027 to 4 Apr 2027", { image });
    const { outbox } = sender();
    expect(await outbox.runOnce()).toBe(1);
    const [post] = slack.callsTo("chat.postMessage");
    expect(post?.args).toMatchObject({ channel: "C0MAINTAIN" });
    expect(String(post?.args.text)).toMatch(/^Chart: searches that found nothing, 29 Mar 2027 to 4 Apr 2027\n\(The chart could not be uploaded: the Slack app needs the files:write scope/);
  });
});
