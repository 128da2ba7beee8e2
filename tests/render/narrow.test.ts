import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli, json } from '../command-helpers.js';

// Every report in a narrow terminal: no line is wider than the terminal, and every figure of the
// document is shown whole (a grid too wide even without borders turns into a list rather than
// letting the terminal break its rows, and the figures in them, across lines).

const PROFILE = ['--years', '5', '--city', 'nyc', '--industry', 'faang', '--no-input'];
const OFFER = [
  ...['offer', ...PROFILE, '--base', '185k', '--bonus', '15%', '--equity', '400k'],
  ...['--vesting', 'amazon', '--sign-on', '50k,30k'],
];
const COMPARE = [
  ...['compare', ...PROFILE, '--vs', 'city=seattle', '--vs', 'skills=llm,mlops'],
  ...['--vs', 'industry=quant'],
];

interface TakeHome {
  gross: number;
  net: number;
  taxes: { amount: number }[];
}
interface Figures {
  base: { mid: number };
  total: { mid: number };
  takeHome?: TakeHome | { low: TakeHome; mid: TakeHome; high: TakeHome };
}

const dollars = (n: number): string => `$${Math.round(n).toLocaleString('en-US')}`;

/** The take-home figures of a view: gross, net and each tax. */
const taxFigures = (t: TakeHome): number[] => [t.gross, t.net, ...t.taxes.map((x) => x.amount)];

/** The figures each report must show, from its own JSON document. */
const cases: [name: string, argv: string[], figures: (doc: never) => number[]][] = [
  [
    'estimate --take-home',
    [...PROFILE, '--take-home'],
    (d: Figures & { takeHome: { low: TakeHome; mid: TakeHome; high: TakeHome } }) => [
      d.base.mid,
      d.total.mid,
      ...taxFigures(d.takeHome.low),
      ...taxFigures(d.takeHome.mid),
      ...taxFigures(d.takeHome.high),
    ],
  ],
  [
    'offer --take-home',
    [...OFFER, '--take-home'],
    (d: { years: { base: number; stock?: number; signOn: number; total: number }[] }) =>
      d.years.flatMap((y) => [y.base, y.signOn, y.total]),
  ],
  [
    'compare --take-home',
    [...COMPARE, '--take-home'],
    (d: { scenarios: (Figures & { takeHome: TakeHome })[] }) =>
      d.scenarios.flatMap((s) => [s.base.mid, s.total.mid, ...taxFigures(s.takeHome)]),
  ],
];

describe('narrow terminals: every line fits, every figure whole', () => {
  it.each(cases)('%s', async (_name, argv, figures) => {
    const doc = await json(argv);
    const wanted = figures(doc as never).map(dollars);
    expect(wanted.length).toBeGreaterThan(5);
    for (const columns of [30, 40, 50, 64]) {
      const r = await cli(argv, { tty: true, columns, env: { NO_COLOR: '1' } });
      expect(r.code).toBe(0);
      const lines = stripVTControlCharacters(r.stdout).split('\n');
      for (const line of lines)
        expect(line.length, `${columns}: ${line}`).toBeLessThanOrEqual(columns);
      for (const f of wanted) {
        expect(
          lines.some((l) => l.includes(f)),
          `${columns} columns: ${f}`,
        ).toBe(true);
      }
    }
  });

  it('a grid too wide even without borders is a block per scenario, each figure beside its label', async () => {
    const r = await cli(COMPARE, { tty: true, columns: 40, env: { NO_COLOR: '1' } });
    const lines = r.stdout.split('\n');
    const doc = await json<{ scenarios: { label: string; total: { mid: number } }[] }>(COMPARE);
    for (const [i, s] of doc.scenarios.entries()) {
      const at = lines.indexOf(i === 0 ? 'Start' : s.label);
      expect(at, s.label).toBeGreaterThan(0);
      const total = lines.slice(at).find((l) => l.trimStart().startsWith('Total '));
      expect(total).toMatch(new RegExp(`^ {2}Total +\\${dollars(s.total.mid)}$`));
    }
  });

  it('an offer too wide for its years table gives a block per year', async () => {
    const r = await cli(OFFER, { tty: true, columns: 40, env: { NO_COLOR: '1' } });
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Year 1');
    expect(lines.slice(at, at + 7)).toEqual([
      'Year 1',
      '  Base     $185,000',
      '  Bonus     $27,750',
      '  Stock     $20,000',
      '  Sign-on   $50,000',
      '  Total    $282,750',
      'Year 2',
    ]);
    // Wide enough, the same figures are one table.
    const wide = await cli(OFFER, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(wide.stdout).not.toContain('Year 1\n');
    expect(wide.stdout).toMatch(
      /│ 1 +│ \$185,000 │ +\$27,750 │ +\$20,000 │ +\$50,000 │ \$282,750 │/,
    );
  });
});
