/**
 * Prints the `outside:` labels of the blind rounds whose first run is recorded (sealed rounds are
 * not read), each with how often it occurs and the need it now counts as (scripts/lib/outside-label-needs.ts),
 * or "still outside":
 *   npx tsx scripts/list-outside-labels.ts
 * Only the labels are printed, never a case's text or other labels: this is how the table of
 * outside labels that name a need was built and is reviewed.
 */
import { readBlindSets } from "./lib/blind-sets.js";
import { outsideLabelNeeds } from "./lib/outside-label-needs.js";

const counts = new Map<string, number>();
for (const set of readBlindSets(undefined, "open")) {
  for (const c of set.cases) for (const label of c.outside) counts.set(label, (counts.get(label) ?? 0) + 1);
}
const rows = [...counts].sort(([a], [b]) => a.localeCompare(b));
const counted = (label: string) => outsideLabelNeeds(label).join(", ") || "still outside";
for (const [label, count] of rows) process.stdout.write(`${String(count).padStart(3)}  ${label}  ->  ${counted(label)}\n`);
process.stdout.write(`${rows.length} distinct labels; ${rows.filter(([label]) => outsideLabelNeeds(label).length === 0).length} still outside\n`);
