/**
 * Bodies for the agent and assistant features, each starting from Slack's
 * documented payload in test/fixtures/slack/ (SOURCE.md there says where each
 * comes from) and changing only what a test is about: the ids (moved into the
 * harness's workspace, T123ABC456), the text, the button pressed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { form, interactivityBody } from "./slack-requests.js";
import { type Body, workspace } from "./slack-payloads.js";

type Json = Record<string, unknown>;

const agentFixturesDir = path.join(import.meta.dirname, "../../../fixtures/slack");

export function agentFixture(name: string): Json {
  return JSON.parse(readFileSync(path.join(agentFixturesDir, name), "utf8")) as Json;
}

const json = (value: unknown): Body => ({ raw: JSON.stringify(value), contentType: "application/json" });

/** assistant_thread_started as Slack documents it (the split view opened), under its own event id. */
export function threadStarted(eventId: string): Body {
  return json({ ...agentFixture("event_callback.assistant_thread_started.docs.json"), event_id: eventId });
}

export function threadContextChanged(eventId: string): Body {
  return json({ ...agentFixture("event_callback.assistant_thread_context_changed.docs.json"), event_id: eventId });
}

/** A message.im in an assistant thread (bolt-python's), with its text, in the harness's workspace. */
export function threadMessage(text: string, eventId: string, event: Json = {}): Body {
  const body = agentFixture("event_callback.message_im_assistant_thread.bolt-python.json");
  return json({ ...body, team_id: workspace, event_id: eventId, event: { ...(body.event as Json), team: workspace, user_team: workspace, source_team: workspace, text, ...event } });
}

export interface FeedbackElement {
  readonly action_id: string;
  readonly positive_button: { readonly value: string; readonly text: unknown };
  readonly negative_button: { readonly value: string; readonly text: unknown };
}

/** A press of one of the feedback buttons the app posted, under the message `messageTs` in `threadTs`. */
export function feedbackPress(element: FeedbackElement, which: "positive" | "negative", where: { channel: string; messageTs: string; threadTs: string; user: string }): Body {
  const body = agentFixture("block_actions.feedback_buttons.json");
  const [documented] = body.actions as Json[];
  const button = which === "positive" ? element.positive_button : element.negative_button;
  return {
    raw: interactivityBody({
      ...body,
      team: { ...(body.team as Json), id: workspace },
      user: { ...(body.user as Json), id: where.user, team_id: workspace },
      container: { ...(body.container as Json), message_ts: where.messageTs, channel_id: where.channel, thread_ts: where.threadTs },
      channel: { ...(body.channel as Json), id: where.channel },
      message: { ...(body.message as Json), ts: where.messageTs, thread_ts: where.threadTs },
      actions: [{ ...documented, action_id: element.action_id, value: button.value, text: button.text }],
    }),
    contentType: form,
  };
}
