import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { EXIT } from './exit.js';
import { DataError } from '../errors.js';
import type { Io } from './io.js';
import { run } from './program.js';

// The executable: wires the real process to `run()`. Everything testable lives in program.ts.
// Built as CommonJS (dist/cli.cjs): a CommonJS script compiles lazily, an ES module all at once.

main();

function main(): void {
  // Made when first asked for (a batch, a prompt) or at a signal: AbortController loads Node's
  // event-target modules, about half a millisecond that a --json run does not need.
  let controller: AbortController | undefined;
  const aborter = (): AbortController => (controller ??= new AbortController());
  let signalCode: number | undefined;

  function onSignal(code: number): void {
    if (signalCode !== undefined) process.exit(code); // a second Ctrl+C: stop now
    signalCode = code;
    aborter().abort(code); // the reason tells long work which code to end with (130/143)
    // Work that watches the signal stops within milliseconds; this is only a backstop.
    setTimeout(() => process.exit(code), 3000).unref();
  }
  process.on('SIGINT', () => onSignal(EXIT.cancelled));
  process.on('SIGTERM', () => onSignal(EXIT.terminated));

  // process.stdout is a getter that builds a stream (about 3 ms: net, stream, a pipe handle), so
  // it is created only when something needs a stream: batch, help, a table's terminal width.
  let stream: NodeJS.WriteStream | undefined;
  function realStdout(): NodeJS.WriteStream {
    if (stream === undefined) {
      stream = process.stdout;
      // Output piped into `head` and closed early: stop quietly, as a shell pipeline expects.
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(signalCode ?? EXIT.ok);
        // Any other failure (a full disk, /dev/full, EIO): one line, not a stack trace.
        sayLast(`ml-salary: error: ${cannotWrite(error)}\n`);
        process.exit(EXIT.data);
      });
    }
    return stream;
  }

  let errStream: NodeJS.WriteStream | undefined;
  function realStderr(): NodeJS.WriteStream {
    if (errStream === undefined) {
      errStream = process.stderr;
      // A message that cannot be written (2>/dev/full, a closed pipe) is lost, not a crash with
      // Node's unhandled 'error' (exit 1): the exit code still says what happened.
      errStream.on('error', () => {});
    }
    return errStream;
  }

  /**
   * A message to stderr, straight to fd 2 while no stream exists (an error line needs none: the
   * stream costs a few milliseconds of start-up), else through the stream to keep the order. A
   * message stderr cannot take (2>/dev/full, a closed pipe) is lost: the exit code says it.
   */
  function writeAllErr(text: string): void {
    if (errStream !== undefined) {
      errStream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(2, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        realStderr().write(bytes.subarray(done));
      }
    }
  }

  /** A last line on stderr before exiting, if stderr takes it. */
  function sayLast(line: string): void {
    try {
      writeSync(2, line);
    } catch {
      // stderr is full or closed too: the exit code is all that is left to say it
    }
  }

  let tty: boolean | undefined;

  /**
   * A command's whole output (an estimate, a list) goes straight to fd 1 with fs.writeSync, unless
   * the stream exists already (keeping output in order). A full non-blocking pipe (EAGAIN) hands
   * the rest to the stream, which waits; a closed pipe (EPIPE) ends the output quietly.
   */
  function writeAll(text: string): void {
    if (stream !== undefined) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') realStdout().write(bytes.subarray(done));
      else if (code !== 'EPIPE') throw new DataError(cannotWrite(error));
    }
  }

  function cannotWrite(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const reason =
      code === 'ENOSPC'
        ? 'no space left on device'
        : error instanceof Error
          ? error.message
          : String(error);
    return `cannot write the output: ${reason}`;
  }

  // Everything else (write, on, removeListener, columns, ...) is the real stream's, created on
  // first use. isTTY asks the fd, without a stream.
  const stdout = new Proxy({} as Io['stdout'], {
    get(_target, key) {
      if (key === 'writeAll') return writeAll;
      if (key === 'isTTY') return (tty ??= stream?.isTTY ?? isatty(1));
      const s = realStdout();
      const value: unknown = Reflect.get(s, key, s);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
  });

  const stderr = new Proxy({} as Io['stderr'], {
    get(_target, key) {
      if (key === 'writeAll') return writeAllErr;
      const s = realStderr();
      const value: unknown = Reflect.get(s, key, s);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(s) : value;
    },
  });

  // stdin and the streams are made when first used: a --json run, a --version or a usage error
  // creates none.
  void run(process.argv.slice(2), {
    get stdin() {
      return process.stdin;
    },
    stdout,
    stderr,
    env: process.env,
    get signal() {
      return aborter().signal;
    },
  }).then((code) => {
    process.exitCode = signalCode ?? code;
  });
}
