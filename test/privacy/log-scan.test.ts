import { freePort } from "../support/free-port.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { start, waitFor } from "../support/run-process.js";
import { withWrongCheckDigit } from "../support/synthetic-nhs-number.js";
import { syntheticNhsNumbers, syntheticPeople, syntheticReferrerName } from "../support/synthetic-referral.js";
import { type WebClient, webClient } from "../support/web-client.js";

/**
 * Runs the real server at the most verbose log level, takes synthetic people
 * through everything that touches personal data (a referral by form, with the
 * referrer's own name given in trial mode, a wrong NHS number, a look-up, a
 * list, a triage move, notifications, an outdated report), waits until the outbox has delivered the triage details and the
 * status change (so the sender's lines are in the logs too, and the scan fails
 * unless its "notification delivered" lines are there), then scans every line
 * it wrote, stdout and stderr, for their names and NHS numbers. None may appear.
 */
describe("no personal data in the logs", () => {
  it("keeps names and NHS numbers out of everything the server writes", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "signpost-logscan-"));
    const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "trace",
      // Every trial session may triage, so one browser can move the referral the other made.
      TRIAL_ROLES: "triage",
      OUTBOX_INTERVAL_SECONDS: "1",
    });
    const base = `http://127.0.0.1:${port}`;
    const referrer = webClient(base);
    const triage = webClient(base);
    const chat = async (who: WebClient, body: Record<string, unknown>) => (await (await who.chat(body)).json()) as { text: string[]; form?: { value: string } };
    let delivered: string[] = [];
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 30_000);
      const wrong = withWrongCheckDigit(syntheticNhsNumbers[1]);
      await chat(referrer, { conversationId: "c-scan", text: `refer ${syntheticPeople[1]} to First Contact, nhs ${wrong}, lives in Oakham` });
      const opened = await chat(referrer, { conversationId: "c-scan", text: `refer ${syntheticPeople[0]} to First Contact for a cold home` });
      const sent = await chat(referrer, {
        conversationId: "c-scan",
        action: {
          id: "submit_form",
          value: opened.form!.value,
          // Trial mode: the referrer's own name, given in the form, is personal data too.
          fields: { referrerName: syntheticReferrerName, referrerRole: "Social prescriber", person: syntheticPeople[0], phone: "0116 496 0999", age: "84", nhsNumber: syntheticNhsNumbers[0], area: "charnwood", needs: "affordable-warmth", whatMatters: `${syntheticPeople[0]} wants to stay warm`, urgency: "soon", consent: "true" },
        },
      });
      const reference = /FC-[0-9A-Z]{6}/.exec(sent.text.join(" "))![0];
      await chat(referrer, { conversationId: "c-scan", text: `any update on ${reference}?` });
      await chat(referrer, { conversationId: "c-scan", text: "my referrals" });
      await chat(triage, { conversationId: "c-triage", text: `acknowledge ${reference}` });
      await chat(referrer, { conversationId: "c-scan", action: { id: "submit_form", value: "report_outdated:lightbulb-affordable-warmth", fields: { details: `${syntheticPeople[2]} says the number is wrong` } } });
      await chat(referrer, { conversationId: "c-scan", text: `${syntheticPeople[2]} ${syntheticNhsNumbers[1]}` });
      // The outbox sender has run, both ways, when the triage team has the details and the referrer the status change.
      const details = await waitFor(async () => {
        const { messages } = (await (await triage.fetch("/api/inbox/triage")).json()) as { messages: string[] };
        return messages.length > 0 ? messages : undefined;
      });
      expect(details.join(" ")).toContain(syntheticPeople[0]);
      expect(details.join(" ")).toContain(`${syntheticReferrerName}, Social prescriber (given in trial mode, not verified)`);
      delivered = await waitFor(async () => {
        const { messages } = (await (await referrer.fetch("/api/chat/inbox?conversationId=c-scan")).json()) as { messages: string[] };
        return messages.length > 0 ? messages : undefined;
      });
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(delivered.join(" ")).toMatch(/FC-[0-9A-Z]{6} has been picked up/);
    await server.exited;
    const everything = `${server.output.stdout}\n${server.output.stderr}`;
    expect(everything.split("\n").filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(8);
    // The outbox sender ran in this process and its lines are among those scanned: the triage details and the status change at least.
    const sends = everything.split("\n").filter((line) => line.includes('"msg":"notification delivered"'));
    expect(sends.length, "the outbox sender's lines are in the log").toBeGreaterThanOrEqual(2);
    expect(sends.join("\n")).toMatch(/"notifier":"inbox"/);
    for (const secret of [...syntheticPeople, ...syntheticPeople.map((p) => p.split(" ")[1]!), syntheticReferrerName, syntheticReferrerName.split(" ")[1]!, ...syntheticNhsNumbers, withWrongCheckDigit(syntheticNhsNumbers[1])]) {
      expect(everything, `the logs mention ${secret}`).not.toContain(secret);
    }
  });
});
