// Forms waiting for their "Open the form" button, shared by every instance, on SQLite and
// PostgreSQL: kept on one connection (one instance), found on another under the button's token,
// gone once their 30 minutes are up, and never found by a token Signpost did not give.
import { describe, expect, it } from "vitest";
import { KyselyPendingForms, type PendingForm, pendingFormMs } from "../../../src/channels/slack/pending-forms.js";
import { bothDatabases, useMigratedDatabase, withSecondConnection } from "../../support/databases.js";
import { ManualClock } from "../../support/manual-clock.js";

const waiting: PendingForm = {
  conversationId: "slack:C123ABC456:1515449900.000001",
  team: "slack:T123ABC456:C123ABC456",
  reply: {
    conversationId: "slack:C123ABC456:1515449900.000001",
    intent: "make_referral",
    text: ["Here is the referral form."],
    urgent: false,
    cards: [],
    actions: [],
    private: true,
    form: { id: "referral", title: "Refer to First Contact", value: "referral:3f0c6b1e-0000-4000-8000-000000000000", submitLabel: "Send", fields: [] },
  },
};

describe.each(bothDatabases)("KyselyPendingForms on %s", (_name, makeDatabase) => {
  const context = useMigratedDatabase(makeDatabase);

  it("finds a form kept by another instance under its token, until its 30 minutes are up", async () => {
    const clock = new ManualClock();
    const token = await new KyselyPendingForms(context.db, clock).keep(waiting);
    await withSecondConnection(context.settings, async (other) => {
      const there = new KyselyPendingForms(other, clock);
      expect(await there.find(token)).toEqual(waiting);
      clock.advance(pendingFormMs - 1);
      expect(await there.find(token)).toEqual(waiting);
      clock.advance(1);
      expect(await there.find(token)).toBeUndefined();
    });
  });

  it("gives each form its own unguessable token, and finds nothing for any other", async () => {
    const forms = new KyselyPendingForms(context.db, new ManualClock());
    const [first, second] = [await forms.keep(waiting), await forms.keep(waiting)];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    for (const token of ["", "not-a-token", first.toUpperCase(), `${first} `]) expect(await forms.find(token)).toBeUndefined();
  });
});
