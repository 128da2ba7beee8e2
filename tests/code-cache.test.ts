import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin, type SpawnResult } from './helpers.js';

// bin/ml-salary.js's V8 code cache can never change what a run does: whatever the cache file
// holds (or whatever stands in its place), a run prints what an uncached run prints, exits 0,
// says nothing on stderr and does not hang. Each run has its own TMPDIR, so its own cache folder.

const work = mkdtempSync(join(tmpdir(), 'ml-salary-cache-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
const folderOf = (tmp: string) => join(tmp, `ml-salary-${uid ?? 'user'}`);
const NAME = /^cli-([0-9a-f]{8})-([0-9a-f]{8})\.bin$/;
const RUNS = {
  json: ['--years', '5', '--city', 'sf', '--json'],
  table: ['--years', '5', '--city', 'sf', '--format', 'markdown'],
};
type Format = keyof typeof RUNS;
const TIMEOUT_MS = 15_000; // a run takes ~100 ms; a hang is killed here and fails the test

/** runBin with node's own flags before the script (process.execArgv in the bin). */
function runNode(nodeFlags: string[], args: string[], env: Record<string, string>) {
  return new Promise<SpawnResult>((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...nodeFlags, BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString();
      resolve({
        code,
        signal,
        stdout,
        stderr: Buffer.concat(err).toString(),
        ms: Date.now() - started,
      });
    });
  });
}

const fresh = () => mkdtempSync(join(work, 'tmp-'));
const cacheFiles = (tmp: string) => readdirSync(folderOf(tmp)).filter((n) => NAME.test(n));

/** Uncached output of each run, and a real cache file with its name and header length. */
let uncached: Record<Format, string>;
let good: Buffer;
let goodName: string;
let headerLength: number;
let otherFlags: Buffer; // a valid cache made under other V8 flags
beforeAll(async () => {
  const off = { NODE_DISABLE_COMPILE_CACHE: '1' };
  const [json, table] = await Promise.all([
    runBin(RUNS.json, { env: off }),
    runBin(RUNS.table, { env: off }),
  ]);
  expect(json).toMatchObject({ code: 0, stderr: '' });
  expect(table).toMatchObject({ code: 0, stderr: '' });
  uncached = { json: json.stdout, table: table.stdout };
  const tmp = fresh();
  expect(await runBin(RUNS.json, { env: { TMPDIR: tmp } })).toMatchObject({ code: 0, stderr: '' });
  const [name] = cacheFiles(tmp);
  goodName = name!;
  good = readFileSync(join(folderOf(tmp), goodName));
  // The key ends at the third newline; then the data's length (4 bytes), then the data twice.
  let end = -1;
  for (let i = 0; i < 3; i++) end = good.indexOf(10, end + 1);
  headerLength = end + 1 + 4;
  expect((good.length - headerLength) % 2).toBe(0);
  const flagged = await runBin(RUNS.json, {
    env: { TMPDIR: tmp, NODE_OPTIONS: '--max-semi-space-size=4' },
  });
  expect(flagged).toMatchObject({ code: 0, stderr: '', stdout: uncached.json });
  const other = cacheFiles(tmp).find((n) => n !== goodName);
  otherFlags = readFileSync(join(folderOf(tmp), other!));
}, 60_000);

/** This run's key, the data's length, and the data twice. */
function wellFormed(bytes: Buffer): boolean {
  const n = (bytes.length - headerLength) / 2;
  return (
    bytes.subarray(0, headerLength - 4).equals(good.subarray(0, headerLength - 4)) &&
    bytes.readUInt32LE(headerLength - 4) === n &&
    bytes.subarray(headerLength, headerLength + n).equals(bytes.subarray(headerLength + n))
  );
}

type Damage =
  | { kind: 'flip'; bits: number[] } // bit indexes anywhere in the file (modulo its length)
  | { kind: 'flipHeader'; bit: number } // one bit in the key or the length
  | { kind: 'truncate'; length: number } // keep only the first bytes (modulo the file's length)
  | { kind: 'append'; bytes: number[] }
  | { kind: 'otherFlags' } // a valid cache made under other V8 flags, under this name
  | { kind: 'oldFormat' } // this version's data in the unchecked format before it
  | { kind: 'directory' }
  | { kind: 'symlink' } // to a good cache elsewhere: not followed
  | { kind: 'fifo' }; // a reader that waited for a writer would hang

/** Put the damaged cache (or what stands for it) where the bin looks; the bytes written, if any. */
function damage(tmp: string, d: Damage): Buffer | undefined {
  const folder = folderOf(tmp);
  mkdirSync(folder, { mode: 0o700, recursive: true });
  const path = join(folder, goodName);
  let bytes: Buffer;
  switch (d.kind) {
    case 'flip':
    case 'flipHeader':
      bytes = Buffer.from(good);
      for (const bit of d.kind === 'flip' ? d.bits : [d.bit % (headerLength * 8)]) {
        const at = bit % (bytes.length * 8);
        bytes[at >> 3]! ^= 1 << (at & 7);
      }
      break;
    case 'truncate':
      bytes = good.subarray(0, d.length % good.length);
      break;
    case 'append':
      bytes = Buffer.concat([good, Buffer.from(d.bytes)]);
      break;
    case 'otherFlags':
      bytes = otherFlags;
      break;
    case 'oldFormat': {
      const data = good.subarray(headerLength, headerLength + (good.length - headerLength) / 2);
      bytes = Buffer.concat([Buffer.from(`${process.version} ${process.arch} 1 2 3\n`), data]);
      break;
    }
    case 'directory':
      mkdirSync(path);
      writeFileSync(join(path, 'inside'), good);
      return undefined;
    case 'symlink':
      writeFileSync(join(tmp, 'elsewhere.bin'), good);
      symlinkSync(join(tmp, 'elsewhere.bin'), path);
      return undefined;
    case 'fifo':
      execFileSync('sh', ['-c', 'mkfifo "$0"', path]); // coreutils; Node cannot make a FIFO
      return undefined;
  }
  writeFileSync(path, bytes, { mode: 0o600 });
  return bytes;
}

const damages: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    bits: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('flipHeader' as const), bit: fc.nat() }),
  fc.record({
    kind: fc.constant('truncate' as const),
    length: fc.oneof(fc.constantFrom(0, 1), fc.nat()),
  }),
  fc.record({
    kind: fc.constant('append' as const),
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 64 }),
  }),
  fc.constantFrom<Damage>(
    { kind: 'otherFlags' },
    { kind: 'oldFormat' },
    { kind: 'directory' },
    { kind: 'symlink' },
    ...(process.platform === 'win32' ? [] : [{ kind: 'fifo' } as const]),
  ),
);

describe('a damaged code cache never changes a run', () => {
  it('any corruption: the uncached output, exit 0, empty stderr, no hang; a bad file is replaced', async () => {
    const payload = headerLength + 8; // a bit in the first copy of the data, and in the second
    const second = headerLength + (good.length - headerLength) / 2 + 8;
    const examples: [Damage, Format][] = [
      [{ kind: 'truncate', length: 0 }, 'json'],
      [{ kind: 'truncate', length: 1 }, 'table'],
      [{ kind: 'truncate', length: headerLength }, 'json'],
      [{ kind: 'truncate', length: good.length - 1 }, 'table'],
      [{ kind: 'flipHeader', bit: 8 * 30 }, 'json'], // inside the bundle's hash
      [{ kind: 'flipHeader', bit: 8 * (headerLength - 2) }, 'table'], // the data's length
      [{ kind: 'flip', bits: [payload * 8 + 3] }, 'json'],
      [{ kind: 'flip', bits: [second * 8 + 5, payload * 8 + 700] }, 'table'],
      [{ kind: 'append', bytes: [0] }, 'json'],
      [{ kind: 'otherFlags' }, 'table'],
      [{ kind: 'oldFormat' }, 'json'],
      [{ kind: 'directory' }, 'table'],
      [{ kind: 'symlink' }, 'json'],
      ...(process.platform === 'win32' ? [] : [[{ kind: 'fifo' }, 'table'] as [Damage, Format]]),
    ];
    await fc.assert(
      fc.asyncProperty(damages, fc.constantFrom<Format>('json', 'table'), async (d, format) => {
        const tmp = fresh();
        const written = damage(tmp, d);
        const r = await runBin(RUNS[format], { env: { TMPDIR: tmp }, timeoutMs: TIMEOUT_MS });
        expect(r.signal).toBeNull();
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(uncached[format]);
        const path = join(folderOf(tmp), goodName);
        if (d.kind === 'directory') {
          expect(lstatSync(path).isDirectory()).toBe(true); // left alone, run uncached
        } else if (!written?.equals(good)) {
          // A file that fails the checks (or is no regular file) is replaced by a good one.
          expect(lstatSync(path).isFile()).toBe(true);
          expect(wellFormed(readFileSync(path))).toBe(true);
        }
        if (d.kind === 'symlink') expect(readFileSync(join(tmp, 'elsewhere.bin'))).toEqual(good);
      }),
      { numRuns: 10, examples, endOnFailure: true },
    );
  }, 120_000);
});

describe('flag sets', () => {
  it('each set of V8 flags has its own cache file; alternating them rewrites none', async () => {
    const tmp = fresh();
    const variants: [string[], Record<string, string>][] = [
      [[], {}],
      [[], { NODE_OPTIONS: '--max-semi-space-size=4' }],
      [['--jitless'], {}],
    ];
    // Node itself warns on stderr under --jitless (it turns WebAssembly off): that line only.
    const jitlessWarning = spawnSync(process.execPath, ['--jitless', '-e', ''], {
      encoding: 'utf8',
    }).stderr;
    const round = async () => {
      for (const [flags, env] of variants) {
        const r = await runNode(flags, RUNS.json, { TMPDIR: tmp, ...env });
        const stderr = flags.includes('--jitless') ? jitlessWarning : '';
        expect(r).toMatchObject({ code: 0, signal: null, stderr, stdout: uncached.json });
      }
      return new Map(
        cacheFiles(tmp).map((n) => {
          const p = join(folderOf(tmp), n);
          return [n, { mtime: statSync(p).mtimeMs, bytes: readFileSync(p) }];
        }),
      );
    };
    const first = await round();
    expect(first.size).toBe(3);
    expect(new Set([...first.keys()].map((n) => NAME.exec(n)![1])).size).toBe(1); // one copy
    const second = await round();
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, { mtime, bytes }] of second) {
      expect(mtime).toBe(first.get(name)!.mtime);
      expect(bytes.equals(first.get(name)!.bytes)).toBe(true);
    }
  }, 60_000);
});

describe('pruning', () => {
  it("when it writes a cache, this copy's old files and stale temp files go; nothing else", async () => {
    const tmp = fresh();
    const folder = folderOf(tmp);
    const copy = NAME.exec(goodName)![1]!;
    const at = (name: string, secondsAgo: number, contents: Buffer | string = 'x') => {
      writeFileSync(join(folder, name), contents, { mode: 0o600 });
      const t = Date.now() / 1000 - secondsAgo;
      utimesSync(join(folder, name), t, t);
    };
    mkdirSync(folder, { mode: 0o700 });
    at(`cli-${copy}.bin`, 10); // the unchecked format of before
    at(`cli-${copy}-00000001.bin`, 100); // other Node versions or flag sets of this copy
    at(`cli-${copy}-00000002.bin`, 200);
    at(`cli-${copy}-00000003.bin`, 300);
    at(`cli-${copy}-00000004.bin`, 400); // the fifth newest: goes
    at(`cli-${copy}-00000005.bin.123.tmp`, 120); // a crashed writer's
    at(`cli-${copy}-00000006.bin.456.tmp`, 1); // being written now: stays
    at('cli-0badc0de-00000001.bin', 1000); // another installed copy's
    mkdirSync(join(folder, `cli-${copy}-00000007.bin`)); // not a file
    const r = await runBin(RUNS.json, { env: { TMPDIR: tmp } });
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: uncached.json });
    expect(readdirSync(folder).sort()).toEqual(
      [
        goodName,
        `cli-${copy}-00000001.bin`,
        `cli-${copy}-00000002.bin`,
        `cli-${copy}-00000003.bin`,
        `cli-${copy}-00000006.bin.456.tmp`,
        'cli-0badc0de-00000001.bin',
        `cli-${copy}-00000007.bin`,
      ].sort(),
    );
    // With a good cache nothing is written, and the folder is not even listed.
    at(`cli-${copy}-00000008.bin.789.tmp`, 120);
    const again = await runBin(RUNS.json, { env: { TMPDIR: tmp } });
    expect(again).toMatchObject({ code: 0, stderr: '', stdout: uncached.json });
    expect(readdirSync(folder)).toContain(`cli-${copy}-00000008.bin.789.tmp`);
  }, 60_000);
});

describe('NODE_DISABLE_COMPILE_CACHE', () => {
  it.each(['1', '', '0'])(
    'set to %j turns the cache off, as Node treats its own',
    async (value) => {
      const tmp = fresh();
      const r = await runBin(RUNS.json, {
        env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: value },
      });
      expect(r).toMatchObject({ code: 0, stderr: '', stdout: uncached.json });
      expect(readdirSync(tmp)).toEqual([]);
    },
  );
});
