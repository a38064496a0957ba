// The team inboxes, for the people whose role they belong to: GET /api/inbox/triage
// (new referrals with the person's details, for the First Contact triage team, when
// TRIAGE_NOTIFIER=inbox) and GET /api/inbox/maintainers (the jobs' alerts and digests,
// when MAINTAINERS_NOTIFIER=inbox). They are not web chat conversations: no chat id
// reaches them. Anyone without the role, or asking for an inbox that is not kept,
// gets the same 404 as for a path that does not exist.
import type { Hono } from "hono";
import { type Role, type RoleAssignments, rolesOf } from "../../identity/roles.js";
import type { WebChatInbox } from "./web-chat-routes.js";
import { currentUser, type WebAccess, webUser } from "./web-identity.js";

export interface TeamInboxOptions {
  readonly inbox: () => WebChatInbox | undefined;
  readonly access: WebAccess;
  readonly roles: RoleAssignments;
  /** Each inbox's destination, when that team's notifier is the inbox. */
  readonly destinations: { readonly triage?: string; readonly maintainers?: string };
}

const owners: Readonly<Record<"triage" | "maintainers", Role>> = { triage: "triage", maintainers: "maintainer" };

export function mountTeamInboxes(app: Hono, options: TeamInboxOptions): void {
  app.get("/api/inbox/:name", webUser(options.access, { startTrial: false }), async (c) => {
    const name = c.req.param("name");
    const user = currentUser(c);
    const destination = name === "triage" || name === "maintainers" ? options.destinations[name] : undefined;
    const allowed = (name === "triage" || name === "maintainers") && rolesOf(user.userId, options.roles, user.roles).has(owners[name]);
    const inbox = options.inbox();
    if (!destination || !allowed || !inbox) {
      return c.json({ error: { code: "NOT_FOUND", message: `There is nothing at GET ${c.req.path}.` } }, 404, { "Cache-Control": "no-store" });
    }
    return c.json({ messages: await inbox.takeUnread(destination) }, 200, { "Cache-Control": "no-store" });
  });
}
