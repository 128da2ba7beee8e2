import { EXIT } from './errors.js';
import { run } from './program.js';

// The executable: wires the real process to `run()`. Everything testable lives in program.ts.

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

// Output piped into `head` and closed early: stop quietly, as a shell pipeline expects.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(signalCode ?? EXIT.ok);
  throw error;
});

// No top-level await: bin/ml-salary.js loads this bundle with require(), which starts quicker
// than an ESM entry point, and require() refuses a module that awaits at top level.
// stdin and stderr are looked up when first used: a --json run never creates those streams.
void run(process.argv.slice(2), {
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  get stderr() {
    return process.stderr;
  },
  env: process.env,
  signal: controller.signal,
}).then((code) => {
  process.exitCode = signalCode ?? code;
});
