import { expect } from 'vitest';
import { run } from '../src/cli/program.js';
import { fakeIo } from './helpers.js';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ml-salary ...argv` in-process, without a terminal unless `tty` (then `columns` wide). */
export async function cli(
  argv: readonly string[],
  opts: { tty?: boolean; columns?: number; env?: Record<string, string> } = {},
): Promise<Ran> {
  const c = fakeIo(opts);
  const code = await run(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

/** The JSON document of a run that must succeed with nothing on stderr. */
export async function json<T = Record<string, unknown>>(argv: readonly string[]): Promise<T> {
  const r = await cli([...argv, '--json']);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.code, argv.join(' ')).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** A usage error as the CLI checklist asks: exit 2, one stderr line, nothing on stdout. */
export function expectUsageError(r: Ran, message: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')).toHaveLength(2); // one line, then the final newline
  expect(r.stderr).toMatch(/^ml-salary: error: /);
  expect(r.stderr).toMatch(message);
}

/** The figures of a single estimate, as the estimate's `--json` gives them. */
export interface EstimateFigures {
  profile: {
    years: number;
    city: string;
    industry: string;
    skills: string[];
    degree: string;
    level?: string;
  };
  level: string;
  base: Range;
  bonus: Range;
  equity: Range;
  total: Range;
  paper?: Range;
}

export interface Range {
  low: number;
  p25: number;
  mid: number;
  p75: number;
  high: number;
}

/** `ml-salary --json` for these flags: the single estimate. */
export function estimateJson(flags: readonly string[]): Promise<EstimateFigures> {
  return json<EstimateFigures>(flags);
}
