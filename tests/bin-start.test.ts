import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from './helpers.js';

// How bin/ml-salary.js starts dist/cli.cjs: with a V8 code cache in a private temp folder, and
// the lazily loaded ES modules of dist/lazy/ (prompts, table) still loading from there.
const work = mkdtempSync(join(tmpdir(), 'ml-salary-bin-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
const cacheFolder = (tmp: string) => join(tmp, `ml-salary-${uid ?? 'user'}`);
const args = ['--years', '5', '--city', 'sf', '--json'];

describe('bin/ml-salary.js', () => {
  it('writes a code cache on the first run and prints the same with it', async () => {
    const tmp = mkdtempSync(join(work, 'tmp-'));
    const first = await runBin(args, { env: { TMPDIR: tmp } });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(readdirSync(cacheFolder(tmp))).toEqual([
      expect.stringMatching(/^cli-[0-9a-f]{8}-[0-9a-f]{8}\.bin$/),
    ]);
    const second = await runBin(args, { env: { TMPDIR: tmp } });
    expect(second).toMatchObject({ code: 0, stderr: '', stdout: first.stdout });
    const table = await runBin(['--years', '5', '--city', 'sf'], { env: { TMPDIR: tmp } });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('San Francisco Bay Area');
  });

  it.skipIf(uid === undefined)(
    'leaves alone a cache folder that others can write, and still runs (needs file owners and modes: not on Windows)',
    async () => {
      const tmp = mkdtempSync(join(work, 'tmp-'));
      mkdirSync(cacheFolder(tmp));
      chmodSync(cacheFolder(tmp), 0o777);
      const r = await runBin(args, { env: { TMPDIR: tmp } });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(r.stdout).schemaVersion).toBe(3);
      expect(readdirSync(cacheFolder(tmp))).toEqual([]);
    },
  );

  it('runs without a cache when NODE_DISABLE_COMPILE_CACHE is set or the temp folder is unusable', async () => {
    const tmp = mkdtempSync(join(work, 'tmp-'));
    const off = await runBin(args, { env: { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(off).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(tmp)).toEqual([]);
    const missing = await runBin(args, { env: { TMPDIR: join(tmp, 'no', 'such') } });
    expect(missing).toMatchObject({ code: 0, stderr: '', stdout: off.stdout });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.skipIf(spawnSync('python3', ['--version']).status !== 0)(
    'shows the first prompt in a terminal (the prompt modules load from dist/lazy/; needs python3 for its pty)',
    () => {
      for (const env of [{}, { NODE_DISABLE_COMPILE_CACHE: '1' }]) {
        const spec = {
          rounds: 1,
          timeout_ms: 15_000,
          commands: [{ name: 'cli', argv: [process.execPath, BIN], marker: 'Years of experience' }],
        };
        const r = spawnSync(
          'python3',
          [join(ROOT, 'bench/pty-first-output.py'), JSON.stringify(spec)],
          {
            encoding: 'utf8',
            env: { ...process.env, ...env, TMPDIR: work, TERM: 'xterm-256color' },
          },
        );
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    },
  );
});
