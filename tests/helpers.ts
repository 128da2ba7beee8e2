import { spawn } from 'node:child_process';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Io } from '../src/cli/io.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/ml-salary.js', import.meta.url));

export interface Captured {
  io: Io;
  stdout: () => string;
  stderr: () => string;
}

/** Fake streams for `run(argv, io)`: no terminal unless asked, output captured as text. */
export function fakeIo(
  opts: { tty?: boolean; env?: Record<string, string>; columns?: number } = {},
): Captured {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = opts.tty ?? false;
  const sink = (into: string[]) => {
    const s = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        into.push(chunk.toString());
        done();
      },
    }) as Writable & { isTTY?: boolean; columns?: number };
    s.isTTY = opts.tty ?? false;
    s.columns = opts.columns ?? 80;
    return s;
  };
  const io: Io = { stdin, stdout: sink(out), stderr: sink(err), env: opts.env ?? {} };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run the built CLI as a user would, with stdin from `input` (closed at once when empty). */
export function runBin(
  args: string[],
  opts: { input?: string | Buffer; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<SpawnResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        ms: Date.now() - started,
      });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}
