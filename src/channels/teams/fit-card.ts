/**
 * One card within a size budget. A real reply never comes near it, but a
 * directory record or an echoed message can hold any text, and Teams refuses a
 * message that is too big rather than cutting it. So the longest text shown
 * is halved (ending in "…") until the card fits; what a button or a choice
 * sends back is never cut, since a cut value would send something else. A card
 * that still does not fit (its buttons' own data too big) becomes a short
 * notice that part of the answer could not be shown.
 */
import { type AdaptiveCard, adaptiveCard, textBlock } from "./adaptive-card.js";
import { jsonBytes } from "./teams-limits.js";

/** Keys whose string is only shown, never sent back. */
const shownKeys = new Set(["text", "title", "label", "placeholder", "errorMessage", "fallbackText"]);

/** Text is not cut below this many characters: past that, cutting more would not be the fix. */
const shortest = 120;

export const tooLongToShow = "Part of this answer was too long to show in Teams. Please ask again, or open Signpost in a browser.";

type Shown = { holder: Record<string, unknown>; key: string };

/** Every shown string in a card, with the object and key that hold it. Facts' values are shown too. */
function shownStrings(value: unknown, inFacts = false, found: Shown[] = []): Shown[] {
  if (Array.isArray(value)) {
    for (const item of value) shownStrings(item, inFacts, found);
  } else if (value !== null && typeof value === "object") {
    const holder = value as Record<string, unknown>;
    for (const [key, inner] of Object.entries(holder)) {
      if (key === "data") continue;
      if (typeof inner === "string") {
        if (shownKeys.has(key) || (inFacts && key === "value")) found.push({ holder, key });
      } else {
        shownStrings(inner, key === "facts", found);
      }
    }
  }
  return found;
}

/** The first half of a text (whole code points), marked as cut. */
function halved(text: string): string {
  const points = Array.from(text);
  return `${points.slice(0, Math.ceil(points.length / 2)).join("").trimEnd()}…`;
}

export function fitCard(card: AdaptiveCard, budget: number): AdaptiveCard {
  if (jsonBytes(card) <= budget) return card;
  const copy = structuredClone(card);
  const shown = shownStrings(copy);
  const length = ({ holder, key }: Shown) => jsonBytes(holder[key]);
  while (jsonBytes(copy) > budget) {
    const longest = shown.reduce<Shown | undefined>((best, s) => (best && length(best) >= length(s) ? best : s), undefined);
    const text = longest ? (longest.holder[longest.key] as string) : "";
    if (!longest || text.length <= shortest) return adaptiveCard([textBlock(tooLongToShow)]);
    longest.holder[longest.key] = halved(text);
  }
  return copy;
}
