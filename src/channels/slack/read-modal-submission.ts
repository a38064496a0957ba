/**
 * A view_submission's state as the core's form fields (by block_id, which is the
 * field's name): text as typed, a select's value, a multiselect's values joined
 * with commas, a ticked checkbox as "true". And the core's field errors as
 * Slack's `response_action: "errors"`, keyed by the block that shows the field.
 */
import type { ViewOutput } from "@slack/bolt";
import { truncate } from "./slack-text.js";

type StateValue = ViewOutput["state"]["values"][string][string];

function valueOf(state: StateValue): string {
  switch (state.type) {
    case "static_select":
      return state.selected_option?.value ?? "";
    case "multi_static_select":
      return (state.selected_options ?? []).map((o) => o.value).join(",");
    case "checkboxes":
      return (state.selected_options ?? []).length > 0 ? "true" : "";
    default:
      return state.value ?? "";
  }
}

export function readSubmission(view: ViewOutput): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const [first] = Object.values(actions);
    if (first) fields[blockId] = valueOf(first);
  }
  return fields;
}

/** Errors keyed by input block_id; an error for a field the modal does not show goes on its first input. */
export function responseErrors(errors: Readonly<Record<string, string>>, view: ViewOutput): Record<string, string> {
  const inputs = view.blocks.flatMap((b) => (b.type === "input" && typeof b.block_id === "string" ? [b.block_id] : []));
  const placed: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const blockId = inputs.includes(field) ? field : inputs[0];
    if (!blockId) continue;
    placed[blockId] = truncate(placed[blockId] ? `${placed[blockId]} ${message}` : message, 2000);
  }
  return placed;
}
