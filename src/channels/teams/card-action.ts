/**
 * Buttons out and back. Every Signpost button is an Action.Submit whose data
 * is `{signpost: {id, value, route?}}`; form inputs travel beside it as
 * `field_<name>`. Teams hands the data back in three shapes: a message whose
 * `value` is the data (Action.Submit), an `adaptiveCard/action` invoke with it
 * in `value.action.data` (Action.Execute), or a card `invoke` with it in
 * `value`. All three are read here, checked with the core's action schema.
 */
import { type ActionRequest, actionSchema } from "../../conversation/incoming-message.js";
import type { ReplyAction } from "../../conversation/reply.js";
import type { CardAction, SubmitData } from "./adaptive-card.js";
import { withoutInvisible } from "./plain-text.js";

export const fieldPrefix = "field_";

export function submitAction(action: Pick<ReplyAction, "id" | "label" | "value">, route?: string, style?: "positive"): CardAction {
  const data: SubmitData = { signpost: { id: action.id, value: action.value, ...(route ? { route } : {}) } };
  return { type: "Action.Submit", title: withoutInvisible(action.label), data, ...(style ? { style } : {}) };
}

/** A button press read from a card: the core's action, and the route it was sent with (if any). */
export interface CardActionRequest {
  readonly action: ActionRequest;
  readonly route?: string;
}

type Read = { readonly ok: true; readonly request: CardActionRequest } | { readonly ok: false; readonly reason: "not_signpost" | "invalid" };

/** Reads card data (the merged data and inputs of a submit). Not ours: not_signpost; ours but malformed: invalid. */
export function readCardAction(data: unknown): Read {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, reason: "not_signpost" };
  const record = data as Record<string, unknown>;
  const signpost = record.signpost;
  if (typeof signpost !== "object" || signpost === null || Array.isArray(signpost)) return { ok: false, reason: "not_signpost" };
  const { id, value, route } = signpost as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, raw] of Object.entries(record)) {
    if (!key.startsWith(fieldPrefix)) continue;
    // Unticked toggles and empty inputs may arrive as "", false or be left out; all mean "not filled in".
    fields[key.slice(fieldPrefix.length)] = typeof raw === "string" ? raw : typeof raw === "boolean" || typeof raw === "number" ? String(raw) : "";
  }
  const parsed = actionSchema.safeParse({ id, value, ...(id === "submit_form" ? { fields } : {}) });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const validRoute = typeof route === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(route) ? route : undefined;
  return { ok: true, request: { action: parsed.data, ...(validRoute ? { route: validRoute } : {}) } };
}

/** The data of an `adaptiveCard/action` invoke (Action.Execute): inputs are merged into `action.data`. */
export function executeData(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const action = (value as { action?: unknown }).action;
  if (typeof action !== "object" || action === null) return undefined;
  return (action as { data?: unknown }).data;
}
