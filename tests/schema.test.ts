import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { profileFromJson } from '../src/batch/records.js';
import { market } from '../src/market.js';
import { run } from '../src/program.js';
import { FIXTURES, lines } from './batch-helpers.js';
import { fakeIo, ROOT } from './helpers.js';

// The JSON Schemas in schemas/ are the contract for scripts: real output must match them, and
// they must describe every field the output has.

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as Record<string, unknown>;

const estimateSchema = load('estimate.schema.json');
const recordSchema = load('batch-record.schema.json');
const inputSchema = load('batch-input.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(estimateSchema);
ajv.addSchema(recordSchema);
ajv.addSchema(inputSchema);
const validEstimate = ajv.getSchema('estimate.schema.json')!;
const validRecord = ajv.getSchema('batch-record.schema.json')!;
const validInput = ajv.getSchema('batch-input.schema.json')!;

async function cli(argv: string[], input?: string): Promise<string> {
  const c = fakeIo();
  if (input !== undefined) (c.io.stdin as PassThrough).end(input);
  const code = await run(argv, c.io);
  expect(c.stderr()).toBe('');
  expect(code).toBe(0);
  return c.stdout();
}

const ids = (list: readonly { id: string }[]): string[] => list.map((e) => e.id);

describe('schemas/estimate.schema.json', () => {
  it('matches --json output across every city, industry, degree and skill', async () => {
    const docs: unknown[] = [];
    for (const [i, city] of ids(market.locations).entries()) {
      for (const [j, industry] of ids(market.industries).entries()) {
        const degree = ids(market.degrees.list)[(i + j) % market.degrees.list.length]!;
        const skills = ids(market.skills.list).filter((_, k) => (i + j + k) % 3 === 0);
        const years = String((i * 7 + j * 3) % (market.experience.maxYears + 1));
        const argv = ['--years', years, '--city', city, '--industry', industry, '--degree', degree];
        if (skills.length) argv.push('--skills', skills.join(','));
        docs.push(JSON.parse(await cli([...argv, '--json'])));
      }
    }
    docs.push(JSON.parse(await cli(['--years', '0', '--json'])));
    docs.push(JSON.parse(await cli(['--years', String(market.experience.maxYears), '--json'])));
    for (const doc of docs) {
      expect(validEstimate(doc), JSON.stringify(validEstimate.errors)).toBe(true);
    }
  });

  it('names every top-level field the output has (no undocumented fields)', async () => {
    const doc = JSON.parse(await cli(['--years', '6', '--skills', 'mlops', '--json'])) as object;
    const props = Object.keys(estimateSchema.properties as object);
    const optional = ['paper']; // only for private paper equity (an AI startup)
    expect(Object.keys(doc).sort()).toEqual(props.filter((p) => !optional.includes(p)).sort());
    expect([...(estimateSchema.required as string[])].sort()).toEqual(
      props.filter((p) => !optional.includes(p)).sort(),
    );
    const startup = JSON.parse(await cli(['--years', '6', '--industry', 'ai-startup', '--json']));
    expect(Object.keys(startup).sort()).toEqual([...props].sort());
  });

  it('lists the catalogue ids and the maximum years of data/market.json', () => {
    const defs = estimateSchema.$defs as Record<string, Record<string, unknown>>;
    const p = defs.profile!.properties as Record<string, { enum?: string[]; maximum?: number }>;
    const skills = p.skills as unknown as { items: { enum: string[] } };
    expect(p.city!.enum).toEqual(ids(market.locations));
    expect(p.industry!.enum).toEqual(ids(market.industries));
    expect(p.degree!.enum).toEqual(ids(market.degrees.list));
    expect(skills.items.enum).toEqual(ids(market.skills.list));
    expect(p.years!.maximum).toBe(market.experience.maxYears);
  });

  it('rejects documents that break the contract', () => {
    const good = JSON.parse(
      readFileSync(join(FIXTURES, 'profiles.ndjson'), 'utf8').split('\n')[0]!,
    ) as unknown;
    expect(validInput(good)).toBe(true);
    for (const broken of [
      { schemaVersion: 2 }, // the version before batch records became compact
      { total: { low: 1, mid: 2 } },
      { total: { low: 1.5, mid: 2, high: 3 } },
      { level: 'principal' },
      { profile: { years: 3, city: 'gotham', industry: 'enterprise', skills: [], degree: 'phd' } },
    ]) {
      expect(validEstimate(broken)).toBe(false);
    }
  });
});

describe('schemas/batch-record.schema.json', () => {
  it('matches every compact NDJSON line of batch output, and names all its fields', async () => {
    const out = lines(await cli(['batch', join(FIXTURES, 'profiles.ndjson')]));
    expect(out.length).toBeGreaterThan(0);
    const compact = (recordSchema.$defs as Record<string, { properties: object }>).compact!;
    for (const text of out) {
      const record = JSON.parse(text) as Record<string, unknown>;
      expect(validRecord(record), JSON.stringify(validRecord.errors)).toBe(true);
      // `position` is there only for a record that carries an offer.
      expect(Object.keys(record)).toEqual(
        Object.keys(compact.properties).filter((k) => k !== 'position'),
      );
    }
    const noLine = JSON.parse(out[0]!) as Record<string, unknown>;
    delete noLine.line;
    expect(validRecord(noLine)).toBe(false);
    expect(validRecord({ ...JSON.parse(out[0]!), factors: [] })).toBe(false);
  });

  it('matches every --explain line, which is the full document plus line', async () => {
    const out = lines(await cli(['batch', '--explain', join(FIXTURES, 'profiles.ndjson')]));
    for (const text of out) {
      const record = JSON.parse(text) as Record<string, unknown>;
      expect(validRecord(record), JSON.stringify(validRecord.errors)).toBe(true);
      expect(validEstimate(record), JSON.stringify(validEstimate.errors)).toBe(true);
      expect(Object.keys(record).sort()).toEqual(
        [...Object.keys(estimateSchema.properties as object), 'line']
          .filter((k) => k !== 'paper' || 'paper' in record)
          .sort(),
      );
    }
  });
});

describe('schemas/batch-input.schema.json', () => {
  it('accepts the fixture records and agrees with the parser on fields and types', () => {
    const records = readFileSync(join(FIXTURES, 'profiles.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    for (const text of records) expect(validInput(JSON.parse(text))).toBe(true);
    for (const text of [
      '{"years": 3, "salary": 1}',
      '{"years": 3, "__proto__": {}}',
      '{"city": "sf"}',
      '{"years": "5 years"}',
      '{"years": -1}',
      '{"years": 51}',
      '{"years": 3, "skills": [1]}',
    ]) {
      expect(validInput(JSON.parse(text)), text).toBe(false);
    }
    // The parser rejects unknown fields exactly as the schema's additionalProperties does.
    expect(() => profileFromJson('{"years": 3, "salary": 1}')).toThrow(/unknown field 'salary'/);
  });
});
