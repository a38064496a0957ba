/** Benchmark measurements taken in processes of their own: start-up to ready, and resident memory. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../test/support/free-port.js";

const root = path.join(import.meta.dirname, "../..");

/** Only what a default start needs, so no channel or Meilisearch setting of the caller's leaks in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...extra };
}

/**
 * Milliseconds from spawning `npm start`'s command (node with tsx on src/main.ts)
 * until /readyz answers 200, for the given directory and data folder.
 */
export async function timeStartup(directoryDir: string, dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: cleanEnv({ DIRECTORY_DIR: directoryDir, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" }),
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Signpost exited before it was ready: ${stderr.slice(-400)}`);
      if (performance.now() - started > 60_000) throw new Error("Signpost was not ready within 60 s");
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ready) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

/** Runs scripts/lib/bench-resident.ts in its own process and returns what it printed. */
export async function residentMemory(size: number): Promise<{ peakRssMb: number; buildMs: number; queries: number }> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", path.join(root, "scripts/lib/bench-resident.ts"), String(size)], {
    cwd: root,
    env: cleanEnv({}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`the resident-memory run failed: ${stderr.slice(-400)}`);
  return JSON.parse(stdout) as { peakRssMb: number; buildMs: number; queries: number };
}

/** A process's resident memory in MB, read from /proc (Linux). */
export function residentMb(pid: number | "self", field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, "")) / 1024 : Number.NaN;
}
