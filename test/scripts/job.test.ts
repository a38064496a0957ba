import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyDirectory } from "../support/directory-copy.js";
import { run } from "../support/run-process.js";

const job = (args: string[], env: Record<string, string>) => run("npm", ["run", "--silent", "job", "--", ...args], env);

describe("npm run job", () => {
  it("runs a job by hand and records it; on a directory broken since, it stops naming the problem", async () => {
    const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), "signpost-job-")) };
    const first = await job(["directory-refresh"], env);
    expect(first.code, first.stderr).toBe(0);
    // Nothing changed here, but no version was recorded yet: this one is, for every instance.
    expect(first.stdout).toMatch(/^directory-refresh: unchanged; version [0-9a-f]{12} recorded for every instance; 0 of 0 feeds changed; 0 problems\n$/);
    expect((await job(["directory-refresh"], env)).stdout).toBe("directory-refresh: unchanged; 0 of 0 feeds changed; 0 problems\n");
    const list = await job(["list"], env);
    expect(list.stdout).toMatch(/^directory-refresh {2}\(\*\/15 \* \* \* \*, London time\)\n {4}by-hand:\S+ {2}succeeded in \d+ ms: unchanged/);

    // A by-hand run starts Signpost first, so a broken directory stops it before any job runs
    // (a running Signpost's scheduled refresh keeps the last good one: test/jobs/directory-refresh-job.test.ts).
    const copy = copyDirectory();
    const broken = { ...env, DIRECTORY_DIR: copy.dir };
    await job(["directory-refresh"], broken);
    copy.edit("services/vcs/wreake-valley-good-neighbours.yaml", (text) => text.replace("offer: vcs", "offer: charity"));
    const refused = await job(["directory-refresh"], broken);
    expect(refused.code).toBe(1); // the process itself cannot start on a broken directory
    expect(refused.stderr).toMatch(/offer/);
  }, 60_000);

  it("refuses an unknown job with the list of jobs", async () => {
    const result = await job(["tidy-up"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: npm run job -- <directory-refresh \| unacknowledged-referrals \| outcome-follow-up \| stale-entries \| unmet-need \| retention \| list \| inbox>/);
  });
});
