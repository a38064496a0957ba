// A crash while referrals are being sent loses nothing and stores nobody twice, on SQLite and on PostgreSQL.
// The real server (npm start's entry point, at trace level) serves 8 to 16 people sending referral forms at
// once and is killed with SIGKILL at a random moment, over and over. After each restart the store passes its
// integrity check, every form that was acknowledged is stored once, and every form that was interrupted, sent
// again by the same person from the same page, is stored once: "already sent as FC-…" when the first try had
// got in. Nothing the server wrote names anyone. The torture campaign (decision 0023) sizes it: TORTURE_KILLS
// in all (20 here, half on each store), TORTURE_CONVERSATIONS per round (8-16), TORTURE_SEED to replay.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/shared/seeded-random.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { postgresDatabase, sqliteDatabase, type TestDatabase } from "../support/databases.js";
import { freePort } from "../support/free-port.js";
import { findLeaks, leakCount, syntheticPhones } from "../support/personal-data-scan.js";
import { referralStoreProblems } from "../support/referral-store-integrity.js";
import { start, waitFor } from "../support/run-process.js";
import { syntheticNhsNumber } from "../support/synthetic-nhs-number.js";
import { keepForPrivacyScan, reportFigures, tortureRange, tortureSetting } from "../support/torture-report.js";
import { webClient, type WebClient } from "../support/web-client.js";

const killsInAll = tortureSetting("TORTURE_KILLS", 20);
const [fewest, most] = tortureRange("TORTURE_CONVERSATIONS", [8, 16]);
const seed = tortureSetting("TORTURE_SEED", Math.floor(Math.random() * 2 ** 31));

interface Sent {
  readonly person: string;
  readonly nhsNumber: string;
  readonly phone: string;
  readonly browser: WebClient;
  readonly tab: string;
  readonly formValue: string;
  acknowledged?: string | undefined;
}

// Trial mode: the referrer gives their own name (src/conversation/given-referrer.ts).
const fields = (form: Sent) => ({ referrerName: "Sam Tester", person: form.person, phone: form.phone, nhsNumber: form.nhsNumber, age: "80", area: "melton", needs: "home-safety", whatMatters: "Staying safe at home", urgency: "routine", consent: "true" });

const syllables = ["bram", "quil", "dow", "fen", "wick", "marl", "tob", "zel", "pim", "rost", "glen", "hax", "lund", "vor", "ash", "mere", "cob", "dray", "ferr", "gant", "holl", "jor", "kest", "lorr", "neff"];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** An invented name per form, letters only, different for every round (up to 625) and form (up to 25). */
function personFor(round: number, form: number): string {
  const syllable = (n: number) => syllables[n % syllables.length]!;
  return `${cap(syllable(form))}ella ${cap(syllable(round))}${syllable(Math.floor(round / syllables.length) + form)}worth`;
}

const stores: readonly (readonly [string, () => Promise<TestDatabase>, number])[] = [
  ["SQLite", () => Promise.resolve(sqliteDatabase()), Math.max(1, Math.ceil(killsInAll / 2))],
  ["PostgreSQL", postgresDatabase, Math.max(1, Math.floor(killsInAll / 2))],
];

describe.each(stores)("a crash during a referral, on %s", (storeName, makeDatabase, kills) => {
  it(`stores every referral once over ${kills} SIGKILLs, whether it was acknowledged or sent again`, async () => {
    const started = performance.now();
    const random = seededRandom(seed + kills + storeName.length);
    const database = await makeDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const storeEnv: Record<string, string> = database.settings.kind === "postgres" ? { REFERRAL_STORE: "postgres", DATABASE_URL: database.settings.url } : { DATA_DIR: path.dirname(database.settings.file) };
    const env = { PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), "signpost-kill-")), ...storeEnv, JOBS_ENABLED: "false", LOG_LEVEL: "trace", CHAT_TURNS_PER_MINUTE: "100000", REFERRALS_PER_HOUR: "10000", OUTBOX_INTERVAL_SECONDS: "3600" };
    let log = "";
    const launch = async () => {
      const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], env);
      try {
        await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 90_000);
      } catch {
        throw new Error(`Signpost did not come back after a kill; it wrote:\n${server.output.stderr.slice(-2000)}\n${server.output.stdout.slice(-2000)}`);
      }
      return server;
    };
    const stop = async (server: Awaited<ReturnType<typeof launch>>) => {
      server.child.kill("SIGKILL");
      await server.exited;
      log += `${server.output.stdout}\n${server.output.stderr}\n`;
    };
    const integrityProblems: string[] = [];
    let integrityChecks = 0;
    const checkIntegrity = async () => {
      const db = openDatabase(database.settings);
      try {
        integrityProblems.push(...(await referralStoreProblems(db, database.settings.kind)));
        integrityChecks++;
      } finally {
        await db.destroy();
      }
    };
    const everyone: Sent[] = [];
    const phones = syntheticPhones(kills * most);
    let nextNhs = 0;
    let interrupted = 0;
    let roundsSeconds = 0;
    let server = await launch();
    try {
      for (let round = 0; round < kills; round++) {
        const roundStarted = performance.now();
        // Each person opens a form (stored with its dialog) before the crash.
        const people = fewest + Math.floor(random() * (most - fewest + 1));
        const forms: Sent[] = await Promise.all(
          Array.from({ length: people }, async (_, i) => {
            const browser = webClient(base);
            const tab = `tab-${round}-${i}`;
            const nhsNumber = syntheticNhsNumber(nextNhs);
            nextNhs = Number(nhsNumber.slice(3, 9)) + 1;
            const opened = (await (await browser.chat({ conversationId: tab, text: "refer someone to First Contact" })).json()) as { form?: { value: string } };
            return { person: personFor(round, i), nhsNumber, phone: phones[everyone.length + i]!, browser, tab, formValue: opened.form?.value ?? "" };
          }),
        );
        everyone.push(...forms);
        // Everyone sends at once, and the server dies at a random moment among them: once a random number of
        // them (none to all but one) have been answered, however fast this machine is today.
        const answersBeforeKill = Math.floor(random() * forms.length);
        let answered = 0;
        let killMoment: () => void = () => undefined;
        const moment = new Promise<void>((resolve) => (killMoment = resolve));
        if (answersBeforeKill === 0) killMoment();
        const sends = forms.map(async (form) => {
          const response = await form.browser.chat({ conversationId: form.tab, action: { id: "submit_form", value: form.formValue, fields: fields(form) } });
          const text = ((await response.json()) as { text: string[] }).text.join(" ");
          form.acknowledged = /FC-[0-9A-Z]{6}/.exec(text)?.[0];
          if (++answered >= answersBeforeKill) killMoment();
        });
        await moment;
        const killed = stop(server);
        await Promise.allSettled(sends);
        await killed;
        server = await launch();
        await checkIntegrity();
        // Whoever did not hear back sends the same form again, from the same page.
        const unheard = forms.filter((f) => f.acknowledged === undefined);
        interrupted += unheard.length;
        await Promise.all(
          unheard.map(async (form) => {
            const again = await form.browser.chat({ conversationId: form.tab, action: { id: "submit_form", value: form.formValue, fields: fields(form) } });
            const text = ((await again.json()) as { text: string[] }).text.join(" ");
            expect(text, `resend for ${form.person}`).toMatch(/Referral FC-[0-9A-Z]{6} has been sent|already sent as FC-[0-9A-Z]{6}/);
            form.acknowledged = /FC-[0-9A-Z]{6}/.exec(text)?.[0];
          }),
        );
        roundsSeconds += (performance.now() - roundStarted) / 1000;
      }
      // Sending an acknowledged form again never stores it twice either.
      const sample = everyone[0]!;
      const repeat = await sample.browser.chat({ conversationId: sample.tab, action: { id: "submit_form", value: sample.formValue, fields: fields(sample) } });
      expect(((await repeat.json()) as { text: string[] }).text.join(" ")).toContain(`already sent as ${sample.acknowledged!}`);
    } finally {
      await stop(server);
    }

    const db = openDatabase(database.settings);
    let rows: { person: string; reference: string }[];
    try {
      integrityProblems.push(...(await referralStoreProblems(db, database.settings.kind)));
      integrityChecks++;
      rows = await db.selectFrom("referrals").select(["person", "reference"]).execute();
    } finally {
      await db.destroy();
      await database.drop();
    }
    const byPerson = new Map<string, string[]>();
    for (const row of rows) byPerson.set(row.person, [...(byPerson.get(row.person) ?? []), row.reference]);
    const duplicates = [...byPerson].filter(([, references]) => references.length > 1);
    const losses = everyone.filter((sent) => sent.acknowledged === undefined || !(byPerson.get(sent.person) ?? []).includes(sent.acknowledged));
    const secrets = everyone.flatMap((sent) => [sent.person, sent.person.split(" ")[1]!, sent.nhsNumber, sent.phone]);
    const leaks = findLeaks({ [`crash-${storeName}`]: log }, secrets);
    keepForPrivacyScan(`crash-${storeName}`, log, secrets);
    reportFigures(`crash ${storeName}`, {
      seed,
      kills,
      conversations: everyone.length,
      acknowledged: everyone.length - interrupted,
      resent: interrupted,
      stored: rows.length,
      losses: losses.length,
      duplicates: duplicates.length,
      integrityChecks,
      integrityProblems: integrityProblems.length,
      leaks: leakCount(leaks),
      logBytes: log.length,
      secondsPerRound: Number((roundsSeconds / kills).toFixed(2)),
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    });

    expect(integrityProblems).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(losses.map((sent) => sent.person)).toEqual([]);
    expect(rows).toHaveLength(everyone.length);
    expect(leaks).toEqual([]);
    // The server wrote its trace-level lines, or the scan proved nothing.
    expect(log.split("\n").filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(everyone.length);
    // The campaign must have crashed mid-send at least sometimes, or it proved nothing.
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000 + kills * 40_000);
});
