import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/run-process.js";

/** Runs `npm run chat` with lines typed on its input, and returns what it printed. */
function chat(lines: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), "signpost-chat-")) };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/chat.ts"], { cwd: projectRoot, env, stdio: ["pipe", "pipe", "pipe"] });
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
    // Compact in the answer; the whole record, with the need the search asked for, on "tell me about the first one".
    expect(stdout).toMatch(/1\. .+\n {3}Why: Meets loneliness.+\n {3}How to refer: /);
    expect(stdout).toMatch(/, in full:[\s\S]*1\. .+\n {3}.+\n {3}Matched need: Loneliness and social isolation\n {3}Why: /);
    expect(stdout).toMatch(/Last verified: \d{1,2} [A-Z][a-z]{2,3} \d{4}/);
  });

  it("frames an emergency so it cannot be missed", async () => {
    const { stdout } = await chat(["she says she has taken all her tablets"]);
    expect(stdout).toMatch(/!{60}\nThis sounds like an emergency\. If someone's life is at risk now, call 999\./);
  });

  it("takes a referral question by question and gives its reference", async () => {
    const { code, stdout } = await chat([
      "refer Mrs Q to First Contact for a home safety check, she lives in Syston",
      "Mrs Q",
      "81",
      "0116 496 0321",
      "mornings",
      "Staying in her own home",
      "routine",
      "skip",
      "yes she agreed",
      "yes",
      "my referrals",
      "quit",
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Person: Mrs Q[\s\S]*Lives in: Charnwood/);
    const reference = /Referral (FC-[0-9A-HJKMNP-TV-Z]{6}) has been sent to First Contact Plus/.exec(stdout)?.[1];
    expect(reference).toBeDefined();
    expect(stdout).toMatch(new RegExp(`${reference} · submitted`));
  });

  it("ends cleanly when the input closes", async () => {
    const { code } = await chat([]);
    expect(code).toBe(0);
  });
});
