// Signpost web chat: a long multiselect whose options name their groups (the needs, by the taxonomy's groups) as
// native controls: a filter box, then one <details> per group holding a fieldset of checkboxes. Groups with a ticked
// option start open; typing in the filter shows only the matching options and opens their groups. All keyboard-usable
// as the browser made it: Tab, Space on a checkbox, Enter or Space on a group's summary.
import { element, nextId } from "./create-element.js";

/** @typedef {{ readonly value: string, readonly label: string, readonly group?: string }} GroupedOption */

/**
 * @param {string} id the outer fieldset's id, for the filter's and the groups' ids
 * @param {string} name the field's name, for each checkbox
 * @param {readonly GroupedOption[]} options
 * @param {ReadonlySet<string>} ticked
 * @param {boolean} invalid
 * @param {(id: string, name: string, value: string, checked: boolean) => HTMLInputElement} checkbox
 * @returns {{ nodes: HTMLElement[], boxes: HTMLInputElement[] }}
 */
export function renderGroupedChoices(id, name, options, ticked, invalid, checkbox) {
  const filterId = `${id}-filter`;
  const countId = `${id}-count`;
  const filter = element("input", { attrs: { id: filterId, type: "search", autocomplete: "off", "aria-describedby": countId, "data-testid": "choices-filter" } });
  const count = element("p", { className: "hint", attrs: { id: countId, "aria-live": "polite" } });
  const filterField = element("div", { className: "choices-filter" }, [element("label", { text: "Find a need by a word in its name", attrs: { for: filterId } }), filter, count]);

  /** @type {{ details: HTMLDetailsElement, summary: HTMLElement, label: string, items: { node: HTMLElement, box: HTMLInputElement, text: string }[] }[]} */
  const groups = [];
  /** @type {Map<string, (typeof groups)[number]>} */
  const byLabel = new Map();
  for (const option of options) {
    const label = option.group ?? "Other needs";
    let group = byLabel.get(label);
    if (!group) {
      const summary = element("summary", { attrs: { "data-testid": "choice-group-summary" } });
      const details = element("details", { className: "choice-group", attrs: { "data-testid": "choice-group" } }, [summary]);
      group = { details, summary, label, items: [] };
      byLabel.set(label, group);
      groups.push(group);
    }
    const box = checkbox(nextId(`${id}-option`), name, option.value, ticked.has(option.value));
    if (invalid) box.setAttribute("aria-invalid", "true");
    const node = element("div", { className: "choice" }, [box, element("label", { text: option.label, attrs: { for: box.id } })]);
    group.items.push({ node, box, text: option.label.toLowerCase() });
  }
  for (const group of groups) {
    const legendId = nextId(`${id}-group`);
    const fieldset = element("fieldset", { className: "choice-list", attrs: { "aria-labelledby": legendId } }, [
      element("legend", { className: "visually-hidden", text: group.label, attrs: { id: legendId } }),
      ...group.items.map((item) => item.node),
    ]);
    group.details.append(fieldset);
    group.details.open = group.items.some((item) => item.box.checked);
  }

  /** Each group's summary says how many of its needs are ticked, so a closed group still shows what is chosen. */
  const summarise = () => {
    for (const group of groups) {
      const chosen = group.items.filter((item) => item.box.checked).length;
      group.summary.textContent = chosen > 0 ? `${group.label} (${chosen} ticked)` : group.label;
    }
  };
  const applyFilter = () => {
    const words = filter.value.trim().toLowerCase();
    let shown = 0;
    for (const group of groups) {
      let matches = 0;
      for (const item of group.items) {
        const match = words === "" || item.text.includes(words);
        item.node.hidden = !match;
        if (match) matches += 1;
      }
      group.details.hidden = matches === 0;
      if (words !== "" && matches > 0) group.details.open = true;
      shown += matches;
    }
    count.textContent = words === "" ? "" : shown === 1 ? "1 need matches." : `${shown} needs match.`;
  };
  filter.addEventListener("input", applyFilter);
  // Enter in the filter must not send the whole form.
  filter.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
  for (const group of groups) for (const item of group.items) item.box.addEventListener("change", summarise);
  summarise();
  return { nodes: [filterField, ...groups.map((group) => group.details)], boxes: groups.flatMap((group) => group.items.map((item) => item.box)) };
}
