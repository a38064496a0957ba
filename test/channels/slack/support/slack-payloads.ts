/**
 * Bodies for the Slack app's endpoint, each starting from a real payload in
 * ../shared/fixtures/slack/ and changing only what a test is about (the text,
 * the ids, the button pressed, the values typed into a modal). The fixtures
 * come from several workspaces; one app's requests all come from its own, so
 * every body here is put in the events fixtures' workspace, T123ABC456 (a
 * person is slack:<workspace>:<user>, the same whichever way they write).
 */
import { commandBody, fixture, form, interactivityBody } from "./slack-requests.js";

type Json = Record<string, unknown>;

export interface Body {
  readonly raw: string;
  readonly contentType: string;
}

export const workspace = "T123ABC456";

const json = (value: unknown): Body => ({ raw: JSON.stringify(value), contentType: "application/json" });

/** An interactivity payload moved into the workspace: its team and its user's team. */
function inWorkspace(payload: Json): Json {
  const team = typeof payload.team === "object" && payload.team !== null ? { ...(payload.team as Json), id: workspace } : payload.team;
  const user = typeof payload.user === "object" && payload.user !== null ? { ...(payload.user as Json), team_id: workspace } : payload.user;
  return { ...payload, ...(team !== undefined ? { team } : {}), ...(user !== undefined ? { user } : {}) };
}
const interactive = (payload: Json): Body => ({ raw: interactivityBody(inWorkspace(payload)), contentType: form });

export function slashCommand(overrides: Record<string, string>): Body {
  const { fields } = fixture<{ fields: Record<string, string> }>("slash_command.docs.json");
  return { raw: commandBody({ ...fields, team_id: workspace, command: "/signpost", ...overrides }), contentType: form };
}

export function mention(text: string, eventId: string, event: Json = {}): Body {
  const body = fixture("event_callback.app_mention.docs.json");
  return json({ ...body, event_id: eventId, event: { ...(body.event as Json), text, ...event } });
}

export function directMessage(text: string, eventId: string, event: Json = {}): Body {
  const body = fixture("event_callback.message_im.docs.json");
  return json({ ...body, event_id: eventId, event: { ...(body.event as Json), text, ...event } });
}

export function homeOpened(user: string, channel: string, eventId: string, tab: "home" | "messages" = "home"): Body {
  const body = fixture("event_callback.app_mention.docs.json");
  return json({ ...body, event_id: eventId, event: { type: "app_home_opened", user, channel, tab, event_ts: "1515449522.000099" } });
}

export interface PressedButton {
  readonly action_id: string;
  readonly block_id: string;
  readonly value: string;
  readonly text: unknown;
}

/** A press of one of the buttons the app posted, as block_actions (channel message, or ephemeral). */
export function buttonPress(button: PressedButton, where: { channel: string; messageTs: string; threadTs?: string; ephemeral?: boolean; user?: string; triggerId?: string }): Body {
  const body = fixture("block_actions.message.docs.json");
  const user = where.user ? { ...(body.user as Json), id: where.user } : body.user;
  const container = { type: "message", message_ts: where.messageTs, channel_id: where.channel, is_ephemeral: where.ephemeral === true, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) };
  const message = { ...(body.message as Json), ts: where.messageTs, ...(where.threadTs ? { thread_ts: where.threadTs } : {}) };
  return interactive({
    ...body,
    user,
    container,
    channel: { ...(body.channel as Json), id: where.channel },
    ...(where.ephemeral ? { message: undefined } : { message }),
    ...(where.triggerId ? { trigger_id: where.triggerId } : {}),
    actions: [{ ...button, type: "button", action_ts: "1548426417.840180" }],
  });
}

export function messageShortcut(callbackId: string, text: string): Body {
  const { payload } = fixture<{ payload: Json }>("shortcut.message.bolt-python.json");
  return interactive({ ...payload, callback_id: callbackId, message: { ...(payload.message as Json), text } });
}

let shortcutsMade = 0;

/** A global shortcut; like Slack, each one carries a trigger id of its own (so two are never one replayed request). */
export function globalShortcut(callbackId: string, triggerId?: string): Body {
  const { payload } = fixture<{ payload: Json }>("shortcut.global.bolt-python.json");
  shortcutsMade += 1;
  return interactive({ ...payload, callback_id: callbackId, trigger_id: triggerId ?? `${String(payload.trigger_id)}.${shortcutsMade}` });
}

type Typed = string | readonly string[] | boolean | undefined;

interface Option {
  text: unknown;
  value: string;
}

/** What Slack puts in state.values for each input block, from what a person typed or chose. */
function stateValues(blocks: readonly Json[], typed: Readonly<Record<string, Typed>>): Json {
  const values: Json = {};
  for (const block of blocks) {
    if (block.type !== "input") continue;
    const element = block.element as Json & { type: string; action_id: string; options?: Option[]; option_groups?: { options: Option[] }[] };
    const options = element.options ?? element.option_groups?.flatMap((g) => g.options) ?? [];
    const given = typed[block.block_id as string];
    const pick = (wanted: readonly string[]) => options.filter((o) => wanted.includes(o.value));
    let state: Json;
    switch (element.type) {
      case "static_select":
        state = { selected_option: typeof given === "string" ? (pick([given])[0] ?? null) : null };
        break;
      case "multi_static_select":
        state = { selected_options: Array.isArray(given) ? pick(given as string[]) : [] };
        break;
      case "checkboxes":
        state = { selected_options: given === true ? options : [] };
        break;
      default:
        state = { value: typeof given === "string" && given !== "" ? given : null };
    }
    values[block.block_id as string] = { [element.action_id]: { type: element.type, ...state } };
  }
  return values;
}

/** The submission of a modal the app opened (its view as views.open sent it), with what was typed. */
/** A modal submitted; each submission is its own interaction, so give a second one its own trigger id, as Slack does. */
export function viewSubmission(opened: Json, typed: Readonly<Record<string, Typed>>, user?: string, triggerId?: string): Body {
  const { payload } = fixture<{ payload: Json & { view: Json; user: Json } }>("view_submission.bolt-python.json");
  const view = { ...payload.view, ...opened, state: { values: stateValues(opened.blocks as Json[], typed) } };
  return interactive({ ...payload, ...(user ? { user: { ...payload.user, id: user } } : {}), ...(triggerId ? { trigger_id: triggerId } : {}), view });
}
