/**
 * How a form's fields are labelled on channels that have no fieldset to group
 * them (Slack modals, Teams cards), from the core form's own words, so every
 * channel says what the web chat's fieldsets say: what is needed is said, and
 * only what is truly optional is marked optional. The web chat draws each
 * `oneOf` group as a fieldset with its legend and hint instead
 * (src/channels/web/public/render-form.js).
 */
import type { FormField } from "./reply.js";

export type FieldGroup = NonNullable<FormField["oneOf"]>;

/** Said before a group's fields: which group it is and that one of them is needed ("One way to contact them: one is needed"). */
export function groupHeading(group: FieldGroup): string {
  return `${group.legend}: one is needed`;
}

/** The group a field starts (the first of its `oneOf` group in the form), shown once before it; undefined for any other field. */
export function groupStartedBy(fields: readonly FormField[], index: number): FieldGroup | undefined {
  const group = fields[index]?.oneOf;
  if (!group) return undefined;
  return fields.slice(0, index).some((earlier) => earlier.oneOf?.id === group.id) ? undefined : group;
}

/**
 * A field's label: one of a group names its group ("Phone (one way to contact them)"); a field that
 * is neither required nor in a group is marked "(optional)", unless the channel marks optional
 * inputs itself (Slack does) or the label says so already. A needed field is never marked optional.
 */
export function fieldLabel(field: FormField, channel: { readonly marksOptional: boolean }): string {
  if (field.oneOf) return `${field.label} (${field.oneOf.legend.toLowerCase()})`;
  if (field.required || channel.marksOptional || /\(optional\)\s*$/i.test(field.label)) return field.label;
  return `${field.label} (optional)`;
}

