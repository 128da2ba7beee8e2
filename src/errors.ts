/**
 * A bad value for one input: `field` names it as the user named it (`--city`, or `city` in a
 * batch record). Thrown by the estimator, the profile resolver and the parsers alike. It knows
 * nothing of the command line: where it becomes output decides what it means (exit 2 for a
 * flag, one `line N:` report for a batch record).
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
