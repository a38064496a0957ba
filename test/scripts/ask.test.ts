import { describe, expect, it } from "vitest";
import { run } from "../support/run-process.js";

describe("npm run --silent ask", () => {
  it("--json prints exactly one JSON object and nothing else", async () => {
    const result = await run("npm", ["run", "--silent", "ask", "--", "--json", "lonely widower in Loughborough"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const answer = JSON.parse(result.stdout) as {
      intent: string;
      entities: unknown;
      results: { id: string; areas: string[]; needs: string[]; why: string; score: number }[];
      reply: string;
      engine: string;
    };
    expect(answer.intent).toBe("find_service");
    expect(answer.entities).toEqual({ areas: ["charnwood"], needs: ["social-isolation"], age: null, nhsNumber: null, reference: null, urgency: null, person: null });
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.length).toBeLessThanOrEqual(5);
    for (const r of answer.results) {
      expect(r.areas).toContain("charnwood");
      expect(r.needs).toContain("social-isolation");
      expect(typeof r.why).toBe("string");
      expect(typeof r.score).toBe("number");
    }
    expect(answer.engine).toBe("embedded");
  });

  it("prints a readable answer without --json", async () => {
    const result = await run("npm", ["run", "--silent", "ask", "--", "lonely widower in Loughborough"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Here are \d services? for loneliness and social isolation in Charnwood:/);
    expect(result.stdout).toMatch(/Why: Meets loneliness/);
    expect(result.stdout).toMatch(/Last verified: /);
    expect(() => JSON.parse(result.stdout) as unknown).toThrow();
  });

  it("explains its usage when given no question", async () => {
    const result = await run("npm", ["run", "--silent", "ask", "--", "--json"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/Usage: npm run --silent ask -- \[--json\]/);
  });

  it("stops with one clear line when a setting is bad", async () => {
    const result = await run("npm", ["run", "--silent", "ask", "--", "lonely"], { SEARCH_MAX_RESULTS: "lots" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^ask failed: SEARCH_MAX_RESULTS: must be a whole number from 1 to 20 \(got "lots"\)$/m);
  });
});
