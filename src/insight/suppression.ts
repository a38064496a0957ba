/**
 * Small-number suppression, as NHS statistics publish counts about people:
 * a count from 1 to 4 is shown as "<5" (primary suppression). Where a row's
 * total is shown, a single hidden cell could be worked out by subtraction,
 * so the next smallest count is hidden too and shown as "*" (secondary
 * suppression: it is not small, so "<5" would be untrue); when no other count
 * can hide it, the total is hidden instead. Zero is shown: it names nobody.
 */
export const suppressed = "<5";
export const hiddenToProtect = "*";
export type Shown = number | typeof suppressed | typeof hiddenToProtect;

/** Below this a count about people is not shown. */
export const smallestShown = 5;

export const suppressionNote = "Counts from 1 to 4 are shown as <5. A count shown as * is hidden so that a <5 cannot be worked out from the total.";

export function isSmall(count: number): boolean {
  return count > 0 && count < smallestShown;
}

/** One row of counts, primary suppression only (no total is shown beside them). */
export function suppressCells(counts: readonly number[]): Shown[] {
  return counts.map((count) => (isSmall(count) ? suppressed : count));
}

/**
 * One row of counts with its total: primary suppression, then secondary so
 * that no hidden cell can be worked out from the total and the cells shown.
 */
export function suppressWithTotal(counts: readonly number[]): { readonly cells: Shown[]; readonly total: Shown } {
  const total = counts.reduce((sum, count) => sum + count, 0);
  const cells: Shown[] = suppressCells(counts);
  if (isSmall(total)) return { cells, total: suppressed };
  if (cells.filter((cell) => cell === suppressed).length === 1) {
    // The smallest count still shown that is not zero (hiding a zero would hide nothing).
    let next = -1;
    counts.forEach((count, i) => {
      if (cells[i] !== suppressed && count > 0 && (next === -1 || count < (counts[next] ?? Infinity))) next = i;
    });
    if (next === -1) return { cells, total: hiddenToProtect };
    cells[next] = hiddenToProtect;
  }
  return { cells, total };
}
