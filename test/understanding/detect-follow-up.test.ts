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

  // After round 20: "more like that", and a question about one of the list.
  it.each(["any more like that?", "more like these please", "show me more like them"])("%s is show more", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });

  it.each([
    ["the 2nd one - do they do home visits?", 2],
    ["the first one, is it free", 1],
    ["last one when does it meet", -1],
  ])("%s is details of %i", (text, position) => {
    expect(detectFollowUp(text)).toEqual({ kind: "details", position });
  });

  it.each(["the first one is closed now", "the second one has moved, is it still free"])("%j is not a follow-up but a report", (text) => {
    expect(detectFollowUp(text)).toBeUndefined();
  });

  it.each(["any closer than those?", "any cheaper than these"])("%s is show more (after round 21)", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });

  it.each(["go on then, next few", "ok any more like those but closer?", "the next page please"])("%s is show more (after round 22)", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });

  it.each(["anyone nearer to him?", "something cheaper?", "anywhere more local for her"])("%s is show more (after round 25)", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });

  it.each(["same but for Oakham please", "the same for Coalville"])("%s is show more (after round 27)", (text) => {
    expect(detectFollowUp(text)).toEqual({ kind: "show_more" });
  });
});
