// Who is writing is not what the person needs. Written in words no blind round used.
import { beforeAll, describe, expect, it } from "vitest";
import type { Directory } from "../../src/directory/directory.js";
import { extractEntities } from "../../src/understanding/extract-entities.js";
import { withoutPreamble, writerPreamble } from "../../src/understanding/writer-preamble.js";
import { realDirectoryAndEngine } from "../support/load-real-directory.js";

let directory: Directory;
beforeAll(async () => {
  ({ directory } = await realDirectoryAndEngine());
});
const needs = (text: string) => extractEntities(text, directory).entities.needs;

describe("writerPreamble", () => {
  it.each([
    ["Food bank volunteer coordinator: a gent of 70 came in today", "a gent of 70 came in today"],
    ["Library outreach volunteer. Regular borrower, 81, Ketton", "Regular borrower, 81, Ketton"],
    ["I volunteer at the gurdwara langar in Oadby. An older man there", ". An older man there"],
  ])("finds the writer's role in %s", (text, rest) => {
    expect(writerPreamble(text).length).toBe(1);
    expect(withoutPreamble(text).trim()).toBe(rest);
  });

  it.each(["Wants to volunteer. 45M Loughborough", "Befriending volunteer. 80 in Oakham", "Lonely widower, needs a volunteer visitor."])(
    "leaves %s alone: the volunteering is the person's",
    (text) => {
      expect(writerPreamble(text)).toEqual([]);
    },
  );
});

describe("extractEntities: the writer's role is not a need", () => {
  it("does not offer volunteering to the client of a volunteer", () => {
    expect(needs("Benefits advice volunteer. Client, 59, Melton, PIP stopped and behind on the rent")).not.toContain("volunteering");
  });

  it("does not read where the writer helps as the person's faith or company", () => {
    const found = needs("I help out at the temple kitchen in Belgrave. One of the aunties says her husband takes her bank card and she has nothing left for food.");
    expect(found).not.toContain("faith-and-culture");
    expect(found).toEqual(expect.arrayContaining(["domestic-abuse", "food-and-essentials"]));
  });

  it("reads a carer writing for themselves as a carer", () => {
    expect(needs("I look after my son who has MS and I am worn to a frazzle, we live in Coalville. I need a break.")).toContain("carers-support");
  });

  it("sets aside a coordinator and their patch at the start", () => {
    expect(writerPreamble("LAC for Castle Donington and Kegworth. Man, 70, since his wife died he barely leaves the house").length).toBe(1);
    expect(needs("LAC for Castle Donington and Kegworth. Man, 70, wants a walking group")).not.toContain("social-isolation");
  });

  it("reads a care home as the writer's workplace when written from it, and as a need when asked for", () => {
    expect(needs("Activities lead at a nursing home in Anstey. Our residents would love a gardening club to visit.")).not.toContain("care-at-home");
    expect(needs("her son is looking for a nursing home near Anstey, she can't manage at home any more")).toContain("care-at-home");
  });

  it("still reads the volunteering a person wants", () => {
    expect(needs("62M, retired, Syston, wants to volunteer to give his week some shape")).toContain("volunteering");
  });

  it("does not take the cost of an unlisted ask for a money need", () => {
    const found = extractEntities("Ibstock, 80: wasps nest by the back door and she can't afford pest control, does anyone help?", directory).entities;
    expect(found.needs).toEqual([]);
    expect(found.notListed).toEqual(["pest control"]);
  });
});

describe("a befriending writer (after round 23)", () => {
  it.each([
    "Befriending coordinator. Our volunteer is worried about Mrs H, 87, Melton Mowbray: her grandson has her bank card.",
    "Befriending volunteer visiting Mr S says his granddaughter is living with him after falling out with her mum.",
  ])("does not read the writer's befriending as the person's need: %s", (text) => {
    expect(needs(text)).not.toContain("social-isolation");
    expect(needs(text)).not.toContain("volunteering");
  });

  it("still reads a request for a befriending volunteer as one", () => {
    expect(needs("befriending volunteer for Mr S please, lonely since his wife died")).toContain("social-isolation");
  });
});
