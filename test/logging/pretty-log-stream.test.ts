// LOG_FORMAT=pretty: pino's lines, already redacted, made readable for a person at a terminal.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logging/create-logger.js";

describe("pretty logs", () => {
  it("writes short readable lines, with the same redaction as JSON", async () => {
    const out = new PassThrough();
    let written = "";
    out.on("data", (chunk: Buffer) => (written += chunk.toString()));
    const logger = createLogger({ level: "info", format: "pretty", destination: out });
    logger.warn({ host: "0.0.0.0", text: "lonely widower in Loughborough" }, "no sign-in is configured");
    logger.error({ err: new Error("disk full") }, "sending notifications failed");
    await new Promise((resolve) => setImmediate(resolve));
    const lines = written.trim().split("\n");
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} warn {2}no sign-in is configured \(host=0\.0\.0\.0, text=\[redacted\]\)$/);
    expect(lines[1]).toMatch(/^\d{2}:\d{2}:\d{2} error sending notifications failed \(disk full\)$/);
    expect(written).not.toContain("{");
    expect(written).not.toContain("Loughborough");
  });
});
