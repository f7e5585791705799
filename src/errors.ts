/**
 * Typed errors with an exit code and a hint. Only `src/cli/main.ts` turns them into a process exit code.
 */

/** Documented exit codes of `cogcap`. */
export const ExitCode = {
  /** Success; every threshold passed. */
  Ok: 0,
  /** A threshold or baseline comparison failed. */
  ThresholdsFailed: 1,
  /** Invalid input: bad arguments, scenario, workload or result file. */
  BadInput: 2,
  /** The target is unreachable or unsafe (guardrail refusal, circuit breaker). */
  TargetUnavailable: 3,
  /** The run was interrupted (SIGINT/SIGTERM) after writing partial results. */
  Interrupted: 130,
  /** Internal fault (a bug): please report it. */
  Internal: 70,
} as const;

/** One exit code of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One problem found in an input file: where and what was expected. */
export interface InputProblem {
  /** File the problem is in, when it came from a file. */
  readonly file?: string;
  /** Field path such as `phases[2].ratePerSec`; empty for the whole document. */
  readonly path: string;
  /** What is wrong and what was expected. */
  readonly message: string;
}

/** Base class of every error the CLI reports without a stack trace. */
export class CogcapError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;
  constructor(message: string, exitCode: ExitCodeValue, hint?: string) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** Bad input: lists every problem found (file, field path, expectation). Exit code 2. */
export class InputError extends CogcapError {
  readonly problems: readonly InputProblem[];
  constructor(message: string, problems: readonly InputProblem[] = [], hint?: string) {
    super(message, ExitCode.BadInput, hint);
    this.problems = problems;
  }
}

/** The target cannot be reached or is unsafe to load. Exit code 3. */
export class TargetError extends CogcapError {
  constructor(message: string, hint?: string) {
    super(message, ExitCode.TargetUnavailable, hint);
  }
}

/** Formats problems as `file: path: message` lines. */
export function formatProblems(problems: readonly InputProblem[]): string {
  return problems
    .map((p) => `${p.file ? `${p.file}: ` : ''}${p.path ? `${p.path}: ` : ''}${p.message}`)
    .join('\n');
}
