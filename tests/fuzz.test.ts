import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type Line } from '../src/batch/lines.js';
import { utf8Problem } from '../src/input/files.js';
import { splitCsvLine } from '../src/batch/records.js';
import { run } from '../src/cli/program.js';
import { csvRow } from '../src/render/csv.js';
import { FIXTURES, reportedLines, summary } from './batch-helpers.js';
import { fakeIo } from './helpers.js';

// Property tests: whatever the arguments or the input, the CLI answers with a documented exit
// code and one-line messages, never a crash, a stack trace or an "internal error".

const DOCUMENTED = [0, 1, 2, 130, 143];
const STACK = /\n\s+at |internal error/;

function assertClean(code: number, stderr: string): void {
  expect(DOCUMENTED).toContain(code);
  expect(stderr).not.toMatch(STACK);
}

describe('argv fuzzing (in-process)', () => {
  const flag = fc.constantFrom(
    '--years',
    '--city',
    '--industry',
    '--skills',
    '--degree',
    '--format',
    '--json',
    '--no-input',
    '--color',
    '--no-color',
    '--debug',
    '--help',
    '-h',
    '--version',
    '-V',
    '--input-format',
    '--',
    '-',
  );
  const word = fc.constantFrom(
    'list',
    'batch',
    'cities',
    'skill',
    'csv',
    'json',
    'ndjson',
    'table',
    'markdown',
    'sf',
    'seatle',
    'phd',
    'mlops,nlp',
    '5',
    '4.5',
    '-1',
    '1e999',
    'NaN',
    '0x10',
    '',
    join(FIXTURES, 'profiles.ndjson'),
    join(FIXTURES, 'mixed.ndjson'),
    join(FIXTURES, 'profiles.csv'),
  );
  const token = fc.oneof(
    { weight: 4, arbitrary: flag },
    { weight: 4, arbitrary: word },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.stringMatching(/^--?[a-z][a-z-]{0,9}(=[a-z0-9]{0,4})?$/) },
    { weight: 1, arbitrary: fc.double().map(String) },
  );

  it('any argv: a documented exit code, no stack trace, colour only when asked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (argv) => {
        const c = fakeIo();
        (c.io.stdin as PassThrough).end(); // a closed pipe: nothing may wait for input
        const code = await run(argv, c.io);
        assertClean(code, c.stderr());
        if (code === 2) expect(c.stderr()).toMatch(/^ml-salary: /);
        if (code !== 0) expect(c.stderr()).not.toBe('');
        // eslint-disable-next-line no-control-regex
        if (!argv.includes('--color')) expect(c.stdout()).not.toMatch(/\x1b\[/);
      }),
      { numRuns: 400 },
    );
  });
});

// ---- batch input ----

const name = fc.oneof(
  fc.constantFrom('sf', 'NYC', 'faang', 'big tech', 'phd', 'mlops', 'cv,llm', 'Austin', '', ' '),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'atlantis', 'seatle', 'mlops;nlp'),
  fc.string({ maxLength: 10 }),
);
const jsonValue = fc.oneof(
  name.map((s) => JSON.stringify(s)),
  fc.integer({ min: -5, max: 80 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('1e999', '-1e999', '-0', '1e-400', '0.5e1', 'null', 'true', '{}', '[]'),
  fc.constantFrom('"5"', '"5 years"', '""', '"0x10"', '"NaN"', '"-1"', '"1e999"', '" 7 "'),
  fc.array(name, { maxLength: 3 }).map((a) => JSON.stringify(a)),
);
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('years', 'city', 'industry', 'skills', 'degree') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'Years', 'line', ''),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const jsonRecord = fc
  .array(fc.tuple(key, jsonValue), { maxLength: 6 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}`);
const csvCell = fc.oneof(
  name,
  fc.constantFrom('"', '""', ',', '"a,b"', '"say ""hi"""', '5', '-1', '1e999', ''),
);
const csvLine = fc.array(csvCell, { maxLength: 6 }).map((cells) => cells.join(','));
const anyLine = fc.oneof(
  { weight: 6, arbitrary: jsonRecord },
  { weight: 2, arbitrary: csvLine },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '  ', '\t', '\r', '{', '}', '[]', 'null', '\ufeff{"years": 1}'),
  },
);
const input = fc.record({
  lines: fc.array(
    anyLine.map((l) => l.replace(/\n/g, ' ')),
    { maxLength: 25 },
  ),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  header: fc.boolean(),
});

/** The input's lines as the splitter must see them: BOM and one trailing CR removed. */
function physicalLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split('\n');
  if (text.endsWith('\n')) parts.pop();
  return parts.map((p, i) => {
    let t = i === 0 && p.startsWith('\ufeff') ? p.slice(1) : p;
    if (t.endsWith('\r')) t = t.slice(0, -1);
    return t;
  });
}

const isBlank = (t: string): boolean => /^[ \t]*$/.test(t);

async function feed(
  text: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const c = fakeIo();
  const stdin = c.io.stdin as PassThrough;
  // Uneven chunks, so lines and characters are cut at every kind of place.
  const bytes = Buffer.from(text);
  for (let at = 0, step = 1; at < bytes.length; at += step, step = (step * 7) % 13 || 1) {
    stdin.write(bytes.subarray(at, at + step));
  }
  stdin.end();
  const code = await run(['batch', ...args], c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

describe('batch line fuzzing (in-process)', () => {
  const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  // Issue 20 item 12, seed -1988587844 path 370:6: a record with a stray byte-order mark, then a
  // '{' alone. The '{' was taken for the first record of pretty-printed JSON and ended the whole
  // input after line 1 had been reported: neither estimated nor reported. Not state carried
  // between runs (the same input fails alone): RecordWork counted the refused line as no record.
  it('a stray byte-order mark line, then a lone {: both lines reported', async () => {
    for (const text of ['\ufeff\ufeff{"years": 1}\n{', '\ufeff\ufeff{"years": 1}\n{\n']) {
      const r = await feed(text, ['--input-format', 'ndjson']);
      expect(r.code).toBe(1);
      expect(reportedLines(r.stderr)).toEqual([1, 2]);
      expect(r.stderr).not.toMatch(/ml-salary: error/);
    }
  });

  it('NDJSON: every non-blank line is either estimated or reported, by its line number', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ lines, crlf, bom, finalNewline }) => {
        const text =
          (bom ? '\ufeff' : '') + lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '');
        const r = await feed(text, ['--input-format', 'ndjson']);
        assertClean(r.code, r.stderr);
        expect([0, 1]).toContain(r.code);
        if (r.stderr.startsWith('ml-salary: error:')) {
          // A whole-input error (binary-looking input): one line, nothing estimated.
          expect(r.code).toBe(1);
          expect(r.stdout).toBe('');
          expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          return;
        }
        const expected = physicalLines(text)
          .map((t, i) => ({ t, n: i + 1 }))
          .filter(({ t }) => !isBlank(t))
          .map(({ n }) => n);
        const out = r.stdout
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => (JSON.parse(l) as { line: number }).line);
        const bad = reportedLines(r.stderr);
        expect([...out, ...bad].sort((a, b) => a - b)).toEqual(expected);
        expect(out).toEqual([...out].sort((a, b) => a - b));
        expect(r.code).toBe(bad.length > 0 ? 1 : 0);
        if (bad.length > 0) {
          expect(summary(r.stderr)).toEqual({
            read: expected.length,
            good: out.length,
            bad: bad.length,
          });
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      }),
      { numRuns: 500 },
    );
  });

  it('detected format (NDJSON or CSV): counts add up, or one whole-input error', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ lines, crlf, bom, finalNewline, header }) => {
        const all = header ? ['years,city,industry,skills,degree', ...lines] : lines;
        const text =
          (bom ? '\ufeff' : '') + all.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '');
        const r = await feed(text, []);
        assertClean(r.code, r.stderr);
        expect([0, 1]).toContain(r.code);
        if (r.stderr.startsWith('ml-salary: error:')) {
          expect(r.code).toBe(1);
          expect(r.stdout).toBe('');
          expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          return;
        }
        const numbered = physicalLines(text)
          .map((t, i) => ({ t, n: i + 1 }))
          .filter(({ t }) => !isBlank(t));
        const csv = numbered.length > 0 && !numbered[0]!.t.trimStart().startsWith('{');
        const expected = (csv ? numbered.slice(1) : numbered).map(({ n }) => n);
        const out = r.stdout
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => (JSON.parse(l) as { line: number }).line);
        const bad = reportedLines(r.stderr);
        expect([...out, ...bad].sort((a, b) => a - b)).toEqual(expected);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the pieces, property-tested', () => {
  it('CSV: what csvRow quotes, splitCsvLine reads back exactly (a formula-like text with its guard)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\n/g, '')),
          { minLength: 1, maxLength: 6 },
        ),
        (cells) => {
          const guarded = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
          expect(splitCsvLine(csvRow(cells).slice(0, -1))).toEqual(guarded);
        },
      ),
    );
  });

  it("utf8Problem's bad byte agrees with isUtf8", () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .tuple(
          fc.string({ unit: 'binary', maxLength: 10 }),
          fc.nat(),
          fc.integer({ min: 0, max: 255 }),
        )
        .map(([s, at, b]) => {
          const buf = Buffer.from(s);
          if (buf.length > 0) buf[at % buf.length] = b;
          return buf;
        }),
    );
    fc.assert(
      fc.property(bytes, (raw) => {
        const buf = Buffer.from(raw);
        const problem = utf8Problem(buf);
        expect(problem === undefined).toBe(isUtf8(buf));
        if (problem === undefined) return;
        const at = Number(/at byte (\d+)/.exec(problem)![1]) - 1;
        expect(isUtf8(buf.subarray(0, at))).toBe(true);
        expect(isUtf8(buf.subarray(0, at + 4))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('LineSplitter: the same lines however the bytes are chunked', () => {
    const split = (chunks: Buffer[], max?: number): Line[] => {
      const s = new LineSplitter(max);
      const out: Line[] = [];
      for (const c of chunks) s.push(c, (l) => out.push(l));
      s.end((l) => out.push(l));
      return out;
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.nat({ max: 80 }), { maxLength: 6 }),
        (text, cuts) => {
          const bytes = Buffer.from(text);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks: Buffer[] = [];
          let from = 0;
          for (const p of [...points, bytes.length]) {
            chunks.push(bytes.subarray(from, p));
            from = p;
          }
          const whole = split([bytes]);
          expect(split(chunks)).toEqual(whole);
          expect(split(chunks, 16)).toEqual(split([bytes], 16));
          expect(whole.map((l) => l.text ?? '')).toEqual(physicalLines(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
