import type { Kysely } from "kysely";
import { writeOutbox } from "../notifications/write-outbox.js";
import type { Database } from "../storage/database-schema.js";

/** Where a notice goes: a notifier ("inbox", "slack", "teams") and its destination. */
export interface NoticeTarget {
  readonly notifier: string;
  readonly destination: Readonly<Record<string, string>>;
}

export interface NoticeTargets {
  /** The people who keep Signpost and its directory up to date. */
  readonly maintainers: NoticeTarget;
  /** The First Contact triage team. */
  readonly triage: NoticeTarget;
}

/**
 * What jobs send, through the outbox like every other notification (retried,
 * never lost). Each notice has a key; a key already used sends nothing, so a
 * job run again after a crash, or on another instance, repeats no message.
 */
export class Notices {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly targets: NoticeTargets,
    private readonly now: () => Date,
  ) {}

  /** Returns false when a notice with this key was sent before. */
  async send(to: NoticeTarget | keyof NoticeTargets, key: string, text: string, options: { readonly referralId?: string; readonly kind?: string } = {}): Promise<boolean> {
    const target = typeof to === "string" ? this.targets[to] : to;
    const draft = { key, notifier: target.notifier, destination: target.destination, payload: { kind: options.kind ?? "notice", text } };
    return (await writeOutbox(this.db, this.now(), options.referralId ?? "", [draft], { skipRepeats: true })) === 1;
  }
}
