// `batch --jobs N`: worker threads estimate runs of the input; the output must be the one-thread
// output byte for byte, with the same stderr and exit code, and stop as cleanly. Spawned against
// the built CLI (global-setup builds it): the workers run dist/cli.cjs.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, profileAt, runToFile, scratch, spawnLive, summary } from './batch-helpers.js';
import { run as runCli } from '../src/program.js';
import { BIN, fakeIo, ROOT, runBin } from './helpers.js';

const tmp = scratch();
afterAll(() => tmp.done());

/** Records: workers start only for inputs of 1 MiB or more; this makes about 2.5 MB. */
const N = 20_000;
const BAD = new Map<number, string>([
  [7, '{"years": "five"}'],
  [4_321, '{"years": 5, "city": "atlantis"}'],
  [12_000, '{"years": 5'],
  [19_999, '\u00ff{"years": 5}'],
]);
let ndjson = '';
let clean = '';
let csv = '';

beforeAll(() => {
  const rows: string[] = [];
  const csvRows = ['years,city,industry,skills,degree'];
  for (let i = 0; i < N; i++) {
    const p = profileAt(i);
    rows.push(BAD.get(i) ?? JSON.stringify(p));
    csvRows.push(`${p.years},${p.city},${p.industry},${p.skills.join(';')},${p.degree}`);
  }
  ndjson = tmp.file('jobs.ndjson', `${rows.join('\n')}\n`);
  clean = tmp.file(
    'clean.ndjson',
    `${Array.from({ length: N }, (_, i) => JSON.stringify(profileAt(i))).join('\n')}\n`,
  );
  csv = tmp.file('jobs.csv', `${csvRows.join('\r\n')}\r\n`);
});

async function run(
  args: string[],
  input: string,
): Promise<{ code: number | null; out: string; err: string }> {
  const out = join(tmp.dir, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runToFile(['batch', ...args], input, out);
  return { code: r.code, out: readFileSync(out, 'utf8'), err: r.stderr };
}

describe('batch --jobs: worker threads give the one-thread output exactly', () => {
  it.each([
    ['NDJSON in, NDJSON out', () => ndjson, []],
    ['CSV in (CRLF), CSV out', () => csv, ['--format', 'csv']],
  ])(
    '%s: same stdout, stderr and exit code with 0, 1, 2 and 3 workers',
    async (_, input, extra) => {
      const one = await run(['-', '--jobs', '0', ...(extra as string[])], input());
      expect(lines(one.out).length).toBeGreaterThan(N - 10);
      for (const jobs of ['1', '2', '3']) {
        const many = await run(['-', '--jobs', jobs, ...(extra as string[])], input());
        expect(many.code).toBe(one.code);
        expect(many.err).toBe(one.err);
        expect(many.out === one.out).toBe(true); // not toBe: a 2.5 MB diff is no help
      }
      const file = await run([input(), '--jobs', '2', ...(extra as string[])], '/dev/null');
      expect(file.out === one.out).toBe(true);
    },
  );

  it('reports the bad NDJSON records on the lines they are on, and counts add up', async () => {
    const r = await run(['-', '--jobs', '2'], ndjson);
    expect(r.code).toBe(1);
    expect([...r.err.matchAll(/^line (\d+): /gm)].map((m) => Number(m[1]))).toEqual(
      [...BAD.keys()].map((i) => i + 1),
    );
    expect(summary(r.err)).toEqual({ read: N, good: N - BAD.size, bad: BAD.size });
    expect(lines(r.out)).toHaveLength(N - BAD.size);
  });

  it('| head -1 ends quietly with workers running: exit 0, nothing on stderr', () => {
    const script = `"${process.execPath}" "${BIN}" batch "${clean}" --jobs 2 2>"${tmp.dir}/err" | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat "${tmp.dir}/err"`;
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out).toBe('0\n');
  });

  it('SIGINT with workers running: exit 130, whole lines, the summary matches what was written', async () => {
    const live = spawnLive(['batch', ndjson, '--jobs', '2']);
    await live.waitForLines(500);
    live.child.kill('SIGINT');
    const exit = await live.exit;
    expect(exit.code).toBe(130);
    const out = live.stdout();
    expect(out.endsWith('\n')).toBe(true);
    const docs = lines(out).map((l) => JSON.parse(l) as { line: number });
    const s = summary(live.stderr());
    expect(live.stderr()).toMatch(/ml-salary batch: interrupted; /);
    expect(s!.good).toBe(docs.length);
    // In order, with no gaps other than the bad lines.
    const expected = Array.from({ length: N }, (_, i) => i + 1)
      .filter((n) => !BAD.has(n - 1))
      .slice(0, docs.length);
    expect(docs.map((d) => d.line)).toEqual(expected);
  });

  it.each(['-1', 'two', '1.5', '17', ''])(
    '--jobs %j: one line on stderr, exit 2',
    async (value) => {
      const r = await runBin(['batch', '-', '--jobs', value], { input: '{"years": 1}\n' });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^ml-salary: error: --jobs '.*' is not a whole number from 0 to 16/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  it('a small input with --jobs runs on the main thread and gives the same output', async () => {
    const input = `${JSON.stringify(profileAt(3))}\n${JSON.stringify(profileAt(4))}\n`;
    const a = await runBin(['batch', '--jobs', '2'], { input });
    const b = await runBin(['batch'], { input });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('a slow stdout holds the reading back with workers too: input is read only a little ahead of output', async () => {
    // In-process, with the built bundle as the worker script. The reader counts the records it
    // hands over; the writer, slow, counts the records written. With backpressure the reading
    // stays within a few runs (64 KiB, about 700 records each) of the writing.
    const records = 40_000;
    const text = Array.from({ length: records }, (_, i) => JSON.stringify(profileAt(i))).join('\n');
    const input = Buffer.from(`${text}\n`);
    let pulled = 0;
    let at = 0;
    const stdin = new Readable({
      read() {
        if (at >= input.length) return void this.push(null);
        const chunk = input.subarray(at, at + 64 * 1024);
        at += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) pulled++;
        this.push(chunk);
      },
    });
    let written = 0;
    let maxLead = 0;
    const stdout = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) written++;
        maxLead = Math.max(maxLead, pulled - written);
        setTimeout(done, 1);
      },
    });
    const c = fakeIo();
    c.io.stdin = stdin;
    c.io.stdout = stdout as typeof c.io.stdout;
    c.io.batchWorker = join(ROOT, 'dist', 'cli.cjs');
    expect(await runCli(['batch', '--jobs', '2'], c.io)).toBe(0);
    expect(written).toBe(records);
    expect(maxLead).toBeLessThan(10_000);
  });

  it('a worker that stops on its own fails the run with one line, exit 1: no hang, no silent cut', async () => {
    const input = readFileSync(clean);
    const child = spawn(process.execPath, [BIN, 'batch', '--jobs', '2'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_OPTIONS: `--require=${join(ROOT, 'tests', 'fixtures', 'worker-exits.cjs')}`,
        WORKER_EXIT_MS: '300',
      },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => (err += s));
    // Half the input, a pause in which the worker exits while idle, then the rest.
    child.stdin.write(input.subarray(0, 1_500_000));
    await new Promise((r) => setTimeout(r, 1200));
    child.stdin.end(input.subarray(1_500_000));
    child.stdin.on('error', () => {});
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (c) => resolve(c)),
    );
    clearTimeout(timer);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^ml-salary: internal error: batch worker thread: stopped with exit code 0/,
    );
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
