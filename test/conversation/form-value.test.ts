import { describe, expect, it } from "vitest";
import { formValue, readFormValue } from "../../src/conversation/form-value.js";

describe("form values", () => {
  it("say which form they came from and what it is about, and read back the same", () => {
    expect(formValue({ form: "referral", dialogId: "3f0c6b1e" })).toBe("referral:3f0c6b1e");
    expect(formValue({ form: "report_outdated", serviceId: "lightbulb-adaptations" })).toBe("report_outdated:lightbulb-adaptations");
    expect(readFormValue("referral:3f0c6b1e")).toEqual({ form: "referral", dialogId: "3f0c6b1e" });
    expect(readFormValue("report_outdated:a:b")).toEqual({ form: "report_outdated", serviceId: "a:b" });
  });

  it.each(["lightbulb-adaptations", "3f0c6b1e-0000-4000-8000-000000000000", "survey:1", "referral:", ":x", ""])("reads %j as no form of Signpost's", (value) => {
    expect(readFormValue(value)).toBeUndefined();
  });
});
