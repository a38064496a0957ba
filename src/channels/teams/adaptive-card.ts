/**
 * The few Adaptive Card elements Signpost builds, typed, with small
 * constructors. Version 1.5 at most (what Teams supports on desktop and
 * mobile); only properties the 1.5 schema defines (no `msteams` extras), so
 * every card validates against ../shared/fixtures/schema/adaptive-cards.
 */
import { plainText } from "./plain-text.js";

export const adaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
export const adaptiveCardVersion = "1.5";

export interface TextBlock {
  readonly type: "TextBlock";
  readonly text: string;
  readonly wrap: true;
  readonly size?: "small" | "medium" | "large";
  readonly weight?: "bolder";
  readonly color?: "attention" | "good" | "accent";
  readonly isSubtle?: boolean;
  readonly spacing?: "none" | "small" | "medium";
  readonly separator?: boolean;
}

export interface FactSet {
  readonly type: "FactSet";
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface Container {
  readonly type: "Container";
  readonly items: readonly CardElement[];
  readonly style?: "attention" | "emphasis" | "good";
  readonly separator?: boolean;
  readonly spacing?: "medium";
}

export type CardAction =
  | { readonly type: "Action.Submit"; readonly title: string; readonly data: SubmitData; readonly style?: "positive" }
  | { readonly type: "Action.Execute"; readonly title: string; readonly verb: string; readonly data: SubmitData; readonly style?: "positive" }
  | { readonly type: "Action.OpenUrl"; readonly title: string; readonly url: string };

export interface ActionSet {
  readonly type: "ActionSet";
  readonly actions: readonly CardAction[];
}

export interface InputCommon {
  readonly id: string;
  readonly label?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export type Input =
  | (InputCommon & { readonly type: "Input.Text"; readonly isMultiline?: boolean; readonly maxLength: number; readonly placeholder?: string; readonly value?: string })
  | (InputCommon & {
      readonly type: "Input.ChoiceSet";
      readonly style: "compact" | "expanded";
      readonly isMultiSelect?: boolean;
      readonly choices: readonly { readonly title: string; readonly value: string }[];
      readonly value?: string;
      readonly wrap: true;
    })
  | (InputCommon & { readonly type: "Input.Toggle"; readonly title: string; readonly valueOn: "true"; readonly valueOff: "false"; readonly value: "true" | "false"; readonly wrap: true });

export type CardElement = TextBlock | FactSet | Container | ActionSet | Input;

/** What every Signpost button carries back: the core's action, and a route when the card was sent privately. */
export interface SubmitData {
  readonly signpost: { readonly id: string; readonly value: string; readonly route?: string };
}

export interface AdaptiveCard {
  readonly type: "AdaptiveCard";
  readonly $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  readonly version: typeof adaptiveCardVersion;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly fallbackText?: string;
}

export function adaptiveCard(body: readonly CardElement[], actions: readonly CardAction[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: adaptiveCardVersion,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** A TextBlock for text Signpost did not write itself: markdown is neutralised, so it shows as typed. */
export function textBlock(text: string, style: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock {
  return { type: "TextBlock", text: plainText(text), wrap: true, ...style };
}

/** One TextBlock per line: TextBlock markdown joins single line breaks, so each line gets its own block. */
export function paragraphBlocks(paragraph: string, style: Omit<TextBlock, "type" | "text" | "wrap"> = {}): TextBlock[] {
  return paragraph
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => textBlock(line, index === 0 ? style : { ...style, spacing: "none" }));
}

export function facts(pairs: readonly (readonly [string, string | undefined])[]): FactSet {
  return {
    type: "FactSet",
    facts: pairs.filter((pair): pair is readonly [string, string] => Boolean(pair[1]?.trim())).map(([title, value]) => ({ title: plainText(title), value: plainText(value) })),
  };
}
