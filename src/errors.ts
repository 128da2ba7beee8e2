// The errors every layer throws. Each is recognised by its name, not by which copy of this module
// made it: the CLI's lazily loaded parts (dist/lazy/, see scripts/build.mjs) carry their own copy,
// and an error thrown there must still be an InputError to the one handler in cli/program.ts.
const named = (name: string) => (value: unknown) => value instanceof Error && value.name === name;

/**
 * A bad value for one input: `field` names it as the user named it (`--city`, or `city` in a
 * batch record). Thrown by the estimator, the profile resolver and the parsers alike. It knows
 * nothing of the command line: where it becomes output decides what it means (exit 2 for a
 * flag, one `line N:` report for a batch record).
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
  static override [Symbol.hasInstance] = named('InputError');
}

/** The command line asks for something it cannot have (a conflict, a missing value): exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  static override [Symbol.hasInstance] = named('UsageError');
}

/** The input or the output fails as a whole (binary input, a full disk): exit 1. */
export class DataError extends Error {
  override name = 'DataError';
  static override [Symbol.hasInstance] = named('DataError');
}

/**
 * The run was stopped by SIGINT or SIGTERM while it waited (on a FIFO, a quiet pipe): the CLI
 * ends with the code the signal asks for (130, 143), its abort reason.
 */
export class StoppedError extends Error {
  override name = 'StoppedError';
  constructor() {
    super('stopped by a signal');
  }
  static override [Symbol.hasInstance] = named('StoppedError');
}
