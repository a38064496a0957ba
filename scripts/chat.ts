/**
 * An interactive chat with Signpost in the terminal, on the same core as every
 * other channel:
 *   npm run chat
 * Type a question; "more" and "tell me about the second one" work as follow-ups;
 * "refer Mrs P to First Contact ..." starts a referral, asked one question at a time.
 * Ctrl+D or "quit" ends it.
 */
import { randomUUID } from "node:crypto";
import readline from "node:readline";
import { renderReplyText } from "../src/channels/terminal/render-reply-text.js";
import { loadConfig } from "../src/config/load-config.js";
import type { Reply } from "../src/conversation/reply.js";
import { createLogger } from "../src/logging/create-logger.js";
import { terminalUserId } from "../src/identity/user-id.js";
import { createSignpost } from "../src/create-signpost.js";

const config = loadConfig(process.env, { cwd: process.cwd() });
const signpost = await createSignpost(config, createLogger({ level: "warn", destination: process.stderr }), { role: "tool", meilisearch: "read-only" });
const conversationId = `terminal-${randomUUID()}`;
// Who is chatting: the operating-system user, as the core's namespaced id (terminal:<uid>).
const userId = terminalUserId(process.getuid?.() ?? "user");
const terminal = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });

process.stdout.write('Signpost. Describe who you are supporting and where they live. Type "quit" to leave.\nIn an emergency call 999.\n\n> ');
let pendingForm: Reply["form"];
// Reading lines as they come (not question()) keeps piped input whole and ends cleanly at end of input.
for await (const raw of terminal) {
  const line = raw.trim();
  if (line === "quit" || line === "exit") break;
  if (line !== "") {
    const reply: Reply = pendingForm
      ? await signpost.bot.handle({ channel: "terminal", conversationId, userId, action: { id: "submit_form", value: pendingForm.value, fields: { [pendingForm.fields[0]?.name ?? "details"]: line } } })
      : await signpost.bot.handle({ channel: "terminal", conversationId, userId, text: line });
    pendingForm = reply.form;
    process.stdout.write(`\n${renderReplyText(reply)}\n\n`);
  }
  // News about this conversation's referrals (status changes) is shown before the next prompt.
  await signpost.sendNotifications();
  for (const news of await signpost.inbox.takeUnread(conversationId)) process.stdout.write(`[update] ${news}\n\n`);
  process.stdout.write("> ");
}
terminal.close();
await signpost.close();
process.stdout.write("\n");
