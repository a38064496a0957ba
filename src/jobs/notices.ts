import type { NotificationStore } from "../notifications/notification-store.js";

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

/** A picture a notice carries for channels that can show one: a PNG, base64, with its text alternative. */
export interface NoticeImage {
  readonly png: string;
  readonly alt: string;
  readonly filename: string;
}

/** The notifiers that show a notice's image (a Slack file, a Teams card image); the others have only text. */
export const imageNotifiers: readonly string[] = ["slack", "teams"];

/**
 * What jobs send, through the outbox like every other notification (retried,
 * never lost). Each notice has a key; a key already used sends nothing, so a
 * job run again after a crash, or on another instance, repeats no message.
 */
export class Notices {
  constructor(
    private readonly outbox: Pick<NotificationStore, "queue">,
    private readonly targets: NoticeTargets,
    private readonly now: () => Date,
  ) {}

  /** Whether a notice's image would be shown there (else only its text is worth sending). */
  showsImages(to: NoticeTarget | keyof NoticeTargets): boolean {
    return imageNotifiers.includes((typeof to === "string" ? this.targets[to] : to).notifier);
  }

  /** Returns false when a notice with this key was sent before. */
  async send(
    to: NoticeTarget | keyof NoticeTargets,
    key: string,
    text: string,
    options: { readonly referralId?: string; readonly kind?: string; readonly image?: NoticeImage } = {},
  ): Promise<boolean> {
    const target = typeof to === "string" ? this.targets[to] : to;
    const payload = { kind: options.kind ?? "notice", text, ...(options.image ? { image: options.image } : {}) };
    const draft = { key, notifier: target.notifier, destination: target.destination, payload };
    return (await this.outbox.queue(this.now(), options.referralId ?? "", [draft], { skipRepeats: true })) === 1;
  }
}
