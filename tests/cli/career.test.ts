import { describe, expect, it } from 'vitest';
import {
  cli,
  estimateJson,
  expectUsageError,
  json,
  type EstimateFigures,
  type Range,
} from '../command-helpers.js';
import { runBin } from '../helpers.js';

// `ml-salary career` (issue 14): the estimate at each point, and its table and chart.

type Part = 'base' | 'bonus' | 'equity' | 'total';
const PARTS: readonly Part[] = ['base', 'bonus', 'equity', 'total'];
const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
/** A markdown cell: the typical figure with its P25-P75 and P10-P90, as the CSV has them. */
const cell = (r: Range) =>
  `${usd(r.mid)} (P25-P75 ${usd(r.p25)}-${usd(r.p75)}; P10-P90 ${usd(r.low)}-${usd(r.high)})`;
interface Point extends Record<Part, Range> {
  years: number;
  takeHome?: { net: number };
  level: string;
  paper?: Range;
}
interface Line {
  label: string;
  changes: string[];
  profile: Omit<EstimateFigures['profile'], 'years'>;
  points: Point[];
}
interface CareerDoc extends Line {
  kind: string;
  defaulted: string[];
  scenarios?: Line[];
  notes?: string[];
}

const careerJson = (argv: readonly string[]) => json<CareerDoc>(['career', ...argv]);
const DONE_WHEN = ['--city', 'sf', '--industry', 'faang', '--to', '15'];

/** Each point equals the single estimate of the line's profile at that many years. */
async function expectSingleEstimates(line: Line): Promise<void> {
  const p = line.profile;
  for (const pt of line.points) {
    const single = await estimateJson([
      ...['--years', String(pt.years), '--city', p.city, '--industry', p.industry],
      ...['--skills', p.skills.join(','), '--degree', p.degree],
    ]);
    expect(pt.level, `${line.label} at ${pt.years}`).toBe(single.level);
    for (const part of PARTS)
      expect(pt[part], `${line.label} at ${pt.years}: ${part}`).toEqual(single[part]);
    expect(pt.paper).toEqual(single.paper);
  }
}

// eslint-disable-next-line no-control-regex -- SGR colour codes
const SGR = /\u001b\[[0-9;]*m/g;
const visible = (line: string): number => line.replace(SGR, '').length;

describe("issue 14's career", () => {
  it('16 points, 0 to 15 years, each equal to the single estimate at that many years', async () => {
    const d = await careerJson(DONE_WHEN);
    expect(d.kind).toBe('career');
    expect(d.label).toBe('start');
    expect(d.profile).toEqual({
      city: 'sf',
      industry: 'big-tech',
      skills: [],
      degree: 'bachelors',
    });
    expect(d.points.map((p) => p.years)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(d.scenarios).toBeUndefined();
    await expectSingleEstimates(d);
  });

  it('lists the defaulted fields (never years: they are the axis) and marks them', async () => {
    const d = await careerJson(['--city', 'austin', '--to', '2']);
    expect(d.defaulted).toEqual(['industry', 'skills', 'degree']);
    const r = await cli(['career', '--city', 'austin', '--to', '2']);
    expect(r.stdout).toContain(
      "Pay across a career: Austin | Enterprise / consultancy* | none* | Bachelor's*",
    );
    expect(r.stdout).toContain('* Defaulted: industry = Enterprise / consultancy, skills = none');
    expect((await careerJson(DONE_WHEN)).defaulted).toEqual(['skills', 'degree']);
    const full = [...DONE_WHEN, '--skills', 'nlp', '--degree', 'phd'];
    expect((await careerJson(full)).defaulted).toEqual([]);
    expect((await cli(['career', ...full])).stdout).not.toContain('Defaulted');
  });

  it('spawned: the built bin prints the same document', async () => {
    const r = await runBin(['career', ...DONE_WHEN, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(await careerJson(DONE_WHEN));
  });
});

describe('the table and chart', () => {
  const charsets = [
    ['unicode', { LANG: 'en_US.UTF-8' }],
    ['ascii', { LANG: 'C' }],
  ] as const;
  const combos = [40, 80, 160].flatMap((columns) =>
    charsets.flatMap(([charset, env]) => [
      { columns, charset, env, colour: false },
      { columns, charset, env, colour: true },
    ]),
  );

  it.each(combos)(
    '$columns columns, $charset, colour $colour: snapshot, every line within the width',
    async ({ columns, charset, env, colour }) => {
      const r = await cli(['career', ...DONE_WHEN, colour ? '--color' : '--no-color'], {
        tty: true,
        columns,
        env: { ...env },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.replaceAll('\u001b', '␛')).toMatchSnapshot();
      const lines = r.stdout.trimEnd().split('\n');
      for (const line of lines) expect(visible(line), line).toBeLessThanOrEqual(columns);
      expect(r.stdout.includes('\u001b[')).toBe(colour);
      const chart = lines.slice(lines.findIndex((l) => l.includes('Total pay, US$ a year')));
      expect(chart.length).toBeGreaterThan(10);
      const nonAscii = chart
        .join('\n')
        .replace(SGR, '')
        .match(/[^\x20-\x7e\n]/g);
      if (charset === 'ascii') expect(nonAscii).toBeNull();
      else expect(nonAscii).not.toBeNull(); // blocks and box lines
      // The level changes are marked on the rows where they happen: mid at 3, senior at 7, staff at 11.
      const rows = lines.map((l) => l.replace(SGR, '')).filter((l) => /^[│| ]*\d/.test(l));
      const marked = rows.filter((l) => l.includes(charset === 'ascii' ? '<' : '◀'));
      expect(marked.map((l) => /\d+/.exec(l)?.[0])).toEqual(['3', '7', '11']);
    },
  );

  it('coloured, it draws exactly what it draws plain', async () => {
    for (const columns of [40, 80, 160]) {
      const plain = await cli(['career', ...DONE_WHEN, '--no-color'], { tty: true, columns });
      const painted = await cli(['career', ...DONE_WHEN, '--color'], { tty: true, columns });
      expect(painted.stdout.replace(SGR, '')).toBe(plain.stdout);
    }
  });

  it('at 40 columns the ranges give way to the typical figures, and the note says so', async () => {
    const d = await careerJson(DONE_WHEN);
    const r = await cli(['career', ...DONE_WHEN], {
      tty: true,
      columns: 40,
      env: { NO_COLOR: '1' },
    });
    expect(r.stdout).not.toContain('Base range');
    expect(r.stdout.replaceAll('\n', ' ')).toContain('the ranges need a wider terminal');
    const at5 = d.points[5]!;
    expect(r.stdout).toMatch(
      new RegExp(`^5 +mid \\${usd(at5.base.mid)} \\${usd(at5.total.mid)} $`, 'm'),
    );
    const wide = await cli(['career', ...DONE_WHEN], {
      tty: true,
      columns: 80,
      env: { NO_COLOR: '1' },
    });
    expect(wide.stdout).toContain('Base range');
    expect(wide.stdout).toContain('Typical figures, with their P10 to P90.');
  });

  it('--vs draws each scenario as a line of its own, named in the legend', async () => {
    const r = await cli(
      ['career', '--city', 'austin', '--to', '10', '--vs', 'city=seattle', '--vs', 'skills=+nlp'],
      {
        tty: true,
        columns: 80,
        env: { NO_COLOR: '1' },
      },
    );
    expect(r.code).toBe(0);
    const legend = r.stdout.trimEnd().split('\n').slice(-2).join(' ');
    for (const name of ['typical total', 'city=seattle', 'skills=+nlp', 'P10 to P90'])
      expect(legend).toContain(name);
  });
});

describe('--vs in the table and the chart (review F14)', () => {
  const F14 = ['--city', 'austin', '--vs', 'city=seattle', '--vs', 'skills=+nlp'];
  const argv = [...F14, '--vs', 'industry=quant', '--to', '10', '--step', '5'];

  it.each([50, 80, 120])(
    "at %i columns the table has each line's points under its name",
    async (columns) => {
      const d = await careerJson(argv);
      const r = await cli(['career', ...argv], { tty: true, columns, env: { NO_COLOR: '1' } });
      expect(r.code).toBe(0);
      const rows = r.stdout.split('\n').map((l) =>
        l
          .replace(/[│|]/g, ' ')
          .trim()
          .split(/ {2,}| (?=\$)/),
      );
      for (const [l, line] of [d, ...d.scenarios!].entries()) {
        const at = l === 0 ? 0 : rows.findIndex((cells) => cells[0] === `vs ${line.label}`);
        expect(at).toBeGreaterThanOrEqual(0);
        const group = rows.slice(at + (l === 0 ? 0 : 1)).filter((c) => /^\d/.test(c[0]!));
        for (const [i, pt] of line.points.entries()) {
          expect(group[i]![0]).toBe(String(pt.years));
          expect(group[i]).toContain(usd(pt.base.mid));
          expect(group[i]).toContain(usd(pt.total.mid));
        }
      }
    },
  );

  it("a scenario's name spans the table: it widens no column, piped or in a terminal (review3 A1)", async () => {
    const table = (r: { stdout: string }) => r.stdout.split('\n◀')[0]!.split('\n').slice(1);
    const piped = table(await cli(['career', ...argv, '--no-color']));
    expect(piped[2]).toMatch(/^│ 0 {5}│ +entry │/);
    expect(piped.find((l) => l.includes('vs industry=quant'))).toMatch(/^│ vs industry=quant +│$/);
    expect(Math.max(...piped.map((l) => l.length))).toBe(piped[0]!.length);
    expect(piped[0]!.length).toBeLessThanOrEqual(80);
    // At 40 columns the figures still fit as a table (borderless), not a list.
    const r = await cli(['career', ...argv], { tty: true, columns: 40, env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(/^Years +Level +Base +Total \n0 +entry /m);
  });

  it('at 30 columns, where the table becomes a list, each scenario still heads its rows', async () => {
    const d = await careerJson(argv);
    const r = await cli(['career', ...argv], { tty: true, columns: 30, env: { NO_COLOR: '1' } });
    const totals = r.stdout.split('\nTotal\n')[1]!.split('\n');
    for (const line of d.scenarios!) {
      const at = totals.indexOf(`  vs ${line.label}`);
      expect(at).toBeGreaterThan(0);
      const shown = line.points.map((pt, i) => totals[at + 1 + i]!.trim().split(/ +/));
      expect(shown).toEqual(line.points.map((pt) => [String(pt.years), usd(pt.total.mid)]));
    }
  });

  it('the legend says which marks hide a line where lines meet', async () => {
    // SF against New York (x1.226, x1.222: one line at 50 columns). Austin's lines no longer meet
    // so since its pay records are weighed in (review4 N1).
    const lines = [
      '--city',
      'sf',
      '--vs',
      'city=nyc',
      '--vs',
      'skills=+nlp',
      '--vs',
      'industry=quant',
    ];
    const r = await cli(['career', ...lines, '--to', '10', '--step', '5'], {
      tty: true,
      columns: 50,
      env: { NO_COLOR: '1' },
    });
    const legend = r.stdout.split('years of experience\n')[1]!.replaceAll('\n', '  ');
    expect(legend).toContain('▲ city=nyc (all under ●)');
    expect(legend).toContain('◆ industry=quant (under ●■ in places)');
  });

  it("with --take-home, the after-tax table has each line's nets under its name", async () => {
    const d = await careerJson([...argv, '--take-home']);
    const r = await cli(['career', ...argv, '--take-home'], { tty: true, columns: 80 });
    const taxed = r.stdout.split('Typical total after tax')[1]!;
    const quant = taxed.split('vs industry=quant')[1]!;
    for (const pt of d.scenarios![2]!.points) expect(quant).toContain(usd(pt.takeHome!.net));
  });
});

describe('the points', () => {
  it('--vs: every scenario has the same years, each point its single estimate', async () => {
    const d = await careerJson([
      '--city',
      'austin',
      '--to',
      '6',
      '--vs',
      'city=seattle',
      '--vs',
      'skills=+nlp,degree=masters',
    ]);
    expect(d.scenarios!.map((s) => [s.label, s.changes])).toEqual([
      ['city=seattle', ['city=seattle']],
      ['skills=+nlp,degree=masters', ['skills=+nlp-llm', 'degree=masters']],
    ]);
    expect(d.scenarios![1]!.profile).toEqual({
      city: 'austin',
      industry: 'enterprise',
      skills: ['nlp-llm'],
      degree: 'masters',
    });
    for (const line of [d, ...d.scenarios!]) {
      expect(line.points.map((p) => p.years)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      await expectSingleEstimates(line);
    }
  });

  it.each([
    [[], Array.from({ length: 21 }, (_, i) => i)], // 0 to 20 by 1
    [
      ['--from', '2.5', '--to', '4', '--step', '0.5'],
      [2.5, 3, 3.5, 4],
    ],
    [['--from', '3', '--to', '3'], [3]],
    [
      ['--from', '0', '--to', '10', '--step', '4'],
      [0, 4, 8, 10],
    ], // --to is the last point: a shorter last step (review2 R6: it stopped at 8)
    // A last step under 5% of --step moves the point before it to --to (review3 A12: 9.9999, 10).
    [
      ['--to', '10', '--step', '3.3333'],
      [0, 3.3333, 6.6666, 10],
    ],
    [
      ['--step', '7'],
      [0, 7, 14, 20],
    ],
    [
      ['--from', '40', '--to', '50', '--step', '5'],
      [40, 45, 50],
    ],
  ])('%j gives the years %j', async (argv, years) => {
    const d = await careerJson(argv);
    expect(d.points.map((p) => p.years)).toEqual(years);
  });

  it('200 points are fine, 201 are not', async () => {
    expect(
      (await careerJson(['--from', '0', '--to', '19.9', '--step', '0.1'])).points,
    ).toHaveLength(200);
    expectUsageError(
      await cli(['career', '--from', '0', '--to', '20', '--step', '0.1']),
      /--step 0\.1 from 0 to 20 gives 201 points, more than 200: take a larger step$/m,
    );
  });

  it("an AI startup's points carry the paper value, as its single estimates do", async () => {
    const d = await careerJson(['--industry', 'ai-startup', '--to', '4', '--step', '2']);
    expect(d.points.every((p) => p.paper !== undefined)).toBe(true);
    await expectSingleEstimates(d);
    // The document says the equity is paper, as the table does: every format prints its notes.
    const paper = /^Equity is paper \(a private company\), at the latest round price/;
    expect(d.notes?.[0]).toMatch(paper);
    const argv = ['career', '--industry', 'ai-startup', '--to', '4', '--step', '2'];
    for (const format of ['table', 'markdown', 'csv']) {
      const out = (await cli([...argv, '--format', format], { env: { NO_COLOR: '1' } })).stdout;
      expect(out.split('\n').filter((l) => /Equity is paper/.test(l))).toHaveLength(1);
    }
    const vs = await careerJson([
      '--industry',
      'ai-startup',
      '--to',
      '2',
      '--vs',
      'industry=faang',
    ]);
    expect(vs.notes?.[0]).toMatch(/^start: equity is paper/);
    expect(vs.notes?.some((n) => n.startsWith('industry=faang'))).toBe(false);
    // Every line with paper: one line, unlabelled (as compare's).
    const both = await careerJson(['--industry', 'ai-startup', '--to', '2', '--vs', 'city=nyc']);
    expect(both.notes?.filter((n) => /equity is paper/i.test(n))).toEqual([
      'Equity is paper (a private company), at the latest round price; $0 at the low end, as it may never be sold.',
    ]);
  });
});

describe('bad input: one line, exit 2', () => {
  const cases: [what: string, argv: string[], message: RegExp][] = [
    ['--to below --from', ['--from', '10', '--to', '5'], /--to 5 is below --from 10$/m],
    ['--step 0', ['--step', '0'], /--step 0 never moves: take a step above 0, like 1 or 0\.5$/m],
    [
      'a negative --step',
      ['--step', '-1'],
      /--step '-1' is not a plain number \(years cannot be negative\): expected a number of years from 0 to 50, like 4 or 2\.5$/m,
    ],
    [
      'a --step that is not a number',
      ['--step', 'one'],
      /--step 'one' is not a plain number: expected a number of years from 0 to 50/,
    ],
    [
      'a word that is not an option (issue 20 item 7: national figures, exit 0)',
      ['sf', '--to', '2'],
      /career takes options only, and 'sf' is not one \(did you mean --city sf\?\); see: ml-salary career --help$/m,
    ],
    [
      '--to 5 --step 100, the case of issue 20 item 10 (only year 0 was shown)',
      ['--to', '5', '--step', '100'],
      /--step 100 is above the maximum of 50: expected a number of years from 0 to 50/,
    ],
    [
      'a step longer than the span (issue 20 item 10; review3 A4: the reason now says what it gives)',
      ['--to', '5', '--step', '20'],
      /--step 20 is more than the 5 years from 0 to 5, so the career would be its two ends alone: take a step of at most 5$/m,
    ],
    [
      'a step giving more than 200 points',
      ['--to', '50', '--step', '0.2'],
      /--step 0\.2 from 0 to 50 gives 251 points, more than 200/,
    ],
    [
      '--from past the maximum',
      ['--from', '51'],
      /--from 51 is above the maximum of 50: expected a number of years from 0 to 50, like 4 or 2\.5$/m,
    ],
    [
      '--to that is not a number',
      ['--to', '1e1'],
      /--to '1e1' is not a plain number: expected a number of years from 0 to 50, like 4 or 2\.5$/m,
    ],
    [
      'years in --vs',
      ['--vs', 'years=+3'],
      /--vs 'years=\+3': years is the axis of a career, not a change$/m,
    ],
    [
      '--years',
      ['--years', '5'],
      /--years is the axis of a career: use --from and --to \(default 0 to 20\)$/m,
    ],
    [
      'an unknown field in --vs',
      ['--vs', 'industy=faang'],
      /unknown field 'industy' in --vs \(did you mean 'industry'\?\)/,
    ],
    [
      "a field only a plain object's prototype has",
      ['--vs', '__proto__=x'],
      /unknown field '__proto__' in --vs; fields: years, city, industry, skills, degree, level$/m,
    ],
    [
      'constructor= after a good field',
      ['--vs', 'city=sf,constructor=1'],
      /unknown field 'constructor' in --vs; fields: years, city/,
    ],
    [
      'an unknown value in --vs',
      ['--vs', 'city=seatle'],
      /unknown city 'seatle' for --vs city \(did you mean 'seattle'\?\)/,
    ],
    [
      'an unknown start',
      ['--industry', 'fanng'],
      /unknown industry 'fanng' for --industry \(did you mean 'faang'\?\)/,
    ],
  ];

  it.each(cases)('%s', async (_what, argv, message) => {
    expectUsageError(await cli(['career', ...argv]), message);
  });
});

describe('--format csv and markdown', () => {
  it('CSV: a row per point of every line, with each range', async () => {
    const argv = ['--city', 'austin', '--to', '4', '--vs', 'city=seattle'];
    const d = await careerJson(argv);
    const r = await cli(['career', ...argv, '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...rows] = r.stdout.trimEnd().split('\n');
    const columns = head!.split(',');
    expect(columns).toEqual([
      'label',
      'years',
      'level',
      ...PARTS.flatMap((p) => [`${p}_low`, `${p}_p25`, `${p}_mid`, `${p}_p75`, `${p}_high`]),
      'paper',
      'note',
    ]);
    const expected = [d, ...d.scenarios!].flatMap((line) =>
      line.points.map((pt) =>
        [
          line.label,
          pt.years,
          pt.level,
          ...PARTS.flatMap((p) => [pt[p].low, pt[p].p25, pt[p].mid, pt[p].p75, pt[p].high]),
          false,
          '',
        ].join(','),
      ),
    );
    // Then the document's notes (Austin's uncertain pay factor), a row each (review3 A5).
    const notes = d.notes!.map((n) => `note${','.repeat(columns.length - 1)}"${n}"`);
    expect(rows).toEqual([...expected, ...notes]);
  });

  it('markdown with --vs: every line, its points led by its label, as in the CSV', async () => {
    const argv = ['--city', 'nyc', '--to', '2', '--vs', 'city=austin', '--vs', 'skills=+nlp'];
    const d = await careerJson(argv);
    const r = await cli(['career', ...argv, '--format', 'markdown']);
    expect(r.code).toBe(0);
    // The profile first, as the estimate's markdown has it (review2 R11).
    const [who, blank, ...lines] = r.stdout.trimEnd().split('\n');
    expect([who, blank]).toEqual([
      'Profile: city `nyc`, industry `enterprise`, skills none, degree `bachelors` (defaulted: industry, skills, degree)',
      '',
    ]);
    expect(lines.slice(0, 2)).toEqual([
      '| Line | Years | Level | Base | Bonus | Equity | Total |',
      '|---|---:|---|---:|---:|---:|---:|',
    ]);
    // Austin's factor is uncertain (13 pay records against the guides): noted under (review4 N1).
    expect(lines.slice(-2)).toEqual([
      '',
      'Austin: its pay factor (base x1.005) is uncertain: 13 pay records put it at x1.046, the guides at x0.882; the figures built on it share the doubt.',
    ]);
    expect(lines.slice(2, -2)).toEqual(
      [d, ...d.scenarios!].flatMap((line) =>
        line.points.map(
          (p) =>
            `| ${line.label} | ${p.years} | ${p.level} | ${PARTS.map((part) => cell(p[part])).join(' | ')} |`,
        ),
      ),
    );
    expect(lines.filter((l) => l.startsWith('| city=austin |'))).toHaveLength(3);
  });

  it('markdown: a row per point with the level and every part with its P25-P75 and P10-P90', async () => {
    const d = await careerJson(DONE_WHEN);
    const r = await cli(['career', ...DONE_WHEN, '--format', 'markdown']);
    expect(r.code).toBe(0);
    const [who, blank, ...lines] = r.stdout.trimEnd().split('\n');
    expect([who, blank]).toEqual([
      'Profile: city `sf`, industry `big-tech`, skills none, degree `bachelors` (defaulted: skills, degree)',
      '',
    ]);
    // Every part, as the CSV has them: the typical figure, its P25-P75 and P10-P90.
    expect(lines.slice(0, 2)).toEqual([
      '| Years | Level | Base | Bonus | Equity | Total |',
      '|---:|---|---:|---:|---:|---:|',
    ]);
    expect(lines.slice(2)).toEqual(
      d.points.map(
        (p) => `| ${p.years} | ${p.level} | ${PARTS.map((part) => cell(p[part])).join(' | ')} |`,
      ),
    );
  });
});

it('a given --level holds at every point, and a note says why the line is flat', async () => {
  const r = await cli(['career', '--level', 'senior', '--to', '10', '--step', '5', '--json']);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(
    'ml-salary: note: --level senior holds at every point, so the line is flat whatever the skills and degree (the level prices them): drop --level to see pay grow with the level your years bring\n',
  );
  const points = JSON.parse(r.stdout).points as { level: string; total: { mid: number } }[];
  expect(new Set(points.map((p) => p.level))).toEqual(new Set(['senior']));
  expect(new Set(points.map((p) => p.total.mid)).size).toBe(1);
  expect((await cli(['career', '--to', '10', '--step', '5', '--json'])).stderr).toBe('');
});

it('a --vs that changes nothing, or twice, is refused as in compare (review2 M8)', async () => {
  expectUsageError(
    await cli(['career', '--city', 'sf', '--vs', 'city=sf']),
    /--vs city=sf changes nothing: the start's city is already sf$/m,
  );
  expectUsageError(
    await cli(['career', '--vs', 'city=nyc', '--vs', 'city=nyc']),
    /--vs 'city=nyc' is given twice$/m,
  );
});
