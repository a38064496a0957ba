/**
 * The two real-world-shaped feeds in test/fixtures/oruk-real-world (a v1
 * Placecube-style paged feed and a v3 list page, both as messy as the council
 * feeds of issue 15) import every sound record, with its real details as plain
 * text, and report the rest: rejected records with field and reason, skipped
 * ones with why, needs inferred, places outside LLR left alone. Too many bad
 * records refuse the whole feed with a sentence saying so, writing nothing.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ServiceRecord } from "../../src/directory/service-file-schema.js";
import { fetchOrukFeed } from "../../src/oruk/fetch-oruk-feed.js";
import { formatOrukReport } from "../../src/oruk/format-oruk-report.js";
import { importOruk, type OrukImportResult } from "../../src/oruk/import-oruk.js";
import { OrukImportError } from "../../src/errors/oruk-import-error.js";
import { OrukTaxonomyMap } from "../../src/oruk/oruk-taxonomy-map.js";
import { readOrukFiles } from "../../src/oruk/read-oruk-files.js";
import { renderImportedFile } from "../../src/oruk/write-imported-feed.js";
import { run } from "../support/run-process.js";
import { importOptions } from "./support.js";

const fixtures = path.join(import.meta.dirname, "../fixtures/oruk-real-world");
const v1Folder = path.join(fixtures, "v1-placecube");
const v3File = path.join(fixtures, "v3-council.json");

const services = (result: OrukImportResult): ServiceRecord[] => result.files.flatMap((f) => f.file.services);
const byName = (result: OrukImportResult, name: string) => services(result).find((s) => s.name === name);
const written = (result: OrukImportResult) => result.files.map((file) => renderImportedFile(file, "test")).join("\n");

describe("a v1 Placecube-style paged feed", () => {
  let result: OrukImportResult;
  beforeAll(async () => {
    result = importOruk(await readOrukFiles(v1Folder), await importOptions({ feed: "v1-placecube", defaultAreas: ["leicester"] }));
  });

  it("reads each page's content as services, never a page as one service", async () => {
    const records = await readOrukFiles(v1Folder);
    expect(records).toHaveLength(28);
    expect(records[15]!.where).toBe("page-1.json content[0]");
    expect(records.every((r) => r.format === "v1")).toBe(true);
    expect(result.report.formats).toEqual([{ format: "v1", services: 26 }]);
  });

  it("imports every sound record and lists the two wrong ones with field and reason", () => {
    expect(result.report).toMatchObject({ read: 28, imported: 25 });
    expect(result.report.rejected.map((r) => r.problems.map((p) => `${p.field}: ${p.message}`))).toEqual([
      ["name: is required: every service needs a name"],
      ["contacts[0].phones[0].number: is not a valid UK phone number"],
    ]);
    expect(formatOrukReport(result.report)).toContain("Rejected records are 7.1% of the feed (--max-bad allows 10%); the rest was imported.");
  });

  it("tidies before checking: zero-width space, stray spaces and dots in emails, capitals, bare domains, empty contacts", () => {
    expect(byName(result, "Memory Cafe at St Mark's")).toBeDefined();
    expect(byName(result, "Warm Homes Advice Line")?.email).toBe("hello2@example.org");
    expect(byName(result, "Blaby Community Larder")?.email).toBe("hello3@example.org");
    expect(byName(result, "Walking for Health Melton")?.url).toBe("https://www.melton-strollers.example.org");
    expect(byName(result, "Hoarding Support Service")).toBeDefined();
    expect(byName(result, "Alcohol Recovery Group")).not.toHaveProperty("contacts");
    expect(result.report.normalised).toEqual(expect.arrayContaining([{ field: "name", what: "zero-width characters removed", services: 1 }]));
  });

  it("keeps real contact details in national form, and turns HTML descriptions into plain text", () => {
    const befriending = byName(result, "Loughborough Befriending Calls")!;
    expect(befriending.contacts).toEqual([{ name: "Volunteer coordinator", phones: [{ number: "0116 496 0100" }] }]);
    expect(befriending.description).toBe(
      "Weekly befriending phone calls for older people who feel lonely.\n\nCall us on 0116 496 0100 or email hello0@example.org.\n\n- Free to attend\n- No referral needed",
    );
    const text = written(result);
    expect(text).not.toMatch(/<[a-z/]|&nbsp;|&amp;|\u200b/);
  });

  it("drops what staff should not see: site extensions, internal notes, the assurer's email, people's names", () => {
    expect(result.report.ignored.map((i) => i.field)).toEqual(["pc_internal_notes", "pc_assured_by", "pc_metadata"]);
    const text = written(result);
    for (const secret of ["Do not publish", "j.officer", "Sam Example", "20124"]) expect(text).not.toContain(secret);
    // A bad organisation email (a field the services do not depend on) is dropped, never a refusal.
    expect(result.report.dropped).toContainEqual({ field: "organization.email (not a valid email address)", services: 1 });
  });

  it("infers needs where there are no terms, says so on the record, and uses the terms where there are", () => {
    expect(byName(result, "Carers Together Group")).toMatchObject({ needs: ["carers-support"], needs_inferred: true });
    expect(byName(result, "Falls Prevention Classes")).toMatchObject({ needs: ["falls-prevention"] });
    expect(byName(result, "Falls Prevention Classes")).not.toHaveProperty("needs_inferred");
    expect(result.report.inferred).toHaveLength(24);
    // Bereavement is a need of its own since the grouped taxonomy: the café is imported for it, not skipped.
    expect(byName(result, "Bereavement Café")).toMatchObject({ needs: ["bereavement"], needs_inferred: true });
    expect(result.report.skipped.map((s) => s.reason)).toEqual(["no area in LLR"]);
  });

  it("keeps who verified each record and when: the feed's assured date", () => {
    expect(byName(result, "Loughborough Befriending Calls")).toMatchObject({ last_verified: "2023-03-14", verified_by: "ORUK feed v1-placecube: its assured_date" });
    expect(byName(result, "Memory Cafe at St Mark's")).toMatchObject({ last_verified: "2024-09-02" });
    expect(result.report.notVerifiedIn12Months).toBe(25);
  });

  it("reports a service outside LLR and does not relabel it, even with --areas given", () => {
    expect(byName(result, "Nottingham Lunch Club")).toBeUndefined();
    expect(result.report.skipped).toContainEqual({
      label: expect.stringContaining("Nottingham Lunch Club") as unknown,
      reason: "no area in LLR",
      detail: "its places are outside LLR or not in the gazetteer (Nottingham; postcode NG1 5AA): reported, not relabelled",
    });
    expect(result.report.unmappedAreas).toEqual([
      { area: "Nottingham", services: 1 },
      { area: "postcode NG1 5AA", services: 1 },
    ]);
  });

  it("lets a services: entry in the taxonomy map override the inferred needs", async () => {
    const map = new OrukTaxonomyMap({
      needs: [],
      offers: [],
      referral_routes: [],
      services: [{ id: "a1b20003-0000-4000-8000-000000000003", needs: ["food-and-essentials", "money-and-benefits"] }, { name: "Bereavement Café", needs: ["mental-wellbeing"] }],
    });
    const overridden = importOruk(await readOrukFiles(v1Folder), await importOptions({ feed: "v1-placecube", map }));
    expect(byName(overridden, "Blaby Community Larder")).toMatchObject({ needs: ["food-and-essentials", "money-and-benefits"] });
    expect(byName(overridden, "Blaby Community Larder")).not.toHaveProperty("needs_inferred");
    expect(byName(overridden, "Bereavement Café")).toMatchObject({ needs: ["mental-wellbeing"] });
  });

  it("reads the v1 pages over HTTP, following number, totalPages and last", async () => {
    const pages = [0, 1].map((n) => readFileSync(path.join(v1Folder, `page-${n}.json`), "utf8"));
    const asked: string[] = [];
    const server: Server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      asked.push(`${url.pathname}${url.search}`);
      const page = pages[Number(url.searchParams.get("page") ?? "0")];
      response.writeHead(page === undefined ? 404 : 200, { "content-type": "application/json" }).end(page ?? "{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const records = await fetchOrukFeed(`http://127.0.0.1:${port}/api/v1/directory?size=15`);
      expect(asked).toEqual(["/api/v1/directory?size=15", "/api/v1/directory?size=15&page=1"]);
      expect(records).toHaveLength(28);
      expect(records[27]).toMatchObject({ where: `http://127.0.0.1:${port}/api/v1/directory?size=15&page=1 content[12]`, format: "v1" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("a messy v3 feed", () => {
  let result: OrukImportResult;
  beforeAll(async () => {
    result = importOruk(await readOrukFiles(v3File), await importOptions({ feed: "v3-council" }));
  });

  it("imports the sound records, rejects the wrong ones and skips the closed and the far away", () => {
    expect(result.report).toMatchObject({ read: 28, imported: 24, formats: [{ format: "v3", services: 26 }] });
    expect(result.report.rejected.flatMap((r) => r.problems.map((p) => `${p.field}: ${p.message}`))).toEqual([
      "email: must be an email address like name@example.org",
      'status: must be active, inactive, defunct or temporarily closed, not string "paused"',
    ]);
    expect(result.report.skipped.map((s) => s.reason)).toEqual(["not active", "no area in LLR"]);
  });

  it("keeps real details tidied: mailto: and zero-width spaces gone, http made https, numbers in national form, ages as numbers", () => {
    expect(byName(result, "Loughborough Befriending Calls")).toMatchObject({ email: "team0@example.org", phones: [{ number: "0116 496 0500" }], minimum_age: 18 });
    expect(byName(result, "Warm Homes Advice Line")).toMatchObject({ phones: [{ number: "0116 496 0502" }] });
    expect(byName(result, "Blaby Community Larder")).toMatchObject({ email: "team3@example.org", phones: [{ number: "0116 496 0603" }] });
    expect(byName(result, "Debt and Benefits Clinic")).toMatchObject({ url: "https://wyvernadvice.example.org/debt" });
    const text = written(result);
    for (const secret of ["reviewer", "Staff only", "volunteer rota"]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/<[a-z/]|&nbsp;/);
  });

  it("counts records the feed assured more than a year ago", () => {
    expect(result.report.notVerifiedIn12Months).toBe(6);
    expect(formatOrukReport(result.report)).toContain("6 imported record(s) were last assured by the feed more than 12 months ago.");
  });
});

describe("the threshold and the command", () => {
  it("refuses the whole feed when the share of wrong records passes --max-bad, with a sentence saying so", async () => {
    const error = await readOrukFiles(v3File)
      .then(async (records) => importOruk(records, await importOptions({ maxBad: 0.05 })))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrukImportError);
    expect((error as OrukImportError).summary).toBe(
      "2 of 28 records (7.1%) are wrong even after tidying, more than the 5% that --max-bad allows, so the whole feed was refused. Fix them at the source, or raise --max-bad to import the rest.",
    );
    expect((error as OrukImportError).problems).toHaveLength(2);
  });

  it("npm run import -- oruk imports the v1 folder, and with --max-bad 5 refuses it and writes nothing", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "oruk-real-")), "feed");
    const refused = await run("npx", ["tsx", "scripts/import.ts", "oruk", v1Folder, "--out", out, "--max-bad", "5"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("2 of 28 records (7.1%) are wrong even after tidying, more than the 5% that --max-bad allows");
    expect(refused.stderr).toContain("Import refused, nothing was written. 2 problem(s):");
    expect(existsSync(out)).toBe(false);

    const imported = await run("npx", ["tsx", "scripts/import.ts", "oruk", v1Folder, "--out", out]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^ORUK feed v1-placecube: 28 record\(s\) read, 25 imported from 19 organisation\(s\), 2 rejected as wrong, 1 skipped\./);
    expect(imported.stdout).toContain("Shape: 26 in the older ORUK v1 shape (read as v3).");
    expect(readFileSync(path.join(out, "soar-valley-friends.yaml"), "utf8")).toContain("needs_inferred: true");

    const badFlag = await run("npx", ["tsx", "scripts/import.ts", "oruk", v1Folder, "--max-bad", "lots"]);
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toContain('--max-bad must be a percentage from 0 to 100, like 10 or 10%, not "lots"');
  });

  it("refuses a page of some other shape with a sentence, reading nothing in it as a service", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "oruk-shape-"));
    const file = path.join(folder, "page.json");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, JSON.stringify({ totalCount: 2, items: [{ id: "1", name: "A" }, { id: "2", name: "B" }] })));
    const error = await readOrukFiles(file).catch((e: unknown) => e);
    expect((error as OrukImportError).problems).toEqual([
      {
        record: "page.json",
        field: "",
        message:
          'is a page of a list (it has a list under "items"), but its services are not under "contents" (ORUK v3) or "content" (ORUK v1, as Placecube sites publish): Signpost cannot read this shape, so nothing in it was read as a service',
      },
    ]);
  });
});

