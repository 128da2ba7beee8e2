// The streams and environment the program talks to: the CLI passes the process's (main.ts),
// tests pass fakes (tests/helpers.ts). Nothing here imports the rest of the program.

/** The world the program talks to. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /**
   * Optional: write a command's whole output (or an error line) at once. The CLI writes it to
   * the file descriptor without building process.stdout's stream; without it, `write` is used.
   */
  writeOut?(text: string): void;
  writeErr?(text: string): void;
  env: Record<string, string | undefined>;
  /**
   * Aborted on SIGINT/SIGTERM by the CLI, so long work can stop and say why; the abort reason
   * is the exit code to end with (130 for SIGINT, 143 for SIGTERM).
   */
  signal?: AbortSignal;
}

/** A command's whole output to stdout (not batch's: that streams, with backpressure). */
export function print(io: Io, text: string): void {
  if (io.writeOut) io.writeOut(text);
  else io.stdout.write(text);
}

/** A message to stderr (an error line, help for a mistake). */
export function printErr(io: Io, text: string): void {
  if (io.writeErr) io.writeErr(text);
  else io.stderr.write(text);
}

/** Notes about the input (an old name that still works): one "ml-salary: note:" line each, on stderr. */
export function printNotes(io: Io, notes: readonly string[]): void {
  for (const note of new Set(notes)) printErr(io, `ml-salary: note: ${note}\n`);
}

/** The width to lay text out to: the terminal's, or 0 (never wrap) when stdout is not one. */
export function outputWidth(io: Io): number {
  return io.stdout.isTTY ? (io.stdout.columns ?? 80) : 0;
}
