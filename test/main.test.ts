import { freePort } from "./support/free-port.js";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { copyDirectory } from "./support/directory-copy.js";
import { run, start, waitFor } from "./support/run-process.js";

/** What `npm start` runs, without npm in between (so signals reach Signpost itself). */
const signpost = ["--import", "tsx", "src/main.ts"];

describe("npm start (src/main.ts)", () => {
  it("serves readiness and search on the embedded defaults, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = start(process.execPath, signpost, { PORT: String(port), LOG_LEVEL: "info" });
    try {
      const ready = await waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
      });
      expect(ready).toMatchObject({ status: "ready", engine: "embedded" });
      const answer = (await (await fetch(`http://127.0.0.1:${port}/api/search?q=keeps+falling+in+Hinckley`)).json()) as {
        entities: { areas: string[]; needs: string[] };
      };
      expect(answer.entities).toMatchObject({ areas: ["hinckley-and-bosworth"], needs: ["falls-prevention"] });
    } finally {
      server.child.kill("SIGTERM");
    }
    expect(await server.exited).toBe(0);
    const logLines = server.output.stdout.trim().split("\n").map((line) => JSON.parse(line) as { msg: string });
    expect(logLines.map((l) => l.msg)).toEqual(expect.arrayContaining(["Signpost is listening", "directory indexed and intents trained", "shutting down"]));
    expect(server.output.stdout).not.toContain("Hinckley");
  });

  it("says in one line where to open it and how it runs (LOG_FORMAT=pretty), and logs JSON for operators (LOG_FORMAT=json)", async () => {
    const port = await freePort();
    const pretty = start(process.execPath, signpost, { PORT: String(port), LOG_FORMAT: "pretty" });
    let url: string;
    try {
      const line = await waitFor(() => Promise.resolve(/^Signpost is ready: open (\S+) in your browser\. Running in (.+)\.$/m.exec(pretty.output.stdout) ?? undefined));
      url = line[1]!;
      expect(url).toBe(`http://127.0.0.1:${port}`);
      expect(line[2]).toMatch(/^trial mode \(no sign-in, this computer only: no real people's details\), embedded search, SQLite store /);
      // The address it names is the page.
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Signpost</title>");
    } finally {
      pretty.child.kill("SIGTERM");
    }
    expect(await pretty.exited).toBe(0);
    // Pretty: no JSON on the screen, and the line said once.
    expect(pretty.output.stdout.split("\n").filter((l) => l.startsWith("{"))).toEqual([]);
    expect(pretty.output.stdout.match(/Signpost is ready/g)).toHaveLength(1);

    const json = start(process.execPath, signpost, { PORT: String(await freePort()), LOG_FORMAT: "json" });
    try {
      await waitFor(() => Promise.resolve(json.output.stdout.includes("Signpost is ready") ? true : undefined));
    } finally {
      json.child.kill("SIGTERM");
    }
    expect(await json.exited).toBe(0);
    const entries = json.output.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const ready = entries.find((entry) => String(entry.msg).startsWith("Signpost is ready"));
    expect(ready).toMatchObject({ mode: "trial", engine: "embedded", store: "sqlite" });
    expect(ready?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("refuses a LOG_FORMAT it does not know", async () => {
    const result = await run(process.execPath, signpost, { LOG_FORMAT: "loud" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Signpost cannot start: LOG_FORMAT: must be auto, json or pretty (got "loud")');
  });

  it("stops at once with one line naming a bad setting", async () => {
    const result = await run(process.execPath, signpost, { PORT: "eighty" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Signpost cannot start: PORT: must be a whole number from 1 to 65535 (got "eighty")');
  });

  it("says so plainly when the port is taken", async () => {
    const port = await freePort();
    const blocker = createServer().listen(port, "127.0.0.1");
    try {
      const result = await run(process.execPath, signpost, { PORT: String(port) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Signpost cannot start: 127.0.0.1:${port} is already in use; set PORT to another port.`);
    } finally {
      blocker.close();
    }
  });

  it("says so plainly, before listening, when the database cannot be reached", async () => {
    const closed = await freePort();
    const port = await freePort();
    const result = await run(process.execPath, signpost, { PORT: String(port), REFERRAL_STORE: "postgres", DATABASE_URL: `postgres://signpost@127.0.0.1:${closed}/signpost` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Signpost cannot start: the database could not be opened and migrated: could not migrate the database \(.*ECONNREFUSED.*\); check REFERRAL_STORE and DATABASE_URL\.\n$/);
    expect(result.stdout).not.toContain("Signpost is listening");
  });

  it("refuses to serve a broken directory, naming the problem", async () => {
    const copy = copyDirectory();
    copy.edit("places.yaml", (text) => text.replace("id: rutland", "id: rutlandshire"));
    const result = await run(process.execPath, signpost, { PORT: String(await freePort()), DIRECTORY_DIR: copy.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Signpost cannot start: .*problem/);
    expect(result.stderr).toContain('"rutlandshire" is not one of');
  });
});
