import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { londonDate } from "../../src/time/wall-clock.js";
import { openDatabase } from "../../src/storage/open-database.js";
import { copyDirectory } from "../support/directory-copy.js";
import { run } from "../support/run-process.js";

const dataDir = mkdtempSync(path.join(tmpdir(), "signpost-review-cli-"));
const copy = copyDirectory();
const env = { DATA_DIR: dataDir, DIRECTORY_DIR: copy.dir };
const directory = (...args: string[]) => run(process.execPath, ["--import", "tsx", "scripts/directory.ts", ...args], env);
const lightbulb = path.join(copy.dir, "services/lightbulb/lightbulb.yaml");

beforeAll(() => {
  const reports = [
    { serviceId: "lightbulb-hoarding", organizationId: "lightbulb", details: "The hoarding group now meets on Thursdays", channel: "web", reportedBy: "web:synthetic-user", reportedAt: "2026-01-05T10:00:00.000Z" },
    { serviceId: "help-to-live-at-home", organizationId: "help-to-live-at-home", details: "Recommissioned in 2021", channel: "slack", reportedBy: "slack:T1:U1", reportedAt: "2026-01-06T10:00:00.000Z" },
  ];
  writeFileSync(path.join(dataDir, "feedback.jsonl"), `${reports.map((r) => JSON.stringify(r)).join("\n")}\n`);
});

describe("npm run directory -- review", () => {
  it("lists the reports first, then the stalest records, then verifies one, which leaves the list with its report", async () => {
    const list = await directory("review");
    expect(list.code).toBe(0);
    const lines = list.stdout.split("\n");
    expect(lines[0]).toMatch(/^Directory review, \d{4}-\d{2}-\d{2}: 2 records with reports of outdated details, \d+ records not verified since \d{4}-\d{2}-\d{2}, 0 closed but still in a feed\.$/);
    expect(lines.slice(2, 4)).toEqual(["Reported outdated (the longest waiting first):", expect.stringMatching(/^ {2}lightbulb-hoarding {2}Lightbulb hoarding support · /) as unknown]);
    expect(list.stdout.indexOf("help-to-live-at-home  ")).toBeLessThan(list.stdout.indexOf("Not verified since"));
    expect(list.stdout).toMatch(/Not verified since .*\n {2}leicester-/);
    expect(list.stdout).not.toContain("synthetic-user");
    // An older Signpost's file is moved into the database once, and kept, renamed.
    expect(list.stderr).toContain("Moved 2 report(s) from DATA_DIR/feedback.jsonl into the database (the file is now feedback.jsonl.imported).");
    expect(existsSync(path.join(dataDir, "feedback.jsonl"))).toBe(false);
    expect(existsSync(path.join(dataDir, "feedback.jsonl.imported"))).toBe(true);

    const verified = await directory("review", "verify", "lightbulb-hoarding", "--by", "A. Maintainer");
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    const today = londonDate(new Date());
    expect(verified.stdout).toContain(`last_verified in services/lightbulb/lightbulb.yaml is now ${today}; its 1 open report is resolved.`);
    const file = parse(readFileSync(lightbulb, "utf8")) as { services: { id: string; last_verified: string }[] };
    expect(file.services.find((s) => s.id === "lightbulb-hoarding")?.last_verified).toBe(today);

    const after = await directory("review");
    expect(after.stdout.split("\n")[0]).toContain(": 1 record with reports of outdated details,");
    expect(after.stdout).not.toContain("lightbulb-hoarding  ");

    const history = await directory("review", "history", "lightbulb-hoarding");
    expect(history.stdout).toMatch(new RegExp(`^\\S+ {2}verified by A\\. Maintainer, counts as verified on ${today} \\[local: services/lightbulb/lightbulb\\.yaml\\]\\n$`));
  });

  it("refuses a missing --by or an unknown id with one sentence, and changes nothing", async () => {
    const before = readFileSync(lightbulb, "utf8");
    const noBy = await directory("review", "verify", "lightbulb-housing-mot");
    expect(noBy).toMatchObject({ code: 1, stdout: "", stderr: 'Say who is recording this with --by "<your name>": the audit trail keeps who verified, corrected or closed each record.\n' });
    const unknown = await directory("review", "close", "lightbulb-hording", "--by", "A. Maintainer");
    expect(unknown).toMatchObject({ code: 1, stderr: 'There is no service "lightbulb-hording" in the directory; did you mean "lightbulb-hoarding"?\n' });
    const noNote = await directory("review", "correct", "lightbulb-housing-mot", "--by", "A. Maintainer");
    expect(noNote.stderr).toBe('Say what was corrected with --note "…", so the next maintainer knows what changed.\n');
    expect(readFileSync(lightbulb, "utf8")).toBe(before);
    const db = openDatabase({ kind: "sqlite", file: path.join(dataDir, "signpost.db") });
    const rows = await db.selectFrom("directory_reviews").select(["service_id"]).execute();
    await db.destroy();
    expect(rows).toEqual([{ service_id: "lightbulb-hoarding" }]);
  });

  it("answers bad arguments with the usage", async () => {
    const none = await directory();
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage:\n {2}npm run directory -- review/);
    expect((await directory("review", "approve", "x")).stderr).toMatch(/^"approve" is not a review command\./);
    expect((await directory("review", "verify")).stderr).toMatch(/^review verify takes one service id/);
    expect((await directory("review", "--months", "soon")).stderr).toMatch(/^--months must be a whole number of months from 1 to 120\./);
    expect((await directory("review", "--colour")).code).toBe(2);
  });
});
