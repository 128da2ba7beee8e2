import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { profileFromJson } from '../../src/batch/records.js';
import { market } from '../../src/model/market.js';
import parities from '../../data/price-parities.json' with { type: 'json' };
import { run } from '../../src/cli/program.js';
import { FIXTURES, lines } from '../batch-helpers.js';
import { fakeIo, ROOT } from '../helpers.js';

// The JSON Schemas in schemas/ are the contract for scripts: real output must match them, and
// they must describe every field the output has.

const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as Record<string, unknown>;

const estimateSchema = load('estimate.schema.json');
const recordSchema = load('batch-record.schema.json');
const inputSchema = load('batch-input.schema.json');
const offerSchema = load('offer.schema.json');
const offerFileSchema = load('offer-file.schema.json');
const compareSchema = load('compare.schema.json');
const careerSchema = load('career.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const schema of [
  estimateSchema,
  recordSchema,
  inputSchema,
  offerSchema,
  offerFileSchema,
  compareSchema,
  careerSchema,
]) {
  ajv.addSchema(schema);
}
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
    // paper: only for private paper equity (an AI startup); takeHome: only with --take-home
    const optional = ['paper', 'takeHome', 'marketFile'];
    expect(Object.keys(doc).sort()).toEqual(props.filter((p) => !optional.includes(p)).sort());
    expect([...(estimateSchema.required as string[])].sort()).toEqual(
      props.filter((p) => !optional.includes(p)).sort(),
    );
    const startup = JSON.parse(
      await cli(
        ['--years', '6', '--industry', 'ai-startup', '--take-home', '--data', '-', '--json'],
        JSON.stringify(market),
      ),
    );
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
      // `position` is there only for a record that carries an offer, `paper` only for private
      // paper, `uncertain` only where a figure is, `marketFile` only with --data.
      expect(Object.keys(record)).toEqual(
        Object.keys(compact.properties)
          .filter((k) => k !== 'position' && k !== 'marketFile')
          .filter((k) => (k !== 'paper' && k !== 'uncertain') || k in record),
      );
    }
    const withFile = ['batch', '--data', join(ROOT, 'data', 'market.json')];
    for (const text of lines(await cli([...withFile, join(FIXTURES, 'profiles.ndjson')]))) {
      const record = JSON.parse(text) as Record<string, unknown>;
      expect(record.marketFile).toBe(join(ROOT, 'data', 'market.json'));
      expect(validRecord(record), JSON.stringify(validRecord.errors)).toBe(true);
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
          .filter((k) => k !== 'takeHome' && k !== 'marketFile')
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

// ---- offer, compare, career and take-home (issues 13, 14, 15) ----

const validOffer = ajv.getSchema('offer.schema.json')!;
const validOfferFile = ajv.getSchema('offer-file.schema.json')!;
const validCompare = ajv.getSchema('compare.schema.json')!;
const validCareer = ajv.getSchema('career.schema.json')!;

type Json = Record<string, unknown>;
const EXAMPLES = join(ROOT, 'examples');
const AMAZON = ['--years', '5', '--city', 'seattle', '--industry', 'faang', '--base', '185000'];
/** An AI startup's offer, before its stock. */
const STARTUP = ['--years', '4', '--city', 'sf', '--industry', 'ai-startup', '--base', '180k'];
const AMAZON_OFFER = [
  ...AMAZON,
  ...['--bonus', '15%', '--equity', '400000', '--vesting', 'amazon', '--sign-on', '50000,30000'],
];

const SEED = [
  ...['--years', '5', '--city', 'sf', '--industry', 'ai-startup', '--base', '160k'],
  ...['--options', '40000', '--strike', '1.20', '--fmv', '1.20', '--preferred', '4.00'],
  ...['--stage', 'seed'],
];

async function doc(argv: string[]): Promise<Json> {
  return JSON.parse(await cli([...argv, '--json'])) as Json;
}
/** `argv` with the bundled market given as --data on stdin: the document has `marketFile`. */
const withData = async (argv: string[]): Promise<Json> =>
  JSON.parse(await cli([...argv, '--data', '-', '--json'], JSON.stringify(market))) as Json;

/** The definition a `$ref` (local, or into another schema by its $id) points at. */
function resolve(schema: Json, root: Json): { node: Json; root: Json } {
  let node = schema;
  while (typeof node.$ref === 'string') {
    const [file, pointer = ''] = node.$ref.split('#');
    if (file) root = load(file);
    node = pointer
      .split('/')
      .filter((p) => p !== '')
      .reduce<Json>((n, key) => n[key] as Json, root);
  }
  return { node, root };
}

/**
 * Every key the schema's object at `path` (property names, `[]` for array items, `$defs/x` to
 * start at a definition) names, followed through `$ref`s, `oneOf` taking the branch that is an
 * object with properties.
 */
function namedKeys(root: Json, path: string[]): string[] {
  let at = resolve(root, root);
  for (const step of path) {
    const node = at.node;
    const next =
      step === '[]'
        ? (node.items as Json)
        : step.startsWith('$defs/')
          ? (at.root.$defs as Record<string, Json>)[step.slice(6)]!
          : (node.properties as Record<string, Json>)[step]!;
    at = resolve(next, at.root);
    const branch = ((at.node.oneOf ?? at.node.anyOf) as Json[] | undefined)?.find(
      (b) => resolve(b, at.root).node.properties,
    );
    if (branch) at = resolve(branch, at.root);
  }
  return Object.keys(at.node.properties as object).sort();
}

/** Every key that objects at `path` in any of the documents have (`[]`: each item). */
function seenKeys(docs: readonly unknown[], path: string[]): string[] {
  let values: unknown[] = [...docs];
  for (const step of path) {
    values = values.flatMap((v) =>
      step === '[]'
        ? Array.isArray(v)
          ? v
          : []
        : v && typeof v === 'object'
          ? [(v as Json)[step]]
          : [],
    );
  }
  const keys = new Set<string>();
  for (const v of values)
    if (v && typeof v === 'object') Object.keys(v).forEach((k) => keys.add(k));
  return [...keys].sort();
}

/** Each object schema in a file that lists properties, with where it is. */
function objectSchemas(node: unknown, where = '#'): [string, Json][] {
  if (!node || typeof node !== 'object') return [];
  const out: [string, Json][] = [];
  const n = node as Json;
  if (n.properties && !Array.isArray(node)) out.push([where, n]);
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties') {
      for (const [p, s] of Object.entries(v as Json))
        out.push(...objectSchemas(s, `${where}/properties/${p}`));
    } else out.push(...objectSchemas(v, `${where}/${k}`));
  }
  return out;
}

function expectValid(validate: typeof validOffer, docs: readonly unknown[]): void {
  for (const d of docs) expect(validate(d), JSON.stringify(validate.errors)).toBe(true);
}

const clone = <T>(x: T): T => structuredClone(x);

describe('every nested object in the schemas is closed', () => {
  it('names its fields with additionalProperties: false (documents stay open at the top only)', () => {
    const open = new Set([
      'estimate.schema.json#',
      'offer.schema.json#/$defs/offer',
      'offer.schema.json#/$defs/offers',
      'compare.schema.json#',
      'career.schema.json#',
    ]);
    for (const name of [
      'estimate.schema.json',
      'offer.schema.json',
      'offer-file.schema.json',
      'compare.schema.json',
      'career.schema.json',
    ]) {
      for (const [where, s] of objectSchemas(load(name), `${name}#`)) {
        if (open.has(where)) expect(s.additionalProperties, where).toBeUndefined();
        else expect(s.additionalProperties, where).toBe(false);
      }
    }
  });
});

describe('take-home ($defs/takeHome of schemas/estimate.schema.json)', () => {
  const places = [
    ['--city', 'sf'],
    ['--city', 'nyc', '--filing', 'married'],
    ['--city', 'seattle', '--pretax', '23000'],
    ['--city', 'austin'],
    ['--city', 'denver'],
    ['--city', 'research-triangle'],
    ['--city', 'remote', '--state', 'CO'],
    ['--city', 'us'],
  ];

  it('matches the estimate with --take-home everywhere it is taxed, and names every field', async () => {
    const docs: Json[] = [];
    for (const place of places) docs.push(await doc(['--years', '7', ...place, '--take-home']));
    expectValid(validEstimate, docs);
    const views = docs.flatMap((d) => Object.values(d.takeHome as Json));
    expect(seenKeys(docs, ['takeHome'])).toEqual(namedKeys(estimateSchema, ['takeHome']));
    expect(seenKeys(views, [])).toEqual(namedKeys(estimateSchema, ['$defs/takeHome']));
    expect(seenKeys(views, ['taxes', '[]'])).toEqual(namedKeys(estimateSchema, ['$defs/taxLine']));
    // `uncertain` is for a price parity not of the chosen vintage; every bundled one is now.
    expect(JSON.stringify(parities)).not.toContain('"uncertain"');
    expect([...seenKeys(views, ['purchasingPower']), 'uncertain'].sort()).toEqual(
      namedKeys(estimateSchema, ['$defs/purchasingPower']),
    );
  });

  it('rejects broken take-home figures', async () => {
    const good = await doc(['--years', '7', '--city', 'nyc', '--take-home']);
    expect(validEstimate(good)).toBe(true);
    const breaks: ((d: Json) => void)[] = [
      (d) => delete (d.takeHome as Json).mid,
      (d) => ((d.takeHome as { mid: Json }).mid.effectiveRate = 1.5),
      (d) => ((d.takeHome as { mid: Json }).mid.state = 'New York'),
      (d) => ((d.takeHome as { mid: Json }).mid.filing = 'joint'),
      (d) => ((d.takeHome as { mid: { taxes: Json[] } }).mid.taxes[0]!.rate = 0.1),
      (d) => ((d.takeHome as { mid: { taxes: Json[] } }).mid.taxes[0]!.amount = 1.5),
      (d) => delete (d.takeHome as { mid: { purchasingPower: Json } }).mid.purchasingPower.index,
      (d) => ((d.takeHome as { mid: Json }).mid.taxes = []),
    ];
    for (const b of breaks) {
      const d = clone(good);
      b(d);
      expect(validEstimate(d), b.toString()).toBe(false);
    }
  });
});

describe('schemas/offer.schema.json', () => {
  const runs = [
    AMAZON_OFFER,
    [...AMAZON, '--equity', '400k', '--refresh', '40k', '--growth', '10%'],
    [
      ...AMAZON,
      '--equity',
      '400k',
      '--match',
      '100%@3%,50%@2%',
      '--espp',
      '15%',
      '--espp-lookback',
    ],
    [...AMAZON_OFFER, '--counter', '--match', '50%@6%'],
    [...AMAZON, '--base', '900k', '--counter'],
    [...STARTUP, '--equity', '400k', '--private'],
    // A startup's grant given as listed (no --private): the notes say how to mark it (L11).
    [...STARTUP, '--equity', '1m'],
    ['--years', '5', '--city', 'austin', '--base', '200000', '--take-home'],
    [
      '--years',
      '9',
      '--city',
      'sf',
      '--base',
      '260k',
      '--bonus',
      '40000',
      '--equity',
      '1.2m',
      '--take-home',
    ],
    [
      '--years',
      '20',
      '--city',
      'nyc',
      '--industry',
      'quant',
      '--base',
      '1m',
      '--bonus',
      '200%',
      '--take-home',
    ],
    ['--years', '0', '--base', '100k', '--equity', '$5', '--vesting', '100', '--take-home'],
    ['--years', '3', '--city', 'remote', '--base', '150k', '--take-home', '--state', 'CA'],
    // Equity (issue 24): options with a stage, leaving early, a rising FMV taxed as NSO and ISO
    // (one over the $100,000 ISO limit), an exit price, a private stock grant with a stage.
    [...SEED, '--leave-at', '18', '--growth', '50%', '--option-type', 'nso'],
    [...SEED, '--growth', '50%', '--exit-price', '12'],
    [
      ...['--years', '5', '--city', 'sf', '--base', '160k', '--options', '400000', '--strike'],
      ...['1.20', '--fmv', '1.20', '--equity', '1.6m', '--stage', 'seed', '--growth', '50%'],
    ],
    [...SEED, '--leave-at', '30', '--growth', '50%', '--exercise-window', '6', '--take-home'],
    [
      ...AMAZON,
      '--equity',
      '400k',
      '--vesting',
      'amazon',
      '--sign-on',
      '50k,30k',
      '--clawback',
      '12:full',
      '--leave-at',
      '18',
    ],
    [
      ...AMAZON,
      '--equity',
      '400k',
      '--private',
      '--stage',
      'b',
      '--preferred',
      '20',
      '--leave-at',
      '6',
      '--cliff',
      '6',
      '--vest-every',
      'quarterly',
    ],
  ];

  it('matches `offer --json` (flags, with and without --take-home) and names every field', async () => {
    const docs: Json[] = [];
    for (const argv of runs) docs.push(await doc(['offer', ...argv]));
    docs.push(await doc(['offer', join(EXAMPLES, 'acme.json')]));
    docs.push(await withData(['offer', '--years', '3', '--base', '150k']));
    expectValid(validOffer, docs);
    const top = namedKeys(offerSchema, ['$defs/offer']);
    expect(seenKeys(docs, [])).toEqual(top);
    for (const d of docs) {
      const optional = ['label', 'equity', 'leave', 'benefits', 'counter', 'notes', 'marketFile'];
      expect(Object.keys(d).sort()).toEqual(top.filter((k) => !optional.includes(k) || k in d));
    }
    for (const path of [
      ['offer'],
      ['years', '[]'],
      ['annualized'],
      ['market'],
      ['position'],
      ['percentiles'],
      ['equity'],
      ['equity', 'options'],
      ['equity', 'options', 'years', '[]'],
      ['equity', 'options', 'years', '[]', 'tax'],
      ['equity', 'odds'],
      ['equity', 'atExit'],
      ['benefits'],
      ['counter'],
      ['counter', 'parts', '[]'],
      ['benefits', 'years', '[]'],
      ['leave'],
      ['leave', 'exercise'],
      ['leave', 'kept'],
      ['cumulative'],
      ['offer', 'options'],
      ['offer', 'clawback'],
    ]) {
      expect(seenKeys(docs, path), path.join('.')).toEqual(
        namedKeys(offerSchema, ['$defs/offer', ...path]),
      );
    }
    expect(seenKeys(docs, ['position', 'base'])).toEqual(
      namedKeys(offerSchema, ['$defs/position']),
    );
  });

  it('matches the several-offers document (kind: "offers") and names every field', async () => {
    const d = await doc(['offer', join(EXAMPLES, 'acme.json'), join(EXAMPLES, 'globex.json')]);
    expect(d.kind).toBe('offers');
    expectValid(validOffer, [d]);
    expect(Object.keys(d).sort()).toEqual(
      namedKeys(offerSchema, ['$defs/offers']).filter((k) => k !== 'breakEven'),
    );
    const even = await doc([
      'offer',
      join(EXAMPLES, 'bigtech.json'),
      join(EXAMPLES, 'seed.json'),
      '--break-even',
    ]);
    // A listed B that catches up at a growth found (the seed offer in today's dollars is behind
    // BigTech's cash alone, so BigTech against it is "always").
    const flat = await doc([
      'offer',
      join(EXAMPLES, 'globex.json'),
      join(EXAMPLES, 'acme.json'),
      '--break-even',
      '--horizon',
      '2',
    ]);
    expectValid(validOffer, [even, flat]);
    expect(seenKeys([even, flat], ['breakEven', '[]'])).toEqual(
      namedKeys(offerSchema, ['$defs/offers', 'breakEven', '[]']),
    );
    expect(seenKeys([d], ['difference', '[]'])).toEqual(
      namedKeys(offerSchema, ['$defs/offers', 'difference', '[]']),
    );
  });

  it('lists the vesting presets of data/vesting.json, and custom', async () => {
    const vesting = (await import('../../data/vesting.json', { with: { type: 'json' } })).default;
    const defs = offerSchema.$defs as Record<string, { properties: Record<string, Json> }>;
    const id = (defs.terms!.properties.vesting!.properties as Record<string, { enum: string[] }>)
      .id!;
    expect(id.enum).toEqual([...vesting.presets.map((p) => p.id), 'custom']);
  });

  it('rejects documents that break the contract', async () => {
    const good = await doc(['offer', ...AMAZON_OFFER, '--take-home']);
    const many = await doc(['offer', join(EXAMPLES, 'acme.json'), join(EXAMPLES, 'globex.json')]);
    expect(validOffer(good)).toBe(true);
    const breaks: ((d: Json) => void)[] = [
      (d) => (d.kind = 'estimate'),
      (d) => delete d.annualized,
      (d) => (d.years = []),
      (d) => ((d.years as Json[])[0]!.total = 1.5),
      (d) => ((d.years as Json[])[0]!.stock = 1),
      (d) => (((d.years as Json[])[0]!.takeHome as Json).net = 'lots'),
      (d) => ((d.position as { base: Json }).base.percentile = 0),
      (d) => ((d.position as { base: Json }).base.percentile = 100),
      (d) => ((d.position as { base: Json }).base.verdict = 'fair'),
      (d) => ((d.offer as { vesting: Json }).vesting.id = 'meta'),
      (d) => ((d.offer as Json).bonus = { kind: 'share', value: 0.15, amount: 27750 }),
      (d) => ((d.market as Json).total = { low: 1, mid: 2 }),
    ];
    for (const b of breaks) {
      const d = clone(good);
      b(d);
      expect(validOffer(d), b.toString()).toBe(false);
    }
    for (const b of [
      (d: Json) => ((d.offers as Json[]).length = 1),
      (d: Json) => delete d.difference,
      (d: Json) => ((d.difference as Json[])[1]!.annualized = '+33,500'),
    ]) {
      const d = clone(many);
      b(d);
      expect(validOffer(d), b.toString()).toBe(false);
    }
  });
});

describe('schemas/offer-file.schema.json', () => {
  it('names exactly the fields an offer file may have', async () => {
    const { OFFER_FIELDS } = await import('../../src/input/offer.js');
    const { BENEFIT_FIELDS } = await import('../../src/input/benefits.js');
    const { PROFILE_FIELDS } = await import('../../src/model/types.js');
    expect(Object.keys(offerFileSchema.properties as object)).toEqual([
      '$schema',
      'label',
      ...PROFILE_FIELDS,
      'state',
      ...OFFER_FIELDS,
      ...BENEFIT_FIELDS,
    ]);
    const page = readFileSync(join(ROOT, 'docs/offers.md'), 'utf8');
    const listed = page.slice(page.indexOf('- the profile fields'), page.indexOf('Only `base`'));
    for (const [key, s] of Object.entries(offerFileSchema.properties as Record<string, Json>)) {
      expect(typeof s.description, key).toBe('string'); // what an editor shows on hover
      expect(listed, `docs/offers.md lists ${key}`).toContain(`\`${key}\``);
    }
    const p = offerFileSchema.properties as Record<string, { anyOf: Json[] }>;
    expect(p.city!.anyOf[0]!.enum).toEqual(ids(market.locations)); // what an editor completes
    const vesting = (await import('../../data/vesting.json', { with: { type: 'json' } })).default;
    expect(p.vesting!.anyOf[0]!.enum).toEqual(vesting.presets.map((x) => x.id));
  });

  it('the examples reference it by $schema, validate, and run', async () => {
    for (const name of ['acme.json', 'globex.json', 'bigtech.json', 'seed.json']) {
      const text = readFileSync(join(EXAMPLES, name), 'utf8');
      const file = JSON.parse(text) as Json;
      expect(join(EXAMPLES, file.$schema as string)).toBe(
        join(ROOT, 'schemas', 'offer-file.schema.json'),
      );
      expect(validOfferFile(file), JSON.stringify(validOfferFile.errors)).toBe(true);
      const d = await doc(['offer', join(EXAMPLES, name)]);
      expect(d.label).toBe(file.label);
    }
  });

  // The schema and the reader agree: what one accepts the other does, and what one rejects the
  // other does (on these cases; sums of a schedule and cross-field rules are the reader's alone).
  const cases: [text: string, valid: boolean][] = [
    ['{"years": 5, "base": 185000}', true],
    ['{"years": "5", "base": "185k"}', true],
    [
      '{"years": 5, "base": "$185,000", "bonus": "15%", "equity": "400k", "vesting": "amazon"}',
      true,
    ],
    ['{"years": 5, "base": 185000, "equity": 400000, "vesting": [10, 20, 30, 40]}', true],
    ['{"years": 5, "base": 185000, "equity": 400000, "vesting": "10/20/30/40"}', true],
    [
      '{"years": 5, "base": 185000, "equity": 4e5, "signOn": [50000, "30k"], "refresh": 40000}',
      true,
    ],
    ['{"years": 5, "base": 185000, "signOn": "50,000,30,000"}', true],
    ['{"years": 5, "base": 185000, "signOn": 20000, "bonus": 30000}', true],
    ['{"years": 5, "base": 185000, "equity": 1000, "growth": "-5%", "private": true}', true],
    [
      '{"years": 5, "base": 185000, "city": "bay area", "skills": ["nlp", "mlops"], "degree": "phd"}',
      true,
    ],
    ['{"years": 5, "base": 185000, "skills": "nlp; cv", "city": null}', true],
    ['{"$schema": "x.json", "label": "Initech", "years": 5, "base": 185000}', true],
    ['{"years": 5, "base": 185000, "salary": 1}', false],
    ['{"years": 5, "base": true}', false],
    ['{"years": 5, "base": -5}', false],
    ['{"years": 5, "base": "185 thousand"}', false],
    ['{"years": 5, "base": 185000, "bonus": "15"}', false], // 15% or 15k? as for the flag, refused
    ['{"years": 5, "base": 185000, "bonus": "$15"}', true],
    ['{"years": 5, "base": 185000, "bonus": 15}', false],
    ['{"years": 5, "base": 500}', false],
    ['{"years": 5, "base": 185000, "signOn": "1,00,000"}', false],
    ['{"years": 5, "base": 185000, "bonus": "-5%"}', false],
    ['{"years": 5, "base": 185000, "equity": 1, "growth": 0.1}', false],
    ['{"years": 5, "base": 185000, "equity": 1, "growth": "10"}', false],
    ['{"years": 5, "base": 185000, "equity": 1, "private": "yes"}', false],
    ['{"years": 5, "base": 185000, "equity": 1, "vesting": {"even": true}}', false],
    ['{"years": 5, "base": 185000, "signOn": [true]}', false],
    ['{"years": 5, "base": 185000, "label": " "}', false],
    ['{"years": 5, "base": 185000, "label": 7}', false],
    ['{"years": 5, "base": 185000, "label": "Яндекс 株式会社"}', true],
    ['{"years": 5, "base": 185000, "label": "Ac\\u001b[31mme"}', false],
    ['{"years": 5, "base": 185000, "label": "Acme\\u202e"}', false],
    ['{"years": 5, "base": 185000, "label": "Ac\\u200bme"}', false],
    ['{"years": 5, "base": 185000, "bonus": ""}', false],
    ['{"years": 5, "base": 185000, "equity": 1, "vesting": ""}', false],
    ['{"years": -1, "base": 185000}', false],
    ['{"years": "five", "base": 185000}', false],
    ['{"years": 5, "city": 7, "base": 185000}', false],
    ['{"years": 5, "base": 200000000}', false],
    ['{"years": 5}', false],
    [
      '{"years": 5, "base": 160000, "options": 40000, "strike": "1.20", "fmv": 1.2, "preferred": 4, "stage": "seed"}',
      true,
    ],
    [
      '{"years": 5, "base": 160000, "options": "40k", "strike": 1.2, "fmv": 1.2, "optionType": "nso", "leaveAt": 18, "clawback": "12:full", "exerciseWindow": 6}',
      true,
    ],
    [
      '{"years": 5, "base": 160000, "equity": 1000, "leaveAt": "18", "vestEvery": "quarterly"}',
      true,
    ],
    ['{"years": 5, "base": 160000, "city": "remote", "state": "TX"}', true],
    ['{"years": 5, "base": 160000, "state": ""}', false],
    ['{"years": 5, "base": 160000, "options": true, "strike": 1, "fmv": 1}', false],
    ['{"years": 5, "base": 160000, "options": -5, "strike": 1, "fmv": 1}', false],
    ['{"years": 5, "base": 160000, "options": 10, "strike": 1, "fmv": 1, "optionType": 2}', false],
  ];

  it.each(cases)('%s: schema and reader agree (valid: %s)', async (text, valid) => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    expect(validOfferFile(JSON.parse(text)), JSON.stringify(validOfferFile.errors)).toBe(valid);
    const dir = mkdtempSync(join(tmpdir(), 'offer-file-'));
    try {
      const path = join(dir, 'offer.json');
      writeFileSync(path, text);
      const c = fakeIo();
      const code = await run(['offer', path, '--json'], c.io);
      expect(code, c.stderr()).toBe(valid ? 0 : 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('schemas/compare.schema.json', () => {
  it('matches `compare --json` and names every field', async () => {
    const docs = [
      await doc([
        'compare',
        '--years',
        '5',
        '--city',
        'austin',
        '--vs',
        'city=seattle',
        '--vs',
        'skills=+nlp',
      ]),
      await doc(['compare', '--years', '6', '--city', 'seattle', '--vs', 'city=sf', '--take-home']),
      await doc([
        'compare',
        '--years',
        '8',
        '--industry',
        'faang',
        '--vs',
        'industry=ai-startup,city=remote',
        '--vs',
        'years=+3,degree=phd,skills=mlops,cv',
      ]),
      await doc([
        'compare',
        '--years',
        '2',
        '--industry',
        'ai-startup',
        '--vs',
        'years=-2',
        '--take-home',
        '--filing',
        'married',
        '--state',
        'NY',
      ]),
      // A city whose factor is an estimate: `notes` (review L1).
      await doc(['compare', '--years', '5', '--city', 'sf', '--vs', 'city=pittsburgh']),
      await withData(['compare', '--years', '5', '--vs', 'city=sf']),
      // A level, or a company's title, as a change (review5 P1); a name, changed to its id.
      await doc(['compare', '--years', '3', '--vs', 'level=google l5', '--vs', 'City = Bay Area']),
    ];
    expectValid(validCompare, docs);
    const named = Object.keys(compareSchema.properties as object).sort();
    expect(seenKeys(docs, [])).toEqual(named);
    for (const d of docs) {
      const optional = ['notes', 'marketFile'];
      expect(Object.keys(d).sort()).toEqual(named.filter((k) => !optional.includes(k) || k in d));
    }
    expect(seenKeys(docs, ['scenarios', '[]'])).toEqual(
      namedKeys(compareSchema, ['scenarios', '[]']),
    );
    expect(seenKeys(docs, ['scenarios', '[]', 'delta'])).toEqual(
      namedKeys(compareSchema, ['scenarios', '[]', 'delta']),
    );
  });

  it('rejects documents that break the contract', async () => {
    const good = await doc([
      'compare',
      '--years',
      '6',
      '--city',
      'seattle',
      '--vs',
      'city=sf',
      '--take-home',
    ]);
    expect(validCompare(good)).toBe(true);
    const s = (d: Json, i = 1) => (d.scenarios as Json[])[i]!;
    const breaks: ((d: Json) => void)[] = [
      (d) => (d.kind = 'career'),
      (d) => ((d.scenarios as Json[]).length = 1),
      (d) => delete s(d).delta,
      (d) => ((s(d).delta as { total: Json }).total.percent = '6.3%'),
      (d) => ((s(d).delta as { total: Json }).total.dollars = 0.5),
      (d) => (s(d).changes = ['town=sf']),
      (d) => ((s(d).profile as Json).city = 'paris'),
      (d) => ((s(d).takeHome as Json).net = null),
    ];
    for (const b of breaks) {
      const d = clone(good);
      b(d);
      expect(validCompare(d), b.toString()).toBe(false);
    }
  });
});

describe('schemas/career.schema.json', () => {
  it('matches `career --json` and names every field', async () => {
    const docs = [
      await doc(['career', '--city', 'sf', '--industry', 'faang', '--to', '15']),
      await doc([
        'career',
        '--city',
        'austin',
        '--vs',
        'city=seattle',
        '--vs',
        'skills=+nlp',
        '--take-home',
      ]),
      await doc([
        'career',
        '--industry',
        'ai-startup',
        '--from',
        '2.5',
        '--to',
        '50',
        '--step',
        '0.25',
      ]),
      await doc(['career', '--city', 'portland', '--to', '2']),
      await withData(['career', '--to', '2']),
      await doc(['career', '--to', '2', '--vs', 'level=staff']),
    ];
    expectValid(validCareer, docs);
    expect(seenKeys(docs, [])).toEqual(Object.keys(careerSchema.properties as object).sort());
    expect(seenKeys(docs, ['points', '[]'])).toEqual(namedKeys(careerSchema, ['points', '[]']));
    expect(seenKeys(docs, ['scenarios', '[]'])).toEqual(
      namedKeys(careerSchema, ['scenarios', '[]']),
    );
  });

  it('rejects documents that break the contract', async () => {
    const good = await doc(['career', '--city', 'austin', '--to', '3', '--vs', 'city=seattle']);
    expect(validCareer(good)).toBe(true);
    const pt = (d: Json) => (d.points as Json[])[0]!;
    const breaks: ((d: Json) => void)[] = [
      (d) => (d.kind = 'compare'),
      (d) => ((d.profile as Json).years = 3),
      (d) => (pt(d).years = 51),
      (d) => ((pt(d).total as Json).mid = -1),
      (d) => (d.points = Array.from({ length: 201 }, () => pt(d))),
      (d) => ((d.scenarios as Json[])[0]!.changes = ['years=+3']),
      (d) => (d.scenarios = []),
    ];
    for (const b of breaks) {
      const d = clone(good);
      b(d);
      expect(validCareer(d), b.toString()).toBe(false);
    }
  });
});
