// Where the person lives, read through extractEntities (resolve-residence.ts decides among the places named).
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});
const areasOf = (text: string) => extractEntities(text, directory).entities.areas;

describe("residence: after round 23", () => {
  it("reads where the person came home from as not home, so the postcode and village decide", () => {
    expect(areasOf("Pt 85F, Moira DE12 6, home from Glenfield 2 days ago, needs shopping")).toEqual(["north-west-leicestershire"]);
  });

  it("reads a home over the border as no LLR area, whatever the practice's town", () => {
    expect(areasOf("registered at Uppingham surgery but lives over the border near Corby, wants a befriender")).toEqual([]);
  });

  it("reads a library as home only when no other place is named", () => {
    expect(areasOf("comes to our coffee morning at Oadby library, lives in Narborough, lonely")).toEqual(["blaby"]);
    expect(areasOf("one of the regulars at Coalville library wants help with email")).toEqual(["north-west-leicestershire"]);
  });
});

describe("residence: after round 24", () => {
  it.each([
    ["dad here - my teenage daughter in Melton Mowbray wants a youth club", ["melton"]],
    ["she can't get to her clinic at the LGH from Uppingham, no car", ["rutland"]],
  ])("%s -> %j", (text, areas) => {
    expect(areasOf(text)).toEqual(areas);
  });

  it("still reads a relative's town, in someone else's words, as somewhere else", () => {
    expect(areasOf("her son in Loughborough visits at weekends, she lives in Oakham")).toEqual(["rutland"]);
  });
});

describe("residence: after round 28", () => {
  it("reads a care home named for a respite stay as not home when home is named, and as home when it is the only place", () => {
    expect(areasOf("Mr B, 80, on a respite stay at a care home in Wigston, home is Braunstone, wife wants carer support")).toEqual(["leicester"]);
    expect(areasOf("lives in a nursing home in Oakham, very lonely")).toEqual(["rutland"]);
  });

  it("reads a city road with no namesake in the county as Leicester", () => {
    expect(areasOf("lives at 7 St Saviours Road, wants a lunch club")).toEqual(["leicester"]);
    expect(areasOf("ground floor flat, Fosse Road North, needs help with bills")).toEqual(["leicester"]);
  });
});

describe("residence: after round 29", () => {
  it("reads the person's own home over a stay with family", () => {
    expect(areasOf("staying at her son's in Oadby after the op, but her own home is in Syston")).toEqual(["charnwood"]);
  });

  it("reads a caravan on family land as home", () => {
    expect(areasOf("lives in a caravan on his son's farm near Hallaton")).toEqual(["harborough"]);
  });

  it.each([
    ["memory cafe near LE67 4AB?", ["north-west-leicestershire"]],
    ["lunch club nr LE12 9", ["charnwood"]],
  ])("reads a postcode sector that lies in one area: %s", (text, areas) => {
    expect(areasOf(text)).toEqual(areas);
  });
});
