import { ProblemListError } from "./problem-list-error.js";

/** One problem in one directory file, located as precisely as we can. */
export interface DirectoryProblem {
  /** Path relative to the project, e.g. `directory/services/vcs/wreake-valley.yaml`. */
  readonly file: string;
  /** Where in the file, e.g. `services[3].needs[1]`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

export function formatProblem(problem: DirectoryProblem): string {
  return problem.path ? `${problem.file}: ${problem.path}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/** The directory data is invalid; nothing is loaded until every problem is fixed. */
export class DirectoryError extends ProblemListError<DirectoryProblem> {
  readonly code = "DIRECTORY_INVALID";
  readonly userMessage = "The service directory could not be loaded. Please contact the administrator.";

  constructor(problems: readonly DirectoryProblem[]) {
    super(problems, [`${problems.length} problem(s) in the directory:`], formatProblem);
  }
}
