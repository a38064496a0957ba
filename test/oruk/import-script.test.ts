/**
 * `npm run import -- oruk …` (scripts/import.ts) end to end: it writes one
 * YAML file per organisation under the directory's services/imported/<feed>/,
 * prints the report, and is all-or-nothing: one bad record in a folder of
 * pages exits 1 listing the problem and writes nothing, leaving an earlier
 * import as it was. Also: page files are read in natural order, and progress
 * is reported on long runs.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDirectory } from "../../src/directory/load-directory.js";
import { importOruk } from "../../src/oruk/import-oruk.js";
import { readOrukFiles } from "../../src/oruk/read-oruk-files.js";
import { copyDirectory } from "../support/directory-copy.js";
import { run } from "../support/run-process.js";
import { asRecords, importOptions, orukFixtures, orukService } from "./support.js";

const importScript = (args: readonly string[], env: Record<string, string> = {}) => run("npx", ["tsx", "scripts/import.ts", ...args], env);
const hsdsExample = path.join(orukFixtures, "hsds-v3-spec/service_full.json");
const listPage = (services: readonly unknown[], n: number) => JSON.stringify({ total_items: 4, total_pages: 2, page_number: n, size: 2, contents: services });

function pagesFolder(second: readonly unknown[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "oruk-pages-"));
  writeFileSync(path.join(folder, "page-1.json"), listPage([orukService("a"), orukService("b")], 1));
  writeFileSync(path.join(folder, "page-2.json"), listPage(second, 2));
  return folder;
}

describe("npm run import -- oruk", () => {
  it("writes the feed under services/imported/<feed>/ and prints the mapping report", async () => {
    const copy = copyDirectory();
    const result = await importScript(["oruk", hsdsExample, "--feed", "hsds-example", "--areas", "leicester", "--relabel-unplaced"], { DIRECTORY_DIR: copy.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ORUK feed hsds-example: 1 record\(s\) read, 1 imported from 1 organisation\(s\), 0 rejected as wrong, 0 skipped\./);
    expect(result.stdout).toContain("Details not loaded");
    expect(result.stdout).toContain("url: http:// changed to https://: 1 service");
    const written = path.join(copy.dir, "services/imported/hsds-example/example-organization-inc.yaml");
    const text = readFileSync(written, "utf8");
    expect(text).toMatch(/^# Imported by Signpost from the ORUK feed "hsds-example"/);
    expect(text).toContain("# ORUK id ac148810-d857-441c-9679-408f346de14b");
    expect(text).toContain("source: ORUK feed hsds-example");
    // The feed's real details are kept, checked and formatted; the contact's personal name is not.
    expect(text).toContain("url: https://example.com");
    expect(text).toContain('number: "01234 234567"');
    expect(text).not.toMatch(/Ann Persona|assurer|email@example\.com.*assur/);
  });

  it("writes files the directory loader reads", async () => {
    const copy = copyDirectory();
    const result = await importScript(["oruk", hsdsExample, "--feed", "hsds-example", "--areas", "leicester", "--relabel-unplaced"], { DIRECTORY_DIR: copy.dir });
    expect(result.code, result.stderr).toBe(0);
    const directory = await loadDirectory(copy.dir);
    expect(directory.services.find((s) => s.source === "ORUK feed hsds-example")).toMatchObject({ name: "Community Counselling", areas: ["leicester"] });
  });

  it("is all-or-nothing: one bad record on page 2 exits 1 naming it, and writes nothing", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "oruk-out-")), "feed");
    const good = await importScript(["oruk", pagesFolder([orukService("c"), orukService("d")]), "--feed", "pages", "--out", out]);
    expect(good.code, good.stderr).toBe(0);
    const before = readdirSync(out).map((file) => readFileSync(path.join(out, file), "utf8"));

    const bad = await importScript(["oruk", pagesFolder([orukService("c"), orukService("d", { minimum_age: "twelve" })]), "--feed", "pages", "--out", out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Import refused, nothing was written. 1 problem(s):");
    expect(bad.stderr).toContain('page-2.json contents[1] (id d, "Test befriending d"): minimum_age: must be a number, not string "twelve"');
    expect(readdirSync(out).map((file) => readFileSync(path.join(out, file), "utf8"))).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(["feed"]);

    const fresh = path.join(mkdtempSync(path.join(tmpdir(), "oruk-out-")), "feed");
    expect((await importScript(["oruk", pagesFolder([{ id: "e" }]), "--out", fresh])).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  it("explains how to use it when the arguments are wrong", async () => {
    const result = await importScript(["csv", hsdsExample]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Usage: npm run import -- oruk <file.json | folder of page files | URL> [options]");
    const areas = await importScript(["oruk", hsdsExample, "--areas", "loughborough"]);
    expect(areas.stderr).toContain('--areas: "loughborough" is a place in charnwood, not an area id; use "charnwood"');
  });
});

describe("reading page files and long runs", () => {
  it("reads a folder of page files in natural order (page-2 before page-10)", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "oruk-order-"));
    for (const n of [10, 2, 1]) writeFileSync(path.join(folder, `page-${n}.json`), JSON.stringify([{ id: `s${n}` }]));
    mkdirSync(path.join(folder, "notes"));
    writeFileSync(path.join(folder, "README.txt"), "not a page");
    expect((await readOrukFiles(folder)).map((r) => r.where)).toEqual(["page-1.json [0]", "page-2.json [0]", "page-10.json [0]"]);
  });

  it("calls the progress callback every N records and at the end", async () => {
    const feed = asRecords(Array.from({ length: 1203 }, (_, i) => orukService(`s${i}`, { name: `Befriending scheme ${i}` })));
    const calls: [number, number][] = [];
    const { report } = importOruk(feed, await importOptions({ onProgress: (done, total) => calls.push([done, total]), progressEvery: 400 }));
    expect(calls).toEqual([[400, 1203], [800, 1203], [1200, 1203], [1203, 1203]]);
    expect(report.imported).toBe(1203);
  });
});
