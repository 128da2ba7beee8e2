// The executable: wires the real process to `run()` (program.ts holds everything testable).
import { writeSync } from 'node:fs';
import { DataError } from '../errors.js';
import { EXIT } from './exit.js';
import { run } from './program.js';

const controller = new AbortController();
let signalCode: number | undefined;

function onSignal(code: number): void {
  if (signalCode !== undefined) process.exit(code); // a second Ctrl+C: stop now
  signalCode = code;
  controller.abort(code); // the reason tells long work which code to end with (130/143)
  // Work that watches the signal stops within milliseconds; this is only a backstop.
  setTimeout(() => process.exit(code), 3000).unref();
}
process.on('SIGINT', () => onSignal(EXIT.cancelled));
process.on('SIGTERM', () => onSignal(EXIT.terminated));

function cannotWrite(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'ENOSPC' ? 'no space left on device' : (error as Error).message;
  return `cannot write the output: ${reason}`;
}

// The streams are built when first used (a prompt, a batch, a table's width): process.stdout is a
// getter that builds one (net, stream, a pipe handle: a few milliseconds a --json run skips).
let stdout: NodeJS.WriteStream | undefined;
function outStream(): NodeJS.WriteStream {
  if (stdout) return stdout;
  stdout = process.stdout;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    // Output piped into `head` and closed early: stop quietly, as a shell pipeline expects.
    if (error.code === 'EPIPE') process.exit(signalCode ?? EXIT.ok);
    // Any other failure (a full disk, /dev/full, EIO): one line, not a stack trace.
    sayLast(`ml-salary: error: ${cannotWrite(error)}\n`);
    process.exit(EXIT.data);
  });
  return stdout;
}
let stderr: NodeJS.WriteStream | undefined;
function errStream(): NodeJS.WriteStream {
  // A message stderr cannot take (2>/dev/full, a closed pipe) is lost, not a crash: the exit
  // code still says what happened.
  return (stderr ??= process.stderr.on('error', () => {}));
}

/** A last line on stderr before exiting, if stderr takes it. */
function sayLast(line: string): void {
  try {
    writeSync(2, line);
  } catch {
    // stderr is full or closed too: the exit code is all that is left to say it
  }
}

/**
 * A whole output, straight to the file descriptor while no stream exists (else through the
 * stream, to keep the order). A full non-blocking pipe (EAGAIN) hands the rest to the stream,
 * which waits; a closed pipe (EPIPE) ends the output quietly.
 */
function writeAll(fd: 1 | 2, text: string): void {
  const stream = fd === 1 ? stdout : stderr;
  if (stream) return void stream.write(text);
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') (fd === 1 ? outStream() : errStream()).write(bytes.subarray(done));
    else if (fd === 1 && code !== 'EPIPE') throw new DataError(cannotWrite(error));
  }
}

void run(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  get stdout() {
    return outStream();
  },
  get stderr() {
    return errStream();
  },
  writeOut: (text) => writeAll(1, text),
  writeErr: (text) => writeAll(2, text),
  env: process.env,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = signalCode ?? code;
});
