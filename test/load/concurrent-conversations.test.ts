// Many people chatting at once through the real server (npm start's entry point, SQLite, at trace level),
// each in their own browser session (trial cookie) and conversation, as the web chat does: POST /api/chat
// with searches, follow-ups and a referral opened for a synthetic person. No request fails; requests,
// p50/p99 latency and the server's resident memory (sampled from /proc) are reported; the logs name nobody.
// The torture campaign (decision 0023) sizes it: TORTURE_LOAD_CONVERSATIONS (10 here) for
// TORTURE_LOAD_SECONDS (5 here); from 30 s on, memory must also stay flat (see `memoryFlat`).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/free-port.js";
import { findLeaks, leakCount, syntheticPhones } from "../support/personal-data-scan.js";
import { start, waitFor } from "../support/run-process.js";
import { syntheticNhsNumber } from "../support/synthetic-nhs-number.js";
import { keepForPrivacyScan, reportFigures, tortureSetting } from "../support/torture-report.js";
import { webClient } from "../support/web-client.js";

const conversations = tortureSetting("TORTURE_LOAD_CONVERSATIONS", 10);
const seconds = tortureSetting("TORTURE_LOAD_SECONDS", 5);

/** Megabytes of V8 old space the server may use, as in production. */
const heapCeilingMb = 256;

const names = ["Wilhelmina Thornbarrow", "Fitzgerald Ambleworth", "Rosalind Quickenham", "Leopold Marrowgate", "Isadora Fennimore"];

/** What one conversation says, over and over: a search, its follow-ups, and a referral opened with a person's details. */
function script(i: number, phone: string, nhsNumber: string): string[] {
  const name = names[i % names.length]!;
  return ["lonely widower in Loughborough", "only in Blaby", "show more", "tell me more about the second one", `refer ${name} to First Contact, nhs ${nhsNumber}, phone ${phone}`, "cancel", "help for carers in Melton"];
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Flat: after the first quarter (warm-up), the median RSS of the last quarter is at most 15% above that of the second quarter. */
function memoryFlat(rss: readonly number[]): { flat: boolean; growth: number } {
  const quarter = Math.floor(rss.length / 4);
  const second = median(rss.slice(quarter, 2 * quarter));
  const last = median(rss.slice(3 * quarter));
  const growth = second === 0 ? 0 : last / second - 1;
  return { flat: growth <= 0.15, growth };
}

describe("many conversations at once", () => {
  it(`serves ${conversations} conversations for ${seconds} s with no error`, async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The heap ceiling the container image sets (deploy/compose/Dockerfile): a leak would run out of it and fail
    // requests, where without one V8 grows its heap lazily and RSS rises with no leak (decision 0023).
    const server = start(process.execPath, [`--max-old-space-size=${heapCeilingMb}`, "--import", "tsx", "src/main.ts"], { PORT: String(port), JOBS_ENABLED: "false", LOG_LEVEL: "trace", CHAT_TURNS_PER_MINUTE: "100000", SEARCHES_PER_MINUTE: "100000", REFERRALS_PER_HOUR: "10000" });
    const latencies: number[] = [];
    const errors: string[] = [];
    const rss: number[] = [];
    const phones = syntheticPhones(conversations);
    const nhsNumbers = phones.map((_, i) => syntheticNhsNumber(700000 + i * 3));
    try {
      await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 90_000);
      const until = Date.now() + seconds * 1000;
      const sampler = setInterval(() => {
        const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        if (kb > 0) rss.push(kb / 1024);
      }, 250);
      await Promise.all(
        Array.from({ length: conversations }, async (_, i) => {
          const browser = webClient(base);
          const lines = script(i, phones[i]!, nhsNumbers[i]!);
          for (let turn = 0; Date.now() < until; turn++) {
            const sentAt = performance.now();
            try {
              const response = await browser.chat({ conversationId: `load-${i}`, text: lines[turn % lines.length]! });
              await response.arrayBuffer();
              if (response.status !== 200) errors.push(`status ${response.status}`);
            } catch (error) {
              errors.push(String(error));
            }
            latencies.push(performance.now() - sentAt);
          }
        }),
      );
      clearInterval(sampler);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    const log = `${server.output.stdout}\n${server.output.stderr}`;
    const secrets = [...names, ...names.map((name) => name.split(" ")[1]!), ...phones, ...nhsNumbers];
    const leaks = findLeaks({ load: log }, secrets);
    keepForPrivacyScan("load", log, secrets);
    const sorted = [...latencies].sort((a, b) => a - b);
    const memory = memoryFlat(rss);
    reportFigures("load", {
      conversations,
      seconds,
      requests: latencies.length,
      perSecond: Math.round(latencies.length / seconds),
      errors: errors.length,
      p50Ms: Math.round(percentile(sorted, 50)),
      p99Ms: Math.round(percentile(sorted, 99)),
      rssStartMb: Math.round(rss[0] ?? 0),
      rssMaxMb: Math.round(Math.max(0, ...rss)),
      rssEndMb: Math.round(rss.at(-1) ?? 0),
      rssGrowth: Number(memory.growth.toFixed(3)),
      memoryFlat: memory.flat,
      leaks: leakCount(leaks),
    });
    expect(errors.slice(0, 5)).toEqual([]);
    expect(latencies.length).toBeGreaterThan(conversations);
    expect(rss.length).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
    expect(log.split("\n").filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(latencies.length);
    if (seconds >= 30) expect(memory.flat, `RSS grew ${(memory.growth * 100).toFixed(0)}% after warm-up`).toBe(true);
  }, 120_000 + seconds * 2000);
});
