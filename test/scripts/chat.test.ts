import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-process.js";

/** Runs `npm run chat` with lines typed on its input, and returns what it printed. */
function chat(lines: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/chat.ts"], { cwd: projectRoot, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
    child.stdin.end(`${lines.join("\n")}\n`);
  });
}

describe("npm run chat", () => {
  it("answers, follows up with 'more', and leaves on 'quit'", async () => {
    const { code, stdout } = await chat(["lonely widower in Loughborough", "tell me about the first one", "quit"]);
    expect(code).toBe(0);
    expect(stdout).toContain("In an emergency call 999.");
    expect(stdout).toMatch(/Here (?:is 1 service|are \d services) for loneliness and social isolation in Charnwood:/);
    expect(stdout).toMatch(/1\. .+\n {3}.+\n {3}Why: Meets loneliness/);
    expect(stdout).toMatch(/, in full:/);
    expect(stdout).toMatch(/Last verified: \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
  });

  it("frames an emergency so it cannot be missed", async () => {
    const { stdout } = await chat(["she says she has taken all her tablets"]);
    expect(stdout).toMatch(/!{60}\nThis sounds like an emergency\. If someone's life is at risk now, call 999\./);
  });

  it("ends cleanly when the input closes", async () => {
    const { code } = await chat([]);
    expect(code).toBe(0);
  });
});
