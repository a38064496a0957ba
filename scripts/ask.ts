/**
 * One-shot question from the terminal:
 *   npm run --silent ask -- "lonely widower in Loughborough"
 *   npm run --silent ask -- --json "lonely widower in Loughborough"
 * With --json it prints exactly one JSON object (the contract other tools rely on).
 */
import { loadConfig } from "../src/config/load-config.js";
import { createLogger } from "../src/logging/create-logger.js";
import { createSignpost } from "../src/create-signpost.js";
import { formatAnswerText } from "../src/cli/format-answer-text.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const question = args.filter((arg) => arg !== "--json").join(" ").trim();

if (question === "") {
  process.stderr.write('Usage: npm run --silent ask -- [--json] "lonely widower in Loughborough"\n');
  process.exit(2);
}

try {
  const config = loadConfig(process.env, { cwd: process.cwd() });
  const logger = createLogger({ level: "warn", destination: process.stderr });
  const core = await createSignpost(config, logger, { role: "tool", meilisearch: "read-only" });
  try {
    const answer = await core.ask(question);
    process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${formatAnswerText(answer, core.directory)}\n`);
  } finally {
    // With PostgreSQL, an open pool would keep the process alive after the answer.
    await core.close();
  }
} catch (error) {
  process.stderr.write(`ask failed: ${(error as Error).message}\n`);
  process.exit(1);
}
