// --match and --espp through the offer command: their own rows in every format, apart from the
// totals and the market comparison, within the 2026 limits.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rerunOffer } from '../../src/cli/rerun.js';
import { cli, expectUsageError } from '../command-helpers.js';

const OFFER = ['offer', '--years', '5', '--city', 'seattle', '--industry', 'big-tech'];
const TERMS = ['--base', '185000', '--bonus', '15%', '--equity', '400000', '--vesting', 'amazon'];
const BENEFITS = ['--match', '50%@6%', '--espp', '15%'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a document read back as JSON
type Doc = Record<string, any>;

async function json(argv: string[]): Promise<Doc> {
  const r = await cli([...argv, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('offer --match --espp', () => {
  it('each year carries the match and the ESPP gain, apart from the pay totals', async () => {
    const plain = await json([...OFFER, ...TERMS]);
    const doc = await json([...OFFER, ...TERMS, ...BENEFITS]);
    expect(doc.benefits.years[0]).toEqual({
      year: 1,
      match: 5_550,
      espp: 3_750,
      total: 9_300,
      withPay: doc.years[0].total + 9_300,
    });
    // Nothing else moves: the totals, the annualized figure and the market comparison are pay.
    expect({ ...doc, benefits: undefined }).toEqual({ ...plain, benefits: undefined });
    expect(doc.benefits.match).toEqual({ tiers: [{ rate: 0.5, upTo: 0.06 }], deferral: 11_100 });
    expect(doc.benefits.espp).toEqual({ discount: 0.15, contribution: null, lookback: false });
  });

  it('the table has a benefits table under the years, the notes say what they assume', async () => {
    const r = await cli([...OFFER, ...TERMS, ...BENEFITS, '--espp-lookback', '--growth', '10%']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Benefits a year (before tax; not in the totals or the market comparison)',
    );
    expect(r.stdout).toMatch(/│ 1\s+│\s+\$5,550 │\s+\$4,970 │\s+\$10,520 │/);
    expect(r.stdout).toContain(
      'ESPP: 15% off the lower of the prices at the offering start and at the purchase (lookback)',
    );
    expect(r.stdout).toContain('purchases capped at $25,000 of stock a year (IRC 423(b)(8))');
  });

  it('the match and the ESPP count base pay, and the notes say so (review6 D13)', async () => {
    // A 20% bonus changes nothing: 50% of 6% of the $185,000 base is $5,550.
    const d = await json([...OFFER, '--base', '185k', '--bonus', '20%', '--match', '50%@6%']);
    expect(d.benefits.years[0].match).toBe(5550);
    expect(d.benefits.notes.join(' ')).toContain('50% of what you put in up to 6% of base pay');
    const e = await json([...OFFER, '--base', '185k', '--espp', '15%@10%']);
    expect(e.benefits.notes.join(' ')).toContain('contributions up to 10% of base pay');
  });

  it('limits: pay counts up to $360,000, deferrals up to $24,500, purchases $25,000', async () => {
    const high = await json(['offer', '--years', '12', '--base', '500k', '--match', '50%@6%']);
    expect(high.benefits.years[0].match).toBe(10_800); // 50% x 6% x 360,000
    expect(high.benefits.notes.join(' ')).toContain('pay counted up to the $360,000 limit');
    const full = await json(['offer', '--years', '8', '--base', '300k', '--match', '100%@10%']);
    expect(full.benefits.years[0].match).toBe(24_500);
    expect(full.benefits.match.deferral).toBe(24_500);
    const capped = await json(['offer', '--years', '8', '--base', '400k', '--espp', '15%']);
    expect(capped.benefits.years[0].espp).toBe(3_750);
    const limited = await json(['offer', '--years', '8', '--base', '185k', '--espp', '15%@10%']);
    expect(limited.benefits.years[0].espp).toBe(3_265);
  });

  it('--growth moves an ESPP’s price without a grant (it is the company’s stock)', async () => {
    const doc = await json([
      'offer',
      '--years',
      '5',
      '--base',
      '185k',
      '--espp',
      '15%',
      '--espp-lookback',
      '--growth',
      '10%',
    ]);
    expect(doc.benefits.years[0].espp).toBe(4_970);
    expect(doc.offer.growth).toBe(0); // the pay has no stock for it to move
    expectUsageError(
      await cli(['offer', '--years', '5', '--base', '185k', '--growth', '10%', '--json']),
      /--growth needs --equity/,
    );
  });

  it('CSV and markdown carry them in their own columns and table', async () => {
    const csv = await cli([...OFFER, ...TERMS, ...BENEFITS, '--format', 'csv']);
    const [head, first] = csv.stdout.split('\n');
    // then the profile, as the estimate's CSV names it, and the note column (always there)
    expect(
      head!.endsWith(',match,espp,benefits,years,city,industry,skills,degree,level,defaulted,note'),
    ).toBe(true);
    expect(
      first!.endsWith(',5550,3750,9300,5,seattle,big-tech,,bachelors,mid,skills;degree,'),
    ).toBe(true);
    const md = await cli([...OFFER, ...TERMS, ...BENEFITS, '--format', 'markdown']);
    expect(md.stdout).toContain(
      '| Year | 401(k) match | ESPP gain | Benefits | Total + benefits |',
    );
    expect(md.stdout).toContain('| 1 | $5,550 | $3,750 | $9,300 | $242,050 |');
  });

  it('offer files carry them, side by side too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-benefits-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(
      a,
      JSON.stringify({ years: 5, base: 185000, match: '50%@6%', espp: '15%', esppLookback: true }),
    );
    writeFileSync(b, JSON.stringify({ years: 5, base: 200000 }));
    const doc = await json(['offer', a, b]);
    expect(doc.offers[0].benefits.years[0].total).toBe(9_300);
    expect(doc.offers[1].benefits).toBeUndefined();
    const table = await cli(['offer', a, b]);
    expect(table.stdout).toContain('Benefits a year: 401(k) match + ESPP gain');
    expect(table.stdout).toMatch(/Year 1\s+│\s+\$9,300 │\s+none │/);
    writeFileSync(b, JSON.stringify({ years: 5, base: 200000, espp: '20%' }));
    expectUsageError(await cli(['offer', a, b]), /b\.json: espp 20% is outside 0% to 15%/);
    expectUsageError(
      await cli(['offer', a, '--match', '50%@6%']),
      /--match with offer files: the terms come from the files/,
    );
  });

  it.each([
    [['--espp-lookback'], /--espp-lookback is for an ESPP: add --espp, e\.g\. --espp 15%/],
    [['--espp', '20%'], /--espp 20% is outside 0% to 15%/],
    [['--match', '50%'], /--match '50%' is not a match like 50%@6%/],
    [
      ['--equity', '100k', '--private', '--espp', '15%'],
      /--espp: an ESPP buys a listed company's stock/,
    ],
  ])('refuses %j in one line', async (flags, message) => {
    expectUsageError(
      await cli(['offer', '--years', '5', '--base', '185k', ...flags, '--json']),
      message,
    );
  });

  it('the re-run line after questions keeps the benefits', () => {
    const profile = {
      years: 5,
      city: 'us',
      industry: 'enterprise',
      skills: [],
      degree: 'bachelors',
    };
    const line = rerunOffer(
      profile,
      { base: '185k', match: '50%@6%', espp: '15%', esppLookback: true },
      { input: true },
    );
    // A bonus, stock and sign-on not in the terms were answered "none" (review F11).
    expect(line).toContain(
      '--base 185k --bonus 0 --equity 0 --sign-on 0 --match 50%@6% --espp 15% --espp-lookback',
    );
  });
});
