import type { Directory } from "../directory/directory.js";
import { describeReferral, describeStatus } from "./describe-referral.js";
import type { OutboxDraft } from "../notifications/outbox-draft.js";
import type { NotificationPlan } from "./referral-store.js";

export interface NotificationSettings {
  /** Where the First Contact team is told about new referrals, with their details. */
  readonly triage: { readonly notifier: string; readonly destination: Readonly<Record<string, string>> };
  /** Which notifier reaches conversations on each channel ("web" and "terminal" use the inbox). */
  readonly notifierFor: (channel: string) => string;
  /** Whether the hub's webhook is configured. */
  readonly webhook: boolean;
}

/**
 * Who is told what. Personal details go only to the triage destination (and to
 * the hub's webhook); the conversation the referral came from is told only the
 * reference and the status, never triage's free text (a decline reason, an
 * outcome), so a public channel never sees personal data.
 */
export function notificationPlan(settings: NotificationSettings, directory: Directory): NotificationPlan {
  return (referral, event) => {
    const drafts: OutboxDraft[] = [];
    if (event === "created") {
      drafts.push({
        key: `${referral.id}:created:triage`,
        notifier: settings.triage.notifier,
        destination: settings.triage.destination,
        payload: { kind: "triage", reference: referral.reference, text: describeReferral(referral, directory) },
      });
      if (settings.webhook) {
        drafts.push({ key: `${referral.id}:created:webhook`, notifier: "webhook", destination: {}, payload: { kind: "referral", referral } });
      }
      return drafts;
    }
    drafts.push({
      key: `${referral.id}:${event}:origin`,
      notifier: settings.notifierFor(referral.referrer.channel),
      destination: { conversationId: referral.referrer.conversationId, userId: referral.referrer.id },
      payload: { kind: "status", reference: referral.reference, status: referral.status, text: describeStatus(referral, directory, false) },
    });
    return drafts;
  };
}
