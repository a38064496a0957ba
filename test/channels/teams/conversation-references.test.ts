// Stored Teams conversation references, on both real databases (SQLite and PostgreSQL)
// through the same Kysely store: migration 002 adds the table; saving twice replaces;
// a user's personal chat is found by their Entra id; only addressing is kept (no names).
import { TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { TeamsConversationReferences } from "../../../src/channels/teams/conversation-references.js";
import { KyselyConversationReferenceStore } from "../../../src/conversation-references/kysely-conversation-reference-store.js";
import { bothDatabases, useReferralDatabase } from "../../support/databases.js";
import { ManualClock } from "../../support/manual-clock.js";
import { fixture } from "./support/teams-fixtures.js";

describe.each(bothDatabases)("Teams conversation references on %s", (_name, makeDatabase) => {
  const clock = new ManualClock();
  const context = useReferralDatabase(makeDatabase, clock);
  const references = () => new TeamsConversationReferences(new KyselyConversationReferenceStore(context.db, clock));

  it("is in the schema after migrating (002-teams-conversations)", () => {
    expect(context.migrated).toContain("002-teams-conversations");
  });

  it("saves a channel's reference, keeping only what addressing needs, and replaces it when it changes", async () => {
    const activity = fixture("message.channel_mention.teams-net");
    await references().save(TurnContext.getConversationReference(activity));
    const stored = await references().find(activity.conversation!.id);
    expect(stored).toMatchObject({ channelId: "msteams", serviceUrl: activity.serviceUrl, conversation: { id: activity.conversation!.id, conversationType: "channel", tenantId: "50612dbb-0237-4969-b378-8d42590f9c00" } });
    expect(stored?.activityId).toBeUndefined();
    expect(JSON.stringify(stored)).not.toMatch(/rido"|reply to thread/);
    clock.advance(1000);
    await references().save({ ...TurnContext.getConversationReference(activity), serviceUrl: "https://smba.trafficmanager.net/emea/" });
    expect((await references().find(activity.conversation!.id))?.serviceUrl).toBe("https://smba.trafficmanager.net/emea/");
    const rows = await context.db.selectFrom("teams_conversations").selectAll().where("conversation_id", "=", activity.conversation!.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.user_id).toBeNull();
  });

  it("finds a user's personal chat by their Entra object id, the latest first", async () => {
    const personal = fixture("message.personal.msdocs");
    await references().save(TurnContext.getConversationReference(personal));
    clock.advance(1000);
    await references().save({ ...TurnContext.getConversationReference(personal), conversation: { ...personal.conversation!, id: "a:newer-chat" } });
    expect((await references().findPersonalChat("7faf8ab2-3d56-4244-b585-20c8a42ed2b8"))?.conversation.id).toBe("a:newer-chat");
    expect(await references().findPersonalChat("someone-else")).toBeUndefined();
    expect(await references().find("no-such-conversation")).toBeUndefined();
  });

  it("reaches a channel it has only heard from in a thread, by posting to the channel itself", async () => {
    const thread = fixture("message.channel_mention.teams-net");
    await references().save(TurnContext.getConversationReference(thread));
    const channel = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
    expect((await references().find(channel))?.conversation).toMatchObject({ id: channel, conversationType: "channel" });
    expect(await references().find("19:6848757105754c8981c67612732d9aa7@thread.tacv")).toBeUndefined();
  });

  it("ignores a reference it could not use (no conversation or service URL)", async () => {
    await references().save({ channelId: "msteams" });
    expect(await context.db.selectFrom("teams_conversations").select("conversation_id").where("conversation_id", "=", "").execute()).toEqual([]);
  });
});
