// A crash while referrals are being sent loses nothing and stores nobody twice. The real server (npm start's
// entry point, SQLite, its defaults) serves several people sending referral forms at once and is killed with
// SIGKILL at a random moment, over and over. After each restart the database passes its integrity check,
// every form that was acknowledged is stored once, and every form that was interrupted, sent again by the
// same person from the same page, is stored once: "already sent as FC-…" when the first try had got in.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/open-database.js";
import { freePort } from "../support/free-port.js";
import { start, waitFor } from "../support/run-process.js";
import { webClient, type WebClient } from "../support/web-client.js";

const kills = 20;
const peoplePerRound = 6;

interface Sent {
  readonly person: string;
  readonly browser: WebClient;
  readonly tab: string;
  readonly formValue: string;
  acknowledged?: string | undefined;
}

const fields = (person: string) => ({ person, phone: "0116 496 0777", age: "80", area: "melton", needs: "home-safety", whatMatters: "Staying safe at home", urgency: "routine", consent: "true" });

/** An invented name per form, letters only: round and form each pick a syllable. */
function personFor(round: number, form: number): string {
  const syllables = ["bram", "quil", "dow", "fen", "wick", "marl", "tob", "zel", "pim", "rost", "glen", "hax", "lund", "vor", "ash", "mere", "cob", "dray", "ferr", "gant", "holl", "jor", "kest", "lorr", "neff"];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return `${cap(syllables[form % syllables.length]!)}ella ${cap(syllables[round % syllables.length]!)}${syllables[(round + form) % syllables.length]}worth`;
}

describe("a crash during a referral", () => {
  it(`stores every referral once over ${kills} SIGKILLs, whether it was acknowledged or sent again`, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "signpost-kill-"));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), DATA_DIR: dataDir, JOBS_ENABLED: "false", LOG_LEVEL: "warn", CHAT_TURNS_PER_MINUTE: "100000", REFERRALS_PER_HOUR: "10000", OUTBOX_INTERVAL_SECONDS: "3600" };
    const launch = async () => {
      const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], env);
      try {
        await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 90_000);
      } catch {
        throw new Error(`Signpost did not come back after a kill; it wrote:\n${server.output.stderr.slice(-2000)}\n${server.output.stdout.slice(-2000)}`);
      }
      return server;
    };
    const everyone: Sent[] = [];
    let server = await launch();
    let interrupted = 0;
    try {
      for (let round = 0; round < kills; round++) {
        // Each person opens a form (stored with its dialog) before the crash.
        const forms: Sent[] = [];
        for (let i = 0; i < peoplePerRound; i++) {
          const browser = webClient(base);
          const tab = `tab-${round}-${i}`;
          const opened = (await (await browser.chat({ conversationId: tab, text: "refer someone to First Contact" })).json()) as { form?: { value: string } };
          forms.push({ person: personFor(round, i), browser, tab, formValue: opened.form?.value ?? "" });
        }
        everyone.push(...forms);
        // Everyone sends at once, and the server dies at a random moment among them.
        const sends = forms.map(async (form) => {
          const response = await form.browser.chat({ conversationId: form.tab, action: { id: "submit_form", value: form.formValue, fields: fields(form.person) } });
          const text = ((await response.json()) as { text: string[] }).text.join(" ");
          form.acknowledged = /FC-[0-9A-Z]{6}/.exec(text)?.[0];
        });
        const killAfterMs = Math.floor(Math.random() * 40);
        await new Promise((resolve) => setTimeout(resolve, killAfterMs));
        server.child.kill("SIGKILL");
        await Promise.allSettled(sends);
        await server.exited;
        server = await launch();
        // Whoever did not hear back sends the same form again, from the same page.
        for (const form of forms.filter((f) => f.acknowledged === undefined)) {
          interrupted++;
          const again = await form.browser.chat({ conversationId: form.tab, action: { id: "submit_form", value: form.formValue, fields: fields(form.person) } });
          const text = ((await again.json()) as { text: string[] }).text.join(" ");
          expect(text, `resend for ${form.person}`).toMatch(/Referral FC-[0-9A-Z]{6} has been sent|already sent as FC-[0-9A-Z]{6}/);
          form.acknowledged = /FC-[0-9A-Z]{6}/.exec(text)?.[0];
        }
      }
      // Sending an acknowledged form again never stores it twice either.
      const sample = everyone[0]!;
      const repeat = await sample.browser.chat({ conversationId: sample.tab, action: { id: "submit_form", value: sample.formValue, fields: fields(sample.person) } });
      expect(((await repeat.json()) as { text: string[] }).text.join(" ")).toContain(`already sent as ${sample.acknowledged!}`);
    } finally {
      server.child.kill("SIGKILL");
      await server.exited;
    }

    const db = openDatabase({ kind: "sqlite", file: path.join(dataDir, "signpost.db") });
    try {
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
      expect(integrity.rows).toEqual([{ integrity_check: "ok" }]);
      const rows = await db.selectFrom("referrals").select(["person", "reference"]).execute();
      const byPerson = new Map<string, string[]>();
      for (const row of rows) byPerson.set(row.person, [...(byPerson.get(row.person) ?? []), row.reference]);
      const duplicates = [...byPerson].filter(([, references]) => references.length > 1);
      expect(duplicates).toEqual([]);
      for (const sent of everyone) expect(byPerson.get(sent.person), sent.person).toEqual([sent.acknowledged]);
      expect(rows).toHaveLength(everyone.length);
    } finally {
      await db.destroy();
    }
    // The campaign must have crashed mid-send at least sometimes, or it proved nothing.
    expect(interrupted).toBeGreaterThan(0);
  }, 600_000);
});
