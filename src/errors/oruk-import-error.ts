import { ProblemListError } from "./problem-list-error.js";

export interface OrukProblem {
  /** Where the record was and what it is, e.g. `service_list.json contents[3] (id ac14…, "Community Counselling")`. */
  readonly record: string;
  /** The field, e.g. `organization.name`; empty for the whole record or file. */
  readonly field: string;
  readonly message: string;
}

export function formatOrukProblem(problem: OrukProblem): string {
  return problem.field ? `${problem.record}: ${problem.field}: ${problem.message}` : `${problem.record}: ${problem.message}`;
}

/**
 * An ORUK import that was refused. Imports are all-or-nothing, so this carries
 * every problem found, each naming the record (where it was in the feed, its
 * id and name) and the field. It shares DirectoryError's base (the list, the
 * message, the lines for the log), not DirectoryError itself: its problems name
 * a feed record rather than a directory file, and a refused feed leaves the live
 * directory answering, which DirectoryError's "could not be loaded" would misstate.
 */
export class OrukImportError extends ProblemListError<OrukProblem> {
  readonly code = "ORUK_IMPORT_REFUSED";
  readonly userMessage = "The Open Referral UK feed was refused: nothing was imported.";

  /** `summary`: one sentence on why the whole feed was refused (e.g. too many bad records), when it is not one problem. */
  constructor(
    problems: readonly OrukProblem[],
    readonly summary?: string,
  ) {
    super(problems, [...(summary ? [summary] : []), `${problems.length} problem(s) in the ORUK feed; nothing was imported:`], formatOrukProblem);
  }
}
