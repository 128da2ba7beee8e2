/** Documented exit codes (README "Exit codes", `--help`). */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  cancelled: 130,
  terminated: 143,
} as const;

/** An expected failure: one line for stderr and the exit code to end with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A bad value for one input, named the way the user named it (flag or record field). */
export class InputError extends CliError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message, EXIT.usage);
    this.name = 'InputError';
  }
}
