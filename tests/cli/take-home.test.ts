import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import states from '../../data/tax-states-2026.json' with { type: 'json' };
import { cli, expectUsageError, json, type Range } from '../command-helpers.js';
import { ROOT } from '../helpers.js';

// --take-home on the estimate, offer, compare and career (issue 15), as a user runs them.

interface TaxLine {
  id: string;
  label: string;
  amount: number;
  source: string;
  year: number;
  basis: string;
  uncertain?: boolean;
}
interface View {
  taxYear: number;
  filing: string;
  state: string;
  local: string | null;
  gross: number;
  pretax: number;
  hsa: number;
  taxes: TaxLine[];
  net: number;
  effectiveRate: number;
  notes: string[];
  purchasingPower: {
    metro: string;
    index: number;
    year: number | null;
    net: number;
    note?: string;
  };
}
interface Figures {
  total: Range;
  profile: { city: string };
}

const tax = (v: View, id: string): number | undefined => v.taxes.find((t) => t.id === id)?.amount;
const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SUPPORTED = Object.keys(states.states).sort().join(', ');

/** Every view adds up: net = gross - pretax - the taxes; the rate is the taxes over gross. */
function expectConsistent(v: View, gross: number): void {
  expect(v.gross).toBe(gross);
  const taxes = v.taxes.reduce((s, t) => s + t.amount, 0);
  expect(v.net).toBe(v.gross - v.pretax - taxes);
  expect(v.effectiveRate).toBeCloseTo(taxes / v.gross, 12);
}

describe("issue 15's offer: --years 5 --city austin --base 200000 --take-home", () => {
  const argv = ['offer', '--years', '5', '--city', 'austin', '--base', '200000', '--take-home'];

  it('year 1: federal 36,734, Social Security 11,439, Medicare 2,900, state 0, net 148,927', async () => {
    const d = await json<{ years: { total: number; takeHome: View }[] }>(argv);
    const y1 = d.years[0]!.takeHome;
    expect([y1.taxYear, y1.filing, y1.state, y1.local]).toEqual([2026, 'single', 'TX', null]);
    // Federal: $200,000 - $16,100 standard deduction = $183,900 taxable;
    //   10% x 12,400 + 12% x 38,000 + 22% x 55,300 + 24% x 78,200
    //   = 1,240 + 4,560 + 12,166 + 18,768 = 36,734.
    expect(tax(y1, 'federal')).toBe(36734);
    expect(tax(y1, 'social-security')).toBe(11439); // 6.2% of the $184,500 wage base = 11,439
    expect(tax(y1, 'medicare')).toBe(2900); // 1.45% of 200,000
    expect(tax(y1, 'additional-medicare')).toBe(0); // 0.9% only over $200,000 (single)
    expect(tax(y1, 'state')).toBe(0); // Texas has no wage income tax
    expect(y1.net).toBe(148927); // 200,000 - 36,734 - 11,439 - 2,900
    for (const y of d.years) expectConsistent(y.takeHome, y.total);
  });

  it('the table shows the same figures for each year', async () => {
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Take-home pay (single, tax year 2026; TX)');
    expect(r.stdout).toMatch(
      /│ Federal income tax +│ -\$36,734 │ -\$36,734 │ -\$36,734 │ -\$36,734 │/,
    );
    expect(r.stdout).toMatch(/│ Social Security +│ -\$11,439 │/);
    expect(r.stdout).toMatch(/│ Medicare +│ +-\$2,900 │/);
    expect(r.stdout).toMatch(/│ Texas income tax +│ +\$0 │/);
    expect(r.stdout).toMatch(/│ Net +│ \$148,927 │ \$148,927 │ \$148,927 │ \$148,927 │/);
    expect(r.stdout).toContain(
      'Federal income tax: 10%-24% brackets on $183,900 taxable: $200,000 wages - $16,100 standard deduction; standard: nothing to itemise [2026]',
    );
    expect(r.stdout).toContain('Estimates for planning, not tax advice');
  });

  it('each year of an offer with stock is taxed on its own total', async () => {
    const d = await json<{ years: { total: number; takeHome: View }[] }>([
      'offer',
      ...[
        '--years',
        '5',
        '--city',
        'seattle',
        '--industry',
        'faang',
        '--base',
        '185000',
        '--bonus',
        '15%',
      ],
      ...['--equity', '400000', '--vesting', 'amazon', '--sign-on', '50000,30000', '--take-home'],
    ]);
    expect(d.years.map((y) => y.takeHome.gross)).toEqual([282750, 302750, 372750, 372750]);
    for (const y of d.years) {
      expectConsistent(y.takeHome, y.total);
      expect(y.takeHome.state).toBe('WA');
      expect(y.takeHome.taxes.map((t) => t.id)).toContain('wa-cares');
    }
    expect(d.years[2]!.takeHome.net).toBeGreaterThan(d.years[0]!.takeHome.net);
    expect(d.years[0]!.takeHome.notes.join()).toContain('supplemental rate');
  });

  it('pay with no stock, bonus or sign-on gets no note on their withholding (review4 N10)', async () => {
    type Doc = { years: { takeHome: View }[] };
    const said = async (...more: string[]) =>
      (await json<Doc>([...argv, ...more])).years.some((y) =>
        y.takeHome.notes.some((n) => n.includes('supplemental rate')),
      );
    expect(await said()).toBe(false);
    expect(await said('--industry', 'banking')).toBe(false);
    expect(await said('--bonus', '10%')).toBe(true);
    expect(await said('--sign-on', '20000')).toBe(true);
  });

  it("a sign-on paid back of an earlier year is not off the year's wages: no refusal of a negative year (review6 D2)", async () => {
    type Doc = { years: { total: number; takeHome: View }[] };
    const argv = [
      ...['offer', '--years', '4', '--city', 'sf', '--base', '120k', '--equity', '100k'],
      ...['--sign-on', '100k', '--clawback', '24:full', '--leave-at', '13', '--take-home'],
    ];
    // Year 2 is a month: $10,000 of base less the $100,000 of year 1's sign-on paid back. It
    // was refused: "--pretax $0 is more than -$90,000 of wages (year 2)".
    const d = await json<Doc>(argv);
    expect(d.years[1]!.total).toBe(-90_000);
    expect(d.years[1]!.takeHome.gross).toBe(10_000);
    expect(d.years[1]!.takeHome.notes.join(' ')).toContain(
      "The $100,000 of sign-on paid back of earlier years is not taken off this year's wages",
    );
    // The same year's own sign-on paid back does come off its wages (the docs' example).
    const same = await json<Doc>([
      ...['offer', '--years', '5', '--city', 'seattle', '--base', '185k', '--equity', '400k'],
      ...['--vesting', 'amazon', '--sign-on', '50k,30k', '--clawback', '12', '--leave-at', '18'],
      '--take-home',
    ]);
    expect(same.years[1]!.takeHome.gross).toBe(107_500);
  });

  it('over $1 million of stock and bonus in a year, the note says withholding is 37% there (review6 D4)', async () => {
    type Doc = { years: { takeHome: View }[] };
    const d = await json<Doc>([
      ...['offer', '--years', '15', '--city', 'austin', '--base', '400k', '--bonus', '20%'],
      ...['--equity', '4m', '--vesting', 'google', '--take-home', '--filing', 'married'],
    ]);
    const over = 'Over $1,000,000 of such pay in a year, withholding is 37% (mandatory).';
    // Years 1-2: $1,520,000 and $1,280,000 of stock + $80,000 bonus; year 3: $800,000 + $80,000.
    const says = d.years.map((y) => y.takeHome.notes.some((n) => n.includes(over)));
    expect(says).toEqual([true, true, false, false]);
  });

  it("the withholding note speaks only of what the pay has: a private offer's sign-on, a paper estimate's bonus", async () => {
    const [acme, globex] = [join(ROOT, 'examples/acme.json'), join(ROOT, 'examples/globex.json')];
    const LISTED = "A listed company's stock (RSUs) is taxed as wages in the year it vests";
    const SIGN_ON =
      'A sign-on bonus is taxed as wages in the year it is paid; employers often withhold on it at the flat';
    const both = [acme, globex, '--take-home', '--state', 'CA'];
    type Offers = { offers: { years: { takeHome: View }[] }[] };
    const [a, g] = (await json<Offers>(['offer', ...both])).offers;
    expect(a!.years[0]!.takeHome.notes).toContainEqual(
      expect.stringContaining(`${LISTED}, a bonus or sign-on in the year it is paid`),
    );
    for (const y of g!.years) {
      expect(y.takeHome.notes.join()).not.toContain('RSUs) is taxed as wages in the year it vests');
      expect(y.takeHome.notes).toContainEqual(expect.stringContaining(SIGN_ON));
    }
    const table = (await cli(['offer', ...both], { env: { NO_COLOR: '1' } })).stdout;
    expect(table).toContain(`\nGlobex: ${SIGN_ON}`);
    expect(table).toContain(`\nAcme: ${LISTED}`);
    for (const format of ['markdown', 'csv']) {
      const out = (await cli(['offer', ...both, '--format', format])).stdout;
      expect(out.split(LISTED).length - 1, format).toBe(1);
      expect(out, format).toContain(SIGN_ON);
    }
    const alone = (await cli(['offer', globex, '--take-home'], { env: { NO_COLOR: '1' } })).stdout;
    expect(alone).toContain(`\n${SIGN_ON}`);
    expect(alone).not.toContain(LISTED);
    // An AI startup's estimate: its stock is paper, its bonus is withheld on.
    const paper = ['compare', '--years', '5', '--vs', 'industry=ai-startup', '--take-home'];
    const c = (await json<{ scenarios: { takeHome: View }[] }>(paper)).scenarios;
    expect(c[0]!.takeHome.notes.join()).toContain(LISTED);
    expect(c[1]!.takeHome.notes.join()).not.toContain(LISTED);
    expect(c[1]!.takeHome.notes.join()).toContain(
      'A bonus is taxed as wages in the year it is paid',
    );
  });
});

describe("issue 15's compare: --years 6 --city seattle --vs city=sf --take-home", () => {
  const argv = ['compare', '--years', '6', '--city', 'seattle', '--vs', 'city=sf', '--take-home'];
  interface Scenario extends Figures {
    takeHome: View;
    delta: { total: { dollars: number }; net: { dollars: number; percent: number } };
  }

  it('JSON: each scenario taxed where it is, the difference gross and net', async () => {
    const d = await json<{ scenarios: Scenario[] }>(argv);
    const [wa, ca] = d.scenarios as [Scenario, Scenario];
    expectConsistent(wa.takeHome, wa.total.mid);
    expectConsistent(ca.takeHome, ca.total.mid);
    expect([wa.takeHome.state, ca.takeHome.state]).toEqual(['WA', 'CA']);
    expect(tax(wa.takeHome, 'state')).toBe(0);
    expect(tax(ca.takeHome, 'state')).toBeGreaterThan(0);
    expect(ca.delta.total.dollars).toBe(ca.total.mid - wa.total.mid);
    expect(ca.delta.net.dollars).toBe(ca.takeHome.net - wa.takeHome.net);
    expect(ca.delta.net.percent).toBe(
      Math.round((ca.delta.net.dollars / wa.takeHome.net) * 10000) / 10000,
    );
    expect(wa.delta.net).toEqual({ dollars: 0, percent: 0 });
    // More gross in San Francisco, and California's tax and SDI take much of it back: the net
    // difference is under 60% of the gross one (Washington has no income tax).
    expect(ca.delta.total.dollars).toBeGreaterThan(0);
    expect(ca.delta.net.dollars).toBeLessThan(0.6 * ca.delta.total.dollars);
  });

  it('the table shows both take-home figures and the difference, gross and net', async () => {
    const d = await json<{ scenarios: Scenario[] }>(argv);
    const [wa, ca] = d.scenarios as [Scenario, Scenario];
    const r = await cli(argv);
    expect(r.code).toBe(0);
    const signed = (n: number) => `${n < 0 ? '-' : '+'}${usd(Math.abs(n))}`;
    /** A table row: its label, then the cells, each right-aligned in its column. */
    const row = (label: string, ...cells: string[]) =>
      new RegExp(`│ ${label} +│ +${cells.map(escape).join(' │ +')} [│(]`);
    expect(r.stdout).toMatch(row('Total', usd(wa.total.mid), usd(ca.total.mid)));
    expect(r.stdout).toMatch(row('Total vs start', '', signed(ca.delta.total.dollars)));
    expect(r.stdout).toMatch(row('Net after tax', usd(wa.takeHome.net), usd(ca.takeHome.net)));
    expect(r.stdout).toMatch(row('Net vs start', '', signed(ca.delta.net.dollars)));
    expect(r.stdout).toContain('Take-home pay (single, tax year 2026; WA, CA)');
    expect(r.stdout).toMatch(
      new RegExp(`│ Gross +│ \\${usd(wa.total.mid)} │ \\${usd(ca.total.mid)} │`),
    );
    expect(r.stdout).toMatch(/│ State income tax +│ +\$0 │ -\$[\d,]+ │/); // one line for WA's and CA's
    // Each column's price level is named by its metro, and each metro's note by the metro.
    const flat = r.stdout.replace(/\n {2}/g, ' ');
    for (const [label, s] of [
      ['Start', wa],
      ['city=sf', ca],
    ] as const) {
      const pp = s.takeHome.purchasingPower;
      expect(flat).toContain(`${label}: ${pp.metro} ${pp.index} (${pp.year})`);
      if (pp.note) expect(flat).toContain(`${pp.metro}: ${pp.note}`);
    }
  });

  it('CSV and markdown carry the nets too', async () => {
    const d = await json<{ scenarios: Scenario[] }>(argv);
    const csv = (await cli([...argv, '--format', 'csv'])).stdout.trimEnd().split('\n');
    const cols = csv[0]!.split(',');
    for (const [i, s] of d.scenarios.entries()) {
      const row = csv[i + 1]!.split(',');
      expect(Number(row[cols.indexOf('net')])).toBe(s.takeHome.net);
      expect(Number(row[cols.indexOf('net_delta')])).toBe(s.delta.net.dollars);
    }
    const md = (await cli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(
      `| net after tax | ${usd(d.scenarios[0]!.takeHome.net)} | ${usd(d.scenarios[1]!.takeHome.net)} |`,
    );
  });
});

describe("the estimate's --take-home: low, typical and high", () => {
  const argv = ['--years', '6', '--city', 'sf', '--take-home'];
  type Doc = Figures & { takeHome: Record<'low' | 'mid' | 'high', View> };

  it('markdown writes a tax of $0 as $0, never $-0', async () => {
    const a = ['--years', '5', '--take-home'];
    const d = await json<Doc>(a);
    // The low end is under the Additional Medicare Tax's threshold: $0 there, not at the others.
    expect(tax(d.takeHome.low, 'additional-medicare')).toBe(0);
    expect(tax(d.takeHome.mid, 'additional-medicare')).toBeGreaterThan(0);
    const md = (await cli([...a, '--format', 'markdown'])).stdout;
    expect(md).not.toMatch(/\$-|-\$0\b/);
    expect(md).toContain(
      `| Additional Medicare Tax | $0 | -${usd(tax(d.takeHome.mid, 'additional-medicare')!)} |`,
    );
  });

  it('JSON: takeHome.low / mid / high on total.low / mid / high', async () => {
    const d = await json<Doc>(argv);
    for (const end of ['low', 'mid', 'high'] as const) {
      expectConsistent(d.takeHome[end], d.total[end]);
      expect(d.takeHome[end].state).toBe('CA');
    }
    expect(d.takeHome.low.net).toBeLessThan(d.takeHome.mid.net);
    expect(d.takeHome.mid.net).toBeLessThan(d.takeHome.high.net);
  });

  it('the table has a column per end, the nets among them', async () => {
    const d = await json<Doc>(argv);
    const r = await cli(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Take-home pay (single, tax year 2026; CA)');
    const t = d.takeHome;
    expect(r.stdout).toMatch(/│ +│ +Low │ +Typical │ +High │/);
    expect(r.stdout).toMatch(
      new RegExp(
        `│ Gross +│ +\\${usd(t.low.gross)} │ +\\${usd(t.mid.gross)} │ +\\${usd(t.high.gross)} │`,
      ),
    );
    expect(r.stdout).toMatch(
      new RegExp(`│ Net +│ +\\${usd(t.low.net)} │ +\\${usd(t.mid.net)} │ +\\${usd(t.high.net)} │`),
    );
    expect(r.stdout).toContain('[2025 (uncertain)]'); // California's 2025 brackets, labelled
  });

  it("docs/scripting.md's take-home object names every field, and its net is what the JSON's is", async () => {
    const page = readFileSync(join(ROOT, 'docs', 'scripting.md'), 'utf8');
    const start = page.indexOf('- **The take-home object**');
    const text = page.slice(start, page.indexOf('\n\n', start)).replace(/\s+/g, ' ');
    const args = [
      '--years',
      '6',
      '--city',
      'nyc',
      '--locality',
      'yonkers',
      '--take-home',
      '--hsa',
      '4000',
    ];
    const v = (await json<{ takeHome: Record<'mid', View & { deduction: object }> }>(args)).takeHome
      .mid;
    for (const key of Object.keys(v)) expect(text).toContain(`\`${key}\``);
    expect(text).toContain(`\`deduction\` \`{${Object.keys(v.deduction).join(', ')}}\``);
    expect(v.local).toBe('yonkers');
    expect(text).toContain('`ml-salary list localities`');
    const taxes = v.taxes.reduce((sum, t) => sum + t.amount, 0);
    expect(v.net).toBe(v.gross - v.pretax - v.hsa - taxes);
    expect(text).toContain('`net` (gross − pretax − hsa − taxes)');
  });

  it('CSV: net_low, net_mid and net_high after the estimate', async () => {
    const d = await json<Doc>(argv);
    const [head, row] = (await cli([...argv, '--format', 'csv'])).stdout.trimEnd().split('\n') as [
      string,
      string,
    ];
    const cell = Object.fromEntries(row.split(',').map((v, i) => [head.split(',')[i]!, v]));
    expect(head.endsWith(',paper,state,local,filing,tax_year,net_low,net_mid,net_high,note')).toBe(
      true,
    );
    expect([cell.net_low, cell.net_mid, cell.net_high].map(Number)).toEqual([
      d.takeHome.low.net,
      d.takeHome.mid.net,
      d.takeHome.high.net,
    ]);
    expect(Number(cell.total_mid)).toBe(d.total.mid);
    const plain = (await cli(['--years', '6', '--city', 'sf', '--format', 'csv'])).stdout;
    expect(plain).not.toContain('net_');
    // The nets' notes are in the note cell, as the markdown lists them (review5 P4).
    const text = (await cli([...argv, '--format', 'csv'])).stdout;
    expect(d.takeHome.low.notes.join(' ')).toMatch(/California's brackets.* the 2025 figures/);
    expect(text.trimEnd().endsWith(`,"${d.takeHome.low.notes.join(' ')}"`)).toBe(true);
  });

  it('--filing married and --pretax change the figures as they say', async () => {
    const single = await json<Doc>(argv);
    const married = await json<Doc>([...argv, '--filing', 'married']);
    const saving = await json<Doc>([...argv, '--pretax', '23,000']);
    expect(married.takeHome.mid.filing).toBe('married');
    expect(tax(married.takeHome.mid, 'federal')!).toBeLessThan(
      tax(single.takeHome.mid, 'federal')!,
    );
    expect(saving.takeHome.mid.pretax).toBe(23000);
    expectConsistent(saving.takeHome.mid, single.total.mid);
    expect(tax(saving.takeHome.mid, 'federal')!).toBeLessThan(tax(single.takeHome.mid, 'federal')!);
    expect(tax(saving.takeHome.mid, 'social-security')).toBe(
      tax(single.takeHome.mid, 'social-security'),
    ); // payroll taxes are not lowered
  });

  it('remote and us are federal only unless --state, and say so', async () => {
    const d = await json<Doc>(['--years', '6', '--city', 'remote', '--take-home']);
    expect(d.takeHome.mid.state).toBe('none');
    expect(d.takeHome.mid.taxes.map((t) => t.id)).not.toContain('state');
    expect(d.takeHome.mid.notes[0]).toMatch(
      /^Federal taxes only: .*; pass --state \(a state's code, or DC\) for a state's\.$/,
    );
    const ny = await json<Doc>([
      '--years',
      '6',
      '--city',
      'remote',
      '--take-home',
      '--state',
      'ny',
    ]);
    expect(ny.takeHome.mid.state).toBe('NY');
    expect(tax(ny.takeHome.mid, 'state')).toBeGreaterThan(0);
    expect(ny.takeHome.mid.local).toBeNull(); // New York State, not the city
  });
});

describe('career --take-home', () => {
  it('each point taxed on its typical total', async () => {
    const d = await json<{ points: (Figures & { takeHome: View })[] }>([
      'career',
      '--city',
      'nyc',
      '--to',
      '4',
      '--take-home',
    ]);
    for (const p of d.points) {
      expectConsistent(p.takeHome, p.total.mid);
      expect([p.takeHome.state, p.takeHome.local]).toEqual(['NY', 'nyc']);
    }
    const r = await cli(['career', '--city', 'nyc', '--to', '4', '--take-home']);
    expect(r.stdout).toContain('Typical total after tax');
    expect(r.stdout).toContain(
      `│ ${usd(d.points[4]!.takeHome.gross)} │ ${usd(d.points[4]!.takeHome.net)} │`,
    );
  });
});

describe('take-home errors: one line, exit 2', () => {
  const unsupported = new RegExp(
    `--state 'ZZ' is not supported \\(did you mean AZ\\?\\): use one of ${SUPPORTED}, or none \\(federal only\\)$`,
    'm',
  );

  it.each([
    [['--years', '5', '--city', 'remote', '--take-home', '--state', 'ZZ']],
    [['offer', '--years', '5', '--city', 'us', '--base', '100k', '--take-home', '--state', 'ZZ']],
    [
      [
        ...['compare', '--years', '5', '--city', 'remote', '--vs', 'years=+1'],
        ...['--take-home', '--state', 'ZZ'],
      ],
    ],
    [['career', '--city', 'remote', '--take-home', '--state', 'ZZ']],
  ])('an unsupported --state names the supported ones: %j', async (argv) => {
    expect(SUPPORTED.split(', ')).toHaveLength(51);
    expectUsageError(await cli(argv), unsupported);
  });

  it.each([
    [
      ['--years', '5', '--city', 'seattle', '--take-home', '--state', 'CA'],
      /--state is for a location without one \(remote, us\), or another state the metro spans; Seattle is in WA$/m,
    ],
    [
      ['offer', '--years', '5', '--city', 'sf', '--base', '100k', '--take-home', '--state', 'TX'],
      /--state is for a location without one \(remote, us\), or another state the metro spans; San Francisco Bay Area is in CA$/m,
    ],
    [
      ['compare', '--years', '5', '--city', 'austin', '--vs', 'city=nyc'],
      /--state is for a location without one \(remote, us\), or another state the metro spans, and no column is one; Austin is in TX, New York is in NY or NJ$/m,
    ],
    [
      ['compare', '--years', '5', '--city', 'austin', '--vs', 'city=seattle'],
      /--state is for a location without one \(remote, us\), or another state the metro spans, and no column is one; Austin is in TX, Seattle is in WA$/m,
    ],
    [
      ['career', '--city', 'seattle', '--to', '2', '--vs', 'city=denver'],
      /--state is for a location without one \(remote, us\), or another state the metro spans, and no column is one; Seattle is in WA, Denver is in CO$/m,
    ],
  ])('--state for a city with its own state: %j', async (argv, message) => {
    const full = argv[0] === 'compare' || argv[0] === 'career';
    expectUsageError(await cli(full ? [...argv, '--take-home', '--state', 'CA'] : argv), message);
  });

  it("compare's table names the columns a note is about, where the others lack it (review3 A9)", async () => {
    const argv = ['compare', '--years', '5', '--city', 'remote', '--vs', 'city=nyc'];
    const r = await cli([...argv, '--state', 'NJ', '--take-home'], { env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^city=nyc: Taxed as living and working in NJ\. /m);
    // A note every column has is printed once, as it is.
    expect(r.stdout).toMatch(/^Estimates for planning, not tax advice/m);
  });

  // Review2 R12: one rule in every command, a column being a scenario, a line or an offer.
  it('--state NJ with nyc: every command taxes a New Jersey resident, as the estimate does', async () => {
    const base = ['--years', '8', '--city', 'nyc', '--industry', 'fintech'];
    const th = ['--take-home', '--state', 'nj'];
    const one = await json<{ takeHome: { mid: View } }>([...base, ...th]);
    expect([one.takeHome.mid.state, one.takeHome.mid.local]).toEqual(['NJ', null]);
    const across = one.takeHome.mid.notes[0]!;
    expect(across).toMatch(/^Taxed as living and working in NJ\..*Not included here\.$/);
    const remote = await json<CompareTaxed>(['compare', ...base, '--vs', 'city=remote', ...th]);
    const start = remote.scenarios[0]!.takeHome;
    expect([start.state, start.local, start.net]).toEqual(['NJ', null, one.takeHome.mid.net]);
    expect(start.notes[0]).toBe(across);
    const boston = await json<CompareTaxed>(['compare', ...base, '--vs', 'city=boston', ...th]);
    const [nyc, bos] = boston.scenarios.map((c) => c.takeHome);
    expect([nyc!.state, nyc!.net, bos!.state]).toEqual(['NJ', one.takeHome.mid.net, 'MA']);
    expect(nyc!.notes[0]).toBe(
      "--state NJ applies only to the columns without a fixed state or in a metro that spans it: start (New York); city=boston (Boston / Cambridge, MA) keeps its own state's taxes.",
    );
    const career = await json<{ points: { takeHome: View }[] }>([
      'career',
      ...base.slice(2),
      ...th,
    ]);
    for (const p of career.points)
      expect([p.takeHome.state, p.takeHome.local]).toEqual(['NJ', null]);
    // A city's own state, named in a compare of fixed states, applies to that column.
    const sf = await json<CompareTaxed>([
      ...['compare', '--years', '5', '--city', 'austin', '--vs', 'city=sf'],
      ...['--take-home', '--state', 'CA'],
    ]);
    expect(sf.scenarios.map((c) => c.takeHome.state)).toEqual(['TX', 'CA']);
  });

  it('--locality applies where --state does, and in the columns of its state (review2 M27)', async () => {
    const argv = [
      'compare',
      '--years',
      '5',
      '--city',
      'remote',
      '--vs',
      'city=nyc',
      '--vs',
      'city=sf',
    ];
    const d = await json<CompareTaxed>([
      ...argv,
      ...['--take-home', '--state', 'ny', '--locality', 'yonkers'],
    ]);
    const at = d.scenarios.map((c) => [c.takeHome.state, c.takeHome.local]);
    expect(at).toEqual([
      ['NY', 'yonkers'],
      ['NY', 'yonkers'],
      ['CA', null],
    ]);
    expect(d.scenarios[2]!.takeHome.notes[0]).toBe(
      "--state NY and --locality yonkers apply only to the columns without a fixed state or in a metro that spans it: start (Remote (US)), city=nyc (New York); city=sf (San Francisco Bay Area, CA) keeps its own state's and local taxes.",
    );
    const local = await json<CompareTaxed>([
      'compare',
      '--years',
      '5',
      '--city',
      'nyc',
      '--vs',
      'city=sf',
      '--take-home',
      '--locality',
      'yonkers',
    ]);
    expect(local.scenarios.map((c) => c.takeHome.local)).toEqual(['yonkers', null]);
    expect(local.scenarios[0]!.takeHome.notes[0]).toMatch(
      /^--locality yonkers applies only to the columns in a state that has it: start \(New York\); city=sf/,
    );
    // No column can take it: refused naming every column's state, as --state is (review3 A21);
    // a --locality not in --state too.
    const refused =
      /^ml-salary: error: --locality yonkers \(NY\) fits no column: San Francisco Bay Area is in CA, Seattle is in WA$/m;
    expectUsageError(
      await cli([
        'compare',
        '--years',
        '5',
        '--city',
        'sf',
        '--vs',
        'city=seattle',
        '--take-home',
        '--locality',
        'yonkers',
      ]),
      refused,
    );
    expectUsageError(
      await cli([...argv, '--take-home', '--state', 'tx', '--locality', 'yonkers']),
      /--locality yonkers is not in TX/,
    );
  });

  interface CompareTaxed {
    scenarios: { label: string; takeHome: View; delta: { net: { dollars: number } } }[];
  }

  it('compare: --state applies to every scenario without a fixed state, and says which', async () => {
    const argv = ['compare', '--years', '5', '--city', 'austin', '--vs', 'city=remote'];
    const d = await json<CompareTaxed>([
      ...argv,
      '--vs',
      'city=us',
      '--take-home',
      '--state',
      'CA',
    ]);
    const [start, remote, us] = d.scenarios;
    expect([start!.takeHome.state, remote!.takeHome.state, us!.takeHome.state]).toEqual([
      'TX',
      'CA',
      'CA',
    ]);
    expect(tax(remote!.takeHome, 'state')).toBeGreaterThan(0);
    // The remote column is the single estimate's take-home with --state CA.
    const single = await json<{ total: Range; takeHome: { mid: View } }>([
      '--years',
      '5',
      '--city',
      'remote',
      '--take-home',
      '--state',
      'CA',
    ]);
    expect(remote!.takeHome.net).toBe(single.takeHome.mid.net);
    expect(remote!.delta.net.dollars).toBe(remote!.takeHome.net - start!.takeHome.net);
    const note =
      "--state CA applies only to the columns without a fixed state or in a metro that spans it: city=remote (Remote (US)), city=us (Other US (national)); start (Austin, TX) keeps its own state's taxes.";
    for (const s of d.scenarios) expect(s.takeHome.notes[0]).toBe(note);
    const table = await cli([...argv, '--take-home', '--state', 'CA']);
    expect(table.code).toBe(0);
    expect(table.stdout.replace(/\s+/g, ' ')).toContain(
      "--state CA applies only to the columns without a fixed state or in a metro that spans it: city=remote (Remote (US)); start (Austin, TX) keeps its own state's taxes.",
    );
  });

  it('career: --state applies to the lines without a fixed state', async () => {
    const d = await json<{
      points: { takeHome: View }[];
      scenarios: { points: { takeHome: View }[] }[];
    }>([
      'career',
      '--city',
      'remote',
      '--to',
      '2',
      '--vs',
      'city=nyc',
      '--take-home',
      '--state',
      'TX',
    ]);
    for (const p of d.points) expect([p.takeHome.state, p.takeHome.local]).toEqual(['TX', null]);
    for (const p of d.scenarios[0]!.points)
      expect([p.takeHome.state, p.takeHome.local]).toEqual(['NY', 'nyc']);
    expect(d.points[0]!.takeHome.notes[0]).toMatch(
      /^--state TX applies only to the columns without a fixed state or in a metro that spans it: start \(Remote \(US\)\); city=nyc \(New York, NY\) keeps/,
    );
  });

  it('--pretax above the 2026 limit is refused naming the limit, the same whatever the column', async () => {
    // The limits hold whatever the wages, so no column is named (the wages' refusal names one).
    const over =
      /^ml-salary: error: --pretax \$120,000 is over the limit: the 2026 401\(k\) limit is \$24,500 \(\$32,500 from age 50, the catch-up pre-tax only for those whose FICA wages the year before were under \$150,000\)$/m;
    expectUsageError(
      await cli(['offer', '--years', '5', '--base', '200k', '--take-home', '--pretax', '120k']),
      over,
    );
    expectUsageError(await cli(['--years', '5', '--take-home', '--pretax', '120k']), over);
    const compare = [
      'compare',
      '--years',
      '0',
      '--city',
      'austin',
      '--industry',
      'marketing',
      '--vs',
      'city=sf',
    ];
    expectUsageError(await cli([...compare, '--take-home', '--pretax', '120k']), over);
    const career = ['career', '--city', 'austin', '--industry', 'marketing', '--to', '3'];
    expectUsageError(await cli([...career, '--take-home', '--pretax', '120k']), over);
    expectUsageError(
      await cli(['--years', '5', '--take-home', '--hsa', '9000']),
      /^ml-salary: error: --hsa \$9,000 is over the 2026 HSA limit for self-only cover at age 40: \$4,400 \(\$8,750 with family cover\)$/m,
    );
  });

  it('a credit that rounds to $0 is not listed; from 50 cents it is', async () => {
    const federal = async (base: string) =>
      (await cli(['offer', '--years', '5', '--base', base, '--take-home', '--state', 'TX'])).stdout
        .split('\n')
        .find((l) => l.includes('Federal income tax:'));
    // 7.65% of $5 is 38 cents; of $7, 54 cents.
    expect(await federal('$5')).not.toMatch(/earned income credit/);
    expect(await federal('$7')).toMatch(/less \$1 earned income credit \(refundable\)/);
  });

  it("leaving early: the last year defers its months' share of --pretax and --hsa", async () => {
    const d = await json<{ years: { takeHome: View }[] }>([
      ...['offer', '--years', '5', '--base', '100k', '--take-home', '--leave-at', '14'],
      ...['--pretax', '24500', '--hsa', '4400'],
    ]);
    expect(d.years.map((y) => [y.takeHome.gross, y.takeHome.pretax, y.takeHome.hsa])).toEqual([
      [100000, 24500, 4400],
      [16667, 4083, 733],
    ]);
  });

  it('--pretax above the wages names the HSA only when there is one', async () => {
    const args = ['offer', '--years', '5', '--base', '20k', '--take-home', '--pretax', '24500'];
    expectUsageError(
      await cli(args),
      /^ml-salary: error: --pretax \$24,500 is more than \$20,000 of wages \(year 1\)$/m,
    );
    expectUsageError(
      await cli([...args, '--hsa', '4400']),
      /^ml-salary: error: --pretax \$24,500 with the HSA's \$4,400 is more than \$20,000 of wages \(year 1\)$/m,
    );
  });

  it('--pretax above what the wages can pay is refused, naming the most', async () => {
    // $26,000 in Texas with $24,500 deferred: FICA on 26,000 is 1,989, more than the 1,500 left
    // (at $24,152 the 1,848 left and a $141 earned income credit just pay it).
    const offer = await cli([
      'offer',
      '--years',
      '5',
      '--base',
      '26k',
      '--take-home',
      '--pretax',
      '24500',
    ]);
    expectUsageError(
      offer,
      /^ml-salary: error: --pretax \$24,500 is more than \$26,000 of wages can pay after the taxes still owed on them: at most \$24,152 can be deferred \(year 1\)$/m,
    );
    const most = await json<{ years: { takeHome: View }[] }>([
      'offer',
      '--years',
      '5',
      '--base',
      '26k',
      '--take-home',
      '--pretax',
      '24152',
    ]);
    expect(most.years[0]!.takeHome.net).toBe(0);
  });

  it("--state naming the city's own state is fine", async () => {
    const d = await json<{ takeHome: { mid: View } }>([
      ...['--years', '5', '--city', 'seattle'],
      ...['--take-home', '--state', 'wa'],
    ]);
    expect(d.takeHome.mid.state).toBe('WA');
  });

  it.each([
    [['--years', '5', '--filing', 'married'], /--filing is for pay after tax: add --take-home$/m],
    [
      ['offer', '--years', '5', '--base', '100k', '--state', 'CA'],
      /--state is for pay after tax: add --take-home$/m,
    ],
    [
      ['compare', '--years', '5', '--vs', 'city=sf', '--pretax', '10k'],
      /--pretax is for pay after tax: add --take-home$/m,
    ],
    [['career', '--filing', 'single'], /--filing is for pay after tax: add --take-home$/m],
    [
      ['--years', '5', '--take-home', '--filing', 'joint'],
      /--filing.*Allowed choices are single, married/,
    ],
    [['--years', '5', '--take-home', '--pretax', '-5'], /--pretax '-5' cannot be negative/],
  ])('%j', async (argv, message) => {
    expectUsageError(await cli(argv), message);
  });
});

describe('issue 22: every state, localities, HSA, limits, itemising', () => {
  it.each(Object.keys(states.states).sort())(
    '--city remote --state %s --take-home works',
    async (code) => {
      const d = await json<{ takeHome: { mid: View } }>([
        '--years',
        '5',
        '--city',
        'remote',
        '--state',
        code,
        '--take-home',
      ]);
      const v = d.takeHome.mid;
      expect(v.state).toBe(code);
      expect(v.taxes.find((t) => t.id === 'state')?.label).toMatch(/income tax$/);
      expect(v.net).toBe(v.gross - v.pretax - v.taxes.reduce((s, t) => s + t.amount, 0));
    },
  );

  it('--state takes a state by name too, with a did-you-mean for a misspelt one', async () => {
    for (const [typed, code] of [
      ['new  york', 'NY'],
      ['District of Columbia', 'DC'],
    ]) {
      const d = await json<{ takeHome: { mid: View } }>([
        '--years',
        '5',
        '--city',
        'remote',
        '--state',
        typed!,
        '--take-home',
      ]);
      expect(d.takeHome.mid.state).toBe(code);
    }
    const r = await cli([
      '--years',
      '5',
      '--city',
      'remote',
      '--state',
      'californa',
      '--take-home',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--state 'californa' is not supported \(did you mean CA\?\)/);
  });

  it('list states lists the 50 states and DC; list localities the local taxes by state', async () => {
    const list = await cli(['list', 'states']);
    expect(list.code).toBe(0);
    for (const code of Object.keys(states.states))
      expect(list.stdout).toMatch(new RegExp(`^  ${code}  `, 'm'));
    expect(list.stdout).toMatch(/^ {2}TX {2}Texas \(no income tax on wages\)/m);
    const j = await json<{ kind: string; values: { id: string }[] }>(['list', 'states', '--json']);
    expect(j.values).toHaveLength(51);
    const locals = await cli(['list', 'localities']);
    expect(locals.stdout).toMatch(/^ {2}NY {2}nyc +New York City$/m);
    expect(locals.stdout).toMatch(
      /counties \(every resident pays one; default montgomery\): allegany, /,
    );
  });

  it('--locality picks the local tax, within the state taxed', async () => {
    const yonkers = await json<{ takeHome: { mid: View } }>([
      '--years',
      '5',
      '--city',
      'nyc',
      '--take-home',
      '--locality',
      'yonkers',
    ]);
    expect(yonkers.takeHome.mid.local).toBe('yonkers');
    expect(yonkers.takeHome.mid.taxes.map((t) => t.id)).toContain('yonkers');
    expect(yonkers.takeHome.mid.taxes.map((t) => t.id)).not.toContain('nyc');
    const remote = await json<{ takeHome: { mid: View } }>([
      '--years',
      '5',
      '--city',
      'remote',
      '--take-home',
      '--locality',
      'philadelphia',
    ]);
    expect(remote.takeHome.mid.state).toBe('PA');
    const none = await json<{ takeHome: { mid: View } }>([
      '--years',
      '5',
      '--city',
      'nyc',
      '--take-home',
      '--locality',
      'none',
    ]);
    expect(none.takeHome.mid.local).toBeNull();
  });

  it.each([
    [
      ['--years', '5', '--city', 'remote', '--take-home', '--locality', 'pitsburgh'],
      /unknown locality 'pitsburgh' for --locality \(did you mean 'pittsburgh'\?\); see: ml-salary list localities$/m,
    ],
    [
      ['--years', '5', '--city', 'nyc', '--take-home', '--locality', 'pittsburgh'],
      /--locality pittsburgh is not in NY: use nyc, yonkers, or none$/m,
    ],
    [
      ['--years', '5', '--city', 'remote', '--take-home', '--locality', 'washington'],
      /--locality washington is in IN and MD: name the state too$/m,
    ],
    [['--years', '5', '--locality', 'nyc'], /--locality is for pay after tax: add --take-home$/m],
    [['--years', '5', '--take-home', '--hsa-family'], /--hsa-family is for --hsa: add the amount/],
    [
      ['--years', '5', '--take-home', '--age', '4x'],
      /--age '4x' is not an age: a whole number of years from 14 to 120$/m,
    ],
  ])('%j', async (argv, message) => {
    expectUsageError(await cli(argv), message);
  });

  it('--hsa lowers Social Security and Medicare; --itemized can tip the deduction', async () => {
    type D = {
      takeHome: { mid: View & { hsa: number; deduction: { used: string; why: string } } };
    };
    const base = ['--years', '5', '--city', 'austin', '--take-home'];
    const a = (await json<D>(base)).takeHome.mid;
    const b = (await json<D>([...base, '--hsa', '4400'])).takeHome.mid;
    expect(b.hsa).toBe(4400);
    expect(Math.abs(tax(a, 'medicare')! - tax(b, 'medicare')! - 0.0145 * 4400)).toBeLessThan(1); // 63.80
    expect(b.net).toBe(b.gross - b.hsa - b.taxes.reduce((s, t) => s + t.amount, 0));
    expect(a.deduction.used).toBe('standard');
    const c = (await json<D>([...base, '--itemized', '30000'])).takeHome.mid;
    expect(c.deduction.used).toBe('itemized');
    expect(c.deduction.why).toMatch(
      /^itemised because \$30,000 \(state and local taxes \$0 \+ \$30,000 other\) beat the \$16,100 standard deduction/,
    );
    const family = (await json<D>([...base, '--hsa', '8750', '--hsa-family', '--age', '56']))
      .takeHome.mid;
    expect(family.hsa).toBe(8750);
  });
});

describe("paper equity (an AI startup's) is not taxed: the net is of cash", () => {
  const paper = /^Equity here is paper .*the gross is cash only \(base \+ bonus\)\.$/;
  interface Paper extends Figures {
    base: Range;
    bonus: Range;
    paper?: Range;
    takeHome: View;
  }

  it('estimate: each end taxes base + bonus, and says why first', async () => {
    const argv = ['--years', '5', '--city', 'sf', '--industry', 'ai-startup', '--take-home'];
    const d = await json<Figures & Omit<Paper, 'takeHome'> & { takeHome: Record<string, View> }>(
      argv,
    );
    expect(d.paper).toBeDefined();
    for (const end of ['low', 'mid', 'high'] as const) {
      expectConsistent(d.takeHome[end]!, d.base[end] + d.bonus[end]);
      expect(d.takeHome[end]!.notes[0]).toMatch(paper);
    }
    expect(d.takeHome.mid!.gross).toBeLessThan(d.total.mid);
    const table = await cli([...argv, '--no-input']);
    expect(table.stdout).toMatch(/^Equity here is paper/m);
    // listed stock is taxed with the rest, and no such note
    const listed = await json<Figures & { takeHome: Record<string, View> }>([
      ...argv.slice(0, 4),
      '--industry',
      'big-tech',
      '--take-home',
    ]);
    expectConsistent(listed.takeHome.mid!, listed.total.mid);
    expect(listed.takeHome.mid!.notes.join('\n')).not.toMatch(/paper/);
  });

  it('compare and career tax the startup on its cash, so it does not look richer after tax', async () => {
    const d = await json<{ scenarios: Paper[] }>([
      'compare',
      '--years',
      '5',
      '--city',
      'sf',
      '--vs',
      'industry=ai-startup',
      '--take-home',
    ]);
    const [start, startup] = d.scenarios as [Paper, Paper];
    expectConsistent(start.takeHome, start.total.mid);
    expectConsistent(startup.takeHome, startup.base.mid + startup.bonus.mid);
    expect(startup.takeHome.notes[0]).toMatch(paper);
    const c = await json<{ points: Paper[] }>([
      'career',
      '--city',
      'sf',
      '--industry',
      'ai-startup',
      '--to',
      '10',
      '--step',
      '5',
      '--take-home',
    ]);
    for (const p of c.points) expectConsistent(p.takeHome, p.base.mid + p.bonus.mid);
  });
});

describe('living in another state a metro spans', () => {
  it('says what working across the line adds, in the notes under the figures', async () => {
    const argv = ['--years', '6', '--city', 'boston', '--take-home', '--state', 'nh'];
    const d = await json<{ takeHome: Record<string, View> }>(argv);
    expect(tax(d.takeHome.mid!, 'state')).toBe(0);
    expect(d.takeHome.mid!.notes).toContainEqual(
      expect.stringMatching(/^Taxed as living and working in NH.*Massachusetts taxes the wages/),
    );
    expect((await cli([...argv, '--no-input'])).stdout).toMatch(/^Taxed as living and working/m);
  });
  // Review2 R14: living elsewhere in the state, the city's taxes on those working there remain.
  it.each([
    [
      'philadelphia',
      'none',
      /^Living outside Philadelphia .*non-residents \(3\.43% from 1 July 2025\).*not included here\.$/,
    ],
    [
      'pittsburgh',
      'none',
      /^Living outside Pittsburgh .*\$52 local services tax.*not included here\.$/,
    ],
    [
      'portland',
      'none',
      /^Living elsewhere in Oregon .*Preschool for All tax.*not included here\.$/,
    ],
    ['portland', 'portland-metro', /^Living elsewhere in Oregon and working in Portland/],
  ])('--city %s --locality %s says what working in the city still owes', async (city, l, note) => {
    const argv = ['--years', '5', '--city', city, '--take-home', '--locality', l];
    const d = await json<{ takeHome: Record<string, View> }>(argv);
    for (const v of Object.values(d.takeHome)) expect(v.notes[0]).toMatch(note);
    for (const format of ['table', 'markdown']) {
      const out = await cli([...argv, '--no-input', '--format', format]);
      expect(out.stdout.replace(/\s+/g, ' ')).toContain(d.takeHome.mid!.notes[0]!);
    }
    // Living in the city, or in another state (the across note), it is not said.
    for (const more of [[], ['--state', city === 'portland' ? 'WA' : 'PA']]) {
      const own = await json<{ takeHome: Record<string, View> }>([...argv.slice(0, 5), ...more]);
      expect(own.takeHome.mid!.notes.join(' ')).not.toMatch(/^Living (outside|elsewhere)/m);
    }
  });
});

describe('every net says what it is of, in every format (review F4)', () => {
  const CA_2025 =
    "California's brackets, standard deduction and exemption credit are the 2025 figures";
  let year = 0;
  const ctx = (where: string) => `single, tax year ${year}; ${where}`;
  /** A CSV's rows as records by heading. */
  const records = (csv: string): Record<string, string>[] => {
    const [head, ...rows] = csv
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    return rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i]!])));
  };
  const career = ['career', '--city', 'sf', '--to', '10', '--step', '5', '--take-home'];

  beforeAll(async () => {
    const d = await json<{ takeHome: { mid: View } }>(['--years', '1', '--take-home']);
    year = d.takeHome.mid.taxYear;
  });

  it('career: the table, markdown and CSV', async () => {
    const table = (await cli(career, { env: { NO_COLOR: '1' } })).stdout;
    expect(table).toContain(`Typical total after tax (${ctx('CA')})\n`);
    expect(table).toContain(CA_2025);
    const saved = await cli([...career, '--pretax', '24500', '--hsa', '4400'], {
      env: { NO_COLOR: '1' },
    });
    expect(saved.stdout).toContain(`(${ctx('CA')}; less 401(k) deferrals and HSA contributions)\n`);
    const md = (await cli([...career, '--vs', 'city=nyc', '--format', 'markdown'])).stdout;
    expect(md).toContain(`\n\nNet after tax: ${ctx('start (CA), city=nyc (NY + NYC)')}.\n\n`);
    // A note some lines' nets have names them, as the table's notes do (review3 A16).
    expect(md).toContain(`\n- start: ${CA_2025}`);
    const csv = records((await cli([...career, '--format', 'csv'])).stdout);
    const points = csv.filter((r) => r.label !== 'note');
    expect(points.map((r) => [r.state, r.local, r.filing, r.tax_year])).toEqual(
      Array(3).fill(['CA', '', 'single', String(year)]),
    );
    // and its notes, as note rows: California's tax is 2025's (review5 P4: the CSV had none)
    const text = (await cli([...career, '--format', 'csv'])).stdout;
    expect(text).toMatch(
      /\nnote,,+"California's brackets, standard deduction and exemption credit/,
    );
  });

  it('compare: markdown says which column is federal only; CSV has the state of each', async () => {
    // and --state none, which names no place's reason, keeps the general note
    const argv = ['compare', '--years', '5', '--city', 'remote', '--vs', 'city=sf', '--take-home'];
    const md = (await cli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(`\n\nNet after tax: ${ctx('start (federal only), city=sf (CA)')}.\n\n`);
    // the place's own reason, once: not also the general 'Federal only' note (review4 N10's aside)
    expect(md).toContain(
      "\n- start: Federal taxes only: Remote (US) has no fixed state; pass --state (a state's code, or DC)",
    );
    expect(md).not.toContain('Federal only: no state or local tax is included');
    expect(md).toContain(`\n- city=sf: ${CA_2025}`);
    const csv = records((await cli([...argv, '--format', 'csv'])).stdout);
    expect(
      csv.filter((r) => r.label !== 'note').map((r) => [r.state, r.filing, r.tax_year]),
    ).toEqual([
      ['none', 'single', String(year)],
      ['CA', 'single', String(year)],
    ]);
    const text = (await cli([...argv, '--format', 'csv'])).stdout;
    expect(text).toContain(`,"city=sf: ${CA_2025}:`);
    const none = await cli(['--years', '5', '--city', 'remote', '--state', 'none', '--take-home']);
    expect(none.stdout).toContain('Federal only: no state or local tax is included');
  });

  it("offer: markdown under the year table, CSV on each year's row", async () => {
    const argv = ['offer', '--years', '6', '--city', 'nyc', '--base', '200k', '--take-home'];
    const md = (await cli([...argv, '--no-input', '--format', 'markdown'])).stdout;
    expect(md).toContain(`|\n\nNet after tax: ${ctx('NY + NYC')}.\n\n- Estimates for planning`);
    const csv = records((await cli([...argv, '--no-input', '--format', 'csv'])).stdout);
    const years = csv.filter((r) => /^\d+$/.test(r.year!));
    expect(years.length).toBeGreaterThan(0);
    for (const r of years) expect([r.state, r.local, r.filing]).toEqual(['NY', 'nyc', 'single']);
    expect(csv.find((r) => r.year === 'annualized')!.state).toBe('');
  });

  it('the estimate: markdown names federal only; CSV the state, locality, filing and year', async () => {
    const argv = ['--years', '6', '--city', 'remote', '--take-home'];
    const md = (await cli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(`Take-home pay (single, tax year ${year}, federal only):`);
    const [r] = records((await cli([...argv, '--format', 'csv'])).stdout);
    expect([r!.state, r!.local, r!.filing, r!.tax_year]).toEqual([
      'none',
      '',
      'single',
      String(year),
    ]);
  });
});

it('a --data city with no metro in the price data takes the U.S. average, with its year', async () => {
  const market = JSON.parse((await cli(['market', '--json'])).stdout);
  market.locations.push({ ...market.locations.at(-1), id: 'boise', label: 'Boise', aliases: [] });
  const data = join(mkdtempSync(join(tmpdir(), 'boise-')), 'boise.json');
  writeFileSync(data, JSON.stringify(market));
  const d = await json<{ takeHome: { mid: View & { purchasingPower: Record<string, unknown> } } }>([
    '--years',
    '5',
    '--city',
    'boise',
    '--data',
    data,
    '--take-home',
  ]);
  expect(d.takeHome.mid.purchasingPower).toMatchObject({
    metro: 'United States (average)',
    index: 100,
    year: 2023,
    note: 'Boise has no metro of its own in the price data: the U.S. average is used.',
  });
});

it('Pennsylvania and Pittsburgh say the 401(k) is taxed only when there is one', async () => {
  const basis = async (...more: string[]) => {
    const argv = ['offer', '--years', '5', '--city', 'pittsburgh', '--base', '100k', '--take-home'];
    const d = await json<{ years: { takeHome: { taxes: { id: string; basis: string }[] } }[] }>([
      ...argv,
      ...more,
    ]);
    return d.years[0]!.takeHome.taxes.filter((t) => ['state', 'pittsburgh-eit'].includes(t.id));
  };
  for (const t of await basis()) expect(t.basis).not.toContain('401(k)');
  for (const t of await basis('--pretax', '10000'))
    expect(t.basis).toContain('$100,000 wages (401(k) deferrals taxed)');
});

it('--locality beside offer files of different states goes to the offers whose state has it (review6 D21)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'locality-'));
  const file = (label: string, state: string) => {
    const path = join(dir, `${label}.json`);
    writeFileSync(path, JSON.stringify({ label, years: 5, city: 'remote', state, base: '200k' }));
    return path;
  };
  const [tx, ny] = [file('RemTX', 'TX'), file('RemNY', 'NY')];
  type Offers = {
    offers: { years: { takeHome: { state: string; local: string | null; notes: string[] } }[] }[];
  };
  const d = await json<Offers>(['offer', tx, ny, '--take-home', '--locality', 'yonkers']);
  const [a, b] = d.offers.map((o) => o.years[0]!.takeHome);
  expect([a!.state, a!.local, b!.state, b!.local]).toEqual(['TX', null, 'NY', 'yonkers']);
  expect(a!.notes[0]).toBe(
    "--locality yonkers applies only to the offers in a state that has it; RemTX's state is TX.",
  );
  // Alone, an offer whose state has no such locality is refused, as before.
  expectUsageError(
    await cli(['offer', tx, '--take-home', '--locality', 'yonkers']),
    /RemTX: locality yonkers is not in TX/,
  );
});
