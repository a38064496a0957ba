// Fault injection along a referral's whole path (issue 19, decision 0023), on SQLite's I/O-error testing's
// model. A clean run counts the calls each port receives on the path (a search, Refer on a card, the form sent,
// the outbox telling triage in Slack, triage acknowledging, the outbox telling the referrer); then, for every N
// up to that count, the Nth call fails once, and then from N on until the fault clears. Each time: the person is
// told in a sentence (no stack trace, no vendor text, no "undefined"), the store passes its integrity check (no
// partial referral), no reference is shown without its row; and after the fault clears and the same form is sent
// again, exactly one referral is stored for that person and the outbox delivers each notification once.
// SQLite and PostgreSQL (TORTURE_FAULT_STORES=1: SQLite only); TORTURE_FAULT_STRIDE=k tries every kth N (1: every N).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresDatabase, sqliteDatabase, type TestDatabase } from "../support/databases.js";
import type { FaultMode } from "../support/fault-injection.js";
import { type FaultKind, type FaultWorld, faultWorld } from "../support/fault-world.js";
import { referralStoreProblems } from "../support/referral-store-integrity.js";
import { newPath, type PathRun, recover, referencePattern, walkPath } from "../support/referral-path.js";
import { reportFigures, tortureSetting } from "../support/torture-report.js";

const storeCount = tortureSetting("TORTURE_FAULT_STORES", 2);
const stride = Math.max(1, tortureSetting("TORTURE_FAULT_STRIDE", 1));
const allStores: readonly (readonly [string, () => Promise<TestDatabase>])[] = [
  ["SQLite", () => Promise.resolve(sqliteDatabase())],
  ["PostgreSQL", postgresDatabase],
];
const stores = allStores.slice(0, Math.max(1, storeCount));
const modes: readonly FaultMode[] = ["once", "persistent"];
/** What a person must never be shown: an error's own text, a vendor's, or a value that went missing. */
const unfit = /undefined|null\b|NaN|\[object|Error\b|SQLITE|ECONN|fatal_error|injected|\n\s+at /;

const letters = "abcdefghijklmnopqrstuvwxyz";
/** An invented name, letters only, different for every scenario. */
function personFor(index: number): string {
  let tag = "";
  for (let n = index; tag.length < 3; n = Math.floor(n / 26)) tag += letters[n % 26]!;
  return `Faye ${tag.charAt(0).toUpperCase()}${tag.slice(1)}worth`;
}

async function storedFor(world: FaultWorld, person: string) {
  return world.db.selectFrom("referrals").select(["id", "reference"]).where("person", "=", person).execute();
}

describe.each(stores)("faults along a referral's path, on %s", (storeName, makeDatabase) => {
  let world: FaultWorld;
  beforeAll(async () => {
    world = await faultWorld(await makeDatabase());
  });
  afterAll(() => world.close());

  it("tells the person in a sentence and loses, half-stores or duplicates nothing, whichever call fails, once or from then on", async () => {
    const started = performance.now();
    const kinds = Object.keys(world.faults) as FaultKind[];
    const resetAll = () => kinds.forEach((kind) => world.faults[kind].reset());
    // The clean run: how many calls each port receives along the path.
    resetAll();
    const clean = newPath(personFor(0), 0);
    await walkPath(world, clean);
    const counts = Object.fromEntries(kinds.map((kind) => [kind, world.faults[kind].calls])) as Record<FaultKind, number>;
    expect(clean.reference, clean.shown.join("\n---\n")).toMatch(/^FC-/);
    expect(world.slackDelivered.filter((text) => text.includes(clean.reference!))).toHaveLength(1);

    const failures: string[] = [];
    let faults = 0;
    let scenarios = 0;
    let losses = 0;
    let duplicates = 0;
    let unexplained = 0;
    let storedUntold = 0;
    let integrityChecks = 0;
    const check = async (label: string) => {
      integrityChecks++;
      for (const problem of await referralStoreProblems(world.db, world.kind)) failures.push(`${label}: ${problem}`);
    };
    for (const kind of kinds) {
      for (let at = 1; at <= counts[kind]; at += stride) {
        for (const mode of modes) {
          const label = `${kind} #${at} ${mode}`;
          const run: PathRun = newPath(personFor(++scenarios), scenarios);
          resetAll();
          world.faults[kind].arm(at, mode);
          await walkPath(world, run);
          faults += world.faults[kind].injected;
          world.faults[kind].clear();
          await check(`${label}, under the fault`);
          // No reference shown without its row.
          for (const reference of run.shown.join("\n").match(referencePattern) ?? []) {
            const row = await world.db.selectFrom("referrals").select("person").where("reference", "=", reference).executeTakeFirst();
            if (row?.person !== run.person) failures.push(`${label}: ${reference} was shown but is not stored for the person`);
          }
          // Nor a referral stored while the person was told something else ("nothing was changed").
          const storedUnderFault = await storedFor(world, run.person);
          for (const { reference } of storedUnderFault) if (!run.shown.some((text) => text.includes(reference))) storedUntold++;
          for (const { reference } of storedUnderFault) if (!run.shown.some((text) => text.includes(reference))) failures.push(`${label}: ${reference} was stored but the person was not told; they saw ${JSON.stringify(run.shown.at(-1))}`);
          await recover(world, run);
          await check(`${label}, after recovery`);
          const stored = await storedFor(world, run.person);
          if (stored.length === 0) losses++;
          if (stored.length > 1) duplicates++;
          if (stored.length !== 1) failures.push(`${label}: ${stored.length} referrals stored for the person after recovery`);
          if (run.reference !== stored[0]?.reference) failures.push(`${label}: shown ${run.reference ?? "no reference"}, stored ${stored[0]?.reference ?? "nothing"}`);
          for (const text of run.shown) if (text.trim() === "" || unfit.test(text)) failures.push(`${label}: shown ${JSON.stringify(text.slice(0, 300))}`);
          unexplained += run.unexplained.length;
          for (const error of run.unexplained) failures.push(`${label}: a bare error reached the channel: ${error.slice(0, 200)}`);
          // The outbox: each notification delivered, and once (triage in Slack, the referrer's status in the inbox).
          const referral = stored[0];
          if (!referral) continue;
          const undelivered = await world.db.selectFrom("outbox").select("id").where("referral_id", "=", referral.id).where("delivered_at", "is", null).execute();
          if (undelivered.length > 0) failures.push(`${label}: ${undelivered.length} notifications still undelivered after recovery`);
          const triagePosts = world.slackDelivered.filter((text) => text.includes(referral.reference)).length;
          if (triagePosts !== 1) failures.push(`${label}: triage told in Slack ${triagePosts} times`);
          const statuses = await world.db.selectFrom("inbox").select("id").where("conversation_id", "=", run.conversationId).where("text", "like", `%${referral.reference}%`).execute();
          if (statuses.length !== 1) failures.push(`${label}: the referrer's inbox holds ${statuses.length} status messages`);
        }
      }
    }
    reportFigures(`faults ${storeName}`, {
      faults,
      scenarios,
      callsOnThePath: Object.entries(counts).map(([kind, count]) => `${kind} ${count}`).join(", "),
      losses,
      duplicates,
      unexplained,
      storedUntold,
      integrityChecks,
      failures: failures.length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    });
    expect(failures).toEqual([]);
    // Every port was on the path, or the campaign proved nothing about it.
    for (const kind of kinds) expect(counts[kind], kind).toBeGreaterThan(0);
  }, 600_000);
});
