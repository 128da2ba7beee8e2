import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { lines, reportedLines, scratch, summary } from '../batch-helpers.js';
import { BIN, ROOT, runBin } from '../helpers.js';

// Each hardening case of issue 3, run against the built CLI as a user (or a script) would.

const tmp = scratch();
afterAll(() => tmp.done());

const RANGE = 'expected a number of years from 0 to 50, like 4 or 2.5';

describe('numbers are strict', () => {
  it.each([
    ['abc', "--years 'abc' is not a plain number"],
    ['5 years', "--years '5 years' is not a plain number"],
    ['', '--years is empty'],
    ['   ', '--years is empty'],
    ['1e999', "--years '1e999' is not a plain number"],
    ['1e1', "--years '1e1' is not a plain number"],
    ['NaN', "--years 'NaN' is not a plain number"],
    ['Infinity', "--years 'Infinity' is not a plain number"],
    ['0x10', "--years '0x10' is not a plain number"],
    ['1,000', "--years '1,000' is not a plain number"],
    ['12abc', "--years '12abc' is not a plain number"],
    ['-1', "--years '-1' is not a plain number (years cannot be negative)"],
    ['+3', "--years '+3' is not a plain number"],
    ['51', '--years 51 is above the maximum of 50'],
    ['9999999999999999999999', '--years 9999999999999999999999 is above the maximum of 50'],
  ])('--years %j: exit 2 with the reason and the accepted range', async (value, reason) => {
    const r = await runBin(['--years', value, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`ml-salary: error: ${reason}`);
    expect(r.stderr).toContain(RANGE);
  });

  it('the same values in batch records, as JSON numbers and strings and as CSV cells', async () => {
    const json = [
      '{"years": "abc"}',
      '{"years": "5 years"}',
      '{"years": ""}',
      '{"years": 1e999}',
      '{"years": "1e999"}',
      '{"years": "NaN"}',
      '{"years": "0x10"}',
      '{"years": -1}',
      '{"years": "-1"}',
      '{"years": 51}',
      '{"years": 50.5}',
      '{"years": true}',
      '{"years": [5]}',
      '{"years": null}',
      '{"city": "sf"}',
      '{"years": 50}',
      '{"years": "2.5"}',
    ];
    const r = await runBin(['batch'], { input: json.join('\n') });
    expect(r.code).toBe(1);
    const err = r.stderr.trimEnd().split('\n');
    expect(err.slice(0, 15)).toEqual([
      `line 1: years 'abc' is not a plain number: ${RANGE}`,
      `line 2: years '5 years' is not a plain number: ${RANGE}`,
      `line 3: years is empty: ${RANGE}`,
      `line 4: years 1e999 is above the maximum of 50: ${RANGE}`, // as written, not Infinity
      `line 5: years '1e999' is not a plain number: ${RANGE}`,
      `line 6: years 'NaN' is not a plain number: ${RANGE}`,
      `line 7: years '0x10' is not a plain number: ${RANGE}`,
      `line 8: years -1 is negative: ${RANGE}`,
      `line 9: years '-1' is not a plain number (years cannot be negative): ${RANGE}`,
      `line 10: years 51 is above the maximum of 50: ${RANGE}`,
      `line 11: years 50.5 is above the maximum of 50: ${RANGE}`,
      `line 12: years must be a number, got a boolean: ${RANGE}`,
      `line 13: years must be a number, got a list: ${RANGE}`,
      'line 14: years is required',
      'line 15: years is required',
    ]);
    expect(err[15]).toBe('ml-salary batch: 17 records read: 2 estimated, 15 bad');
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([16, 17]);

    const csv = await runBin(['batch'], {
      input: 'years,city\nabc,sf\n5 years,sf\n,sf\n1e999,sf\n-1,sf\n51,sf\n4,sf\n',
    });
    expect(csv.code).toBe(1);
    expect(reportedLines(csv.stderr)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(summary(csv.stderr)).toEqual({ read: 7, good: 1, bad: 6 });
  });
});

describe('EPIPE: a reader that goes away ends the run quietly', () => {
  /** Spawn with the read end of stdout closed at once, so the first write fails with EPIPE. */
  function closedStdout(
    args: string[],
    input = '',
  ): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout.destroy();
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdin.on('error', () => {});
      child.stdin.end(input);
      child.on('close', (code) => resolve({ code, stderr: err }));
    });
  }

  it.each([
    [['--years', '5', '--json']],
    [['--years', '5', '--format', 'csv']],
    [['--years', '5', '--format', 'markdown']],
    [['--years', '5']],
    [['list', 'cities']],
    [['--help']],
    [['batch']],
  ])('%j: exit 0, nothing on stderr', async (args) => {
    const input = Array.from({ length: 2000 }, (_, i) => `{"years": ${i % 40}}`).join('\n');
    const r = await closedStdout(args, args[0] === 'batch' ? input : '');
    expect(r).toEqual({ code: 0, stderr: '' });
  });
});

describe('line handling', () => {
  it('a byte-order mark, CRLF line ends, blank lines and a last line without a newline', async () => {
    const input = '\ufeff{"years": 1}\r\n\r\n   \r\n\t\n{"years": 2}\r\n\n{"years": 3}';
    const r = await runBin(['batch'], { input });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 5, 7]);
    expect(r.stdout).not.toContain('\r');
  });

  it('invalid UTF-8 fails that line with a clear message; the rest go on', async () => {
    const good = Buffer.from('{"years": 2}\n');
    const input = Buffer.concat([
      good,
      Buffer.from('{"years": 3, "city": "Z\xfcrich"}\n', 'latin1'), // Latin-1, not UTF-8
      good,
      Buffer.from([0x7b, 0xc0, 0xaf, 0x7d, 0x0a]), // overlong "/"
      Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x7d, 0x0a]), // a UTF-16 surrogate
      Buffer.from([0x7b, 0x22, 0xe2, 0x82, 0x0a]), // cut short at the line end
      good,
    ]);
    const r = await runBin(['batch'], { input });
    expect(r.code).toBe(1);
    const err = r.stderr.trimEnd().split('\n');
    expect(err[0]).toBe(
      "line 2: not valid UTF-8 text (bad byte 0xfc at byte 24 of the line, 'ü' in Latin-1); save it as UTF-8",
    );
    expect(err[1]).toMatch(
      /^line 4: not valid UTF-8 text \(bad byte 0xc0 at byte 2 of the line, 'À' in Latin-1\)/,
    );
    expect(err[2]).toMatch(
      /^line 5: not valid UTF-8 text \(bad byte 0xed at byte 2 of the line, 'í' in Latin-1\)/,
    );
    expect(err[3]).toMatch(
      /^line 6: not valid UTF-8 text \(bad byte 0xe2 at byte 3 of the line, 'â' in Latin-1\)/,
    );
    expect(err[4]).toBe('ml-salary batch: 7 records read: 3 estimated, 4 bad');
    expect(lines(r.stdout)).toHaveLength(3);
  });

  it('a 10 MB single line is skipped with a message, without holding it', async () => {
    const huge = `{"years": 3, "city": "${'x'.repeat(10 * 1024 * 1024)}"}`;
    const file = tmp.file('huge.ndjson', `{"years": 1}\n${huge}\n{"years": 2}\n`);
    const r = await runBin(['batch', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'line 2: line is longer than the 1 MiB limit for one record (a profile takes a few hundred bytes); skipped\n' +
        'ml-salary batch: 3 records read: 2 estimated, 1 bad\n',
    );
    expect(lines(r.stdout).map((l) => (JSON.parse(l) as { line: number }).line)).toEqual([1, 3]);
  });

  it.each([
    [
      'random bytes',
      Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919 + (i >> 3)) % 256)),
      /^ml-salary: error: .* looks binary \(a NUL byte at byte \d+\), not text; batch reads NDJSON or CSV$/,
    ],
    [
      'a PNG header',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
      / looks binary \(a NUL byte at byte 9\)/,
    ],
    [
      'control bytes without NUL',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + (i % 31))),
      / looks binary \(many control bytes\)/,
    ],
    [
      'UTF-16 text',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"years": 1}\n', 'utf16le')]),
      / is UTF-16 text; save it as UTF-8/,
    ],
  ])(
    'a binary file (%s) fails cleanly: exit 1, one line, no output',
    async (_what, bytes, message) => {
      const file = tmp.file('binary.bin', bytes);
      // CSV output too: its header row must not go out ahead of a whole-input error.
      for (const format of [[], ['--format', 'csv']]) {
        const r = await runBin(['batch', file, ...format]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr.trimEnd()).toMatch(message);
      }
    },
  );
});

describe('records with unknown fields', () => {
  it('are rejected naming the field and the accepted ones, __proto__ and constructor included', async () => {
    const input = [
      '{"years": 3, "__proto__": {"isAdmin": true}}',
      '{"years": 3, "constructor": {"prototype": {"isAdmin": true}}}',
      '{"years": 3, "salary": 1}',
      '{"years": 3}',
    ].join('\n');
    const r = await runBin(['batch'], { input });
    expect(r.code).toBe(1);
    const accepted = 'accepted fields: years, city, industry, skills, degree, level, offer';
    expect(r.stderr).toBe(
      `line 1: unknown field '__proto__'; ${accepted}\n` +
        `line 2: unknown field 'constructor'; ${accepted}\n` +
        `line 3: unknown field 'salary'; ${accepted}\n` +
        'ml-salary batch: 4 records read: 1 estimated, 3 bad\n',
    );
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.line).toBe(4);
    expect(out).not.toHaveProperty('isAdmin');
  });
});

describe('formats carry the same figures', () => {
  it('--format csv and --format markdown print the numbers of --json', async () => {
    const args = ['--years', '4', '--city', 'austin'];
    const [json, csv, md] = await Promise.all([
      runBin([...args, '--json']),
      runBin([...args, '--format', 'csv']),
      runBin([...args, '--format', 'markdown']),
    ]);
    for (const r of [json, csv, md]) expect(r.code).toBe(0);
    const doc = JSON.parse(json.stdout) as Record<string, Record<string, number>>;
    const [header, row] = csv.stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const money = (n: number): string => `$${n.toLocaleString('en-US')}`;
    for (const part of ['base', 'bonus', 'equity', 'total']) {
      const title = part[0]!.toUpperCase() + part.slice(1);
      const mdRow = md.stdout
        .split('\n')
        .find((l) => l.replace(/\*/g, '').startsWith(`| ${title} |`));
      for (const end of ['low', 'mid', 'high']) {
        const value = doc[part]![end]!;
        expect(Number(row![header!.indexOf(`${part}_${end}`)])).toBe(value);
        expect(mdRow).toContain(money(value));
      }
    }
    expect(row![header!.indexOf('city')]).toBe('austin');
    expect(csv.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
    expect(md.stdout).not.toMatch(/\x1b/); // eslint-disable-line no-control-regex
  });
});

describe('never waits on a closed or empty pipe', () => {
  it('batch with empty stdin exits 0 at once with nothing written', async () => {
    const r = await runBin(['batch']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
