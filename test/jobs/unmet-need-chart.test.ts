// The weekly unmet-need digest carries the insight view's chart as a PNG where the
// maintainers' channel can show one (Slack, Teams), as a second notice beside the
// same text; where it cannot (the inbox), only the text goes.
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { Notices, type NoticeTargets } from "../../src/jobs/notices.js";
import { KyselyNotificationStore } from "../../src/notifications/kysely-notification-store.js";
import { UnmetNeedJob } from "../../src/jobs/unmet-need-job.js";
import { KyselyUnmetSearchLog } from "../../src/unmet-searches/kysely-unmet-search-log.js";
import { sqliteDatabase, useMigratedDatabase } from "../support/databases.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

const monday = new Date("2027-03-29T08:30:00Z");
const target = (notifier: string): NoticeTargets => ({ maintainers: { notifier, destination: { conversationId: "C0MAINTAIN" } }, triage: { notifier, destination: { conversationId: "C0TRIAGE" } } });

/** A PNG's header and size, checked chunk by chunk (signature, IHDR, CRC-framed chunks, IDAT that inflates, IEND). */
function readPng(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  const types: string[] = [];
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("ascii");
    types.push(type);
    if (type === "IDAT") idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  expect(offset).toBe(png.length);
  expect(types[0]).toBe("IHDR");
  expect(types.at(-1)).toBe("IEND");
  expect(inflateSync(Buffer.concat(idat)).length).toBeGreaterThan(0);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});

describe("the unmet-need digest's chart", () => {
  const context = useMigratedDatabase(() => Promise.resolve(sqliteDatabase()));

  it("goes to Slack or Teams as a valid PNG of sensible size beside the unchanged text, once per week", async () => {
    const log = new KyselyUnmetSearchLog(context.db);
    for (let i = 0; i < 6; i++) await log.record("2027-03-23", [{ need: "transport", area: "rutland", kind: "nothing-in-area" }]);
    for (let i = 0; i < 9; i++) await log.record("2027-03-24", [{ need: "digital-inclusion", area: "", kind: "nothing" }]);
    await log.record("2027-03-25", [{ need: "hoarding", area: "melton", kind: "nothing" }]);
    const job = new UnmetNeedJob({ log, directory });
    const report = await job.run({ now: monday, slot: "2027-03-29T08:30", notices: new Notices(new KyselyNotificationStore(context.db), target("slack"), () => monday) });
    expect(report.summary).toMatch(/digest sent with its chart$/);
    const rows = await context.db.selectFrom("outbox").select(["idempotency_key", "notifier", "payload"]).orderBy("id").execute();
    expect(rows.map((row) => row.idempotency_key)).toEqual(["unmet-need:2027-W13", "unmet-need:2027-W13:chart"]);
    const text = JSON.parse(rows[0]?.payload ?? "{}") as { text: string; image?: unknown };
    expect(text.image).toBeUndefined();
    expect(text.text).toContain("Getting online: 9");
    const chart = JSON.parse(rows[1]?.payload ?? "{}") as { kind: string; text: string; image: { png: string; alt: string; filename: string } };
    expect(chart.kind).toBe("notice");
    expect(chart.image.filename).toBe("unmet-need-2027-03-22-to-2027-03-28.png");
    expect(chart.image.alt).toMatch(/^Chart: searches that found nothing, 22 Mar 2027 to 28 Mar 2027, by need/);
    const png = Buffer.from(chart.image.png, "base64");
    const { width, height } = readPng(png);
    expect(width).toBe(800);
    expect(height).toBeGreaterThan(100);
    expect(height).toBeLessThan(1000);
    expect(png.length).toBeGreaterThan(3_000);
    // Small enough for a Teams card (80 KB per activity, base64 and all).
    expect(chart.image.png.length).toBeLessThan(70 * 1024);

    const again = await job.run({ now: monday, slot: "2027-03-29T09:30", notices: new Notices(new KyselyNotificationStore(context.db), target("slack"), () => monday) });
    expect(again.summary).toMatch(/already sent$/);
    expect(await context.db.selectFrom("outbox").select("id").execute()).toHaveLength(2);
  });

  it("is not sent where the maintainers read an inbox: the text stays", async () => {
    await context.db.deleteFrom("outbox").execute();
    const job = new UnmetNeedJob({ log: new KyselyUnmetSearchLog(context.db), directory });
    await job.run({ now: monday, slot: "2027-03-29T08:30", notices: new Notices(new KyselyNotificationStore(context.db), target("inbox"), () => monday) });
    const rows = await context.db.selectFrom("outbox").select(["idempotency_key", "payload"]).execute();
    expect(rows.map((row) => row.idempotency_key)).toEqual(["unmet-need:2027-W13"]);
    expect(rows[0]?.payload).not.toContain("image");
  });
});
