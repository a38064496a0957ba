import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { listYamlFiles } from "../../src/directory/load-services.js";
import { removeService, setLastVerified } from "../../src/directory/service-yaml-edits.js";
import { realDirectory } from "../support/directory-copy.js";

const servicesDir = path.join(realDirectory, "services");
const ids = (text: string) => (parse(text) as { services: { id: string; last_verified: string }[] }).services;

const twoServices = `organization:
  id: test-org
  name: Test Org
services:
  # The first one.
  - id: first
    name: First
    description: >-
      A folded description that runs on to a second line, which a printer of
      the document would fold differently.
    last_verified: 2020-09-01 # seed date
  # The second one,
  # with two comment lines.
  - id: second
    name: Second
    last_verified: 2016-03-08
`;

describe("setLastVerified", () => {
  it("changes only the date of the record named, byte for byte", () => {
    const edit = setLastVerified(twoServices, "second", "2026-11-22");
    expect(edit).toEqual({ ok: true, text: twoServices.replace("last_verified: 2016-03-08", "last_verified: 2026-11-22") });
    const first = setLastVerified(twoServices, "first", "2026-11-22");
    expect(first.ok && first.text).toBe(twoServices.replace("2020-09-01 # seed date", "2026-11-22 # seed date"));
  });

  it("changes one line of every real service file, and nothing else", async () => {
    for (const relative of await listYamlFiles(servicesDir)) {
      const text = readFileSync(path.join(servicesDir, relative), "utf8");
      for (const { id } of ids(text)) {
        const edit = setLastVerified(text, id, "2031-01-02");
        if (!edit.ok) throw new Error(`${relative}: ${edit.problem}`);
        const after = ids(edit.text);
        expect(after.map((s) => [s.id, s.last_verified])).toEqual(ids(text).map((s) => [s.id, s.id === id ? "2031-01-02" : s.last_verified]));
        const changed = edit.text.split("\n").filter((line, i) => line !== text.split("\n")[i]);
        expect(changed).toHaveLength(1);
      }
    }
  });

  it("says why when the record or the file is not there to edit", () => {
    expect(setLastVerified(twoServices, "third", "2026-11-22")).toEqual({ ok: false, problem: 'the file holds no record "third"' });
    expect(setLastVerified("services: [\n", "first", "2026-11-22")).toMatchObject({ ok: false, problem: expect.stringMatching(/^the file is not valid YAML/) as unknown });
    expect(setLastVerified("organization: {}\n", "first", "2026-11-22")).toEqual({ ok: false, problem: "the file has no list of services" });
    expect(setLastVerified("services:\n  - id: first\n    name: First\n", "first", "2026-11-22")).toEqual({ ok: false, problem: 'the record "first" has no last_verified line to change' });
  });
});

describe("removeService", () => {
  it("removes a record with the comments above it, leaving the rest byte for byte", () => {
    const withoutFirst = removeService(twoServices, "first");
    expect(withoutFirst.ok && withoutFirst.text).toBe(`organization:
  id: test-org
  name: Test Org
services:
  # The second one,
  # with two comment lines.
  - id: second
    name: Second
    last_verified: 2016-03-08
`);
    const withoutSecond = removeService(twoServices, "second");
    expect(withoutSecond.ok && withoutSecond.text).toBe(twoServices.slice(0, twoServices.indexOf("  # The second one,")));
  });

  it("leaves nothing of a file whose only record it was", () => {
    expect(removeService("organization:\n  id: o\nservices:\n  - id: only\n    name: Only\n", "only")).toEqual({ ok: true, text: "" });
    expect(removeService(twoServices, "third")).toEqual({ ok: false, problem: 'the file holds no record "third"' });
  });

  it("removes any record of every real file, leaving the others as they were", async () => {
    for (const relative of await listYamlFiles(servicesDir)) {
      const text = readFileSync(path.join(servicesDir, relative), "utf8");
      const before = ids(text);
      for (const { id } of before) {
        const edit = removeService(text, id);
        if (!edit.ok) throw new Error(`${relative}: ${edit.problem}`);
        if (before.length === 1) expect(edit.text).toBe("");
        else expect(ids(edit.text)).toEqual(before.filter((s) => s.id !== id));
      }
    }
  });
});
