// The streams and environment the program talks to: the CLI passes the process's (cli.ts),
// tests pass fakes (tests/helpers.ts). Nothing here imports the rest of the program.

export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  /**
   * Optional: write a command's whole output, at once. The CLI writes it synchronously without
   * creating process.stdout's stream (start-up time); without it, `write` is used.
   */
  writeAll?(text: string): void;
  isTTY?: boolean;
  columns?: number;
}

/** The world the program talks to. */
export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: OutStream & NodeJS.WritableStream;
  stderr: OutStream & NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /**
   * Aborted on SIGINT/SIGTERM by the CLI, so long work can stop and say why; the abort reason
   * is the exit code to end with (130 for SIGINT, 143 for SIGTERM).
   */
  signal?: AbortSignal;
}

/** A command's whole output to stdout (not batch's: that streams, with backpressure). */
export function print(io: Io, text: string): void {
  if (io.stdout.writeAll) io.stdout.writeAll(text);
  else io.stdout.write(text);
}

/** A message to stderr (an error line, help for a mistake): as `print`, without a stream. */
export function printErr(io: Io, text: string): void {
  if (io.stderr.writeAll) io.stderr.writeAll(text);
  else io.stderr.write(text);
}

/** The width to lay text out to: the terminal's, or 0 (never wrap) when stdout is not one. */
export function outputWidth(io: Io): number {
  return io.stdout.isTTY ? (io.stdout.columns ?? 80) : 0;
}
