import { freePort } from "../support/free-port.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { start, waitFor } from "../support/run-process.js";
import { withWrongCheckDigit } from "../support/synthetic-nhs-number.js";
import { syntheticNhsNumbers, syntheticPeople } from "../support/synthetic-referral.js";

/**
 * Runs the real server at the most verbose log level, takes synthetic people
 * through everything that touches personal data (a referral by form, a wrong
 * NHS number, a look-up, a list, a triage move, notifications, an outdated
 * report), then scans every line it wrote, stdout and stderr, for their names
 * and NHS numbers. None may appear.
 */
describe("no personal data in the logs", () => {
  it("keeps names and NHS numbers out of everything the server writes", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), "signpost-logscan-"));
    const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], {
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "trace",
      TRIAGE_USER_IDS: "u-triage",
      OUTBOX_INTERVAL_SECONDS: "1",
    });
    const base = `http://127.0.0.1:${port}`;
    const chat = async (body: Record<string, unknown>) =>
      (await (await fetch(`${base}/api/chat`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as {
        text: string[];
        form?: { value: string };
      };
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 30_000);
      const wrong = withWrongCheckDigit(syntheticNhsNumbers[1]);
      await chat({ conversationId: "c-scan", userId: "u-scan", text: `refer ${syntheticPeople[1]} to First Contact, nhs ${wrong}, lives in Oakham` });
      const opened = await chat({ conversationId: "c-scan", userId: "u-scan", text: `refer ${syntheticPeople[0]} to First Contact for a cold home` });
      const sent = await chat({
        conversationId: "c-scan",
        userId: "u-scan",
        action: {
          id: "submit_form",
          value: opened.form!.value,
          fields: { person: syntheticPeople[0], phone: "0116 496 0999", age: "84", nhsNumber: syntheticNhsNumbers[0], area: "charnwood", needs: "affordable-warmth", whatMatters: `${syntheticPeople[0]} wants to stay warm`, urgency: "soon", consent: "true" },
        },
      });
      const reference = /FC-[0-9A-Z]{6}/.exec(sent.text.join(" "))![0];
      await chat({ conversationId: "c-scan", userId: "u-scan", text: `any update on ${reference}?` });
      await chat({ conversationId: "c-scan", userId: "u-scan", text: "my referrals" });
      await chat({ conversationId: "c-triage", userId: "u-triage", text: `acknowledge ${reference}` });
      await chat({ conversationId: "c-scan", userId: "u-scan", action: { id: "submit_form", value: "report_outdated:lightbulb-affordable-warmth", fields: { details: `${syntheticPeople[2]} says the number is wrong` } } });
      await chat({ conversationId: "c-scan", userId: "u-scan", text: `${syntheticPeople[2]} ${syntheticNhsNumbers[1]}` });
      await new Promise((resolve) => setTimeout(resolve, 2500)); // let the outbox sender run
    } finally {
      server.child.kill("SIGTERM");
    }
    await server.exited;
    const everything = `${server.output.stdout}\n${server.output.stderr}`;
    expect(everything.split("\n").filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(8);
    for (const secret of [...syntheticPeople, ...syntheticPeople.map((p) => p.split(" ")[1]!), ...syntheticNhsNumbers, withWrongCheckDigit(syntheticNhsNumbers[1])]) {
      expect(everything, `the logs mention ${secret}`).not.toContain(secret);
    }
  });
});
