// The Slack channel in Socket Mode, end to end over a real local WebSocket: the
// real Bolt app made by createSlackApp, on the real core, with an app token and
// the Web API pointed at a local stand-in that also plays Slack's Socket Mode
// (apps.connections.open, hello, envelopes, acks, disconnect, pings). The tests
// run in order on one connection, as Slack would use it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackApp, type SlackChannel } from "../../../src/channels/slack/create-slack-app.js";
import { realBot } from "../../support/real-bot.js";
import { memoryLogger } from "../../support/memory-logger.js";
import type { SlackState } from "../../../src/channels/slack/create-slack-app.js";
import { slackState } from "./support/slack-state.js";
import { checkMessage } from "./support/block-kit-checks.js";
import { buttonsIn, headingsIn } from "./support/recorded-messages.js";
import { type SlackApiRecorder, startSlackApiRecorder } from "./support/slack-api-recorder.js";
import { buttonPress, directMessage, mention } from "./support/slack-payloads.js";
import { eventsApiEnvelope, interactiveEnvelope, slashCommandEnvelope } from "./support/socket-mode-envelopes.js";
import { type SocketModeServer, startSocketModeServer } from "./support/socket-mode-server.js";
import { waitFor } from "../../support/run-process.js";

/** What the repeated-event middleware (src/channels/slack/seen-events.ts) logs when it drops a retry. */
const droppedRepeat = "Slack event already handled, here or on another instance; dropped";

const appToken = "xapp-1-A123ABC456-1111111111111-standin";
const botToken = "xoxb-test-token";

/** What keeps a Node process alive: sockets, servers and timers, counted by kind. */
function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) if (/TCP|Timeout|Immediate/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The promise, or a clear failure after `ms` (Bolt would otherwise keep retrying until the test's own timeout). */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let recorder: SlackApiRecorder;
let sockets: SocketModeServer;
let slack: SlackChannel;
let state: SlackState;
let handlesBefore: Record<string, number>;
const { logger, lines } = memoryLogger();

beforeAll(async () => {
  const { bot, db } = await realBot();
  state = slackState(db);
  handlesBefore = liveHandles();
  recorder = await startSlackApiRecorder();
  sockets = await startSocketModeServer(recorder, { appToken });
  slack = createSlackApp({ settings: { botToken, appToken, commandName: "/signpost", apiUrl: recorder.apiUrl }, bot: () => bot, state, logger });
});

afterAll(async () => {
  await slack.stop();
  await sockets.close();
  await recorder.close();
});

const postsTo = (channel: string, threadTs?: string) => recorder.callsTo("chat.postMessage").filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs);

describe("Slack over Socket Mode", () => {
  it("connects: apps.connections.open with the app token, then the WebSocket URL it gave, ready once Slack says hello", async () => {
    expect(slack.mode).toBe("socket");
    await within(10_000, slack.start(), "connecting to the local Slack");
    const opens = recorder.callsTo("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]).toMatchObject({ httpMethod: "POST", authorization: `Bearer ${appToken}` });
    expect(sockets.connections.map((c) => c.ticket)).toEqual(["stand-in-1"]);
    // The app token opens connections and nothing else; nothing is said before anyone asks.
    expect(recorder.calls.filter((c) => c.authorization === `Bearer ${appToken}`).map((c) => c.method)).toEqual(["apps.connections.open"]);
    expect(recorder.calls.filter((c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("acknowledges /signpost by its envelope_id at once, then answers privately through the Web API with service cards", async () => {
    const envelope = slashCommandEnvelope({ text: "lonely widower in Loughborough" });
    const acked = sockets.ackOf(envelope.envelope_id);
    const answer = recorder.next("chat.postEphemeral");
    sockets.send(envelope);
    const ack = await acked;
    // Acknowledged before the answer was posted, and with no response payload: the answer is not in the ack.
    expect(recorder.callsTo("chat.postEphemeral")).toEqual([]);
    expect(ack.connection).toBe(1);
    expect(ack.payload ?? {}).toEqual({});
    const call = await answer;
    expect(call.authorization).toBe(`Bearer ${botToken}`);
    expect(call.args).toMatchObject({ channel: "C2147483705", user: "U2147483697" });
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
    expect(buttonsIn(call).map((b) => b.action_id)).toEqual(expect.arrayContaining(["refer", "details", "report_outdated"]));
    expect(recorder.callsTo("chat.postMessage")).toEqual([]);
  });

  it("takes a button press as an interactive envelope: More about this answers privately", async () => {
    const details = buttonsIn(recorder.callsTo("chat.postEphemeral")[0]).find((b) => b.action_id === "details");
    expect(details).toBeDefined();
    const envelope = interactiveEnvelope(buttonPress(details!, { channel: "C2147483705", messageTs: "1700000000.000002", ephemeral: true, user: "U2147483697" }));
    const acked = sockets.ackOf(envelope.envelope_id);
    const answer = recorder.next("chat.postEphemeral");
    sockets.send(envelope);
    expect((await acked).payload ?? {}).toEqual({});
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C2147483705", user: "U2147483697" });
    expect(call.args.text).toMatch(/in full/);
  });

  it("answers an app_mention events_api envelope once in its thread, and acknowledges Slack's retry of it without answering again", async () => {
    const body = mention("<@U0LAN0Z89> lonely and isolated", "EvSocketMention1");
    const first = eventsApiEnvelope(body);
    const retry = eventsApiEnvelope(body, { attempt: 1, reason: "timeout" });
    const answer = recorder.next("chat.postMessage");
    sockets.send(first);
    await sockets.ackOf(first.envelope_id);
    const call = await answer;
    expect(call.args).toMatchObject({ channel: "C123ABC456", thread_ts: "1515449522.000016" });
    expect(headingsIn(call).length).toBe(5);

    sockets.send(retry);
    expect((await sockets.ackOf(retry.envelope_id)).envelope_id).toBe(retry.envelope_id);
    // A later, different event is answered; by then the retry would have been too, had it got through.
    const later = eventsApiEnvelope(mention("<@U0LAN0Z89> lonely and isolated", "EvSocketMention2", { ts: "1515449600.000001" }));
    const laterAnswer = recorder.next("chat.postMessage");
    sockets.send(later);
    expect((await laterAnswer).args.thread_ts).toBe("1515449600.000001");
    // The retry was dropped before any listener saw it, and said so: it can answer nothing later.
    await waitFor(() => Promise.resolve(lines().some((line) => line.msg === droppedRepeat && line.eventId === "EvSocketMention1") ? true : undefined));
    expect(postsTo("C123ABC456", "1515449522.000016")).toHaveLength(1);
  });

  it("reconnects when Slack asks (disconnect, refresh_requested): a new apps.connections.open, a new socket, still answering", async () => {
    const [firstConnection] = sockets.connections;
    sockets.disconnect("refresh_requested");
    expect((await firstConnection!.closed).code).toBe(1000);
    const connections = await sockets.waitForConnections(2);
    expect(connections[1]?.ticket).toBe("stand-in-2");
    const opens = recorder.callsTo("apps.connections.open");
    expect(opens).toHaveLength(2);
    expect(opens[1]?.authorization).toBe(`Bearer ${appToken}`);

    const envelope = eventsApiEnvelope(directMessage("lonely widower in Loughborough", "EvSocketDirect1"));
    const acked = sockets.ackOf(envelope.envelope_id);
    const answer = recorder.next("chat.postMessage");
    sockets.send(envelope);
    expect((await acked).connection).toBe(2);
    const call = await answer;
    expect(call.args.channel).toBe("D024BE91L");
    expect(headingsIn(call)).toContain("Wreake Valley befriending");
  });

  it("fails to start, with Slack's error, when Slack refuses the app token (revoked: invalid_auth)", async () => {
    const before = recorder.callsTo("apps.connections.open").length;
    const refused = createSlackApp({ settings: { botToken, appToken: "xapp-1-A123ABC456-2222222222222-revoked", commandName: "/signpost", apiUrl: recorder.apiUrl }, bot: () => undefined, state, logger: memoryLogger().logger });
    try {
      await expect(within(10_000, refused.start(), "a refused start")).rejects.toThrow(/invalid_auth/);
    } finally {
      await refused.stop();
    }
    expect(recorder.callsTo("apps.connections.open")).toHaveLength(before + 1);
    expect(sockets.connections).toHaveLength(2);
  });

  it("stops cleanly: the socket is closed normally by the time stop() resolves, with no reconnecting and nothing left running", async () => {
    const connection = sockets.connections.at(-1)!;
    await slack.stop();
    // The close handshake is done (the server has the client's close frame), not merely begun.
    expect(connection.socket.readyState).not.toBe(connection.socket.OPEN);
    expect((await connection.closed).code).toBe(1000);
    await sockets.close();
    await recorder.close();
    // Closed sockets leave the handle list as their close events run: wait for that, not for a guess at how long it takes.
    await waitFor(() => Promise.resolve(JSON.stringify(liveHandles()) === JSON.stringify(handlesBefore) ? true : undefined), 5_000).catch(() => undefined);
    expect(liveHandles()).toEqual(handlesBefore);
    expect(recorder.callsTo("apps.connections.open")).toHaveLength(3);
  });

  it("sent only messages within Slack's limits, and logged no errors and nothing anyone typed", () => {
    for (const call of recorder.calls.filter((c) => c.method.startsWith("chat."))) checkMessage(call.args);
    const logged = lines();
    expect(logged.filter((l) => typeof l.level === "number" && l.level >= 50)).toEqual([]);
    expect(JSON.stringify(logged)).not.toMatch(/widower|lonely/);
  });
});
