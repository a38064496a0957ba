import { describe, expect, it } from "vitest";
import { copyDirectory } from "../support/directory-copy.js";
import { run } from "../support/run-process.js";

describe("npm run directory:check", () => {
  it("validates the directory and prints counts by offer, need (by group, with age bands) and area", async () => {
    const result = await run("npm", ["run", "--silent", "directory:check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Directory OK: \d+ services/);
    expect(result.stdout).toMatch(/illustrative samples \(not real services\)/);
    for (const heading of ["By offer:", "By need (50 needs in 7 groups):", "By area", "Not verified in the last 12 months:"]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toMatch(/^ {2}lightbulb +\d+$/m);
    expect(result.stdout).toMatch(/^ {2}Money and work$/m);
    expect(result.stdout).toMatch(/^ {4}digital-inclusion +\d+$/m);
    expect(result.stdout).toMatch(/^ {4}young-carers \(ages 0 to 17\) +\d+$/m);
    expect(result.stdout).toMatch(/^ {2}rutland +\d+$/m);
    expect(result.stdout).toContain("Coverage: every need has at least one service in every area.");
    expect(result.stdout).toMatch(/^ESD mapping: 5 of 50 needs mapped to the LGA's lists; not yet mapped: mental-wellbeing, /m);
  });

  it("fails with every problem located when a file is broken", async () => {
    const copy = copyDirectory();
    copy.edit("services/vcs/wreake-valley-good-neighbours.yaml", (text) => text.replace("needs: [social-isolation]", "needs: [lonelyness]"));
    const result = await run("npm", ["run", "--silent", "directory:check"], { DIRECTORY_DIR: copy.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'directory/services/vcs/wreake-valley-good-neighbours.yaml: services[0].needs[0]: "lonelyness" is not a need; did you mean "social-isolation"?',
    );
  });
});
