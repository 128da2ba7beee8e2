import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { scratch } from '../batch-helpers.js';
import { cli, expectUsageError } from '../command-helpers.js';
import { BIN, ROOT } from '../helpers.js';

// Issue 20 items 1, 2 and 10: every file a user names (offer files, --data, `-` for stdin) is read
// one way (src/input/files.ts): endless input ends at once with one line, a signal ends a read
// that waits, and encodings, duplicate keys and long labels get one clear line each.

const undo: (() => void)[] = [];
afterEach(() => {
  for (const u of undo.splice(0).reverse()) u();
});

const hasMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;
const MARKET = readFileSync(join(ROOT, 'data', 'market.json'), 'utf8');

interface Started {
  child: ChildProcess;
  /** Resolves once the program handles SIGINT and SIGTERM (tests/fixtures/signal-ready.cjs). */
  ready: Promise<void>;
  exit: Promise<{ code: number | null; stderr: string; ms: number; rssKb: number }>;
}

/** The built CLI through `sh -c` (for pipes such as `yes |`), its peak RSS probed at exit. */
function start(script: string, stdin: 'pipe' | 'ignore' | number = 'ignore'): Started {
  const tmp = scratch();
  undo.push(tmp.done);
  const rss = join(tmp.dir, 'rss');
  const started = performance.now();
  const child = spawn('sh', ['-c', script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ML: [
        process.execPath,
        ...['--require', join(ROOT, 'bench', 'rss-probe.cjs')],
        ...['--require', join(ROOT, 'tests', 'fixtures', 'signal-ready.cjs')],
        BIN,
      ].join(' '),
      ML_SALARY_BENCH_RSS: rss,
    },
    stdio: [stdin, 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  undo.push(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exit = new Promise<{ code: number | null; stderr: string; ms: number; rssKb: number }>(
    (resolve) =>
      child.on('close', (code) => {
        let rssKb = 0;
        try {
          rssKb = Number(readFileSync(rss, 'utf8'));
        } catch {
          // killed before exit
        }
        resolve({ code, stderr, ms: performance.now() - started, rssKb });
      }),
  );
  const ready = new Promise<void>((resolve) => child.stdio[3]!.once('data', () => resolve()));
  return { child, ready, exit };
}

describe('endless input ends at once, with one line, in under 100 MB', () => {
  it.each([
    [
      '$ML offer /dev/zero --no-input',
      /^ml-salary: error: \/dev\/zero looks binary \(a NUL byte at byte 1\), not text\n$/,
    ],
    [
      '$ML --years 5 --data /dev/zero --json',
      /^ml-salary: error: --data: \/dev\/zero looks binary \(a NUL byte at byte 1\), not text\n$/,
    ],
    [
      `yes '{"years":5}' | $ML offer /dev/stdin`,
      /^ml-salary: error: \/dev\/stdin is larger than 8 MiB, more than any file ml-salary reads: is it the right file\?\n$/,
    ],
    [
      `yes '{"years":5}' | $ML offer - --json`,
      /^ml-salary: error: stdin is larger than 8 MiB, more than any file ml-salary reads: is it the right file\?\n$/,
    ],
    [
      `yes '{"years":5}' | $ML --years 5 --data - --json`,
      /^ml-salary: error: --data: stdin is larger than 8 MiB/,
    ],
  ])('%s', async (script, message) => {
    const r = await start(script).exit;
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(1000 + 500); // the process's own start included
    expect(r.rssKb).toBeGreaterThan(0);
    expect(r.rssKb).toBeLessThan(100 * 1024);
  });
});

/** A new FIFO in a scratch folder. */
function fifo(): string {
  const tmp = scratch();
  undo.push(tmp.done);
  const path = join(tmp.dir, 'input.fifo');
  spawnSync('sh', ['-c', 'mkfifo "$0"', path]);
  return path;
}

/** A writer that opens the FIFO (once the CLI has it open), writes `text` and stays open. */
async function writer(path: string, text: string): Promise<void> {
  const sh = spawn(
    'sh',
    ['-c', 'exec 3>"$0"; printf %s "$1" >&3; echo open; exec sleep 60', path, text],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  undo.push(() => sh.kill('SIGKILL'));
  await new Promise<void>((resolve) => sh.stdout.once('data', () => resolve()));
}

const SIGNALS = [
  ['SIGINT', 130, 'interrupted'],
  ['SIGTERM', 143, 'terminated'],
] as const;

/**
 * Wait until the CLI handles signals, send `sig`, and check that the read stopped: the exit code
 * and the one line, well before main.ts's backstop (which exits after 3 s without the line).
 */
async function stops(run: Started, sig: NodeJS.Signals, code: number, word: string) {
  await run.ready;
  const sent = performance.now();
  process.kill(-run.child.pid!, sig);
  const r = await run.exit;
  expect(performance.now() - sent).toBeLessThan(2500);
  expect(r.stderr).toBe(`ml-salary: ${word}\n`);
  expect(r.code).toBe(code);
}

describe.skipIf(!hasMkfifo)('a signal ends a read that waits on a FIFO (needs mkfifo)', () => {
  it.each(SIGNALS)(
    '%s: offer reading a FIFO whose writer stays open (%s)',
    async (sig, code, word) => {
      const path = fifo();
      const run = start(`exec $ML offer '${path}' --no-input`);
      await writer(path, '{"years": 5,');
      await stops(run, sig, code, word);
    },
  );

  it.each(SIGNALS)(
    '%s: --data reading a FIFO whose writer stays open (%s)',
    async (sig, code, word) => {
      const path = fifo();
      const run = start(`exec $ML --years 5 --data '${path}' --json`);
      await writer(path, '{"dataVersion"');
      await stops(run, sig, code, word);
    },
  );
});

describe('a signal ends a read that waits on a quiet pipe', () => {
  it.each(SIGNALS)(
    '%s: offer /dev/stdin, stdin a kernel pipe nobody writes to (%s)',
    async (sig, code, word) => {
      // A FIFO opened at both ends here, its read end the CLI's stdin: a pipe, as a shell's `|`
      // from a command that stays quiet (`< <(sleep 15)`).
      const path = fifo();
      const read = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      const write = openSync(path, 'w');
      undo.push(() => closeSync(write));
      const run = start('exec $ML offer /dev/stdin --no-input', read);
      closeSync(read);
      await stops(run, sig, code, word);
    },
  );

  it.each(SIGNALS)('%s: offer -, stdin a pipe nobody writes to (%s)', async (sig, code, word) => {
    await stops(start('exec $ML offer - --no-input', 'pipe'), sig, code, word);
  });
});

describe('encodings, duplicate keys, labels: one line each, the same words for every file', () => {
  const file = (name: string, data: string | Buffer): string => {
    const tmp = scratch();
    undo.push(tmp.done);
    return tmp.file(name, data);
  };
  const offer = '{"years": 5, "city": "sf", "base": "150k", "label": "Café"}';

  it('a Latin-1 offer file is refused, naming the byte, not read with U+FFFD in its label', async () => {
    const path = file('latin1.json', Buffer.from(offer, 'latin1'));
    expectUsageError(
      await cli(['offer', path, '--json']),
      /latin1\.json is not valid UTF-8 text \(bad byte 0xe9 at byte 57, 'é' in Latin-1\); save it as UTF-8$/m,
    );
  });

  it.each([
    ['utf16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MARKET, 'utf16le')])],
    ['utf16be without a byte-order mark', Buffer.from(MARKET, 'utf16le').swap16()],
  ])('a UTF-16 --data file (%s) is named as such, not "Unexpected token"', async (_, bytes) => {
    const path = file('market.json', bytes);
    expectUsageError(
      await cli(['--years', '5', '--data', path, '--json']),
      /market\.json is UTF-16 text; save it as UTF-8$/m,
    );
  });

  it('a key given twice in --data is refused, at any depth, as offer files and batch do', async () => {
    const twice = MARKET.replace('"dataVersion"', '"dataVersion": "x", "dataVersion"');
    expectUsageError(
      await cli(['--years', '5', '--data', file('twice.json', twice), '--json']),
      /twice\.json: field 'dataVersion' is given twice \(JSON would keep only the last\); give each field once$/m,
    );
    const deep = MARKET.replace('"id": "sf"', '"id": "sf", "id": "sf"');
    expectUsageError(
      await cli(['--years', '5', '--data', file('deep.json', deep), '--json']),
      /deep\.json: field 'locations\[\d+\]\.id' is given twice/,
    );
  });

  it("offer - reads the offer from stdin (a file named '-' is ./-)", async () => {
    const r = await start(
      `printf '%s' '{"years": 5, "city": "sf", "base": "150k"}' | $ML offer - --json`,
    ).exit;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const dir = scratch();
    undo.push(dir.done);
    writeFileSync(join(dir.dir, '-'), '{"years": 5, "base": "150k", "label": "dash"}');
    const own = spawnSync(process.execPath, [BIN, 'offer', './-', '--json'], { cwd: dir.dir });
    expect(own.status).toBe(0);
    expect(JSON.parse(own.stdout.toString()).label).toBe('dash');
  });

  it('a label longer than 80 characters is refused rather than printed in full', async () => {
    const path = file(
      'long.json',
      JSON.stringify({ years: 5, base: '150k', label: 'x'.repeat(81) }),
    );
    expectUsageError(
      await cli(['offer', path, '--json']),
      /long\.json: label 'x{40}\.\.\.': 81 characters long; a label is at most 80$/m,
    );
  });

  it('a file that cannot be read says so in the same words for offer, --data (after its name) and batch', async () => {
    expectUsageError(
      await cli(['offer', 'no-such.json', '--json']),
      /^ml-salary: error: cannot read 'no-such\.json': no such file$/m,
    );
    expectUsageError(
      await cli(['--years', '5', '--data', 'no-such.json', '--json']),
      /^ml-salary: error: --data: cannot read 'no-such\.json': no such file$/m,
    );
    const batch = await cli(['batch', 'no-such.json']);
    expect(batch.stderr).toBe("ml-salary: error: cannot read 'no-such.json': no such file\n");
  });

  it('offer - with a terminal on stdin says so at once instead of waiting', async () => {
    expectUsageError(
      await cli(['offer', '-'], { tty: true }),
      /'-' reads from a pipe, and stdin is a terminal/,
    );
  });
});
