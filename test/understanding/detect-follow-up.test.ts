import { describe, expect, it } from "vitest";
import { detectFollowUp } from "../../src/understanding/detect-follow-up.js";

describe("detectFollowUp", () => {
  it.each(["show more", "more", "any more?", "any others", "show me more please", "next", "what else"])("%s is show more", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });

  it.each([
    ["tell me more about the second one", 2],
    ["more about the 1st", 1],
    ["details of 3", 3],
    ["number 4", 4],
    ["the last one", -1],
    ["what about the third one", 3],
  ])("%s is details of %i", (text, position) => {
    expect(detectFollowUp(text)).toEqual({ kind: "details", position });
  });

  it.each(["lonely gent in Loughborough who wants more company", "more help with heating bills in Hinckley please for mrs p", "refer him", "hello", ""])(
    "%j is not a follow-up",
    (text) => {
      expect(detectFollowUp(text)).toBeUndefined();
    },
  );
});
