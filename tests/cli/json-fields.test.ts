// `--json total,level`: only those top-level fields, in every command with --json; the word
// after --json is a field list only when the command would not take it as its own argument.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { createProgram } from '../../src/cli/program.js';
import { moveJsonFields, pickFields } from '../../src/cli/json-fields.js';
import { market } from '../../src/model/market.js';
import { cli, expectUsageError } from '../command-helpers.js';
import { fakeIo } from '../helpers.js';

const program = (): Command => createProgram(fakeIo().io, market, { code: 0 });
const move = (argv: string[], files: string[] = []): string[] =>
  moveJsonFields(argv, program(), (p) => files.includes(p));

describe('moveJsonFields: which word after --json is a field list', () => {
  it.each([
    [
      ['--json', 'total,level', '--years', '5'],
      ['--json=', '--json-fields', 'total,level', '--years', '5'],
    ],
    [
      ['--years', '5', '--json', 'total'],
      ['--years', '5', '--json=', '--json-fields', 'total'],
    ],
    [
      ['--years', '5', '--json=total, level'],
      ['--years', '5', '--json=', '--json-fields', 'total, level'],
    ],
    [
      ['--years', '5', '--json'],
      ['--years', '5', '--json='],
    ],
    [
      ['--json', '--years', '5'],
      ['--json=', '--years', '5'],
    ],
    // A command name before the command is the command.
    [
      ['--json', 'batch', 'f.ndjson'],
      ['--json=', 'batch', 'f.ndjson'],
    ],
    // After the command, the same word is a field (the offer document has an `offer` field).
    [
      ['offer', '--json', 'offer', '--base', '1'],
      ['offer', '--json=', '--json-fields', 'offer', '--base', '1'],
    ],
    // A list kind, singular or plural, stays the kind.
    [
      ['list', '--json', 'cities'],
      ['list', '--json=', 'cities'],
    ],
    [
      ['list', '--json', 'city'],
      ['list', '--json=', 'city'],
    ],
    [
      ['list', '--json', 'kind', 'cities'],
      ['list', '--json=', '--json-fields', 'kind', 'cities'],
    ],
    // File names: a dot is never in a field; a file that exists stays a file.
    [
      ['offer', '--json', 'a.json', 'b.json'],
      ['offer', '--json=', 'a.json', 'b.json'],
    ],
    // An option's value is never looked at: --city takes '--json' as its value, as commander does.
    [
      ['--city', '--json', 'total'],
      ['--city', '--json', 'total'],
    ],
    [
      ['--', '--json', 'total'],
      ['--', '--json', 'total'],
    ],
  ])('%j', (argv, expected) => {
    expect(move(argv)).toEqual(expected);
  });

  it('a repeated --json adds its fields to the ones before, as gh does', () => {
    expect(move(['--json', 'total', '--years', '5', '--json=level'])).toEqual([
      '--json=',
      '--years',
      '5',
      '--json=',
      '--json-fields',
      'total,level',
    ]);
    expect(move(['offer', '--json', 'level', '--json', '--json', 'firstYear'])).toEqual([
      'offer',
      '--json=',
      '--json=',
      '--json=',
      '--json-fields',
      'level,firstYear',
    ]);
  });

  it('a file that exists is an operand of a command that takes files', () => {
    expect(move(['batch', '--json', 'profiles'], ['profiles'])).toEqual([
      'batch',
      '--json=',
      'profiles',
    ]);
    expect(move(['batch', '--json', 'profiles'])).toEqual([
      'batch',
      '--json=',
      '--json-fields',
      'profiles',
    ]);
    // A list kind is `list`'s argument only: after offer or batch it is a field unless the
    // file exists (`level` is a field of both documents).
    expect(move(['offer', '--years', '5', '--json', 'level'])).toEqual([
      'offer',
      '--years',
      '5',
      '--json=',
      '--json-fields',
      'level',
    ]);
    expect(move(['batch', '--json', 'level'])).toEqual([
      'batch',
      '--json=',
      '--json-fields',
      'level',
    ]);
    expect(move(['batch', '--json', 'cities'], ['cities'])).toEqual(['batch', '--json=', 'cities']);
    // The estimate takes no file: the word is a field list, whatever the folder holds.
    expect(move(['--json', 'total'], ['total'])).toEqual(['--json=', '--json-fields', 'total']);
  });
});

describe('pickFields', () => {
  it('keeps the fields asked for, in that order, each once', () => {
    expect(pickFields({ a: 1, b: 2, c: 3 }, 'c, a,c')).toEqual({ c: 3, a: 1 });
    expect(Object.keys(pickFields({ a: 1, b: 2, c: 3 }, 'c,a'))).toEqual(['c', 'a']);
    expect(pickFields({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it('an unknown field names the ones there are, with a did-you-mean', () => {
    expect(() => pickFields({ total: 1, level: 2 }, 'totl')).toThrow(
      "--json: unknown field 'totl' (did you mean 'total'?); the fields are: total, level",
    );
    // A prototype's key is not a field.
    expect(() => pickFields({ total: 1 }, 'constructor')).toThrow(/unknown field 'constructor'/);
  });
});

describe('--json FIELDS in every command with --json', () => {
  it('the estimate: `--json total,level` prints just those', async () => {
    const r = await cli(['--years', '5', '--city', 'sf', '--json', 'total,level']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['total', 'level']);
    const whole = JSON.parse((await cli(['--years', '5', '--city', 'sf', '--json'])).stdout);
    expect(doc).toEqual({ total: whole.total, level: whole.level });
  });

  it('`--json total --json level` prints both, where the last won silently (review5)', async () => {
    const r = await cli(['--years', '5', '--json', 'total', '--json', 'level']);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['total', 'level']);
    const offer = await cli([
      'offer',
      '--years',
      '5',
      '--base',
      '150k',
      '--json=level',
      '--json',
      'level,firstYear',
    ]);
    expect(JSON.parse(offer.stdout)).toEqual({ level: 'mid', firstYear: 150000 });
  });

  it('`--json ,` (or an empty word) names no field: one line, exit 2, not a command (review5)', async () => {
    const says = (word: string) =>
      new RegExp(
        `error: --json: '${word}' names no field; give a comma list such as --json total,level, or --json alone for the whole document$`,
        'm',
      );
    expectUsageError(await cli(['--years', '5', '--json', ',']), says(','));
    expectUsageError(await cli(['--years', '5', '--json=,']), says(','));
    expectUsageError(await cli(['--years', '5', '--json', '']), says(''));
    expectUsageError(await cli(['list', 'cities', '--json', ' , ']), says(' , '));
    expectUsageError(await cli(['--json', ',', 'list', 'cities']), says(','));
    // `--json=` alone is a plain --json, as it was: the whole document.
    expect(JSON.parse((await cli(['--years', '5', '--json='])).stdout).level).toBe('mid');
  });

  it('an unknown field is a usage error listing the fields', async () => {
    const r = await cli(['--years', '5', '--json', 'totl']);
    expectUsageError(
      r,
      /unknown field 'totl' \(did you mean 'total'\?\); the fields are: schemaVersion, .*total/,
    );
  });

  it('offer, compare, career, list and market', async () => {
    const offer = await cli(['offer', '--years', '5', '--base', '185k', '--json', 'position']);
    expect(Object.keys(JSON.parse(offer.stdout))).toEqual(['position']);
    const compare = await cli(['compare', '--years', '5', '--vs', 'city=nyc', '--json', 'kind']);
    expect(JSON.parse(compare.stdout)).toEqual({ kind: 'compare' });
    const career = await cli(['career', '--to', '3', '--json', 'kind']);
    expect(JSON.parse(career.stdout)).toEqual({ kind: 'career' });
    expect(JSON.parse((await cli(['list', 'cities', '--json', 'kind'])).stdout)).toEqual({
      kind: 'cities',
    });
    expect(
      JSON.parse((await cli(['list', '--json', 'cities'])).stdout).values.length,
    ).toBeGreaterThan(5);
    const data = await cli(['market', '--json', 'dataVersion']);
    expect(Object.keys(JSON.parse(data.stdout))).toEqual(['dataVersion']);
  });

  it('offer and batch: `--json level` is the level field, not a file (review F10)', async () => {
    const offer = await cli(['offer', '--years', '5', '--base', '200k', '--json', 'level']);
    expect(offer.stderr).toBe('');
    expect(offer.code).toBe(0);
    expect(Object.keys(JSON.parse(offer.stdout))).toEqual(['level']);
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-fields-'));
    const file = join(dir, 'in.ndjson');
    writeFileSync(file, '{"years":5}\n');
    const batch = await cli(['batch', file, '--json', 'level']);
    expect(batch.stderr).toBe('');
    expect(batch.code).toBe(0);
    expect(Object.keys(JSON.parse(batch.stdout))).toEqual(['level']);
  });

  it('--json before the command is the command’s, fields too (it was ignored by offer)', async () => {
    const r = await cli(['--json', 'position', 'offer', '--years', '5', '--base', '185k']);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['position']);
  });

  it('batch: each record with only those fields; the list checked before any record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-fields-'));
    const file = join(dir, 'in.ndjson');
    writeFileSync(file, '{"years":3}\n{"years":8,"offer":{"base":200000}}\n');
    const r = await cli(['batch', file, '--json', 'line,position']);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    // A record without an offer has no position: only the fields it has.
    expect(lines[0]).toEqual({ line: 1 });
    expect(Object.keys(lines[1])).toEqual(['line', 'position']);
    const explained = await cli(['batch', file, '--explain', '--json', 'line,factors']);
    expect(Object.keys(JSON.parse(explained.stdout.split('\n')[0]!))).toEqual(['line', 'factors']);
    expectUsageError(
      await cli(['batch', file, '--json', 'nope']),
      /unknown field 'nope'; the fields are: schemaVersion, line, profile/,
    );
  });
});

it('a field a flag adds says which flag (review2 M17)', async () => {
  const no = async (argv: string[], why: string) =>
    expectUsageError(
      await cli([...argv, '--no-input']),
      new RegExp(`^ml-salary: error: --json: no field ${why}; the fields are: schemaVersion`),
    );
  await no(['--years', '5', '--json=takeHome'], "'takeHome' here \\(--take-home adds it\\)");
  await no(
    ['--years', '5', '--json', 'paper'],
    "'paper' here \\(only an AI startup's paper equity has it\\)",
  );
  await no(
    ['offer', '--years', '5', '--base', '200k', '--json', 'counter'],
    "'counter' here \\(--counter adds it\\)",
  );
  await no(
    ['offer', '--years', '5', '--base', '200k', '--json', 'leave'],
    "'leave' here \\(--leave-at adds it\\)",
  );
  const taken = await cli(['--years', '5', '--take-home', '--json', 'takeHome']);
  expect(Object.keys(JSON.parse(taken.stdout))).toEqual(['takeHome']);
  await no(['--years', '5', '--json', 'marketFile'], "'marketFile' here \\(--data adds it\\)");
  await no(['career', '--json', 'scenarios'], "'scenarios' here \\(--vs adds it\\)"); // review5 P3
  expectUsageError(
    await cli(['list', 'cities', '--json', 'marketFile']),
    /^ml-salary: error: --json: no field 'marketFile' here \(--data adds it\); the fields are: kind, values$/m,
  );
});

it('a field no such document has is exit 2, hinting no flag it does not take (review5)', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ml-salary-fields-')), 'p.ndjson');
  writeFileSync(file, '{"years": 5}\n');
  // batch has no --take-home: "(--take-home adds it)" sent scripts to an unknown option
  expectUsageError(
    await cli(['batch', file, '--json', 'takeHome']),
    /^ml-salary: error: --json: unknown field 'takeHome'; the fields are: schemaVersion, line,/,
  );
  // notes: only an offer's, compare's or career's document has them; a list printed {}
  expectUsageError(
    await cli(['list', 'cities', '--json', 'notes']),
    /unknown field 'notes'; the fields are: kind, values\n$/,
  );
  const offers = ['offer', 'examples/acme.json', 'examples/globex.json', '--json', 'notes'];
  expectUsageError(await cli(offers), /unknown field 'notes'; the fields are: schemaVersion, kind/);
});

it('--json notes is left out where there is nothing to note, so one script serves every city (review3 A7)', async () => {
  const offer = (city: string) =>
    cli(['offer', '--years', '5', '--city', city, '--base', '200k', '--json', 'level,notes']);
  // Denver: 7 pay records (x0.913) near the guides' x0.882, so no doubt to note (review4 N1).
  const denver = await offer('denver');
  expect(denver.code).toBe(0);
  expect(JSON.parse(denver.stdout)).toEqual({ level: 'mid' });
  const pittsburgh = JSON.parse((await offer('pittsburgh')).stdout) as { notes: string[] };
  expect(pittsburgh.notes[0]).toMatch(/^Pittsburgh: its pay factor \(base x1\.037\) is uncertain/);
  const compare = await cli(['compare', '--years', '5', '--vs', 'city=nyc', '--json', 'notes']);
  expect(compare.stdout).toBe('{}\n');
});
