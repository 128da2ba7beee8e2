import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer, inTerminal, screen, shows, terminal } from '../prompt-helpers.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// Import the program after @inquirer/testing/vitest, so the real prompts draw on the test screen.
import { run } from '../../src/cli/program.js';
import { batch, lines } from '../batch-helpers.js';
import {
  cli,
  estimateJson,
  expectUsageError,
  json,
  type EstimateFigures,
  type Range,
} from '../command-helpers.js';
import { ROOT, runBin } from '../helpers.js';

// `ml-salary offer` as a user runs it (issue 13): in-process through run(argv, io), the prompts
// on a fake terminal, and a few runs of the built bin.

interface Position {
  percentile: number;
  verdict: string;
  gap: number;
}
type Part = 'base' | 'bonus' | 'equity' | 'total';
interface OfferDoc {
  kind: 'offer';
  label?: string;
  profile: EstimateFigures['profile'];
  level: string;
  defaulted: string[];
  offer: { vesting: { id: string; percents: number[] }; private: boolean };
  years: {
    year: number;
    base: number;
    bonus: number;
    equity: number;
    signOn: number;
    total: number;
    cash: number;
  }[];
  firstYear: number;
  annualized: { base: number; equity: number; bonus: number; signOn: number; total: number };
  market: Record<Part, Range> & { paper?: Range };
  position: Record<Part, Position> & { cash?: Position };
  notes?: string[];
}
interface OffersDoc {
  kind: 'offers';
  offers: OfferDoc[];
  difference: {
    label: string;
    firstYear: number;
    annualized: number;
    years: { year: number; total: number; cash: number }[];
  }[];
}

const offerJson = (argv: readonly string[]) => json<OfferDoc>(['offer', ...argv]);
const EXAMPLES = join(ROOT, 'examples');
const SEATTLE = ['--years', '5', '--city', 'seattle', '--industry', 'faang'];
const AMAZON = [
  ...SEATTLE,
  ...['--base', '185000', '--bonus', '15%', '--equity', '400000', '--vesting', 'amazon'],
  ...['--sign-on', '50000,30000'],
];

const dir = mkdtempSync(join(tmpdir(), 'ml-salary-offer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Write an offer file and return its path. */
function offerFile(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("issue 13's amazon example", () => {
  it('vests 20,000 / 60,000 / 160,000 / 160,000, sign-on 50,000 / 30,000 / 0 / 0, bonus 27,750', async () => {
    const d = await offerJson(AMAZON);
    expect(d.kind).toBe('offer');
    expect(d.years.map((y) => y.equity)).toEqual([20000, 60000, 160000, 160000]);
    expect(d.years.map((y) => y.signOn)).toEqual([50000, 30000, 0, 0]);
    expect(d.years.map((y) => y.bonus)).toEqual([27750, 27750, 27750, 27750]);
    expect(d.years.map((y) => y.base)).toEqual([185000, 185000, 185000, 185000]);
    // Each year's total is its four parts: 185,000 + 27,750 + 20,000 + 50,000 = 282,750 in year 1.
    expect(d.years.map((y) => y.total)).toEqual([282750, 302750, 372750, 372750]);
    expect(d.firstYear).toBe(282750);
  });

  it('annualizes to 185,000 + 100,000 + 27,750 + 20,000 = 332,750', async () => {
    const d = await offerJson(AMAZON);
    // base + grant / 4 vesting years + target bonus + (50,000 + 30,000) / 4
    expect(d.annualized).toEqual({
      base: 185000,
      equity: 100000,
      bonus: 27750,
      signOn: 20000,
      total: 332750,
    });
  });

  it('the table prints the same figures, the convention in words and the market beside it', async () => {
    const r = await cli(['offer', ...AMAZON]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/│ 1 +│ \$185,000 │ \$27,750 │ +\$20,000 │ \$50,000 │ \$282,750 │/);
    expect(r.stdout).toMatch(/│ 3 +│ \$185,000 │ \$27,750 │ \$160,000 │ +\$0 │ \$372,750 │/);
    expect(r.stdout).toContain('First year: $282,750');
    expect(r.stdout).toContain(
      "Annualized: $332,750 (levels.fyi's convention: base $185,000 + grant $400,000 / 4 years + target bonus $27,750 + sign-on $80,000 / 4)",
    );
    expect(r.stdout).toContain('Against the market for this profile');
    expect(r.stdout).not.toContain('\u001b['); // no terminal, no colour
  });

  it('the built bin gives the same document (spawned)', async () => {
    const r = await runBin(['offer', ...AMAZON, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(await offerJson(AMAZON));
  });
});

describe('where an offer sits against the market', () => {
  const profiles = [
    ['--years', '5', '--city', 'seattle', '--industry', 'faang'],
    ['--years', '0', '--city', 'austin'],
    [
      '--years',
      '9',
      '--city',
      'nyc',
      '--industry',
      'quant',
      '--skills',
      'nlp,mlops',
      '--degree',
      'phd',
    ],
    ['--years', '14', '--city', 'remote', '--industry', 'healthcare', '--degree', 'none'],
    ['--years', '3', '--city', 'sf', '--industry', 'ai-startup'],
  ];

  it.each(profiles)(
    'an offer of the typical figures (%s ...) is judged at P50 +-1 for every part',
    async (...profile) => {
      const m = await estimateJson(profile);
      // The typical base, bonus and yearly grant of `ml-salary --json`, the grant given whole on
      // an even 4-year schedule, so grant / 4 is the typical equity.
      const d = await offerJson([
        ...profile,
        ...['--base', String(m.base.mid), '--bonus', String(m.bonus.mid)],
        ...(m.equity.mid > 0 ? ['--equity', String(m.equity.mid * 4), '--vesting', 'even'] : []),
      ]);
      expect(d.market).toEqual({
        base: m.base,
        bonus: m.bonus,
        equity: m.equity,
        total: m.total,
        ...(m.paper ? { paper: m.paper } : {}),
      });
      for (const part of ['base', 'bonus', 'equity', 'total'] as const) {
        const p = d.position[part];
        expect(Math.abs(p.percentile - 50), part).toBeLessThanOrEqual(1);
        expect(p.verdict, part).toBe('within');
        expect(p.gap, part).toBe(0);
      }
    },
  );

  it("the ASCII chart (TERM=dumb) marks the offer with 'o': '*' is the Total row's footnote", async () => {
    const argv = ['offer', '--years', '5', '--city', 'sf', '--industry', 'faang'];
    const more = ['--base', '200k', '--bonus', '15%', '--equity', '400k', '--no-input'];
    const out = (await cli([...argv, ...more], { env: { TERM: 'dumb', NO_COLOR: '1' } })).stdout;
    expect(out).toContain('\nTotal  ----------------=====o=|============\n');
    expect(out).toContain('= P10 to P90  | typical  o this offer (< > off the scale)');
    expect(out.match(/\*/g)).toEqual(['*', '*']); // 'Total*' and '* Total a year'
  });

  it('raising any component never lowers its percentile, nor the total (property, via --json)', async () => {
    const part = fc.constantFrom('base', 'bonus', 'equity');
    const offerArb = fc.record({
      profile: fc.constantFrom(...profiles),
      base: fc.integer({ min: 20_000, max: 1_500_000 }),
      bonus: fc.integer({ min: 1, max: 400_000 }),
      equity: fc.integer({ min: 0, max: 4_000_000 }),
      vesting: fc.constantFrom('even', 'amazon', 'google', 'nvidia', '50/50'),
    });
    const argv = (o: {
      profile: string[];
      base: number;
      bonus: number;
      equity: number;
      vesting: string;
    }) => [
      ...o.profile,
      // At most 200% of base, as the bonus limit says (a raise past it stays at it).
      // Written with a $: a bare number under 1000 is not taken as dollars.
      ...['--base', `$${o.base}`, '--bonus', `$${Math.min(o.bonus, 2 * o.base)}`],
      ...(o.equity > 0 ? ['--equity', `$${o.equity}`, '--vesting', o.vesting] : []),
    ];
    await fc.assert(
      fc.asyncProperty(
        offerArb,
        part,
        fc.integer({ min: 1, max: 2_000_000 }),
        async (o, which, by) => {
          const before = await offerJson(argv(o));
          const after = await offerJson(argv({ ...o, [which]: o[which] + by }));
          expect(after.position[which].percentile).toBeGreaterThanOrEqual(
            before.position[which].percentile,
          );
          expect(after.position.total.percentile).toBeGreaterThanOrEqual(
            before.position.total.percentile,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  const outside: [what: string, argv: string[], part: Part, verdict: string, words: string][] = [
    ['a base far under the low', ['--base', '20000'], 'base', 'below-range', 'below P10'],
    ['a base far over the high', ['--base', '2m'], 'base', 'above-range', 'above P90'],
    // At big tech a tenth of mid-level engineers report no bonus (the records): none is below
    // typical, not below the market's P10.
    ['no bonus at big tech', ['--base', '185k'], 'bonus', 'below', 'below typical (P10-P25)'],
    ['a huge grant', ['--base', '185k', '--equity', '8m'], 'equity', 'above-range', 'above P90'],
    [
      'a total over the high',
      ['--base', '900k', '--bonus', '50%'],
      'total',
      'above-range',
      'above P90',
    ],
  ];

  it.each(outside)('%s says so: %s', async (_what, terms, part, verdict, words) => {
    const d = await offerJson([...SEATTLE, ...terms]);
    const p = d.position[part];
    expect(p.verdict).toBe(verdict);
    const range = d.market[part];
    if (verdict === 'below-range') expect(range.mid + p.gap).toBeLessThan(range.low);
    else if (verdict === 'below') expect(range.mid + p.gap).toBeLessThan(range.p25);
    else expect(range.mid + p.gap).toBeGreaterThan(range.high);
    const r = await cli(['offer', ...SEATTLE, ...terms]);
    // The total's label carries the asterisk of its footnote (what a year's total holds).
    const label = { base: 'Base', bonus: 'Bonus', equity: 'Equity', total: 'Total*' }[part];
    const line = r.stdout
      .split('\n')
      .find((l) => l.trimStart().startsWith(`${label} `) && l.includes('≈P'));
    expect(line).toContain(`≈P${p.percentile}, ${words}: `);
    expect(line).toContain(
      `${Math.abs(p.gap).toLocaleString('en-US')} ${p.gap < 0 ? 'under' : 'over'} the median`,
    );
    // And the quartiles it was judged against, under the verdicts.
    expect(r.stdout).toContain(
      `${part} $${range.p25.toLocaleString('en-US')}-$${range.p75.toLocaleString('en-US')}`,
    );
  });
});

it('with --level, a named skill and degree are said to move nothing (review4 N12)', async () => {
  const r = await cli([
    ...['offer', '--no-profile', '--years', '6', '--city', 'sf', '--industry', 'faang'],
    ...['--level', 'google l5', '--skills', 'nlp', '--degree', 'phd', '--base', '250000'],
    ...['--bonus', '15%', '--equity', '700000', '--json'],
  ]);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as { notes: string[] };
  expect(doc.notes).toEqual(
    expect.arrayContaining([
      'PhD: priced by the level given.',
      'NLP / LLMs: priced by the level given.',
    ]),
  );
});

describe('refreshers', () => {
  it("stack on even: year 3 is the grant's 25% plus 25% of each of two refreshers", async () => {
    const d = await offerJson([
      ...SEATTLE,
      '--base',
      '185k',
      '--equity',
      '400000',
      '--refresh',
      '40000',
    ]);
    // Year 3: 400,000 x 25% + 40,000 x 25% (year 1's refresher, its 2nd vest)
    //   + 40,000 x 25% (year 2's refresher, its 1st vest) = 100,000 + 10,000 + 10,000 = 120,000.
    expect(d.years[2]!.equity).toBe(120000);
    expect(d.years.map((y) => y.equity)).toEqual([100000, 110000, 120000, 130000]);
    // Refreshers are not in levels.fyi's annualized figure: what the offer letter promises.
    expect(d.annualized.equity).toBe(100000);
    const r = await cli([
      'offer',
      ...SEATTLE,
      '--base',
      '185k',
      '--equity',
      '400000',
      '--refresh',
      '40000',
    ]);
    expect(r.stdout).toMatch(/│ 3 +│ \$185,000 │ +\$0 │ \$120,000 │ +\$0 │ \$305,000 │/);
    expect(r.stdout).toContain('plus a $40,000 refresher each year');
  });

  it('stack on a back-loaded schedule too (amazon: year 3 = 40% + 15% + 5%)', async () => {
    const d = await offerJson([
      ...SEATTLE,
      ...['--base', '185k', '--equity', '400000', '--vesting', 'amazon', '--refresh', '40000'],
    ]);
    // 400,000 x 40% + 40,000 x 15% + 40,000 x 5% = 160,000 + 6,000 + 2,000
    expect(d.years[2]!.equity).toBe(168000);
  });
});

describe('offer files side by side', () => {
  const acme = join(EXAMPLES, 'acme.json');
  const globex = join(EXAMPLES, 'globex.json');

  it('JSON: kind "offers", each offer as alone, and the difference from the first', async () => {
    const d = await json<OffersDoc>(['offer', acme, globex]);
    const alone = [await offerJson([acme]), await offerJson([globex])];
    expect(d.kind).toBe('offers');
    expect(d.offers).toEqual(alone);
    expect(d.offers.map((o) => o.label)).toEqual(['Acme', 'Globex']);
    const [a, g] = alone as [OfferDoc, OfferDoc];
    expect(d.difference).toEqual([
      {
        label: 'Acme',
        firstYear: 0,
        annualized: 0,
        years: a.years.map((y) => ({ year: y.year, total: 0, cash: 0 })),
      },
      {
        label: 'Globex',
        firstYear: g.firstYear - a.firstYear,
        annualized: g.annualized.total - a.annualized.total,
        years: g.years.map((y, i) => ({
          year: y.year,
          total: y.total - a.years[i]!.total,
          cash: y.cash - a.years[i]!.cash,
        })),
      },
    ]);
  });

  it('the table shows both offers year by year and the difference', async () => {
    const r = await cli(['offer', acme, globex]);
    expect(r.code).toBe(0);
    const [a, g] = [await offerJson([acme]), await offerJson([globex])];
    const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
    const signed = (n: number) => `${n < 0 ? '-' : '+'}$${Math.abs(n).toLocaleString('en-US')}`;
    expect(r.stdout).toMatch(/│ +│ +Acme │ +Globex │/);
    // Columns are as wide as their longest cell (figures right-aligned): match label and figures.
    const row = (label: string, ...cells: string[]) =>
      new RegExp(`│ ${label} +│ +${cells.map((c) => c.replace(/[$+]/g, '\\$&')).join(' │ +')} │`);
    for (const [i, y] of a.years.entries()) {
      expect(r.stdout).toMatch(row(`Year ${y.year}`, usd(y.total), usd(g.years[i]!.total)));
    }
    expect(r.stdout).toMatch(row('Annualized', usd(a.annualized.total), usd(g.annualized.total)));
    expect(r.stdout).toMatch(
      row(
        'Total vs market',
        `≈P${a.position.total.percentile}`,
        `≈P${g.position.total.percentile}`,
      ),
    );
    expect(r.stdout).toContain('Difference from Acme');
    expect(r.stdout).toContain(
      `│ Annualized │ ${signed(g.annualized.total - a.annualized.total).padStart(9)} │`,
    );
  });

  it("a file's level (a company title too) is judged as --level is, and a flag may fill it but not outvote it", async () => {
    const meta = offerFile(
      'meta-level.json',
      '{"label": "Meta", "years": 4, "city": "sf", "industry": "big-tech", "level": "Meta E5", "base": 230000, "equity": 600000}',
    );
    const plain = offerFile(
      'plain-level.json',
      '{"label": "Plain", "years": 4, "city": "sf", "industry": "big-tech", "base": 230000, "equity": 600000}',
    );
    const flags = ['--years', '4', '--city', 'sf', '--industry', 'big-tech'];
    const terms = ['--base', '230000', '--equity', '600000'];
    const fromFile = await offerJson([meta]);
    const fromFlags = await offerJson([...flags, ...terms, '--level', 'senior']);
    expect(fromFile.level).toBe('senior');
    expect(fromFile.profile.level).toBe('senior');
    expect(fromFile.market).toEqual(fromFlags.market);
    expect(fromFile.position).toEqual(fromFlags.position);
    // Without a level the years decide (4 years: mid), and --level fills what the file leaves out.
    expect((await offerJson([plain])).level).toBe('mid');
    expect((await offerJson([plain, '--level', 'google l5'])).market).toEqual(fromFile.market);
    const r = await cli(['offer', meta, plain], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('Meta: 4 years (senior, given) | San Francisco Bay Area');
    expect(r.stdout).toContain('Plain: 4 years | San Francisco Bay Area');
    const both = await cli(['offer', meta, '--level', 'staff']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      `ml-salary: error: --level and ${meta}'s level both give it: a flag fills only what every file leaves out\n`,
    );
    const bare = offerFile('bare-level.json', '{"years": 4, "level": "L5", "base": 200000}');
    const bad = await cli(['offer', bare]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `ml-salary: error: ${bare}: level 'L5' for level is a title at several companies (Google senior, Amazon mid): name the company, like 'google L5'\n`,
    );
    const typo = offerFile('typo-level.json', '{"years": 4, "level": "gogle l5", "base": 200000}');
    for (const args of [[typo], ['--years', '4', '--base', '200k', '--level', 'gogle l5']]) {
      const r = await cli(['offer', ...args, '--no-input']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /unknown level 'gogle l5' for (--)?level \(did you mean 'google l5'\?\)/,
      );
    }
  });

  it("a level given as a company's title says whose market prices it and where the company's records sat (review4 N11)", async () => {
    const argv = ['--years', '4', '--city', 'seattle', '--industry', 'microsoft', '--level'];
    const doc = await offerJson([...argv, 'microsoft 62', '--base', '165000']);
    expect(doc.notes?.[0]).toBe(
      "Microsoft's title is read as mid level: the market is big tech's (Google, Meta, Amazon, Microsoft and Apple pooled) at that level, not Microsoft's own; in the records, Microsoft's totals sat at x0.86 of big tech's typical at their title's level (87 levels.fyi records, 2018-2021).",
    );
    expect((await offerJson([...argv, 'mid', '--base', '165000'])).notes).toBeUndefined();
    const est = await json<{ factors: { label: string }[] }>([
      ...argv.slice(0, 4),
      '--level',
      'meta e5',
    ]);
    expect(est.factors[0]!.label).toContain(
      "Meta's title is read as senior level: the market is Enterprise / consultancy's at that level, not Meta's own; in the records, Meta's totals sat at x1.07",
    );
  });

  it('a year only one offer has (vesting lengths differ) has no difference, in either order', async () => {
    const one = offerFile(
      'one.json',
      '{"label": "One", "years": 5, "base": 200000, "equity": 500000, "vesting": "100"}',
    );
    const two = offerFile(
      'two.json',
      '{"label": "Two", "years": 5, "base": 200000, "equity": 500000, "vesting": "50/50"}',
    );
    // Year 1: One vests 500,000, Two 250,000; year 2 is Two's alone.
    const d = await json<OffersDoc>(['offer', one, two]);
    expect(d.difference[1]!.years).toEqual([{ year: 1, total: -250000, cash: 0 }]);
    const back = await json<OffersDoc>(['offer', two, one]);
    expect(back.difference[0]!.years).toEqual([
      { year: 1, total: 0, cash: 0 },
      { year: 2, total: 0, cash: 0 },
    ]);
    expect(back.difference[1]!.years).toEqual([{ year: 1, total: 250000, cash: 0 }]);
    for (const [argv, delta] of [
      [[one, two], '-$250,000'],
      [[two, one], '+$250,000'],
    ] as const) {
      const r = await cli(['offer', ...argv], { env: { NO_COLOR: '1' } });
      expect(r.code).toBe(0);
      const diff = r.stdout.slice(r.stdout.indexOf('Difference from'));
      expect(diff).toMatch(new RegExp(`│ Year 1 +│ +${delta.replace(/[$+]/g, '\\$&')} │`));
      expect(diff).toMatch(/│ Year 2 +│ +- │/);
    }
  });

  it("--take-home: the table has each year's net per offer, with the filing and tax year", async () => {
    const d = await json<{ offers: { years: { takeHome: { net: number } }[] }[] }>([
      'offer',
      acme,
      globex,
      '--take-home',
    ]);
    const r = await cli(['offer', acme, globex, '--take-home'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    const net = r.stdout.slice(r.stdout.indexOf('Net after tax'));
    expect(net).toMatch(
      /^Net after tax, year by year \(single, tax year \d{4}; Acme WA, Globex CA\)/,
    );
    const usd = (n: number) => `\\$${n.toLocaleString('en-US')}`;
    const [a, g] = d.offers as [(typeof d.offers)[0], (typeof d.offers)[0]];
    a.years.forEach((y, i) => {
      expect(net).toMatch(
        new RegExp(
          `│ Year ${i + 1} +│ +${usd(y.takeHome.net)} │ +${usd(g.years[i]!.takeHome.net)} │`,
        ),
      );
    });
    // Globex's net leaves its private stock out, Acme's counts its stock: the table says so (L14).
    expect(net).toMatch(/^│ +│ +Acme │ Globex \(cash only\) │$/m);
    expect(net).toMatch(
      /^Globex: Private-company stock is not taxed here: .*the net is of cash only\.$/m,
    );
    // The notes grouped as markdown groups them: an offer's own after its label, once; the ones
    // every offer's nets share once, unlabelled.
    expect(net).toMatch(/^Acme: WA Cares exemptions/m);
    expect(net).toMatch(/^Globex: California's brackets/m);
    expect(net).not.toMatch(/(Acme|Globex): (Acme|Globex):|^(Acme|Globex): Estimates for/m);
    expect(net.match(/^Estimates for planning, not tax advice/gm)).toHaveLength(1);
    const md = await cli(['offer', acme, globex, '--take-home', '--format', 'markdown']);
    const globexMd = md.stdout.slice(md.stdout.indexOf('### Offer Globex'));
    expect(globexMd).toContain('- Private-company stock is not taxed here');
    expect(md.stdout).not.toMatch(/Globex: [Pp]rivate-company/);
    // CSV: each offer's nets' notes as its `note` rows, as its other notes (one offer, and side by side).
    const noteRows = async (argv: string[]) =>
      (await cli(['offer', ...argv, '--take-home', '--format', 'csv'])).stdout
        .split('\n')
        .filter((l) => /^[^,]*,[^,]*,note,/.test(l));
    const alone = await noteRows([acme]);
    expect(alone.filter((l) => /^Acme,.*,"WA Cares exemptions/.test(l))).toHaveLength(1);
    expect(alone.filter((l) => /,"Estimates for planning, not tax advice/.test(l))).toHaveLength(1);
    const sides = await noteRows([acme, globex, '--state', 'CA']);
    expect(sides.some((l) => /^Globex,.*,"Private-company stock is not taxed here/.test(l))).toBe(
      true,
    );
    expect(sides.some((l) => /^Globex,.*,"California's brackets/.test(l))).toBe(true);
    expect(sides.some((l) => /^Acme,.*,"'--state CA applies only to the columns/.test(l))).toBe(
      true,
    );
    // A year one offer lacks has no net.
    const short = offerFile(
      'short.json',
      '{"label": "Short", "years": 5, "city": "austin", "base": 200000, "equity": 100000, "vesting": "50/50"}',
    );
    const both = await cli(['offer', short, acme, '--take-home', '--filing', 'married'], {
      env: { NO_COLOR: '1' },
    });
    expect(both.code).toBe(0);
    const nets = both.stdout.slice(both.stdout.indexOf('Net after tax'));
    expect(nets).toMatch(/\(married, tax year \d{4}; Short TX, Acme WA\)/);
    expect(nets).toMatch(/│ Year 3 +│ +- │ +\$[\d,]+ │/);
  });

  it('a file leaves out what --years gives, and a label defaults to the file name', async () => {
    const path = offerFile('initech.json', '{"city": "austin", "base": "150k"}');
    const d = await offerJson(['--years', '4', path]);
    expect(d.label).toBe('initech');
    expect(d.profile.years).toBe(4);
    expect(d.profile.city).toBe('austin');
  });

  it('spawned: the built bin prints both files side by side', async () => {
    const r = await runBin(['offer', 'examples/acme.json', 'examples/globex.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2 offers side by side');
    expect(r.stdout).toContain('Difference from Acme');
  });

  const bad: [what: string, text: string, message: RegExp][] = [
    [
      'an unknown field',
      '{"years": 5, "base": 185000, "salary": 1}',
      /: unknown field 'salary'; accepted: \$schema, label, years/,
    ],
    [
      'a wrong type',
      '{"years": 5, "base": true}',
      /: base must be an amount like 185000 or "185k", got a boolean$/m,
    ],
    [
      'a wrong type in a list',
      '{"years": 5, "base": 100000, "signOn": [1000, "x"]}',
      /: signOn item 2 'x' is not an amount/,
    ],
    [
      'a private that is not a boolean',
      '{"years": 5, "base": 100000, "equity": 1000, "private": "yes"}',
      /: private must be true or false, got a string$/m,
    ],
    [
      'a growth without %',
      '{"years": 5, "base": 100000, "equity": 1000, "growth": 0.1}',
      /: growth must be a percentage like "10%" or "-5%", got a number$/m,
    ],
    [
      'a bonus amount over 200% of base',
      '{"years": 5, "base": 100000, "bonus": "300k"}',
      /: bonus \$300,000 is 300% of base \$100,000, above 200% of base$/m,
    ],
    [
      'an empty string',
      '{"years": 5, "base": 100000, "bonus": ""}',
      /: bonus is empty: expected a percentage of base/,
    ],
    [
      'a key given twice',
      '{"years": 5, "base": 200000, "base": 300000}',
      /: field 'base' is given twice \(JSON would keep only the last\); give each field once$/m,
    ],
    [
      'a key given twice, pretty-printed with a nested list',
      '{\n  "years": 5,\n  "signOn": [1, 2],\n  "base": "200k",\n  "label": "A",\n  "label": "B"\n}\n',
      /: field 'label' is given twice/,
    ],
    [
      'an ANSI escape in the label',
      '{"label": "Ac\\u001b[31mme", "years": 5, "base": 100000}',
      /: label 'Ac\?\[31mme': character 3 is a control character \(U\+001B\), which a label may not hold$/m,
    ],
    [
      'a right-to-left override in the label',
      '{"label": "Acme\\u202e", "years": 5, "base": 100000}',
      /: character 5 is an invisible formatting character \(U\+202E\), which a label may not hold$/m,
    ],
    [
      'a line break in the label',
      '{"label": "Ac\\nme", "years": 5, "base": 100000}',
      /: label 'Ac\?me': character 3 is a control character \(U\+000A\)/,
    ],
    ['bad JSON', '{"years": 5, "base": ', /: not valid JSON \(/],
    ['no base', '{"years": 5, "city": "austin"}', /: base is required$/m],
    ['no years', '{"base": 185000}', /: years is required$/m],
    [
      'an unknown city',
      '{"years": 5, "base": 100000, "city": "seatle"}',
      /: unknown city 'seatle' for city \(did you mean 'seattle'\?\)/,
    ],
    [
      'not an object',
      '[{"years": 5}]',
      /: an offer file is a JSON object \(see schemas\/offer-file\.schema\.json\), got a list$/m,
    ],
  ];

  it.each(bad)(
    '%s: one line naming the file and the field, exit 2',
    async (_what, text, message) => {
      const path = offerFile('bad.json', text);
      const r = await cli(['offer', acme, path]);
      expectUsageError(r, message);
      expect(r.stderr).toContain(`error: ${path}: `);
    },
  );

  it('a UTF-16 file (with or without a byte-order mark) is named as such, not as bad JSON', async () => {
    const json = '{"years": 5, "base": 185000}';
    for (const [name, bytes] of [
      ['le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')])],
      [
        'be.json',
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]),
      ],
      ['nobom.json', Buffer.from(json, 'utf16le')],
    ] as const) {
      const path = offerFile(name, bytes);
      expectUsageError(
        await cli(['offer', path]),
        new RegExp(`^ml-salary: error: .*${name} is UTF-16 text; save it as UTF-8$`, 'm'),
      );
    }
  });

  it('a label in any script is fine; one from a file name is checked as a label is', async () => {
    const path = offerFile(
      'yandex.json',
      '{"label": "Яндекс 株式会社", "years": 5, "base": 100000}',
    );
    expect((await offerJson([path])).label).toBe('Яндекс 株式会社');
    const odd = offerFile('a\u001bb.json', '{"years": 5, "base": 100000}');
    expectUsageError(
      await cli(['offer', odd]),
      /a\?b\.json: the file name \(the label by default\): character 2 is a control character \(U\+001B\), which a label may not hold$/m,
    );
  });

  it('a missing file, and offer flags with files, are usage errors too', async () => {
    expectUsageError(
      await cli(['offer', join(dir, 'none.json')]),
      /cannot read '.*none\.json': no such file$/m,
    );
    expectUsageError(
      await cli(['offer', acme, '--base', '200k']),
      /--base with offer files: the terms come from the files/,
    );
  });
});

describe('bad input (item 7): one stderr line, exit 2, nothing on stdout', () => {
  const offer = (...terms: string[]) => ['offer', '--years', '5', ...terms];
  const cases: [what: string, argv: string[], message: RegExp][] = [
    [
      'a negative base',
      offer('--base', '-5'),
      /--base '-5' cannot be negative: expected whole dollars/,
    ],
    [
      'a negative grant',
      offer('--base', '100k', '--equity', '-$5k'),
      /--equity '-\$5k' cannot be negative/,
    ],
    [
      'a negative sign-on',
      offer('--base', '100k', '--sign-on', '50000,-3'),
      /--sign-on item 2 '-3' cannot be negative/,
    ],
    [
      'a non-numeric base',
      offer('--base', 'abc'),
      /--base 'abc' is not an amount: expected whole dollars like 185000, 185,000, 185k or \$1\.2M$/m,
    ],
    [
      'a non-numeric bonus',
      offer('--base', '100k', '--bonus', 'lots'),
      /--bonus 'lots' is not an amount/,
    ],
    ['1e5', offer('--base', '1e5'), /--base '1e5' is not an amount/],
    [
      'a schedule that does not add up to 100',
      offer('--base', '100k', '--equity', '100k', '--vesting', '10/20/30'),
      /--vesting 10\/20\/30 adds up to 60, not 100/,
    ],
    [
      'a schedule over 100',
      offer('--base', '100k', '--equity', '100k', '--vesting', '50/50/1'),
      /--vesting 50\/50\/1 adds up to 101, not 100/,
    ],
    [
      'an unknown preset',
      offer('--base', '100k', '--equity', '100k', '--vesting', 'amazn'),
      /unknown vesting schedule 'amazn' for --vesting \(did you mean 'amazon'\?\); accepted: even, amazon, google, google-2023, nvidia/,
    ],
    [
      'a preset name with a look-alike letter',
      offer('--base', '100k', '--equity', '100k', '--vesting', '\u0430mazon'),
      /^ml-salary: error: vesting schedule '\u0430mazon' for --vesting: character 1, '\u0430' \(U\+0430\), is a Cyrillic letter, not the Latin one it may look like; accepted: even, amazon/,
    ],
    [
      'a preset name with punctuation',
      offer('--base', '100k', '--equity', '100k', '--vesting', 'nvidia!'),
      /unknown vesting schedule 'nvidia!' for --vesting \(did you mean 'nvidia'\?\)/,
    ],
    [
      'more sign-on years than vesting years',
      offer(
        '--base',
        '100k',
        '--equity',
        '100k',
        '--vesting',
        'google',
        '--sign-on',
        '1k,2k,3k,4k,5k',
      ),
      /--sign-on lists 5 years, more than the 4 of the vesting schedule \(--vesting google\)/,
    ],
    [
      '--refresh without --equity',
      offer('--base', '100k', '--refresh', '10k'),
      /--refresh needs --equity/,
    ],
    [
      '--vesting without --equity',
      offer('--base', '100k', '--vesting', 'amazon'),
      /--vesting is a schedule for a stock grant: give the grant with --equity/,
    ],
    [
      '--private without --equity',
      offer('--base', '100k', '--private'),
      /--private describes the equity, but the offer has none/,
    ],
    [
      'a bonus written as a fraction',
      offer('--base', '100k', '--bonus', '0.15'),
      /--bonus '0\.15' is not clear: did you mean 0\.15%, 15% \(0\.15 as a fraction of base\) or 0\.15k \(\$150\)\? \(a bare number under 1000 is not taken as dollars\)$/m,
    ],
    [
      'a bonus of 1',
      offer('--base', '100k', '--bonus', '1'),
      /--bonus '1' is not clear: did you mean 1%, 100% \(1 as a fraction of base\) or 1k \(\$1,000\)\?/,
    ],
    [
      'a bonus over 200%',
      offer('--base', '100k', '--bonus', '201%'),
      /--bonus 201% is above 200% of base/,
    ],
    [
      'a bonus amount over 200% of base',
      offer('--base', '100k', '--bonus', '500k'),
      /--bonus \$500,000 is 500% of --base \$100,000, above 200% of base$/m,
    ],
    [
      'more sign-on years than a custom schedule',
      offer(
        '--base',
        '100k',
        '--equity',
        '100k',
        '--vesting',
        '10/20/30/40',
        '--sign-on',
        '1k,2k,3k,4k,5k',
      ),
      /--sign-on lists 5 years, more than the 4 of the vesting schedule \(--vesting 10\/20\/30\/40\)$/m,
    ],
    [
      'a growth without %',
      offer('--base', '100k', '--equity', '100k', '--growth', '10'),
      /--growth '10' needs a % sign/,
    ],
    [
      'an amount over the maximum',
      offer('--base', '101m'),
      /--base '101m' is above the maximum of \$100,000,000/,
    ],
    ['a base of $0', offer('--base', '0'), /--base must be more than \$0/],
    // commander passes "" through: an empty value is an error, never "not given".
    ['an empty --base', offer('--base', ''), /--base is empty: expected whole dollars/],
    ...(
      [
        ['--bonus', /--bonus is empty: expected a percentage of base from 0% to 200%/],
        ['--equity', /--equity is empty: expected whole dollars/],
        [
          '--vesting',
          /--vesting is empty: expected even, amazon, google, google-2023, nvidia, or yearly percentages/,
        ],
        ['--sign-on', /--sign-on is empty: expected amounts separated by commas/],
        ['--refresh', /--refresh is empty: expected whole dollars/],
        ['--growth', /--growth is empty: expected a percentage from -100% to 1000%/],
      ] as const
    ).map(
      ([flag, message]) =>
        [`an empty ${flag}`, offer('--base', '100k', '--equity', '100k', flag, ''), message] as [
          string,
          string[],
          RegExp,
        ],
    ),
    [
      'an empty --vesting without --equity',
      offer('--base', '100k', '--vesting', ' '),
      /--vesting is empty: expected/,
    ],
  ];

  it.each(cases)('%s', async (_what, argv, message) => {
    expectUsageError(await cli(argv), message);
  });

  it("a batch record: a bonus amount over 200% of its base is that line's error", async () => {
    const r = await batch(
      '{"years": 5, "offer": {"base": 100000, "bonus": 500000}}\n{"years": 5, "offer": {"base": 100000, "bonus": 200000}}\n',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'line 1: offer.bonus $500,000 is 500% of offer.base $100,000, above 200% of base\n',
    );
    expect(lines(r.stdout)).toHaveLength(1);
  });

  it('a bonus of exactly 200% and a schedule of 33.33 x 3 are fine (the bounds are inclusive)', async () => {
    const d = await offerJson([
      '--years',
      '5',
      '--base',
      '100k',
      '--bonus',
      '200%',
      '--equity',
      '3k',
      '--vesting',
      '33.33/33.33/33.34',
    ]);
    expect(d.years.map((y) => y.bonus)).toEqual([200000, 200000, 200000]);
  });
});

describe('without a terminal it never prompts', () => {
  it.each([
    [
      ['offer', '--years', '5'],
      /--base is required here \(no terminal on stdin\); pass e\.g\. --base 185000/,
    ],
    [
      ['offer', '--base', '185k'],
      /--years is required here \(no terminal on stdin\); pass e\.g\. --years 5/,
    ],
    [['offer', '--years', '5', '--json'], /--base is required here \(--json never prompts\)/],
  ])('%j: exit 2 naming the flag', async (argv, message) => {
    expectUsageError(await cli(argv), message);
  });

  it('a terminal with --no-input does not prompt either', async () => {
    expectUsageError(
      await cli(['offer', '--base', '185k', '--no-input'], { tty: true }),
      /--years is required here \(--no-input was given\)/,
    );
  });
});

describe('--private', () => {
  const argv = [
    '--years',
    '4',
    '--city',
    'sf',
    '--industry',
    'ai-startup',
    '--base',
    '180k',
    '--bonus',
    '10k',
    '--equity',
    '400k',
    '--private',
  ];

  it('judges the cash on its own and says the stock is paper', async () => {
    const d = await offerJson(argv);
    expect(d.offer.private).toBe(true);
    const cash = d.position.cash!;
    expect(cash.gap).toBe(180000 + 10000 - (d.market.base.mid + d.market.bonus.mid));
    const r = await cli(['offer', ...argv]);
    expect(r.stdout).toContain(
      'Stock: a $400,000 grant (private company: paper value) vesting even',
    );
    const cashLine = r.stdout.split('\n').find((l) => l.trimStart().startsWith('Cash'));
    expect(cashLine).toMatch(/^ {2}Cash {4}\$190,000 {2}≈P\d+, /);
    expect(cashLine).toContain(`${Math.abs(cash.gap).toLocaleString('en-US')} under the median`);
    expect(r.stdout).toContain(
      'Private company: the stock is paper and may never be sold (its floor is $0), so the cash (base + bonus) is judged on its own above.',
    );
  });

  it('without --private there is no cash line', async () => {
    const d = await offerJson(argv.filter((a) => a !== '--private'));
    expect(d.position.cash).toBeUndefined();
    const r = await cli(['offer', ...argv.filter((a) => a !== '--private')]);
    expect(r.stdout).not.toMatch(/^ *Cash /m);
    expect(r.stdout).not.toContain('paper');
  });

  it("a startup's grant without --private is counted as listed, and every format says how to mark it (review L11)", async () => {
    const listed = argv.filter((a) => a !== '--private');
    const note =
      "The grant is counted as listed stock (sellable as it vests, taxed as wages then), while the market's figures for Well-funded AI startup count its stock as a private company's: add --private if the company is not listed.";
    const d = await offerJson([...listed, '--take-home']);
    const unfitted = expect.stringMatching(/^Well-funded AI startup: not fitted on pay records/);
    expect(d.notes).toEqual([note, unfitted]); // the second since review4 N5
    expect(d.years[0]!.total).toBe(180_000 + 10_000 + 100_000); // the figures are unchanged
    for (const format of ['table', 'csv', 'markdown']) {
      const r = await cli(['offer', ...listed, '--format', format, '--no-input']);
      expect(r.stderr).toBe('');
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(note);
    }
    const file = offerFile(
      'startup.json',
      JSON.stringify({ years: 4, industry: 'ai-startup', base: 180000, equity: 400000 }),
    );
    expect((await offerJson([file])).notes![0]).toContain('set "private": true if the company');
    // Marked private, said listed (public, or "private": false), or a listed industry: no note
    // (an AI startup's offer keeps its one other note, that its figures are not fitted: N5).
    const unfittedOnly = [expect.stringContaining('not fitted on pay records')];
    for (const other of [argv, [...listed, '--stage', 'public']])
      expect((await offerJson(other)).notes).toEqual(unfittedOnly);
    const bigTech = [...listed.slice(0, 5), 'big-tech', ...listed.slice(6)];
    expect((await offerJson(bigTech)).notes).toBeUndefined();
    const given = offerFile(
      'listed.json',
      JSON.stringify({
        years: 4,
        industry: 'ai-startup',
        base: 180000,
        equity: 400000,
        private: false,
      }),
    );
    expect((await offerJson([given])).notes).toEqual(unfittedOnly);
  });
});

describe('--format csv and markdown', () => {
  it('CSV: a row per year (cash apart), the first year, annualized, the total the percentile is of, running totals', async () => {
    const d = await offerJson(AMAZON);
    const r = await cli(['offer', ...AMAZON, '--format', 'csv']);
    expect(r.code).toBe(0);
    const p = d.position.total;
    // Every row ends with the profile the market figures are of, and the (here empty) note.
    const who = ',5,seattle,big-tech,,bachelors,mid,skills;degree,';
    expect(r.stdout.trimEnd().split('\n')).toEqual(
      [
        'label,private,year,base,bonus,stock,sign_on,cash,total,stock_basis,risk_adjusted,total_percentile,total_verdict,years,city,industry,skills,degree,level,defaulted,note',
        'offer 1,false,1,185000,27750,20000,50000,262750,282750,market,282750,,',
        'offer 1,false,2,185000,27750,60000,30000,242750,302750,market,302750,,',
        'offer 1,false,3,185000,27750,160000,0,212750,372750,market,372750,,',
        'offer 1,false,4,185000,27750,160000,0,212750,372750,market,372750,,',
        'offer 1,false,first-year,,,,,,282750,market,,,',
        'offer 1,false,annualized,185000,27750,100000,20000,,332750,market,,,',
        // The percentile is of base + bonus + the grant per year: sign-on left out, as the table's.
        `offer 1,false,total-vs-market,185000,27750,100000,,,312750,market,,${p.percentile},${p.verdict}`,
        // Running totals: cash, cash + stock, risk-adjusted (a listed company's stock as it is).
        'offer 1,false,cumulative-1,,,,,262750,282750,market,282750,,',
        'offer 1,false,cumulative-2,,,,,505500,585500,market,585500,,',
        'offer 1,false,cumulative-3,,,,,718250,958250,market,958250,,',
        'offer 1,false,cumulative-4,,,,,931000,1331000,market,1331000,,',
      ].map((line, k) => (k ? line + who : line)),
    );
    expect(d.annualized.total - d.annualized.signOn).toBe(312750);
  });

  it('CSV: each row says what market it was judged against, in the same header for every offer', async () => {
    const a = offerFile(
      'austin.json',
      JSON.stringify({ label: 'A', years: 2, city: 'austin', base: '150k' }),
    );
    const b = offerFile(
      'pgh.json',
      JSON.stringify({
        label: 'B',
        years: 9,
        city: 'pittsburgh',
        industry: 'quant',
        base: '250k',
        level: 'staff',
      }),
    );
    const rows = async (...argv: string[]) =>
      (await cli(['offer', ...argv, '--format', 'csv'])).stdout.trimEnd().split('\n');
    const [head, ...body] = await rows(a, b);
    const profile = 'years,city,industry,skills,degree,level,defaulted';
    expect(head).toMatch(new RegExp(`,total_verdict,${profile},note$`));
    expect(body[0]).toMatch(
      /^A,false,1,.*,2,austin,enterprise,,bachelors,entry,industry;skills;degree,$/,
    );
    expect(body.find((l) => l.startsWith('B,false,1,'))).toMatch(
      /,9,pittsburgh,quant,,bachelors,staff,skills;degree,$/,
    );
    // Pittsburgh's factor is an estimate: a note row; the header is the same without one.
    expect(body.some((l) => l.startsWith('B,false,note,'))).toBe(true);
    expect((await rows(a))[0]).toBe(head);
    // With --data, the market file too, before the note.
    const market = offerFile('market.json', (await cli(['market', '--json'])).stdout);
    const [withData, first] = await rows(a, '--data', market);
    expect(withData).toMatch(new RegExp(`,${profile},market_file,note$`));
    expect(first!.endsWith(`,entry,industry;skills;degree,${market},`)).toBe(true);
  });

  it('markdown: the year-by-year table and where each part sits', async () => {
    const r = await cli(['offer', ...AMAZON, '--format', 'markdown']);
    expect(r.code).toBe(0);
    // whose figures they are, with the defaulted fields, as every markdown opens (review5)
    expect(r.stdout).toMatch(
      /^### Offer: 5 years, Seattle, Big tech \(FAANG\)\n\nProfile: city `seattle`, industry `big-tech`, skills none, degree `bachelors` \(defaulted: skills, degree\)\n/,
    );
    expect(r.stdout).toContain('| Year | Base | Bonus | Sign-on | Cash | Stock | Total |');
    expect(r.stdout).toContain(
      '| 1 | $185,000 | $27,750 | $50,000 | $262,750 | $20,000 | $282,750 |',
    );
    expect(r.stdout).toContain(
      'First year: $282,750. Annualized (levels.fyi: grant / vesting years, sign-on / 4): $332,750.',
    );
    expect(r.stdout).toMatch(/^\| total \| \$312,750 \| /m);
    expect(r.stdout).toContain(
      "Total: base + target bonus + the grant per year; sign-on is left out, as the market's figures leave it out.",
    );
  });

  it("markdown side by side: a label's '|' is escaped, so the table keeps its columns", async () => {
    const a = offerFile('pipe.json', JSON.stringify({ label: 'A|B', years: 5, base: '150k' }));
    const b = offerFile('plain.json', JSON.stringify({ label: 'C', years: 5, base: '160k' }));
    const r = await cli(['offer', a, b, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const side = r.stdout.slice(r.stdout.indexOf('### Side by side'));
    expect(side).toContain('| | A\\|B | C |\n|---|---:|---:|\n');
  });
});

describe('the report in a terminal', () => {
  const PRIVATE = [
    '--years',
    '4',
    '--city',
    'sf',
    '--industry',
    'ai-startup',
    '--equity',
    '400k',
    '--private',
  ];
  /** The lines from "Against the market" on, as a terminal `columns` wide shows them. */
  async function against(argv: string[], columns: number): Promise<string[]> {
    const r = await cli(['offer', ...argv, '--no-input'], {
      tty: true,
      columns,
      env: { NO_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    return lines.slice(lines.findIndex((l) => l.startsWith('Against the market')));
  }

  it.each([80, 40])(
    'at %i columns every verdict line keeps its indent and fits',
    async (columns) => {
      for (const argv of [AMAZON, [...PRIVATE, '--base', '180k'], [...PRIVATE, '--base', '1.2m']]) {
        const lines = await against(argv, columns);
        const heads = lines.filter((l) => /^ {2}(Base|Bonus|Equity|Paper|Total\*|Cash) /.test(l));
        expect(heads.map((l) => l.trim().split(' ')[0])).toEqual(
          argv.includes('--private')
            ? ['Base', 'Bonus', 'Paper', 'Total*', 'Cash'] // private stock is said to be paper
            : ['Base', 'Bonus', 'Equity', 'Total*'],
        );
        for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(columns);
      }
    },
  );

  it('at 80 columns a verdict that fits is one line, as when not in a terminal', async () => {
    const lines = await against(AMAZON, 80);
    const d = await offerJson(AMAZON);
    const rows = [
      ['Base', '$185,000', 'base'],
      ['Bonus', ' $27,750', 'bonus'],
      ['Equity', '$100,000', 'equity'],
      ['Total*', '$312,750', 'total'],
    ] as const;
    expect(lines.slice(1, 5)).toEqual(
      rows.map(([label, figure, part]) => {
        const p = d.position[part];
        const gap = `$${Math.abs(p.gap).toLocaleString('en-US')} ${p.gap < 0 ? 'under' : 'over'} the median`;
        return `  ${label.padEnd(8)}${figure}  ≈P${p.percentile}, typical (P25-P75): ${gap}`;
      }),
    );
    for (const l of lines.slice(1, 5)) expect(l.length).toBeLessThanOrEqual(80);
    const plain = (await cli(['offer', ...AMAZON])).stdout.split('\n');
    for (const l of lines.slice(1, 5)) expect(plain).toContain(l);
  });

  it("in colour, the bars' legend is one line when its words fit (colour codes take no room)", async () => {
    // eslint-disable-next-line no-control-regex -- SGR colour codes
    const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');
    const r = await cli(['offer', ...AMAZON, '--no-input', '--color'], { tty: true, columns: 80 });
    const legend = r.stdout.split('\n').find((l) => plain(l).includes('P10 to P90'))!;
    expect(legend).toContain('\u001b[');
    expect(plain(legend)).toBe('█ P10 to P90  ┃ typical  ◆ this offer (◀ ▶ off the scale)');
    const narrow = await cli(['offer', ...AMAZON, '--no-input', '--color'], {
      tty: true,
      columns: 40,
    });
    const lines = narrow.stdout.split('\n').map(plain);
    const at = lines.findIndex((l) => l.includes('P10 to P90'));
    expect(lines.slice(at, at + 2)).toEqual([
      '█ P10 to P90  ┃ typical  ◆ this offer',
      '  (◀ ▶ off the scale)',
    ]);
  });

  it('at 40 columns a verdict wraps under its own text', async () => {
    const lines = await against(AMAZON, 40);
    expect(lines[2]).toMatch(/^ {2}Base {4}\$185,000 {2}≈P\d+, typical$/);
    expect(lines[3]).toMatch(/^ {20}\(P25-P75\): \$[\d,]+$/);
  });

  it("side by side, each offer's profile line keeps its indent when it wraps", async () => {
    const r = await cli(['offer', join(EXAMPLES, 'acme.json'), join(EXAMPLES, 'globex.json')], {
      tty: true,
      columns: 40,
      env: { NO_COLOR: '1' },
    });
    const lines = r.stdout.split('\n');
    expect(lines[1]).toBe('  Acme: 5 years | Seattle | Big tech');
    expect(lines[2]).toMatch(/^ {4}\(FAANG\)/);
    expect(lines.find((l) => l.includes('Globex:'))).toMatch(/^ {2}Globex: /);
  });
});

/** The last question of an interactive offer (Enter: no counter-offer). */
const LAST_QUESTION = 'Work out a counter-offer (what to ask for)?';

/**
 * The "To run this again" line of an interactive run (`t`), run in a terminal: it must finish
 * without a question (review F11) and print the same report. Returns the line.
 */
async function rerunAsksNothing(t: { stdout: () => string; stderr: () => string }) {
  const line = t.stderr().trimEnd();
  expect(line).toMatch(/^To run this again: ml-salary offer /);
  const words = line
    .replace('To run this again: ml-salary ', '')
    .split(' ')
    .map((w) => (w === "''" ? '' : w));
  const again = terminal();
  const asked = new Promise((resolve) => setTimeout(() => resolve('asked a question'), 5000));
  expect(await Promise.race([run(words, again.io), asked])).toBe(0);
  expect(again.stderr()).toBe('');
  expect(again.stdout()).toBe(t.stdout());
  return line;
}

describe('the interactive offer flow (the real prompts, in-process)', () => {
  it('asks the profile, then base, bonus, the kind of stock, its grant, a vesting preset and sign-on, and prints the report', async () => {
    const t = inTerminal(['offer']);
    const done = t.done;
    await answer('Years of experience', '5');

    await shows('City:');
    for (let i = 0; i < 3; i++) screen.keypress('down'); // from Other US to Seattle (3 down)
    screen.keypress('enter');
    await shows('Industry / employer:');
    for (let i = 0; i < 7; i++) screen.keypress('up'); // from Enterprise (8th) to Big tech (1st)
    screen.keypress('enter');
    await answer('Skills'); // none
    await answer('Highest degree:'); // Bachelor's
    await answer('Level, if you know it'); // skipped: the years decide

    await answer('Base salary a year (e.g. 185000 or 185k):', '185 thousand');
    // Checked on enter, and named by the question (not by a flag the user never typed).
    await shows("Base '185 thousand' is not an amount");
    for (let i = 0; i < '185 thousand'.length; i++) screen.keypress('backspace');
    screen.type('185k');
    screen.keypress('enter');

    await answer('Target bonus: a share of base like 15%', '15%');
    // What kind of stock first, and only then the fields that kind needs.
    const kinds = await shows('Stock in this offer:');
    expect(kinds).toContain('Stock in this offer:');
    for (const kind of [
      'No stock',
      'RSUs in a listed company',
      'RSUs in a private company',
      'Stock options',
    ])
      expect(kinds).toContain(kind);
    screen.keypress('down'); // from No stock to a listed company's RSUs
    screen.keypress('enter');
    await answer("Stock grant: the whole grant's value at grant", 'lots');
    await shows("Stock grant 'lots' is not an amount");
    for (let i = 0; i < 'lots'.length; i++) screen.keypress('backspace');
    screen.type('400,000');
    screen.keypress('enter');

    const vesting = await shows('Vesting schedule');
    expect(vesting).toContain('Vesting schedule (share of the grant vesting each year):');
    // Every preset is listed with its percentages, then a custom schedule.
    for (const preset of [
      'Even 4-year (25/25/25/25)',
      'Amazon, back-loaded (5/15/40/40)',
      'Google, front-loaded (38/32/20/10)',
      'Google, 2023 front-loaded (33/33/22/12)',
      'Nvidia, front-loaded from 2025 (40/30/20/10)',
      'custom: type the yearly percentages',
    ]) {
      expect(vesting).toContain(preset);
    }
    screen.keypress('down'); // from Even (the default) to Amazon
    screen.keypress('enter');

    await answer('Sign-on bonus by year, e.g. 50000,30000', '50000,30000');

    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    const out = t.stdout();
    expect(out).toContain("Offer: 5 years | Seattle | Big tech (FAANG) | none | Bachelor's");
    expect(out).toContain('Stock: a $400,000 grant vesting amazon 5/15/40/40');
    expect(out).toContain('First year: $282,750');
    expect(out).toContain('Annualized: $332,750');
    // The command that gives the same report without a question, on stderr with the questions:
    // the answers as typed, and the report's own flags.
    expect(t.stderr()).toBe(
      'To run this again: ml-salary offer --years 5 --city seattle --industry big-tech --skills none --degree bachelors --base 185k --bonus 15% --equity 400,000 --vesting amazon --sign-on 50000,30000\n',
    );
    const words = t
      .stderr()
      .replace('To run this again: ml-salary ', '')
      .trim()
      .split(' ')
      .map((w) => (w === "''" ? '' : w));
    const again = terminal();
    expect(await run(words, again.io)).toBe(0);
    expect(again.stdout()).toBe(out);
    expect(again.stderr()).toBe('');
  });

  it('a custom schedule is typed, and checked as it is answered', async () => {
    const t = inTerminal([
      'offer',
      ...SEATTLE,
      '--skills',
      'mlops',
      '--degree',
      'masters',
      '--base',
      '200k',
      '--bonus',
      '0',
      '--equity',
      '100k',
    ]);
    const done = t.done;
    await shows('Vesting schedule');
    for (let i = 0; i < 5; i++) screen.keypress('down'); // past the five presets
    screen.keypress('enter');
    await answer('Yearly percentages, adding up to 100', '50/40');
    await shows('Vesting 50/40 adds up to 90, not 100');
    screen.keypress('backspace');
    screen.keypress('backspace');
    screen.type('50');
    screen.keypress('enter');
    await answer('Sign-on bonus by year'); // none
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('Stock: a $100,000 grant vesting custom 50/50');
    expect(t.stdout()).toMatch(/│ 2 +│ \$200,000 │ +\$0 │ \$50,000 │ +\$0 │ \$250,000 │/);
  });

  it('with some flags given it asks only the rest (no vesting question without a grant)', async () => {
    const t = inTerminal([
      'offer',
      ...SEATTLE,
      '--skills',
      'mlops',
      '--degree',
      'masters',
      '--base',
      '200k',
    ]);
    const done = t.done;
    await shows('Target bonus');
    expect(screen.getScreen()).not.toContain('Years of experience');
    screen.keypress('enter'); // no bonus
    await answer('Stock in this offer:'); // no stock: no grant nor vesting question
    await shows('Sign-on bonus by year');
    expect(screen.getScreen()).not.toContain('Vesting');
    screen.type('20k');
    screen.keypress('enter');
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('No stock grant.');
    expect(t.stdout()).toMatch(/│ 1 +│ \$200,000 │ +\$0 │ +\$0 │ \$20,000 │ \$220,000 │/);
  });

  const PROFILE = [...SEATTLE, '--skills', 'mlops', '--degree', 'masters'];

  it('a sign-on longer than the chosen schedule is re-asked, named by its question', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--equity',
      '100k',
    ]);
    const done = t.done;
    await shows('Vesting schedule');
    for (let i = 0; i < 5; i++) screen.keypress('down'); // custom
    screen.keypress('enter');
    await answer('Yearly percentages', '10/20/30/40');
    await answer('Sign-on bonus by year', '1k,2k,3k,4k,5k');
    await shows(
      'Sign-on lists 5 years, more than the 4 of the vesting schedule (Vesting 10/20/30/40)',
    );
    for (let i = 0; i < 3; i++) screen.keypress('backspace'); // 1k,2k,3k,4k
    screen.keypress('enter');
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('Stock: a $100,000 grant vesting custom 10/20/30/40');
    expect(t.stderr()).toContain('--vesting 10/20/30/40 --sign-on 1k,2k,3k,4k');
  });

  it('a bonus amount over 200% of the base answered is re-asked, saying the share', async () => {
    const t = inTerminal(['offer', ...PROFILE]);
    const done = t.done;
    await answer('Base salary a year', '100k');
    await answer('Target bonus', '500k');
    await shows('Bonus $500,000 is 500% of Base $100,000, above 200% of base');
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('50k');
    screen.keypress('enter');
    await answer('Stock in this offer'); // no stock
    await answer('Sign-on bonus by year'); // no sign-on
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toMatch(/│ 1 +│ \$100,000 │ +\$50,000 │ +\$0 │ +\$0 │ \$150,000 │/);
  });

  it('with --sign-on given, a schedule too short for it cannot be chosen nor typed', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--equity',
      '100k',
      '--sign-on',
      '1k,2k,3k,4k,5k',
    ]);
    const done = t.done;
    // Every preset has 4 years: each is shown with why not (one short line: the menu fits an
    // 80x24 terminal), and the cursor starts on custom.
    expect(await shows('Vesting schedule')).toContain(
      'Amazon, back-loaded (5/15/40/40) (4 years; --sign-on lists 5)',
    );
    screen.keypress('enter');
    await answer('Yearly percentages', '50/50');
    await shows('--sign-on lists 5 years, more than the 2 of the vesting schedule (Vesting 50/50)');
    for (let i = 0; i < 5; i++) screen.keypress('backspace');
    screen.type('20/20/20/20/20');
    screen.keypress('enter');
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('Stock: a $100,000 grant vesting custom 20/20/20/20/20');
  });

  it('issue 20 item 8: a --sign-on longer than 4 years needs some stock, not "none" (it ended on an error about --vesting even)', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--sign-on',
      '1k,2k,3k,4k,5k',
    ]);
    const kinds = await shows("Stock in this offer (--sign-on's 5 years need some):");
    expect(kinds).not.toContain('No stock');
    await answer('Stock in this offer'); // a listed company's RSUs
    await answer('Stock grant', '100k');
    await answer('Vesting schedule'); // custom, the only one long enough
    await answer('Yearly percentages', '20/20/20/20/20');
    await answer(LAST_QUESTION);
    expect(await t.done).toBe(0);
    expect(t.stdout()).toContain('Stock: a $100,000 grant vesting custom 20/20/20/20/20');
  });

  it('issue 20 item 8: the vesting menu with every preset ruled out fits 80x24, each entry one line', async () => {
    const t = inTerminal(
      [
        'offer',
        ...PROFILE,
        '--base',
        '200k',
        '--bonus',
        '0',
        '--equity',
        '100k',
        '--sign-on',
        '1k,2k,3k,4k,5k',
      ],
      { columns: 80 },
    );
    const menu = (await shows('Vesting schedule')).split('\n');
    expect(menu.length).toBeLessThanOrEqual(24);
    for (const line of menu) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(menu.filter((l) => l.includes('(4 years; --sign-on lists 5)'))).toHaveLength(5);
    screen.keypress('enter');
    await answer('Yearly percentages', '20/20/20/20/20');
    await answer(LAST_QUESTION);
    expect(await t.done).toBe(0);
  });

  it('issue 20 item 8: a --sign-on no schedule can hold is refused before the first question', async () => {
    const t = inTerminal(['offer', ...PROFILE, '--sign-on', Array(11).fill('1k').join(',')]);
    expect(await t.done).toBe(2);
    expect(t.stderr()).toBe(
      'ml-salary: error: --sign-on lists 11 years, more than the 10 a vesting schedule may have\n',
    );
    expect(screen.getScreen()).toBe('');
  });

  it('issue 20 item 8: a --sign-on longer than the --vesting given is refused before the first question', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--vesting',
      'amazon',
      '--sign-on',
      '1k,2k,3k,4k,5k',
    ]);
    expect(await t.done).toBe(2);
    expect(t.stderr()).toBe(
      'ml-salary: error: --sign-on lists 5 years, more than the 4 of the vesting schedule (--vesting amazon)\n',
    );
    expect(screen.getScreen()).toBe('');
  });

  it('a --bonus amount is judged against the base as it is answered, not after the last question', async () => {
    const t = inTerminal(['offer', ...PROFILE, '--bonus', '150k']);
    await answer('Base salary a year', '50k');
    await shows('--bonus $150,000 is 300% of Base $50,000, above 200% of base');
    for (let i = 0; i < 3; i++) screen.keypress('backspace');
    screen.type('100k');
    screen.keypress('enter');
    await answer('Stock in this offer'); // no stock
    await answer('Sign-on bonus by year'); // none
    await answer(LAST_QUESTION);
    expect(await t.done).toBe(0);
  });

  it('--growth needs some stock at the prompts too (without stock it was dropped)', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--growth',
      '10%',
    ]);
    expect(await shows('Stock in this offer (--growth needs some):')).not.toContain('No stock');
    await answer('Stock in this offer');
    await answer('Stock grant', '100k');
    await answer('Vesting schedule');
    await answer('Sign-on bonus by year');
    await answer(LAST_QUESTION);
    expect(await t.done).toBe(0);
  });

  it('with --vesting (or --refresh, --private) given, some stock is required, not "none"', async () => {
    const t = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--vesting',
      'google',
    ]);
    const done = t.done;
    await shows('Stock in this offer (--vesting needs some):');
    expect(screen.getScreen()).not.toContain('No stock');
    screen.keypress('enter'); // a listed company's RSUs
    await answer("Stock grant: the whole grant's value at grant");
    await answer('You must provide a value', '100k');
    await answer('Sign-on bonus by year'); // no sign-on
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('Stock: a $100,000 grant vesting google 38/32/20/10');

    const r = inTerminal([
      'offer',
      ...PROFILE,
      '--base',
      '200k',
      '--bonus',
      '0',
      '--refresh',
      '10k',
    ]);
    const refresh = r.done;
    await shows('Stock in this offer (--refresh needs some):');
    // A refresher is a grant in dollars: options are not offered.
    expect(screen.getScreen()).not.toContain('Stock options');
    screen.keypress('enter'); // a listed company's RSUs
    await answer('Stock grant', '100k');
    await answer('Vesting schedule'); // even, the default
    await answer('Sign-on bonus by year'); // no sign-on
    await answer(LAST_QUESTION);
    expect(await refresh).toBe(0);
    expect(r.stdout()).toContain('plus a $10,000 refresher each year');
  });

  it('options: asks the number, strike, FMV, preferred price, stage and type, and shows the odds', async () => {
    const t = inTerminal(['offer', ...PROFILE, '--base', '160k', '--bonus', '0']);
    const done = t.done;
    await shows('Stock in this offer');
    for (let i = 0; i < 3; i++) screen.keypress('down'); // stock options
    screen.keypress('enter');
    await answer('Number of options', '40,5');
    await shows("Options '40,5' is not a number");
    for (let i = 0; i < 4; i++) screen.keypress('backspace');
    screen.type('40k');
    screen.keypress('enter');
    await answer('Strike price a share', '1.20');
    await answer('the 409A FMV', '1.20');
    await answer("The last round's preferred price a share, if known", '4');
    await shows("The company's last priced round");
    for (let i = 0; i < 6; i++) screen.keypress('up'); // from Don't know (last) to Seed
    screen.keypress('enter');
    await shows('Option type');
    screen.keypress('down'); // NSO
    screen.keypress('enter');
    await answer('Vesting schedule'); // even
    await answer('Sign-on bonus by year'); // no sign-on
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toContain('Options: 40,000 NSO options at a $1.20 strike');
    expect(t.stdout()).toContain(
      "What the stock may be worth (Seed), in today's dollars: 65% chance of nothing; median $0; expected $111,637 (risk-adjusted: the average exit, $301,956,",
    );
    expect(t.stderr()).toContain(
      '--options 40k --strike 1.20 --fmv 1.20 --preferred 4 --option-type nso --stage seed --vesting even',
    );
  });

  it("a private company's RSUs: the grant at the preferred price and the stage, then paper", async () => {
    const t = inTerminal(['offer', ...PROFILE, '--base', '160k', '--bonus', '0']);
    const done = t.done;
    await shows('Stock in this offer');
    for (let i = 0; i < 2; i++) screen.keypress('down');
    screen.keypress('enter');
    await answer('Stock grant: its value at the last preferred price', '200k');
    await answer("The company's last priced round"); // don't know: no odds
    await answer('Vesting schedule'); // even
    await answer('Sign-on bonus by year'); // no sign-on
    await answer(LAST_QUESTION); // no counter-offer, the default
    expect(await done).toBe(0);
    expect(t.stdout()).toMatch(/│ +Paper │ Cash \+ paper │/);
    expect(t.stdout()).not.toContain('What the stock may be worth');
    // No sign-on is --sign-on 0; the round not known has no flag: --no-input leaves it so.
    expect(await rerunAsksNothing(t)).toBe(
      'To run this again: ml-salary offer --years 5 --city seattle --industry big-tech --skills mlops --degree masters --base 160k --bonus 0 --equity 200k --vesting even --sign-on 0 --private --no-input',
    );
  });

  it('no bonus, no stock, no sign-on: the re-run line says so with 0s and asks nothing (review F11)', async () => {
    const t = inTerminal(['offer', ...PROFILE, '--base', '200k']);
    const done = t.done;
    await answer('Target bonus'); // none
    await answer('Stock in this offer'); // No stock, the default
    await answer('Sign-on bonus by year'); // none
    await answer(LAST_QUESTION); // no counter-offer
    expect(await done).toBe(0);
    expect(await rerunAsksNothing(t)).toBe(
      'To run this again: ml-salary offer --years 5 --city seattle --industry big-tech --skills mlops --degree masters --base 200k --bonus 0 --equity 0 --sign-on 0',
    );
  });

  it('options with no preferred price known: the re-run line adds --no-input and asks nothing', async () => {
    const t = inTerminal(['offer', ...PROFILE, '--base', '160k', '--bonus', '10%']);
    const done = t.done;
    await shows('Stock in this offer');
    for (let i = 0; i < 3; i++) screen.keypress('down'); // stock options
    screen.keypress('enter');
    await answer('Number of options', '40k');
    await answer('Strike price a share', '1.20');
    await answer('the 409A FMV', '0.90');
    await answer("The last round's preferred price a share, if known"); // not known
    await answer('Option type'); // ISO
    await answer('Vesting schedule'); // even
    await answer('Sign-on bonus by year', '20k');
    await answer(LAST_QUESTION);
    expect(await done).toBe(0);
    expect(await rerunAsksNothing(t)).toBe(
      'To run this again: ml-salary offer --years 5 --city seattle --industry big-tech --skills mlops --degree masters --base 160k --bonus 10% --options 40k --strike 1.20 --fmv 0.90 --option-type iso --vesting even --sign-on 20k --no-input',
    );
  });

  it('an empty flag fails before any question (an empty answer is "none")', async () => {
    const t = terminal();
    expect(await run(['offer', ...PROFILE, '--base', '200k', '--bonus', ''], t.io)).toBe(2);
    expect(t.stderr()).toBe(
      'ml-salary: error: --bonus is empty: expected a percentage of base from 0% to 200% like 15%, or an amount like 30000 or 30k\n',
    );
    expect(t.stdout()).toBe('');
  });

  it.each([
    [['--clawback', '12'], '--clawback shapes what leaving early keeps: give --leave-at too'],
    [['--cliff', '6'], '--cliff shapes what leaving early keeps: give --leave-at too'],
    [
      ['--stage', 'public', '--private'],
      '--stage public is a listed company, but --private says private',
    ],
    [
      ['--equity', '100k', '--exit-price', '3'],
      '--exit-price values private stock at an exit; this stock is listed',
    ],
  ])(
    'flags that contradict each other, which no answer can change, fail before any question: %j',
    async (flags, message) => {
      const t = inTerminal(['offer', ...PROFILE, ...flags]);
      expect(await t.done).toBe(2);
      expect(t.stderr()).toBe(`ml-salary: error: ${message}\n`);
      expect(screen.getScreen()).toBe('');
    },
  );

  it('a bad flag fails before any question, and Ctrl+C cancels with 130', async () => {
    const bad = terminal();
    expect(await run(['offer', '--city', 'seatle', '--base', '100k'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/unknown city 'seatle' for --city \(did you mean 'seattle'\?\)/);

    const t = inTerminal(['offer', ...SEATTLE, '--skills', 'mlops', '--degree', 'masters']);
    const done = t.done;
    await shows('Base salary');
    screen.keypress({ name: 'c', ctrl: true });
    expect(await done).toBe(130);
    expect(t.stderr()).toBe('Cancelled\n');
    expect(t.stdout()).toBe('');
  });
});

it('cents are refused, one line naming the flag or the field, never rounded (review2 M15)', async () => {
  for (const [flag, value] of [
    ['--base', '250000.75'],
    ['--bonus', '20000.5'],
    ['--equity', '400,000.5'],
    ['--sign-on', '50000,30000.25'],
  ] as const) {
    const base = flag === '--base' ? [] : ['--base', '200k'];
    const r = await cli(['offer', ...SEATTLE, ...base, flag, value]);
    expectUsageError(
      r,
      new RegExp(`^ml-salary: error: ${flag}( item 2)? '[^']+' has cents: expected `),
    );
  }
  const file = join(dir, 'cents.json');
  writeFileSync(file, JSON.stringify({ years: 5, base: 250000.75 }));
  expectUsageError(await cli(['offer', file]), /base '250000\.75' has cents/);
  expectUsageError(
    await cli(['--years', '5', '--take-home', '--pretax', '10000.01']),
    /--pretax '10000\.01' has cents/,
  );
});

it('a one-year schedule: the annualized line divides by "1 year", not "1 years" (review6)', async () => {
  const r = await cli(
    ['offer', '--years', '5', '--base', '150k', '--equity', '100k', '--vesting', '100'],
    { env: { NO_COLOR: '1' } },
  );
  expect(r.stdout.replace(/\s+/g, ' ')).toContain('grant $100,000 / 1 year + target bonus');
});
