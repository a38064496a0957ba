/**
 * The ORUK validator's deliberately invalid mocks (../shared/fixtures/oruk/
 * validator-mocks-v3) are refused, whole, with every problem naming the record
 * (where it is, its id and name) and the field.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { formatOrukProblem, OrukImportError } from "../../src/errors/oruk-import-error.js";
import { readOrukFiles } from "../../src/oruk/read-oruk-files.js";
import { importOptions, orukFixtures } from "./support.js";

async function problemsIn(file: string): Promise<string[]> {
  const records = await readOrukFiles(path.join(orukFixtures, "validator-mocks-v3", file));
  try {
    importOruk(records, await importOptions({ defaultAreas: ["leicester"], relabelUnplaced: true }));
  } catch (error) {
    if (error instanceof OrukImportError) return error.problems.map(formatOrukProblem);
    throw error;
  }
  throw new Error(`${file} was not refused`);
}

const counselling = 'service_full.FAIL.json (id ac148810-d857-441c-9679-408f346de14b, "Community Counselling")';

describe("the ORUK validator's invalid mocks", () => {
  it("refuses service_full.FAIL.json: no description, a url and an email that are not addresses", async () => {
    expect(await problemsIn("service_full.FAIL.json")).toEqual([
      `${counselling}: description: is required: Signpost shows every service's description`,
      `${counselling}: url: must be a web address starting http:// or https://`,
      `${counselling}: email: must be an email address like name@example.org`,
    ]);
  });

  it("refuses service_list.FAIL.json, listing the problems of all four records and the repeated id", async () => {
    const problems = await problemsIn("service_list.FAIL.json");
    const record = (i: number, id: string) => `service_list.FAIL.json contents[${i}] (id ${id})`;
    expect(problems).toEqual([
      `${record(0, "ac148810-d857-441c-9679-408f346de14b")}: name: is required: every service needs a name`,
      `${record(0, "ac148810-d857-441c-9679-408f346de14b")}: url: must be a web address starting http:// or https://`,
      `${record(0, "ac148810-d857-441c-9679-408f346de14b")}: email: must be an email address like name@example.org`,
      `${record(1, "b644a0d2-9e8a-4c33-9390-ae9ee93fc056")}: name: is required: every service needs a name`,
      `${record(1, "b644a0d2-9e8a-4c33-9390-ae9ee93fc056")}: url: must be a web address starting http:// or https://`,
      `${record(1, "b644a0d2-9e8a-4c33-9390-ae9ee93fc056")}: email: must be an email address like name@example.org`,
      `${record(2, "e85f5bb0-62f0-42cc-a08a-0c5c16273090")}: name: is required: every service needs a name`,
      `${record(2, "e85f5bb0-62f0-42cc-a08a-0c5c16273090")}: url: must be a web address starting http:// or https://`,
      `${record(2, "e85f5bb0-62f0-42cc-a08a-0c5c16273090")}: email: must be text, not boolean false`,
      `${record(3, "ac148810-d857-441c-9679-408f346de14b")}: id: is already used by service_list.FAIL.json contents[0]; ids must be unique in a feed`,
      `${record(3, "ac148810-d857-441c-9679-408f346de14b")}: name: is required: every service needs a name`,
      `${record(3, "ac148810-d857-441c-9679-408f346de14b")}: email: must be text, not number 12345`,
    ]);
  });

  it("refuses taxonomy_term.FAIL.json, saying it is a taxonomy term and not a service", async () => {
    const record = 'taxonomy_term.FAIL.json (id 3f7b145d-84af-42d7-8fae-eaca714b02b2, "name")';
    expect(await problemsIn("taxonomy_term.FAIL.json")).toEqual([
      `${record}: looks like a taxonomy term, not a service: import the feed's services (a service, a list with contents, or an array)`,
      `${record}: description: is required: Signpost shows every service's description`,
      `${record}: status: is required`,
      `${record}: organization: is required`,
    ]);
  });

  it("refuses the 128 variants of one service: one id used 128 times, and the variants missing what Signpost needs", async () => {
    const problems = await problemsIn("service_list.TEST-128-variants.json");
    expect(problems.filter((p) => p.includes(": id: is already used by service_list.TEST-128-variants.json contents[0]"))).toHaveLength(127);
    expect(problems.filter((p) => p.endsWith(": description: is required: Signpost shows every service's description"))).toHaveLength(45);
    expect(problems.filter((p) => p.endsWith(": organization: is required")).length).toBeGreaterThan(0);
    expect(problems.every((p) => /^service_list\.TEST-128-variants\.json contents\[\d+\] \(id ac148810-[0-9a-f-]+, "Community Counselling"\): \S/.test(p))).toBe(true);
  });
});
