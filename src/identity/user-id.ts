/**
 * Who someone is, as one string the core can compare: always namespaced by the
 * channel that verified them, so an id from one channel can never pass for an
 * id from another.
 *
 *   web:<sub>                  the OpenID subject of a signed-in user, or trial-<random> in trial mode
 *   slack:<workspace>:<user>   a Slack user in a workspace (T0123:U0456)
 *   teams:<tenant>:<user>      a Teams user: their Entra (AAD) object id in a tenant
 *   terminal:<uid>             the operating-system user running npm run chat
 *
 * Settings that name people (TRIAGE_USER_IDS, USER_TEAMS, MAINTAINER_USER_IDS,
 * COMMISSIONER_USER_IDS) use the same forms; parseUserId says exactly what is wrong.
 */

export const userIdChannels = ["web", "slack", "teams", "terminal"] as const;
export type UserIdChannel = (typeof userIdChannels)[number];

/** A workspace or tenant: no separators, whitespace or control characters, at most 120 characters. */
const scope = "[^\\s:,=;\\p{Cc}]{1,120}";
/** The channel's own id for the person (or team), kept as the channel wrote it: it may contain ":" (Teams ids do). */
const local = "[^\\s,=;\\p{Cc}]{1,150}";

const shapes: Readonly<Record<UserIdChannel, { pattern: RegExp; example: string }>> = {
  web: { pattern: new RegExp(`^web:${local}$`, "u"), example: "web:3f2a9c1e-…" },
  slack: { pattern: new RegExp(`^slack:${scope}:${local}$`, "u"), example: "slack:T0123ABCD:U0456EFGH" },
  teams: { pattern: new RegExp(`^teams:${scope}:${local}$`, "u"), example: "teams:<tenant id>:<Entra object id>" },
  terminal: { pattern: new RegExp(`^terminal:${local}$`, "u"), example: "terminal:1000" },
};

export type ParsedUserId = { readonly ok: true; readonly channel: UserIdChannel } | { readonly ok: false; readonly problem: string };

/** Checks one id; the problem, when there is one, is a sentence fragment naming the forms that are accepted. */
export function parseUserId(id: string): ParsedUserId {
  const channel = userIdChannels.find((c) => id.startsWith(`${c}:`));
  if (!channel) {
    return { ok: false, problem: `"${id.slice(0, 40)}" is not a namespaced user id: write web:<sub>, slack:<workspace>:<user>, teams:<tenant>:<user> or terminal:<uid>` };
  }
  const shape = shapes[channel];
  if (!shape.pattern.test(id)) return { ok: false, problem: `"${id.slice(0, 40)}" is not a ${channel} user id like ${shape.example}` };
  return { ok: true, channel };
}

export function isUserIdOf(channel: UserIdChannel, id: string): boolean {
  return shapes[channel].pattern.test(id);
}

/** Anything a vendor sends, made safe for an id: separators (and, in a scope, ":") become "_". */
function clean(value: string, what: "scope" | "local"): string {
  const unsafe = what === "scope" ? /[\s:,=;\p{Cc}]/gu : /[\s,=;\p{Cc}]/gu;
  const cleaned = value.normalize("NFC").replace(unsafe, "_").slice(0, what === "scope" ? 120 : 150);
  return cleaned === "" ? "_" : cleaned;
}

export function webUserId(subject: string): string {
  return `web:${clean(subject, "local")}`;
}

export function slackUserId(workspace: string | undefined, user: string): string {
  return `slack:${clean(workspace ?? "_", "scope")}:${clean(user, "local")}`;
}

export function teamsUserId(tenant: string | undefined, user: string): string {
  return `teams:${clean(tenant ?? "_", "scope")}:${clean(user, "local")}`;
}

export function terminalUserId(uid: string | number): string {
  return `terminal:${clean(String(uid), "local")}`;
}

/** The channel's own id for a user (the Slack user id, the Entra object id), for channels that must address them. */
export function channelLocalId(id: string): string {
  const scoped = id.startsWith("slack:") || id.startsWith("teams:");
  const afterChannel = id.indexOf(":") + 1;
  return scoped ? id.slice(id.indexOf(":", afterChannel) + 1) : id.slice(afterChannel);
}
