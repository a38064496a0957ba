// Hostile input (decision 0023): understanding never throws on any text, and what it returns stays
// within its types: a known intent, only known need and area ids, an age from 0 to 120 or none.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { isAreaId, isNeedId } from "../../src/directory/ids.js";
import type { Understander } from "../../src/understanding/create-understander.js";
import { assessSafety } from "../../src/understanding/assess-safety.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { isIntentId } from "../../src/understanding/intents.js";
import { hostileText, propertySettings } from "../support/hostile-text.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
let understander: Understander;
beforeAll(async () => {
  ({ directory, understander } = await realDirectoryAndEngine());
});

const validAge = (age: number | null) => age === null || (Number.isInteger(age) && age >= 0 && age <= 120);
const tiers = new Set(["emergency", "concern", "none"]);

describe("understanding, on hostile text", () => {
  it("understand returns a known intent, known ids and a sane age, and never throws", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const understood = understander.understand(text);
        expect(isIntentId(understood.intent)).toBe(true);
        expect(understood.confidence).toBeGreaterThanOrEqual(0);
        expect(understood.confidence).toBeLessThanOrEqual(1);
        expect(understood.entities.needs.every(isNeedId)).toBe(true);
        expect(understood.entities.areas.every(isAreaId)).toBe(true);
        expect(validAge(understood.entities.age)).toBe(true);
        expect(tiers.has(understood.safety.tier)).toBe(true);
      }),
      propertySettings,
    );
  });

  it("assessSafety gives a tier and never throws", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const safety = assessSafety(text);
        expect(tiers.has(safety.tier)).toBe(true);
        expect(safety.tier === "none" || safety.kinds.length > 0).toBe(true);
      }),
      propertySettings,
    );
  });

  it("extractEntities finds only known ids and a sane age, and never throws", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const { entities, evidence } = extractEntities(text, directory);
        expect(entities.needs.every(isNeedId)).toBe(true);
        expect(entities.areas.every(isAreaId)).toBe(true);
        expect(validAge(entities.age)).toBe(true);
        expect(evidence.needs.every((found) => isNeedId(found.need))).toBe(true);
      }),
      propertySettings,
    );
  });
});
