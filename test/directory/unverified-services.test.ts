import { describe, expect, it } from "vitest";
import { unverifiedSince } from "../../src/directory/unverified-services.js";

const service = (id: string, last_verified: string, organization = "Org") => ({ id, last_verified, organization: { id: organization, name: organization } });

describe("unverifiedSince", () => {
  it("keeps those verified before the cutoff (not on it), oldest first, then by provider and id", () => {
    const services = [service("b", "2025-01-01", "Beta"), service("on-cutoff", "2025-06-01"), service("a", "2025-01-01", "Alpha"), service("old", "2024-03-02"), service("new", "2026-01-01")];
    expect(unverifiedSince(services, "2025-06-01").map((s) => s.id)).toEqual(["old", "a", "b"]);
    expect(unverifiedSince([], "2025-06-01")).toEqual([]);
  });
});
