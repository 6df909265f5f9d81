/**
 * What every subcommand of the `cdk8s-istio` CLI implements, and the error type that ends a run
 * with a message instead of a stack trace.
 */

/** Where a command writes; tests pass collectors, the binary passes process.stdout/stderr. */
export interface CliIo {
  /** Writes to standard output (text is written as given: include the newline). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (text is written as given: include the newline). */
  readonly stderr: (text: string) => void;
}

/** One subcommand, e.g. `validate`. */
export interface Command {
  /** One line for the command list in `cdk8s-istio --help`. */
  readonly summary: string;
  /** The usage line, printed after a usage error. */
  readonly usage: string;
  /** Full help text of the command (`cdk8s-istio <command> --help`). */
  readonly help: string;
  /** Runs the command with the arguments after its name; returns the exit status. */
  run(args: readonly string[], io: CliIo): number;
}

/** Exit statuses shared by all commands (contract 3 in CONTRIBUTING.md). */
export const ExitStatus = {
  /** Nothing wrong (warnings allowed). */
  OK: 0,
  /** At least one error diagnostic. */
  ERRORS: 1,
  /** Usage error, unreadable input, syntax error: the check could not run. */
  CANNOT_RUN: 2,
} as const;

/**
 * A problem that stops a command before it can do its job (bad usage, unreadable file, syntax error).
 * The message is printed as is on stderr, so it already names the file (and line) it is about.
 */
export class CliError extends Error {
  constructor(message: string, public readonly exitStatus: number = ExitStatus.CANNOT_RUN) {
    super(message);
    this.name = 'CliError';
  }
}

/** A usage error: the message, then the command's usage line. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The message of anything thrown (`instanceof Error` fails for errors of another realm, e.g. Node's under jest). */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
