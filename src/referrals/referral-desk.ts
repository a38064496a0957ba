import type { Directory } from "../directory/directory.js";
import { firstContactCovers, outsideFirstContact } from "../directory/front-doors.js";
import { type Role, type RoleAssignments, rolesOf } from "../identity/roles.js";
import type { Clock } from "../time/clock.js";
import { type Completed, completeReferral } from "./complete-referral.js";
import type { Engagement, Referral, Viewer } from "./referral.js";
import type { ReferralDraft } from "./referral-draft.js";
import type { StatusChange } from "./referral-status.js";
import type { ListFilter, NotificationPlan, ReferralStore } from "./referral-store.js";

/** Who is talking to Signpost, as a channel has verified them. */
export interface Identity {
  /** Namespaced by the channel that verified it (web:, slack:, teams:, terminal:). */
  readonly userId: string;
  /** The name the channel vouches for (a sign-in's, Slack's, Teams'). */
  readonly userName?: string;
  /**
   * A name the referrer typed where nothing vouches for one (the web chat's trial mode): stored and
   * shown to triage as given and not verified, never used as who they are. Ignored when `userName` is set.
   */
  readonly givenName?: string;
  readonly channel: string;
  readonly conversationId: string;
  /** The team the channel puts them in (a Slack channel, a Teams team); absent in the web chat. */
  readonly team?: string;
  /** Roles the channel vouches for (a signed-in user's groups); configuration adds its own. */
  readonly roles?: readonly Role[];
}

export interface AccessSettings {
  /** Roles by configuration; the triage role sees and moves every referral. */
  readonly roles: RoleAssignments;
  /** Teams for users whose channel names none (the web chat, the terminal), from USER_TEAMS. */
  readonly userTeams: ReadonlyMap<string, string>;
}

export type Submitted = { readonly ok: true; readonly referral: Referral; readonly created: boolean } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/**
 * The referral desk: what the conversation core asks of referrals, with who is
 * asking worked out once. Storage, access and notifications sit behind it.
 */
export class ReferralDesk {
  constructor(
    private readonly store: ReferralStore,
    private readonly plan: NotificationPlan,
    private readonly access: AccessSettings,
    private readonly clock: Clock,
    /** Decides where First Contact Plus takes referrals from (src/directory/front-doors.ts). */
    private readonly directory: Directory,
  ) {}

  /** A user's team: from their channel, else USER_TEAMS, else a team of one (so nobody sees another's referrals by default). */
  teamOf(identity: Identity): string {
    return identity.team ?? this.access.userTeams.get(identity.userId) ?? `user:${identity.userId}`;
  }

  viewer(identity: Identity): Viewer {
    return {
      id: identity.userId,
      team: this.teamOf(identity),
      channel: identity.channel,
      triage: rolesOf(identity.userId, this.access.roles, identity.roles).has("triage"),
    };
  }

  /**
   * Stores a finished draft; the dialog's id makes a second submission return the
   * first referral. A referral for someone living where First Contact Plus does
   * not reach is refused here, whatever a channel showed, and nothing is stored.
   */
  async submit(draft: ReferralDraft, dialogId: string, identity: Identity): Promise<Submitted> {
    const completed = this.complete(draft, identity);
    if (!completed.ok) return completed;
    const { referral, created } = await this.store.create(completed.referral, dialogId, this.plan);
    return { ok: true, referral, created };
  }

  /**
   * Everything that stops a draft being sent, by field, checked exactly as
   * `submit` checks it but storing nothing: a form shows these with its own
   * fields' errors in one round.
   */
  problems(draft: ReferralDraft, identity: Identity): Readonly<Record<string, string>> {
    const completed = this.complete(draft, identity);
    return completed.ok ? {} : completed.errors;
  }

  private complete(draft: ReferralDraft, identity: Identity): Completed {
    const referrer = {
      id: identity.userId,
      ...(identity.userName ? { name: identity.userName } : identity.givenName ? { name: identity.givenName, nameGiven: true as const } : {}),
      team: this.teamOf(identity),
      channel: identity.channel,
      conversationId: identity.conversationId,
    };
    const completed = completeReferral(draft, referrer, this.clock.now().toISOString());
    const outside = draft.area !== undefined && !firstContactCovers(draft.area, this.directory) ? outsideFirstContact(draft.area, this.directory) : undefined;
    if (outside) return { ok: false, errors: { ...(completed.ok ? {} : completed.errors), area: outside } };
    return completed;
  }

  find(reference: string, identity: Identity): Promise<Referral | undefined> {
    return this.store.find(reference, this.viewer(identity));
  }

  list(identity: Identity, filter: ListFilter): Promise<Referral[]> {
    return this.store.list(this.viewer(identity), filter);
  }

  /** Everything since a date, for the hub's case system: the operator is recorded in the audit trail. */
  exportAll(since: string | undefined, operator: Identity): Promise<Referral[]> {
    return this.store.export(since, { ...this.viewer(operator), triage: true });
  }

  move(reference: string, change: StatusChange, identity: Identity): Promise<Referral | undefined> {
    return this.store.changeStatus(reference, change, this.viewer(identity), this.plan);
  }

  /** The referrer's (or their team's) answer to the outcome follow-up; undefined for a referral they can't see. */
  recordEngagement(reference: string, engagement: Engagement, identity: Identity): Promise<Referral | undefined> {
    return this.store.recordEngagement(reference, engagement, this.viewer(identity));
  }
}
