// Teams as two instances behind a load balancer: two real CloudAdapters, each on its own server,
// connector and connection pool, sharing one PostgreSQL database. A referral asked for in a channel
// on A puts the form in the user's personal chat with a private route; the form submitted to B
// follows that route back to the channel's conversation and team, and is stored once.
import type { Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { sentPrivately } from "../../../src/channels/teams/deliver-reply.js";
import { useTwoInstances } from "../../support/databases.js";
import { allText, buttonsOf, cardsOf, submitForm } from "./support/card-helpers.js";
import { cardSubmit, channelMention, channelTenant, channelUser } from "./support/teams-fixtures.js";
import { startTeamsHarness } from "./support/teams-harness.js";

const two = useTwoInstances((database) => startTeamsHarness({ database }));

describe("two Teams instances on one database", () => {
  it("routes a form sent privately by A back to its channel when it is submitted to B, and stores it once", async () => {
    const { a, b } = two;
    const channel = channelMention(a.serviceUrl, "refer Mrs P in Loughborough to First Contact for a home safety check");
    const channelId = channel.conversation!.id;
    await a.post(channel);
    expect(allText(a.connector.delivered(channelId))).toBe(sentPrivately);
    const [personal] = a.connector.delivered().filter((call) => call.conversationId !== channelId);
    const [form] = cardsOf(personal);
    expect(buttonsOf(form!).find((button) => button.data?.signpost?.id === "submit_form")?.data?.signpost?.route).toMatch(/^[A-Za-z0-9_-]{16}$/);

    const personalChat: Activity["conversation"] = { id: personal!.conversationId, conversationType: "personal", isGroup: false, name: "", tenantId: channelTenant };
    const data = submitForm(form!, { phone: "01632 960124", nhsNumber: "", age: "84", whatMatters: "Staying warm and safe at home", consent: "true" });
    await b.post(cardSubmit(b.serviceUrl, data, { conversation: personalChat, from: channelUser, replyToId: personal!.sentId!, tenantId: channelTenant }));
    expect(allText(b.connector.calls)).toMatch(/^Referral FC-[0-9A-Z]{6} has been sent to First Contact Plus/);
    // Sent again, to A this time: the same dialog, so it is not stored twice.
    await a.post(cardSubmit(a.serviceUrl, data, { conversation: personalChat, from: channelUser, replyToId: personal!.sentId!, tenantId: channelTenant }));
    expect(allText(a.connector.calls.filter((call) => call.conversationId === personalChat.id).slice(1))).toMatch(/already sent as FC-[0-9A-Z]{6}/);

    const stored = await a.db.selectFrom("referrals").select(["origin_conversation_id", "referrer_team"]).execute();
    expect(stored).toEqual([{ origin_conversation_id: channelId, referrer_team: `teams:${channelTenant}:${(channel.channelData as { team: { id: string } }).team.id}` }]);
  });
});
