// The vendor boundary in eslint.config.js, as `npm run lint` applies it: for a file in src/, the
// config ESLint computes for that path decides which vendor SDK imports are refused. A core file
// may import none; each adapter area its own and no other. Each table is named only in its owner's
// folder (table-owners.js), and a bare Error nowhere in src/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./support/run-process.js";

const eslint = new ESLint({ cwd: projectRoot });
const linter = new Linter({ configType: "flat" });

/** The modules refused when `file` (a path in the repository) imports each of `modules`. */
async function refused(file: string, modules: readonly string[]): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
  const rule = config.rules?.["no-restricted-imports"];
  expect(rule, `no-restricted-imports applies to ${file}`).toBeDefined();
  const code = modules.map((module, i) => `import type { T${i} } from "${module}";`).join("\n");
  const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, rules: { "no-restricted-imports": rule! } }], file);
  expect(messages.filter((m) => m.ruleId !== "no-restricted-imports")).toEqual([]);
  return messages.map((m) => modules[m.line - 1]!);
}

const everySdk = ["@slack/bolt", "botbuilder", "botframework-connector", "meilisearch", "hono", "hono/cors", "@hono/node-server", "pg", "better-sqlite3", "kysely"];

describe("the vendor boundary", () => {
  it("refuses every vendor SDK in a core file, type-only imports included, and nothing else", async () => {
    expect(await refused("src/answer/probe.ts", everySdk)).toEqual(everySdk);
    expect(await refused("src/referrals/referral-desk.ts", ["kysely", "pg"])).toEqual(["kysely", "pg"]);
    expect(await refused("src/answer/probe.ts", ["zod", "node:fs", "rate-limiter-flexible", "../storage/database-schema.js"])).toEqual([]);
  });

  it("lets each adapter folder import its own SDKs and no other", async () => {
    expect(await refused("src/channels/slack/probe.ts", everySdk)).toEqual(["botbuilder", "botframework-connector", "meilisearch", "pg", "better-sqlite3"]);
    expect(await refused("src/channels/teams/probe.ts", everySdk)).toEqual(["@slack/bolt", "meilisearch", "pg", "better-sqlite3"]);
    expect(await refused("src/channels/web/probe.ts", everySdk)).toEqual(["@slack/bolt", "botbuilder", "botframework-connector", "meilisearch", "pg", "better-sqlite3", "kysely"]);
    expect(await refused("src/search/probe.ts", everySdk)).toEqual(["@slack/bolt", "botbuilder", "botframework-connector", "hono", "hono/cors", "@hono/node-server", "pg", "better-sqlite3", "kysely"]);
    expect(await refused("src/storage/migrations/probe.ts", everySdk)).toEqual(["@slack/bolt", "botbuilder", "botframework-connector", "meilisearch", "hono", "hono/cors", "@hono/node-server"]);
  });

  it("lets a module's store use Kysely for its own tables, and nothing more", async () => {
    expect(await refused("src/referrals/kysely-referral-store.ts", ["kysely", "pg", "hono"])).toEqual(["pg", "hono"]);
    expect(await refused("src/oruk/mount-oruk-routes.ts", ["hono/cors", "kysely"])).toEqual(["kysely"]);
  });
});

describe("one error hierarchy", () => {
  it("refuses a bare Error in src/, thrown or made, and leaves the coded classes alone", async () => {
    const config = (await eslint.calculateConfigForFile("src/answer/probe.ts")) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.["no-restricted-syntax"];
    expect(rule, "no-restricted-syntax applies to src/").toBeDefined();
    const code = ['throw new Error("x");', 'const e = Error("x");', 'throw new StorageError("x");', "throw new InvalidInputError(`x`);"].join("\n");
    const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, rules: { "no-restricted-syntax": rule! } }], "src/answer/probe.ts");
    expect(messages.map((m) => m.line)).toEqual([1, 2]);
  });
});

describe("each table to one module (table-owners.js)", () => {
  const code = [
    'await db.deleteFrom("inbox").execute();',
    'await db.selectFrom("outbox as o").selectAll().execute();',
    'const t = sql.table("outbox");',
    'const limiter = { tableName: "rate_limits" };',
    "await sql`select reference from teams_conversations where user_id = ${id}`.execute(db);",
    'await db.selectFrom("inboxes").selectAll().execute(); const label = "inbox";',
  ].join("\n");
  async function refusedLines(file: string): Promise<number[]> {
    const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, Linter.RuleEntry> };
    const rule = config.rules?.["no-restricted-syntax"];
    expect(rule, `no-restricted-syntax applies to ${file}`).toBeDefined();
    const messages = linter.verify(code, [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser }, rules: { "no-restricted-syntax": rule! } }], file);
    return messages.map((m) => m.line);
  }

  it("refuses another module's table in a query, sql.table, a tableName option or raw SQL, and lets the owner and the migrations name it", async () => {
    expect(await refusedLines("src/jobs/probe.ts")).toEqual([1, 2, 3, 4, 5]);
    expect(await refusedLines("src/notifications/probe.ts")).toEqual([4, 5]);
    expect(await refusedLines("src/conversation-references/probe.ts")).toEqual([1, 2, 3, 4]);
    expect(await refusedLines("src/channels/teams/probe.ts")).toEqual([1, 2, 3, 4, 5]);
    expect(await refusedLines("src/storage/migrations/probe.ts")).toEqual([]);
  });

  it("names an owner for every table in the schema", async () => {
    const { tableOwners } = (await import(pathToFileURL(path.join(projectRoot, "table-owners.js")).href)) as { tableOwners: Record<string, string> };
    const schema = readFileSync(path.join(projectRoot, "src/storage/database-schema.ts"), "utf8");
    const database = /export interface Database \{([^}]*)\}/.exec(schema)?.[1] ?? "";
    const tables = [...database.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]);
    expect(tables.length).toBeGreaterThan(10);
    expect(Object.keys(tableOwners).sort()).toEqual(tables.sort());
  });
});
