import { SignpostError } from "./signpost-error.js";

/**
 * Refused as a whole, with every problem found, each located (a directory file
 * and a field in it, a feed record and a field in it). The message shows the
 * first 20 under a heading; `problemLines()` gives every one, for the
 * maintainers and the log (describe-failure.ts).
 */
export abstract class ProblemListError<Problem> extends SignpostError {
  constructor(
    readonly problems: readonly Problem[],
    heading: readonly string[],
    private readonly format: (problem: Problem) => string,
  ) {
    const shown = problems.slice(0, 20).map(format);
    const more = problems.length > 20 ? [`...and ${problems.length - 20} more problems`] : [];
    super([...heading, ...shown, ...more].join("\n"));
  }

  /** Every problem, one line each. */
  problemLines(): string[] {
    return this.problems.map(this.format);
  }
}
