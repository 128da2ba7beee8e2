import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runBin } from './helpers.js';

// The built bin, spawned as a user runs it: no terminal on any stream.
describe('the built CLI', () => {
  it('--help prints usage, examples and exit codes on stdout, exit 0', async () => {
    const r = await runBin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: ml-salary \[options\] \[command\]/);
    expect(r.stdout).toContain('Exit codes:');
  });

  it('--version prints the package version', async () => {
    const r = await runBin(['--version']);
    expect(r.code).toBe(0);
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    expect(r.stdout).toBe(`${version}\n`);
  });

  it('--json prints one JSON document that scripts can read', async () => {
    const r = await runBin([
      '--years',
      '6',
      '--city',
      'sf',
      '--industry',
      'faang',
      '--skills',
      'mlops,nlp',
      '--degree',
      'masters',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(4);
    expect(doc.currency).toBe('USD');
    expect(typeof doc.total.mid).toBe('number');
    expect(doc.total.mid).toBe(doc.base.mid + doc.bonus.mid + doc.equity.mid);
    expect(doc.profile).toEqual({
      years: 6,
      city: 'sf',
      industry: 'big-tech',
      skills: ['mlops', 'nlp-llm'],
      degree: 'masters',
    });
  });

  it('an unknown city exits 2 with one line that suggests the closest', async () => {
    const r = await runBin(['--years', '3', '--city', 'seatle']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^ml-salary: error: unknown city 'seatle' for --city \(did you mean 'seattle'\?\); accepted: .*\n$/,
    );
  });

  it('`echo | ml-salary` (no terminal, no --years) exits 2 at once, naming --years', async () => {
    const r = await runBin([], { input: '\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ml-salary: error: --years is required here (no terminal on stdin); pass e.g. --years 5\n',
    );
    expect(r.stdout).toBe('');
  });

  it('does not wait on a stdin pipe that never closes', async () => {
    const child = spawn(process.execPath, [BIN], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 10_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    child.stdin.destroy();
    expect(code).toBe(2); // null would mean it hung until killed
    expect(Buffer.concat(err).toString()).toContain('--years');
  });

  it('the table without a terminal has no colour and says what was defaulted', async () => {
    const r = await runBin(['--years', '4', '--city', 'austin']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain(
      '* Defaulted (no terminal on stdin): industry = Enterprise / consultancy',
    );
  });

  it.runIf(existsSync('/dev/full'))(
    'a failed write (a full disk) is one line and exit 1, for every kind of output',
    async () => {
      for (const args of [
        ['--help'],
        ['--years', '3', '--json'],
        ['list', 'cities'],
        ['--years', '3'],
      ]) {
        const r = await runShell(`node "${BIN}" ${args.join(' ')} > /dev/full`);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.stderr, args.join(' ')).toBe(
          'ml-salary: error: cannot write the output: no space left on device\n',
        );
      }
    },
  );

  it.runIf(existsSync('/dev/full'))(
    'an unwritable stderr (2>/dev/full) keeps the exit code: 2 for a usage error, 1 for bad records',
    async () => {
      for (const [args, code] of [
        [['--years', 'x'], 2],
        [['--cty', '3'], 2],
        [['--years', '3', '--city', 'bogus'], 2],
        [['batch', '-'], 1],
        [['--years', '3', '--json'], 0],
      ] as const) {
        const input = args[0] === 'batch' ? `printf '%s\\n' '{"years":"x"}' | ` : '';
        const r = await runShell(`${input}node "${BIN}" ${args.join(' ')} 2>/dev/full >/dev/null`);
        expect(r.code, args.join(' ')).toBe(code);
      }
    },
  );
});

function runShell(command: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString() }));
  });
}
