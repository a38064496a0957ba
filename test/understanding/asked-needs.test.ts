import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { askedNeeds } from "../../src/understanding/asked-needs.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});
const asked = (text: string) => {
  const { entities, evidence } = extractEntities(text, directory);
  return { needs: entities.needs, asked: askedNeeds(text, entities.needs, evidence) };
};

describe("askedNeeds", () => {
  it("keeps the needs of the sentences that ask, not those that describe the person", () => {
    const read = asked("81F, Shepshed. COPD and AF, uses a stairlift. Husband died in June. Would like a bereavement group near her.");
    expect(read.needs).toEqual(expect.arrayContaining(["long-term-conditions", "bereavement"]));
    expect(read.asked).toContain("bereavement");
    expect(read.asked).not.toContain("long-term-conditions");
  });

  it("asks for nothing apart when one sentence says it all, or every need is asked", () => {
    expect(asked("lonely widower in Loughborough, any befriending?").asked).toEqual([]);
    expect(asked("Lives in Oadby. Any befriending and help with his heating bills?").asked).toEqual([]);
  });

  it("asks for nothing apart when no sentence asks", () => {
    expect(asked("72M Melton. Lonely since his wife died. House is cold.").asked).toEqual([]);
  });
});
