// dependency-cruiser's rules (.dependency-cruiser.mjs), as `npm run lint` applies them, shown to bite:
// a throwaway src/ with a file cycle that is also a folder cycle, Kysely imported by a core file
// and by the search adapter, and a Kysely import where a module's own store may make it.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cruise, type IConfiguration, type ICruiseResult } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "./support/run-process.js";

const probe = mkdtempSync(path.join(tmpdir(), "signpost-depcruise-"));
afterAll(() => rmSync(probe, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(probe, file)), { recursive: true });
  writeFileSync(path.join(probe, file), text);
}

describe("the dependency rules", () => {
  it("refuse a cycle between files and between folders, and a vendor SDK outside its area, and nothing else", async () => {
    symlinkSync(path.join(projectRoot, "node_modules"), path.join(probe, "node_modules"));
    write("src/answer/a.ts", 'import type { Kysely } from "kysely";\nimport { b } from "./b.js";\nexport const a = 1;\nexport type K = Kysely<unknown> | typeof b;\n');
    write("src/answer/b.ts", 'import { a } from "./a.js";\nimport type { Job } from "../jobs/job.js";\nexport const b = a;\nexport type X = Job;\n');
    write("src/jobs/job.ts", 'import type { X } from "../answer/b.js";\nexport type Job = X;\n');
    write("src/search/engine.ts", 'import type { Kysely } from "kysely";\nexport type Z = Kysely<unknown>;\n');
    write("src/referrals/kysely-referral-store.ts", 'import type { Kysely } from "kysely";\nimport type { Z } from "../search/engine.js";\nexport type S = Kysely<unknown> | Z;\n');
    const { default: config } = (await import(pathToFileURL(path.join(projectRoot, ".dependency-cruiser.mjs")).href)) as { default: IConfiguration };
    const reported = await cruise(["src"], { ...config.options, ruleSet: { forbidden: config.forbidden ?? [] }, validate: true, baseDir: probe, preserveSymlinks: true });
    const violations = (reported.output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^node_modules\/([^/]+)\/.*$/, "$1")}`);
    expect(violations.sort()).toEqual(
      [
        "no-file-cycle: src/answer/a.ts -> src/answer/b.ts",
        "no-file-cycle: src/answer/b.ts -> src/jobs/job.ts",
        "no-folder-cycle: src/answer -> src/jobs",
        "no-folder-cycle: src/jobs -> src/answer",
        "no-vendor-sdk-in-core: src/answer/a.ts -> kysely",
        "vendors-in-search: src/search/engine.ts -> kysely",
      ].sort(),
    );
  });
});
