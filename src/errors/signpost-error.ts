/**
 * The root of Signpost's error hierarchy. Every error we raise on purpose has a
 * stable `code` (for logs, metrics and tests) and a `userMessage`: one clear
 * sentence that is safe to show to staff. The `message` is for operators and may
 * name files and fields, but never personal data.
 */
export abstract class SignpostError extends Error {
  abstract readonly code: string;
  abstract readonly userMessage: string;
  /** The HTTP status an API answers with when this error ends a request. */
  readonly httpStatus: number = 500;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Narrows an unknown thrown value to a SignpostError. */
export function isSignpostError(error: unknown): error is SignpostError {
  return error instanceof SignpostError;
}
