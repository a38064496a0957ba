import { expect } from "vitest";

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

export const stackTrace = /\bat .*[\\/].*:\d+|\.ts:\d+|Error:|ZodError|node_modules/;

/** A JSON error with its code and message, never a stack trace; a 400 says what is wrong in one sentence. */
export async function expectError(response: Response, status: number, code: string, message: RegExp): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(stackTrace);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(message);
  if (status === 400) expect(body.error.message.split(/[.!?](?:\s|$)/).filter(Boolean)).toHaveLength(1);
  return body;
}

