import { describe, expect, it } from "vitest";
import { isReference, newReference } from "../../src/referrals/reference.js";
import { extractReference } from "../../src/understanding/extract-reference.js";

describe("newReference", () => {
  it("makes references that are well formed, carry a digit, and are read back however they are typed", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const reference = newReference();
      expect(isReference(reference)).toBe(true);
      expect(reference.slice(3)).toMatch(/\d/);
      const code = reference.slice(3);
      for (const typed of [reference, reference.toLowerCase(), `FC ${code}`, `fc${code.toLowerCase()}`]) expect(extractReference(`any update on ${typed}?`)).toBe(reference);
      seen.add(reference);
    }
    expect(seen.size).toBeGreaterThan(1990);
  });
});
