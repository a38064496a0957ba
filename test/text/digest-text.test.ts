import { describe, expect, it } from "vitest";
import { cutList, plural, quoteTyped } from "../../src/text/digest-text.js";
import { syntheticNhsNumber } from "../support/synthetic-nhs-number.js";

describe("cutList", () => {
  it("keeps a short list whole and says how many were cut from a long one", () => {
    const more = (left: number) => `and ${left} more`;
    expect(cutList(["a", "b"], 2, more)).toEqual(["a", "b"]);
    expect(cutList(["a", "b", "c", "d"], 2, more)).toEqual(["a", "b", "and 2 more"]);
    expect(cutList([], 2, more)).toEqual([]);
  });
});

describe("plural", () => {
  it("counts one and many", () => {
    expect(plural(1, "service")).toBe("1 service");
    expect(plural(0, "service")).toBe("0 services");
    expect(plural(3, "more provider")).toBe("3 more providers");
  });
});

describe("quoteTyped", () => {
  it("puts what was typed on one line, trimmed", () => {
    expect(quoteTyped("  Closed on Tuesdays\n\n- now Wednesdays\t ")).toBe("Closed on Tuesdays - now Wednesdays");
  });

  it("cuts a long report and says so with an ellipsis", () => {
    const quoted = quoteTyped("word ".repeat(200), 50);
    expect(quoted.length).toBeLessThanOrEqual(50);
    expect(quoted.endsWith("word…")).toBe(true);
  });

  it("removes anything shaped like an NHS number but keeps a service's phone number", () => {
    const nhs = syntheticNhsNumber();
    const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
    expect(quoteTyped(`client ${nhs} and ${spaced} was turned away`)).toBe("client [number removed] and [number removed] was turned away");
    expect(quoteTyped("the number is now 0116 496 0540, or +44 116 496 0541")).toBe("the number is now 0116 496 0540, or +44 116 496 0541");
  });

  it("leaves no mention or link markup for a chat app to act on", () => {
    expect(quoteTyped("<!channel> see <https://example.org|here>")).toBe("‹!channel› see ‹https://example.org|here›");
  });
});
