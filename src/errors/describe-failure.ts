import { ProblemListError } from "./problem-list-error.js";

/**
 * A failure as one line for the maintainers and the log: every problem of an
 * invalid directory or a refused feed (file, record, field), else the message
 * and its cause's.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof ProblemListError) return error.problemLines().join("; ");
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${(error as Error).message}${cause}`;
}
