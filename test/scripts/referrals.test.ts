import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KyselyReferralStore } from "../../src/referrals/kysely-referral-store.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { notificationPlan } from "../../src/referrals/referral-notifications.js";
import { migrateToLatest } from "../../src/storage/migrate.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { systemClock } from "../../src/time/clock.js";
import { realDirectory } from "../support/directory-copy.js";
import { run } from "../support/run-process.js";
import { syntheticReferral } from "../support/synthetic-referral.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "signpost-cli-"));
const env = { DATA_DIR: dataDir, TRIAGE_USER_IDS: "terminal:triage-lead" };
const referrals = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/referrals.ts", ...args], env);
let reference = "";
let declinedReference = "";

beforeAll(async () => {
  const db = openDatabase({ kind: "sqlite", file: path.join(dataDir, "signpost.db") });
  await migrateToLatest(db);
  const directory = await loadDirectory(realDirectory);
  const plan = notificationPlan({ triage: { notifier: "inbox", destination: { conversationId: "first-contact-triage" } }, notifierFor: () => "inbox", webhook: false }, directory);
  const store = new KyselyReferralStore(db, systemClock);
  ({ referral: { reference } } = await store.create(syntheticReferral({ whatMatters: '=HYPERLINK("http://example.org","x"), and "quotes"' }), "cli-1", plan));
  ({ referral: { reference: declinedReference } } = await store.create(syntheticReferral({ person: "Marmaduke Pennywhistle" }), "cli-2", plan));
  await store.close();
});

describe("npm run referrals", () => {
  it("exports JSON coded with SNOMED CT 871731000000106, and audits the export", async () => {
    const result = await referrals("export", "--format", "json", "--by", "terminal:hub-admin");
    expect(result.code).toBe(0);
    const exported = JSON.parse(result.stdout) as { reference: string; coding: { code: string; system: string }; nhsNumber: string }[];
    expect(exported).toHaveLength(2);
    expect(exported[0]).toMatchObject({ reference, coding: { system: "http://snomed.info/sct", code: "871731000000106" }, nhsNumber: syntheticReferral().nhsNumber });
    const db = openDatabase({ kind: "sqlite", file: path.join(dataDir, "signpost.db") });
    const audited = await db.selectFrom("audit_events").select(["action", "actor_id", "channel"]).where("action", "=", "exported").execute();
    await db.destroy();
    expect(audited).toContainEqual({ action: "exported", actor_id: "terminal:hub-admin", channel: "cli" });
  });

  it("exports CSV with a header, the SNOMED CT code, and cells a spreadsheet cannot run", async () => {
    const result = await referrals("export", "--format", "csv");
    expect(result.code).toBe(0);
    const [header, row] = result.stdout.split("\r\n");
    expect(header).toMatch(/^reference,status,created_at,updated_at,snomed_code,snomed_display,person,/);
    expect(row).toContain(`${reference},submitted,`);
    expect(row).toContain(",871731000000106,Referral to social prescribing service,");
    expect(row).toContain(`"'=HYPERLINK(""http://example.org"",""x""), and ""quotes"""`);
  });

  it("exports nothing before the --since date, and refuses bad arguments with usage", async () => {
    expect(JSON.parse((await referrals("export", "--since", "2999-01-01")).stdout)).toEqual([]);
    const bad = await referrals("export", "--format", "xml");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format must be json or csv/);
    expect((await referrals("export", "--since", "last week")).stderr).toMatch(/--since must be a date written YYYY-MM-DD/);
    expect((await referrals("launch")).stderr).toMatch(/^Usage:/);
    const bare = await referrals("export", "--by", "u-hub");
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^--by: "u-hub" is not a namespaced user id/);
  });

  it("lets only triage move a referral, and shows the triage inbox", async () => {
    const notTriage = await referrals("status", reference, "acknowledged", "--by", "terminal:someone");
    expect(notTriage.code).toBe(1);
    // A stranger to the referral is told exactly what they would be told if it did not exist.
    expect(notTriage.stderr).toBe(`No referral ${reference} that terminal:someone may change.\n`);
    const moved = await referrals("status", reference, "accepted", "lightbulb-affordable-warmth", "--by", "terminal:triage-lead");
    expect(moved.stdout).toBe(`${reference} is now accepted.\n`);
    const inbox = await referrals("inbox");
    expect(inbox.stdout).toContain(`New referral ${reference}`);
    expect((await referrals("inbox")).stdout).toBe("No new messages.\n");
  });

  it("codes a declined referral SNOMED CT 871711000000103 (social prescribing declined), and says which codes the export uses", async () => {
    const declined = await referrals("status", declinedReference, "declined", "Already supported by the council", "--by", "terminal:triage-lead");
    expect(declined.stdout).toBe(`${declinedReference} is now declined.\n`);
    const json = await referrals("export", "--format", "json");
    const exported = JSON.parse(json.stdout) as { reference: string; coding: { code: string }; codings: { code: string; display: string }[] }[];
    const byReference = new Map(exported.map((r) => [r.reference, r]));
    expect(byReference.get(declinedReference)?.codings).toEqual([
      { system: "http://snomed.info/sct", code: "871731000000106", display: "Referral to social prescribing service" },
      { system: "http://snomed.info/sct", code: "871711000000103", display: "Social prescribing declined" },
    ]);
    expect(byReference.get(declinedReference)?.coding.code).toBe("871731000000106");
    expect(byReference.get(reference)?.codings.map((c) => c.code)).toEqual(["871731000000106"]);
    expect(json.stderr).toContain('871731000000106 "Referral to social prescribing service" (every referral)');
    expect(json.stderr).toContain('871711000000103 "Social prescribing declined" (a referral the hub declined)');
    const csv = await referrals("export", "--format", "csv");
    const [header = "", ...rows] = csv.stdout.split("\r\n");
    expect(header.endsWith(",outcome,snomed_outcome_code,snomed_outcome_display")).toBe(true);
    expect(rows.find((row) => row.startsWith(declinedReference))).toMatch(/,871711000000103,Social prescribing declined$/);
    expect(rows.find((row) => row.startsWith(reference))).toMatch(/,,$/);
    expect(csv.stderr).toContain("SNOMED CT codes this export uses:");
  });
});
