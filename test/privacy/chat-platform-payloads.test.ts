// The privacy scan of everything Signpost sends to Slack and Teams (issue 19, action A08, decision 0023).
// Synthetic people (fictional names, NHS numbers in the 999 range, 07700 900xxx mobiles, made-up
// addresses) go through a realistic mix on both platforms' real paths: searches in public channels,
// feedback, referral forms filled in (first with a wrong NHS number) and sent, triage told, status
// changes pushed back to the thread, "my referrals", outdated-details reports, and messages while
// Signpost is still starting. Then every payload the Slack Web API stand-in and the recording Bot
// Connector received, every answer Signpost gave them over HTTP, every URL the process requested
// and every log line are scanned for every person's details. What the code promises, asserted:
// - nothing personal in any message to a public channel or thread, in any URL, or in any log line;
// - a referral's details go to the triage destination (so the scan does see them where they belong);
// - the referrer's private confirmation repeats what was sent, but never the NHS number;
// - status changes, wherever they go (thread or DM), and "my referrals" carry no personal detail;
// - the NHS number is shown back only in the referrer's own form (modal or card).
// Sized by TORTURE_PRIVACY_CONVERSATIONS (conversations on each platform; 6 here, a few hundred in
// `npm run torture`). Prints a `torture figures:` line; in the campaign, keeps the public payloads,
// the URLs and the logs in TORTURE_LOG_DIR for the campaign's own scan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackHarness, startSlackHarness, triageChannel } from "../channels/slack/support/slack-harness.js";
import { botAddedToTeam } from "../channels/teams/support/teams-fixtures.js";
import { findLeaks, leakCount } from "../support/personal-data-scan.js";
import { keepForPrivacyScan, reportFigures, tortureSetting } from "../support/torture-report.js";
import { type Payload, recordOutgoingUrls, responsePayload, slackPayload, teamsPayload, urlsIn } from "./support/platform-payloads.js";
import { slackConversation, type SlackConversationRecord } from "./support/slack-conversation.js";
import { secretsOf, type SyntheticPerson, syntheticPersons } from "./support/synthetic-person.js";
import { teamsConversation, type TeamsConversationRecord, teamsTriageUserId } from "./support/teams-conversation.js";
import { startTeamsNotifyingHarness, type TeamsNotifyingHarness, teamsTriageConversation } from "./support/teams-notifying-harness.js";

const conversations = tortureSetting("TORTURE_PRIVACY_CONVERSATIONS", 6);
const people = syntheticPersons(2 * conversations);
const secrets = people.flatMap(secretsOf);

let slack: SlackHarness;
let teams: TeamsNotifyingHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
  teams = await startTeamsNotifyingHarness([teamsTriageUserId]);
});
afterAll(async () => {
  await slack.close();
  await teams.close();
});

/** The payloads joined by where they went (one text per platform, method and channel), so the scan names the place of a leak. */
function texts(payloads: readonly Payload[]): Record<string, string> {
  const grouped: Record<string, string> = {};
  for (const payload of payloads) {
    const where = `${payload.platform} ${payload.kind} to ${payload.where}`;
    grouped[where] = grouped[where] === undefined ? payload.text : `${grouped[where]}\n${payload.text}`;
  }
  return grouped;
}

describe("the chat-platform payload scan", () => {
  it(`finds no personal data in anything public, any URL or any log, over ${conversations} Slack and ${conversations} Teams conversations`, async () => {
    const started = performance.now();
    const outgoing = recordOutgoingUrls();
    const slackRuns: { person: SyntheticPerson; run: SlackConversationRecord }[] = [];
    const teamsRuns: { person: SyntheticPerson; run: TeamsConversationRecord }[] = [];
    try {
      // Signpost is added to the triage team in Teams (its welcome goes there; the notifier remembers it).
      await teams.post(botAddedToTeam(teams.serviceUrl));
      for (let i = 0; i < conversations; i++) {
        slackRuns.push({ person: people[i]!, run: await slackConversation(slack, i, people[i]!) });
        teamsRuns.push({ person: people[conversations + i]!, run: await teamsConversation(teams, i, people[conversations + i]!) });
      }
    } finally {
      outgoing.stop();
    }
    const seconds = (performance.now() - started) / 1000;

    const slackPayloads = [
      ...slack.recorder.calls.map((call) => slackPayload(call, triageChannel)),
      ...slackRuns.flatMap(({ run }) => run.responses.map((response) => responsePayload("slack", response.where, response.body))),
    ];
    const teamsPayloads = [
      ...teams.connector.calls.map((call) => teamsPayload(call, teamsTriageConversation)),
      ...teams.connector.created.map((body) => responsePayload("teams", "new personal chat", JSON.stringify(body))),
      ...teamsRuns.flatMap(({ run }) => run.responses.map((response) => responsePayload("teams", response.where, response.body))),
    ];
    const payloads = [...slackPayloads, ...teamsPayloads];
    const publicPayloads = payloads.filter((payload) => payload.audience === "public");
    const urls = [...outgoing.urls, ...payloads.flatMap((payload) => urlsIn(payload.text))];
    const logs = [...slack.lines(), ...teams.logs()].map((line) => JSON.stringify(line));

    const publicLeaks = findLeaks(texts(publicPayloads), secrets);
    const urlLeaks = findLeaks({ urls: urls.join("\n") }, secrets);
    const logLeaks = findLeaks({ logs: logs.join("\n") }, secrets);

    // The promises about what the referrer alone sees, and about statuses.
    const referred = [...slackRuns, ...teamsRuns].filter(({ run }) => run.reference !== undefined).length;
    const confirmationsOf = [
      ...slackRuns.map(({ person, run }) => ({ person, text: JSON.stringify(run.confirmations.map((call) => call.args)) })),
      ...teamsRuns.map(({ person, run }) => ({ person, text: JSON.stringify(run.confirmations.map((call) => call.body)) })),
    ];
    const triageOf = [
      ...slackRuns.map(({ person, run }) => ({ person, payloads: run.triage.map((call) => slackPayload(call, triageChannel)) })),
      ...teamsRuns.map(({ person, run }) => ({ person, payloads: run.triage.map((call) => teamsPayload(call, teamsTriageConversation)) })),
    ];
    const statusesAndLists = [
      ...slackRuns.flatMap(({ run }) => [...run.statuses, ...run.listings].map((call) => slackPayload(call, triageChannel))),
      ...teamsRuns.flatMap(({ run }) => [...run.statuses, ...run.listings].map((call) => teamsPayload(call, teamsTriageConversation))),
    ];
    const statusLeaks = findLeaks(texts(statusesAndLists), secrets);
    const nhsOutsideForms = findLeaks(
      texts(payloads.filter((payload) => payload.audience === "private" && !payload.form)),
      people.map((person) => person.nhsNumber),
    );

    const leaks = leakCount(publicLeaks) + leakCount(urlLeaks) + leakCount(logLeaks) + leakCount(statusLeaks) + leakCount(nhsOutsideForms);
    keepForPrivacyScan("chat-platform-public-payloads", publicPayloads.map((payload) => payload.text).join("\n"), secrets);
    keepForPrivacyScan("chat-platform-urls", urls.join("\n"), secrets);
    keepForPrivacyScan("chat-platform-logs", logs.join("\n"), secrets);
    reportFigures("chat-platform payloads", {
      conversations: 2 * conversations,
      referrals: referred,
      payloadsScanned: payloads.length,
      publicPayloads: publicPayloads.length,
      privatePayloads: payloads.filter((payload) => payload.audience === "private").length,
      triagePayloads: payloads.filter((payload) => payload.audience === "triage").length,
      urls: urls.length,
      logLines: logs.length,
      leaks,
      seconds: Number(seconds.toFixed(1)),
    });

    expect(publicLeaks).toEqual([]);
    expect(urlLeaks).toEqual([]);
    expect(logLeaks).toEqual([]);
    expect(statusLeaks).toEqual([]);
    expect(nhsOutsideForms).toEqual([]);
    // Every conversation made its referral, and each platform posted in public (the scan had something to scan).
    expect(referred).toBe(2 * conversations);
    expect(slackPayloads.filter((payload) => payload.audience === "public").length).toBeGreaterThanOrEqual(conversations);
    expect(teamsPayloads.filter((payload) => payload.audience === "public").length).toBeGreaterThanOrEqual(conversations);
    expect(statusesAndLists.length).toBeGreaterThanOrEqual(2 * conversations);
    for (const { person, text } of confirmationsOf) {
      expect(text).toContain(person.name);
      expect(text).not.toContain(person.nhsNumber);
    }
    for (const { person, payloads: told } of triageOf) {
      expect(told.map((payload) => payload.audience)).toEqual(["triage"]);
      expect(told[0]!.text).toContain(person.name);
      expect(told[0]!.text).toContain(person.nhsNumber);
    }
  }, 60_000 + conversations * 4_000);
});
