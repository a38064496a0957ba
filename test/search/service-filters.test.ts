import { beforeAll, describe, expect, it } from "vitest";
import type { Directory, Service } from "../../src/directory/directory.js";
import { areaIds, needIds, offers } from "../../src/directory/ids.js";
import type { SearchQuery } from "../../src/search/search-engine.js";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { bitCount, meetsAnyNeed, needCount, passesFilters, queryFacts, serviceFacts } from "../../src/search/service-filters.js";
import { realDirectory } from "../support/directory-copy.js";

const service = (overrides: Partial<Service>): Service =>
  ({ id: "s", name: "S", description: "", offer: "vcs", needs: ["transport"], areas: ["melton", "rutland"], referral_routes: ["self"], how_to_refer: "", last_verified: "2026-01-01", source: "illustrative sample", organization: { id: "o", name: "O" }, file: "x", service_areas: [], ...overrides });
const query = (overrides: Partial<SearchQuery>): SearchQuery => ({ text: "", needs: [], areas: [], age: null, limit: 5, ...overrides });
const passes = (s: Partial<Service>, q: Partial<SearchQuery>) => passesFilters(serviceFacts(service(s)), queryFacts(query(q)));

describe("service facts as bit sets", () => {
  it("holds every need in a need set of several words, and every area and offer id in a 31-bit set", () => {
    expect(needIds.length).toBeGreaterThan(32);
    for (const ids of [areaIds, offers]) expect(ids.length).toBeLessThanOrEqual(31);
    expect(needCount(serviceFacts(service({ needs: [...needIds] })).needs)).toBe(needIds.length);
    const last = needIds[needIds.length - 1]!;
    expect(meetsAnyNeed(serviceFacts(service({ needs: [last] })), queryFacts(query({ needs: [last] })))).toBe(true);
    expect(meetsAnyNeed(serviceFacts(service({ needs: [last] })), queryFacts(query({ needs: [needIds[needIds.length - 33]!] })))).toBe(false);
    expect(bitCount(serviceFacts(service({ areas: [...areaIds] })).areas)).toBe(areaIds.length);
  });

  it("keeps to the area, the age range and the offer; gives no filter when none is asked", () => {
    expect(passes({}, {})).toBe(true);
    expect(passes({}, { areas: ["rutland"] })).toBe(true);
    expect(passes({}, { areas: ["blaby", "leicester"] })).toBe(false);
    expect(passes({ minimum_age: 65 }, { age: 64 })).toBe(false);
    expect(passes({ minimum_age: 65 }, { age: 65 })).toBe(true);
    expect(passes({ maximum_age: 25 }, { age: 26 })).toBe(false);
    expect(passes({ maximum_age: 25 }, { age: 0 })).toBe(true);
    expect(passes({ offer: "nhs" }, { offers: ["vcs", "council"] })).toBe(false);
    expect(passes({ offer: "council" }, { offers: ["vcs", "council"] })).toBe(true);
  });

  it("counts a need search's match, and never lists a front door among the results", () => {
    const asked = queryFacts(query({ needs: ["transport", "social-isolation"] }));
    expect(meetsAnyNeed(serviceFacts(service({})), asked)).toBe(true);
    expect(meetsAnyNeed(serviceFacts(service({ needs: ["hoarding"] })), asked)).toBe(false);
    expect(meetsAnyNeed(serviceFacts(service({ front_door: true })), asked)).toBe(false);
    expect(asked.needCount).toBe(2);
  });
});

describe("age bands of needs, as filters", () => {
  let directory: Directory;
  beforeAll(async () => {
    directory = await loadDirectory(realDirectory);
  });
  const passesAt = (s: Partial<Service>, age: number) => passesFilters(serviceFacts(service(s), directory.taxonomy), queryFacts(query({ age })));

  it("keeps a service that meets only young carers to under-18s, even when its record gives no ages", () => {
    expect(passesAt({ needs: ["young-carers"] }, 13)).toBe(true);
    expect(passesAt({ needs: ["young-carers"] }, 17)).toBe(true);
    expect(passesAt({ needs: ["young-carers"] }, 45)).toBe(false);
    // Without the taxonomy (as before), only the record's own ages count.
    expect(passesFilters(serviceFacts(service({ needs: ["young-carers"] })), queryFacts(query({ age: 45 })))).toBe(true);
  });

  it("does not narrow a service that also meets a need for every age, and still applies the record's own ages", () => {
    expect(passesAt({ needs: ["young-carers", "carers-support"] }, 45)).toBe(true);
    expect(passesAt({ needs: ["young-carers"], minimum_age: 8 }, 6)).toBe(false);
    expect(passesAt({ needs: ["youth-activities"] }, 19)).toBe(true);
    expect(passesAt({ needs: ["youth-activities"] }, 20)).toBe(false);
  });
});
