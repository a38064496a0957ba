import { freePort } from "../support/free-port.js";
import { describe, expect, it } from "vitest";
import { start, waitFor } from "../support/run-process.js";
import { startRecordingConnector } from "./teams/support/recording-connector.js";
import { fixtureTenants, personalMessage } from "./teams/support/teams-fixtures.js";

/** npm start with Teams enabled (emulator mode): /api/messages joins the one server and answers through the connector. */
describe("npm start with Teams enabled", () => {
  it("answers a personal-chat message posted to /api/messages, and drops another tenant's", async () => {
    const connector = await startRecordingConnector();
    const port = await freePort();
    const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], { PORT: String(port), TEAMS_ENABLED: "true", TEAMS_ALLOWED_TENANTS: fixtureTenants[0]! });
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined));
      const activity = personalMessage(connector.url, "lonely gent in Loughborough");
      const posted = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
      expect(posted.status).toBeLessThan(300);
      const replies = await waitFor(() => Promise.resolve(connector.delivered().length > 0 ? connector.delivered() : undefined));
      expect(JSON.stringify(replies)).toContain("Last verified");

      const before = connector.calls.length;
      const stranger = { ...personalMessage(connector.url, "lonely gent in Loughborough"), conversation: { ...activity.conversation!, tenantId: "00000000-0000-0000-0000-000000000000" }, channelData: { tenant: { id: "00000000-0000-0000-0000-000000000000" } } };
      await fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(stranger) });
      // Dropped where it came in, and said so; by then nothing was sent for it.
      const dropped = "Teams activity from a tenant not on the allowlist dropped";
      await waitFor(() => Promise.resolve(`${server.output.stdout}${server.output.stderr}`.includes(dropped) ? true : undefined));
      expect(connector.calls.length).toBe(before);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      await connector.close();
    }
  });
});
