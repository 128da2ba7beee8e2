import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { scratch } from '../batch-helpers.js';
import { BIN, ROOT } from '../helpers.js';

// SIGINT and SIGTERM end a batch within a second, with its summary, whatever it reads from and
// while the writer keeps its end open (so only the signal can end the read). Before, a FIFO or a
// pipe given as a path was read through libuv's thread pool, whose blocked read() no signal
// interrupts: the run ended only when the writer wrote or closed, without a summary.

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const RECORDS = ['{"years": 3, "city": "sf"}', '{"years": 7}'];
const FEED = `${RECORDS.join('\n')}\n`;

/** Things to undo after each test: writers to kill, descriptors to close, folders to remove. */
const undo: (() => void)[] = [];
afterEach(() => {
  for (const u of undo.splice(0).reverse()) u();
});

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout holds `n` lines. */
  lines: (n: number) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[], stdin: number | 'pipe'): Started {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  undo.push(() => child.kill('SIGKILL'));
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    for (const w of waiters.splice(0)) w();
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const count = (): number => out.split('\n').length - 1;
  const lines = async (n: number): Promise<void> => {
    while (count() < n) {
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exit]);
      if (child.exitCode !== null) throw new Error(`exited early: ${err}`);
    }
  };
  return { child, stdout: () => out, stderr: () => err, lines, exit };
}

/** A new FIFO in a scratch folder. */
function fifo(): string {
  const tmp = scratch();
  undo.push(tmp.done);
  const path = join(tmp.dir, 'profiles.fifo');
  spawnSync('sh', ['-c', 'mkfifo "$0"', path]); // through sh: knip takes a bare name for a package binary
  return path;
}

/** A shell that opens `path` for writing, writes `text` and keeps the FIFO open; resolves once open. */
async function writer(path: string, text: string): Promise<void> {
  const sh = spawn(
    'sh',
    ['-c', 'exec 3>"$0"; printf %s "$1" >&3; echo open; exec sleep 60', path, text],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  undo.push(() => sh.kill('SIGKILL'));
  await new Promise<void>((resolve) => sh.stdout.once('data', () => resolve()));
}

const SIGNALS = [
  ['SIGINT', 130, 'interrupted'],
  ['SIGTERM', 143, 'terminated'],
] as const;

/** Send `sig`, and check the exit code, the summary, whole lines and that it took under 1 s. */
async function stops(
  run: Started,
  sig: NodeJS.Signals,
  code: number,
  word: string,
  records: number,
) {
  const sent = performance.now();
  run.child.kill(sig);
  const exit = await run.exit;
  const ms = performance.now() - sent;
  expect(exit).toEqual({ code, signal: null });
  expect(ms).toBeLessThan(1000);
  const n = `${records} record${records === 1 ? '' : 's'}`;
  expect(run.stderr()).toBe(`ml-salary batch: ${word}; ${n} read: ${records} estimated, 0 bad\n`);
  const out = run.stdout();
  expect(out === '' || out.endsWith('\n')).toBe(true);
  expect(
    out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l).line),
  ).toEqual(Array.from({ length: records }, (_, i) => i + 1));
}

describe.skipIf(!hasMkfifo)(
  'signals stop a batch reading a FIFO whose writer stays open (needs mkfifo)',
  () => {
    it.each(SIGNALS)('%s: a FIFO given as a path (exit %s)', async (sig, code, word) => {
      const path = fifo();
      const run = start(['batch', path], 'pipe');
      await writer(path, FEED);
      await run.lines(2);
      await stops(run, sig, code, word, 2);
    });

    it.each(SIGNALS)(
      '%s: a FIFO that no one has written to yet (exit %s)',
      async (sig, code, word) => {
        const path = fifo();
        const run = start(['batch', path], 'pipe');
        await writer(path, ''); // open once the batch has it open too: the batch is waiting to read
        await stops(run, sig, code, word, 0);
      },
    );

    it.each(SIGNALS)(
      '%s: /dev/stdin given as a path, stdin a pipe (exit %s)',
      async (sig, code, word) => {
        const path = fifo();
        // A FIFO opened at both ends here, its read end the child's stdin: a kernel pipe, as a shell's `|`.
        const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
        const write = openSync(path, 'w');
        undo.push(() => closeSync(write));
        const run = start(['batch', '/dev/stdin'], read);
        closeSync(read);
        writeSync(write, FEED);
        await run.lines(2);
        await stops(run, sig, code, word, 2);
      },
    );
  },
);

describe('signals stop a batch reading a socket that stays open', () => {
  it.each(SIGNALS)(
    "%s: /dev/stdin given as a path, stdin Node's socket pair (exit %s)",
    async (sig, code, word) => {
      // /dev/stdin on a socket cannot be opened (ENXIO): the batch reads stdin itself.
      const run = start(['batch', '/dev/stdin'], 'pipe');
      run.child.stdin!.write(FEED);
      await run.lines(2);
      await stops(run, sig, code, word, 2);
    },
  );
});
