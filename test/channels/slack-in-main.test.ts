import { freePort } from "../support/free-port.js";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { startRecordingServer } from "../support/recording-server.js";
import { start, waitFor } from "../support/run-process.js";

/** npm start with Slack configured: /slack/events joins the one server, and verifies signatures. */
describe("npm start with Slack configured", () => {
  it("answers Slack's URL check on /slack/events when signed, and refuses it unsigned", async () => {
    const api = await startRecordingServer([200]);
    const port = await freePort();
    const secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const server = start(process.execPath, ["--import", "tsx", "src/main.ts"], {
      PORT: String(port),
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: `${api.url}/api/`,
    });
    try {
      await waitFor(async () => ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200 ? true : undefined));
      const body = JSON.stringify({ token: "x", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
      const signed = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-slack-request-timestamp": timestamp, "x-slack-signature": signature },
        body,
      });
      expect(signed.status).toBe(200);
      expect(await signed.text()).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
      const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(unsigned.status).toBeGreaterThanOrEqual(400);
      expect(server.output.stdout).toContain('"msg":"Slack channel on"');
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
      await api.close();
    }
  });
});
