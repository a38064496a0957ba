// Turns the first zod issue on a chat request into one sentence a developer can
// act on, naming the field ("conversationId: must not be empty."). Built from the
// issue's code and the field's path, never from the value sent, so nothing a
// person typed is echoed back.
import type { z } from "zod";

export function describeValidationIssue(issue: z.core.$ZodIssue | undefined, body: Readonly<Record<string, unknown>>): string {
  if (!issue) return "The message is not valid.";
  // A bad record key is named by where it is, not by the key itself (which the client chose).
  const path = issue.code === "invalid_key" ? issue.path.slice(0, -1) : issue.path;
  const field = path.map(String).join(".");
  const problem = explain(issue, valueAt(body, issue.path) === undefined);
  return field ? `${field}: ${problem}.` : `${capitalise(problem)}.`;
}

function explain(issue: z.core.$ZodIssue, missing: boolean): string {
  switch (issue.code) {
    case "invalid_type":
      return missing ? "is required" : `must be ${withArticle(issue.expected)}`;
    case "too_small":
      return issue.origin === "string" && Number(issue.minimum) <= 1 ? "must not be empty" : withoutPeriod(issue.message);
    case "too_big":
      return issue.origin === "string" ? `must be at most ${String(issue.maximum)} characters` : withoutPeriod(issue.message);
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_key":
      return "has a field name longer than 100 characters";
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}: send conversationId, and text or action`;
    default:
      return withoutPeriod(issue.message);
  }
}

function valueAt(body: Readonly<Record<string, unknown>>, path: readonly PropertyKey[]): unknown {
  let value: unknown = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null || typeof key === "symbol") return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function withArticle(expected: string): string {
  const noun = expected === "record" ? "object" : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function withoutPeriod(text: string): string {
  return text.replace(/\.+$/, "");
}
