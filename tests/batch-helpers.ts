import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { run } from '../src/cli/program.js';
import { BIN, fakeIo, ROOT } from './helpers.js';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `ml-salary batch ...args` in-process, with `input` piped on stdin (a non-terminal). */
export async function batch(
  input: string | Buffer,
  args: string[] = [],
  opts: { tty?: boolean; signal?: AbortSignal } = {},
): Promise<Result> {
  const c = fakeIo({ tty: opts.tty ?? false });
  if (opts.signal) c.io.signal = opts.signal;
  (c.io.stdin as PassThrough).end(input);
  const code = await run(['batch', ...args], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** The non-empty lines of a text. */
export const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** The `line N:` numbers reported on stderr. */
export const reportedLines = (stderr: string): number[] =>
  [...stderr.matchAll(/^line (\d+): /gm)].map((m) => Number(m[1]));

/** Parse the end-of-run summary: records read, estimated, bad. */
export function summary(stderr: string): { read: number; good: number; bad: number } | undefined {
  const m = /(\d+) records? read: (\d+) estimated, (\d+) bad/.exec(stderr);
  return m ? { read: Number(m[1]), good: Number(m[2]), bad: Number(m[3]) } : undefined;
}

/** A scratch directory removed by the returned cleanup. */
export function scratch(): {
  dir: string;
  file: (name: string, data: string | Buffer) => string;
  done: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ml-salary-test-'));
  return {
    dir,
    file: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const CITIES = ['sf', 'seattle', 'nyc', 'austin', 'denver', 'raleigh', 'remote', 'us'];
const INDUSTRIES = [
  'faang',
  'ai startup',
  'quant',
  'autonomous driving',
  'healthcare',
  'consulting',
];
const SKILLS = ['mlops', 'cloud', 'deep learning', 'cv', 'nlp', 'llm'];
const DEGREES = ['none', 'bachelors', 'masters', 'phd', 'bootcamp'];

/** The i-th generated profile (deterministic, human names and aliases). */
export function profileAt(i: number): {
  years: number;
  city: string;
  industry: string;
  skills: string[];
  degree: string;
} {
  return {
    years: (i * 7) % 41,
    city: CITIES[i % CITIES.length]!,
    industry: INDUSTRIES[(i >> 3) % INDUSTRIES.length]!,
    skills: SKILLS.filter((_, k) => (i >> k) % 3 === 0),
    degree: DEGREES[(i >> 2) % DEGREES.length]!,
  };
}

/** A spawned `ml-salary` whose streams the test drives, with its output collected. */
export interface Live {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout holds at least `n` newline-ended lines. */
  waitForLines: (n: number) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnLive(args: string[]): Live {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let newlines = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (s: string) => {
    out += s;
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) newlines++;
    for (const w of [...waiters]) {
      if (newlines >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr.on('data', (s: string) => (err += s));
  child.stdin.on('error', () => {});
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitForLines: (n) =>
      newlines >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    exit,
  };
}

/** Run the built CLI with stdin from `inputFile` and stdout into `outFile`; stderr is returned. */
export function runToFile(
  args: string[],
  inputFile: string,
  outFile: string,
): Promise<{ code: number | null; stderr: string }> {
  const input = openSync(inputFile, 'r');
  const output = openSync(outFile, 'w');
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '' },
    stdio: [input, output, 'pipe'],
  });
  closeSync(input);
  closeSync(output);
  let err = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => (err += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: err }));
  });
}
