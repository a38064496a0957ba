import { describe, expect, it } from "vitest";
import { adaptiveCard, facts, textBlock } from "../../../src/channels/teams/adaptive-card.js";
import { submitAction } from "../../../src/channels/teams/card-action.js";
import { fitCard, tooLongToShow } from "../../../src/channels/teams/fit-card.js";
import { jsonBytes } from "../../../src/channels/teams/teams-limits.js";

const budget = 4096;

describe("fitting a card to a size", () => {
  it("leaves a card that fits as it is", () => {
    const card = adaptiveCard([textBlock("Age UK Leicester Shire & Rutland")]);
    expect(fitCard(card, budget)).toBe(card);
  });

  it("halves the longest shown text until the card fits, and marks it cut", () => {
    const long = "Weekly lunch club with transport. ".repeat(400);
    const card = adaptiveCard([textBlock("Lunch club", { weight: "bolder" }), textBlock(long), facts([["How to refer", "Phone first"]])]);
    const fitted = fitCard(card, budget);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(budget);
    const texts = fitted.body.map((element) => (element.type === "TextBlock" ? element.text : ""));
    expect(texts[0]).toBe("Lunch club");
    expect(texts[1]).toMatch(/^Weekly lunch club with transport\..*…$/s);
    expect(fitted.body[2]).toEqual(card.body[2]);
  });

  it("cuts a fact's value but never what a button sends back", () => {
    const value = "svc-".repeat(300);
    const card = adaptiveCard([facts([["Notes", "x".repeat(20_000)]])], [submitAction({ id: "details", label: "More about this", value })]);
    const fitted = fitCard(card, budget);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(budget);
    expect(fitted.actions?.[0]).toEqual(card.actions?.[0]);
  });

  it("becomes a notice when what its buttons send back is itself too big", () => {
    const card = adaptiveCard([textBlock("Lunch club")], [submitAction({ id: "details", label: "More", value: "v".repeat(10_000) })]);
    const fitted = fitCard(card, budget);
    expect(fitted.body).toEqual([textBlock(tooLongToShow)]);
    expect(fitted.actions).toBeUndefined();
  });
});
