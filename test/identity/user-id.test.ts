import { describe, expect, it } from "vitest";
import { noRoleAssignments, rolesOf } from "../../src/identity/roles.js";
import { channelLocalId, isUserIdOf, parseUserId, slackUserId, teamsUserId, terminalUserId, webUserId } from "../../src/identity/user-id.js";

describe("namespaced user ids", () => {
  it("are made by each channel from what it verified, and checked as that channel's", () => {
    expect(webUserId("3f2a9c1e-sub")).toBe("web:3f2a9c1e-sub");
    expect(slackUserId("T0123ABCD", "U0456EFGH")).toBe("slack:T0123ABCD:U0456EFGH");
    expect(teamsUserId("72f988bf-tenant", "29:1abc-teams-id")).toBe("teams:72f988bf-tenant:29:1abc-teams-id");
    expect(terminalUserId(1000)).toBe("terminal:1000");
    expect(isUserIdOf("slack", slackUserId("T1", "U1"))).toBe(true);
    expect(isUserIdOf("web", slackUserId("T1", "U1"))).toBe(false);
  });

  it("never let one part pass for another: separators in what a vendor sends are made harmless", () => {
    expect(slackUserId("T1:U-evil", "U2")).toBe("slack:T1_U-evil:U2");
    expect(webUserId("a,b=c d")).toBe("web:a_b_c_d");
    expect(teamsUserId(undefined, "oid")).toBe("teams:_:oid");
    for (const id of [slackUserId("T1:U-evil", "U2"), webUserId("a,b=c d"), teamsUserId(undefined, "oid")]) expect(parseUserId(id).ok).toBe(true);
  });

  it("give back the channel's own id, colons and all", () => {
    expect(channelLocalId("slack:T0123:U0456")).toBe("U0456");
    expect(channelLocalId("teams:tenant:29:1abc")).toBe("29:1abc");
    expect(channelLocalId("web:sub:with:colons")).toBe("sub:with:colons");
    expect(channelLocalId("terminal:1000")).toBe("1000");
  });

  it.each([
    ["u-triage", /is not a namespaced user id/],
    ["slack:U0456", /is not a slack user id like slack:T0123ABCD:U0456EFGH/],
    ["teams:tenant-only", /is not a teams user id/],
    ["web:", /is not a web user id/],
    ["web:two words", /is not a web user id/],
    ["email:someone@example.org", /is not a namespaced user id/],
  ])("refuses %s, saying which forms are accepted", (id, problem) => {
    const parsed = parseUserId(id);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});

describe("roles", () => {
  it("come from configuration by id, and from what the channel vouches for", () => {
    const assignments = { ...noRoleAssignments, triage: new Set(["web:lead"]) };
    expect([...rolesOf("web:lead", assignments)]).toEqual(["triage"]);
    expect([...rolesOf("slack:T1:lead", assignments)]).toEqual([]);
    expect([...rolesOf("web:other", assignments, ["commissioner"])]).toEqual(["commissioner"]);
  });
});
