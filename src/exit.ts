/** Documented exit codes (README "Exit codes", `--help`). */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  cancelled: 130,
  terminated: 143,
} as const;

/** The command line asks for something it cannot have (a conflict, a missing value): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The input or the output fails as a whole (binary input, a full disk): exit 1. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
