// deploy/slack/manifest.yml and manifest.socket-mode.yml ask for exactly what
// the code uses (slack-app-needs.ts): the scopes, the events, the shortcuts'
// callback ids, the slash command and, over HTTP, the one request path; and
// declare the agent view (agent_view) with the description and prompts the
// code sets (agent-view.ts), within the limits Slack's manifest schema gives.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { agentDescription, suggestedPrompts } from "../../../src/channels/slack/agent-view.js";
import { slackAppNeeds } from "../../../src/channels/slack/slack-app-needs.js";

interface Manifest {
  features: {
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    slash_commands: { command: string; url?: string }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    agent_view?: { agent_description: string; suggested_prompts: { title: string; message: string }[] };
    assistant_view?: unknown;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const read = (name: string) => parse(readFileSync(path.join(import.meta.dirname, "../../../deploy/slack", name), "utf8")) as Manifest;

describe.each([
  ["manifest.yml", false],
  ["manifest.socket-mode.yml", true],
] as const)("%s", (name, socketMode) => {
  const manifest = read(name);

  it("asks for exactly the scopes and events Signpost uses", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(slackAppNeeds.scopes).sort());
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...slackAppNeeds.botEvents].sort());
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("declares the agent view with the description and the three prompts Signpost sets", () => {
    const view = manifest.features.agent_view;
    expect(manifest.features.assistant_view).toBeUndefined(); // the legacy experience new apps can no longer choose
    expect(view?.agent_description).toBe(agentDescription);
    // Slack's manifest schema (slackapi/manifest-schema, features.agent_view): at most 300 characters, at most 4 prompts.
    expect(view?.agent_description.length).toBeLessThanOrEqual(300);
    expect(view?.suggested_prompts).toEqual(suggestedPrompts);
    expect(view?.suggested_prompts.length).toBeLessThanOrEqual(4);
    expect(manifest.oauth_config.scopes.bot).toContain("assistant:write");
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["assistant_thread_started", "assistant_thread_context_changed", "message.im", "app_home_opened"]));
  });

  it("declares the slash command and the two shortcuts with the callback ids the app listens for", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([slackAppNeeds.defaultCommand]);
    expect(manifest.features.shortcuts.map((s) => ({ callbackId: s.callback_id, type: s.type, name: s.name }))).toEqual(slackAppNeeds.shortcuts);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it(socketMode ? "uses Socket Mode and no request URL" : "sends everything to /slack/events", () => {
    expect(manifest.settings.socket_mode_enabled).toBe(socketMode);
    const urls = [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, ...manifest.features.slash_commands.map((c) => c.url)];
    if (socketMode) expect(urls.filter(Boolean)).toEqual([]);
    else for (const url of urls) expect(url).toBe(`https://REPLACE-WITH-YOUR-HOST${slackAppNeeds.requestPath}`);
  });
});
