import type { IntentId } from "../understanding/intents.js";

/**
 * What the bot answers, in no channel's terms. Channels render it: Block Kit,
 * Adaptive Cards, HTML or plain text. Every size is within the strictest
 * channel's limits (channel-limits.ts), so renderers never need to cut text.
 */
export interface Reply {
  readonly conversationId: string;
  /** The intent understood, or "action" when a button or form was handled. */
  readonly intent: IntentId | "action";
  /** Paragraphs to show in order, each short enough for one message section. */
  readonly text: readonly string[];
  /** True for the safety net: channels show the text first and prominently, with no cards. */
  readonly urgent: boolean;
  /** True when the reply holds personal data: channels show it only to the person who asked (never in a shared channel). */
  readonly private?: boolean;
  readonly cards: readonly ServiceCard[];
  /** Actions about the whole reply (show more, narrow to an area). */
  readonly actions: readonly ReplyAction[];
  readonly form?: Form;
}

export interface ServiceCard {
  readonly id: string;
  readonly name: string;
  readonly organization: string;
  /** The description, summarised at a word boundary when long (on a full card, the whole record: see `record`). */
  readonly summary: string;
  /**
   * The full record in words: the description, who it is for, ages, when and cost. A compact card
   * keeps it out of sight until asked for (the web's "Full record" disclosure); chat channels show it
   * on the "More about this" card.
   */
  readonly record: string;
  /** True for the "More about this" card: channels show every detail; otherwise the compact card (name, organisation, why, how to refer, one contact). */
  readonly full?: boolean;
  readonly howToRefer: string;
  readonly contact: { readonly phone?: string; readonly email?: string; readonly url?: string };
  readonly needs: readonly { readonly id: string; readonly label: string }[];
  /** The needs of this search the service meets, by their plain labels (empty outside a search). */
  readonly matched: readonly { readonly id: string; readonly label: string }[];
  /** Set when the record's needs were inferred from its name and description (an imported record with no usable taxonomy terms). */
  readonly needsNote?: string;
  /** Expanded area ids with their names. */
  readonly areas: readonly { readonly id: string; readonly name: string }[];
  /** Why it matched this search, in one sentence. */
  readonly why: string;
  /** ISO date (YYYY-MM-DD) and as people read it ("1 Sept 2020"). */
  readonly lastVerified: string;
  readonly lastVerifiedText: string;
  /** Who vouched for the date, where the record says ("ORUK feed leicestershire (its assured_date)"). */
  readonly verifiedBy?: string;
  /** The whole line: "Last verified 1 Sept 2020", or "Verified by <who> on 2 Sept 2024" where known. */
  readonly verifiedText: string;
  /** Where the record's facts came from; says so when it is an illustrative sample. */
  readonly source: string;
  readonly actions: readonly ReplyAction[];
}

export type ActionId = "refer" | "show_more" | "narrow_area" | "report_outdated" | "details" | "submit_form";

/** A button. `value` is an opaque token the bot checks against the conversation's state. */
export interface ReplyAction {
  readonly id: ActionId;
  readonly label: string;
  readonly value: string;
}

export interface Form {
  readonly id: "report_outdated" | "referral";
  readonly title: string;
  readonly submitLabel: string;
  /** Passed back with the submission (the service it is about, or the referral dialog's id). */
  readonly value: string;
  readonly fields: readonly FormField[];
  /** Field errors from a submission that did not validate, by field name: all of them at once. */
  readonly errors?: Readonly<Record<string, string>>;
  /** A note to show above the fields ("This replaces the referral form above."). */
  readonly note?: string;
}

export interface FormField {
  readonly name: string;
  readonly label: string;
  /** multiselect values travel as one comma-separated string; a ticked checkbox as "true". */
  readonly kind: "text" | "textarea" | "select" | "multiselect" | "checkbox";
  readonly required: boolean;
  readonly maxLength: number;
  readonly hint?: string;
  readonly value?: string;
  /** For select and multiselect; a multiselect's options may name the group they are shown under (needs by taxonomy group). */
  readonly options?: readonly { readonly value: string; readonly label: string; readonly group?: string }[];
  /**
   * Fields of which at least one must be filled in (phone, email or address): shown together under
   * the legend, none of them marked optional, the group's error on its first field.
   */
  readonly oneOf?: { readonly id: string; readonly legend: string; readonly hint: string };
}
