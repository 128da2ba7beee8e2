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

// `ml-salary compare` (issue 14): each scenario is exactly the single estimate of its profile,
// with its difference from the start.

type Part = 'base' | 'bonus' | 'equity' | 'total';
const PARTS: readonly Part[] = ['base', 'bonus', 'equity', 'total'];
interface Delta {
  dollars: number;
  percent: number | null;
}
interface Scenario extends Omit<EstimateFigures, 'paper'> {
  label: string;
  changes: string[];
  paper?: Range;
  delta: Record<Part, Delta> & { net?: Delta };
}
interface CompareDoc {
  kind: string;
  scenarios: Scenario[];
  notes?: string[];
}

const compareJson = (argv: readonly string[]) => json<CompareDoc>(['compare', ...argv]);
const DONE_WHEN = [
  '--years',
  '5',
  '--city',
  'austin',
  '--vs',
  'city=seattle',
  '--vs',
  'skills=+nlp',
];

/** The flags of a single estimate for a profile. */
function flags(p: EstimateFigures['profile']): string[] {
  const out = ['--years', String(p.years), '--city', p.city, '--industry', p.industry];
  out.push('--degree', p.degree, '--skills', p.skills.join(','));
  return out;
}

/** A scenario's figures equal the single estimate of its profile. */
async function expectSingleEstimate(s: Scenario): Promise<EstimateFigures> {
  const single = await estimateJson(flags(s.profile));
  expect(single.profile).toEqual(s.profile);
  expect(s.level).toBe(single.level);
  for (const part of PARTS) expect(s[part], `${s.label} ${part}`).toEqual(single[part]);
  expect(s.paper).toEqual(single.paper);
  return single;
}

describe("issue 14's compare", () => {
  it('three scenarios, each the single estimate of its profile, delta the difference from the first', async () => {
    const d = await compareJson(DONE_WHEN);
    expect(d.kind).toBe('compare');
    expect(d.scenarios.map((s) => s.label)).toEqual(['start', 'city=seattle', 'skills=+nlp']);
    // The changes as the profile has them (ids), the labels as typed.
    expect(d.scenarios.map((s) => s.changes)).toEqual([[], ['city=seattle'], ['skills=+nlp-llm']]);
    // `ml-salary --json` for each one's profile, run separately.
    const start = await estimateJson(['--years', '5', '--city', 'austin']);
    const seattle = await estimateJson(['--years', '5', '--city', 'seattle']);
    const nlp = await estimateJson(['--years', '5', '--city', 'austin', '--skills', 'nlp']);
    for (const [s, single] of d.scenarios.map((s, i) => [s, [start, seattle, nlp][i]!] as const)) {
      expect(s.profile).toEqual(single.profile);
      expect(s.level).toBe(single.level);
      for (const part of PARTS) {
        expect(s[part]).toEqual(single[part]);
        const dollars = single[part].mid - start[part].mid;
        expect(s.delta[part]).toEqual({
          dollars,
          percent: Math.round((dollars / start[part].mid) * 10000) / 10000,
        });
      }
    }
    expect(d.scenarios[0]!.delta.total).toEqual({ dollars: 0, percent: 0 });
    expect(d.scenarios[1]!.profile.city).toBe('seattle');
    expect(d.scenarios[2]!.profile.skills).toEqual(['nlp-llm']);
  });

  it('the table: a column per scenario headed by its changes, each difference in dollars and percent', async () => {
    const d = await compareJson(DONE_WHEN);
    const r = await cli(['compare', ...DONE_WHEN]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('What if: 2 scenarios against the starting point');
    expect(r.stdout).toMatch(/│ +│ +Start │ +city=seattle │ +skills=\+nlp │/);
    const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
    const [s0, s1, s2] = d.scenarios as [Scenario, Scenario, Scenario];
    expect(r.stdout).toMatch(
      new RegExp(
        `│ Total +│ +\\${usd(s0.total.mid)} │ +\\${usd(s1.total.mid)} │ +\\${usd(s2.total.mid)} │`,
      ),
    );
    const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
    for (const s of [s1, s2]) {
      expect(r.stdout).toContain(
        `+${usd(s.delta.total.dollars)} (+${pct(s.delta.total.percent!)})`,
      );
    }
  });

  it("lists the start's defaulted fields, as a single estimate does, and marks them in the table", async () => {
    const d = await json<CompareDoc & { defaulted: string[] }>(['compare', ...DONE_WHEN]);
    const single = await json<{ defaulted: string[] }>(['--years', '5', '--city', 'austin']);
    expect(d.defaulted).toEqual(['industry', 'skills', 'degree']);
    expect(d.defaulted).toEqual(single.defaulted);
    const r = await cli(['compare', ...DONE_WHEN]);
    expect(r.stdout).toContain(
      "Start: 5 years | Austin | Enterprise / consultancy* | none* | Bachelor's*",
    );
    expect(r.stdout).toContain(
      "* Defaulted: industry = Enterprise / consultancy, skills = none, degree = Bachelor's. Pass --industry, --skills, --degree to set them.",
    );
    const given = ['--industry', 'faang', '--skills', 'mlops', '--degree', 'masters'];
    const full = await json<{ defaulted: string[] }>(['compare', ...DONE_WHEN, ...given]);
    expect(full.defaulted).toEqual([]);
    expect((await cli(['compare', ...DONE_WHEN, ...given])).stdout).not.toContain('Defaulted');
  });

  it('spawned: the built bin prints the same document', async () => {
    const r = await runBin(['compare', ...DONE_WHEN, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(await compareJson(DONE_WHEN));
  });
});

describe('--vs changes', () => {
  const start = [
    '--years',
    '6',
    '--city',
    'austin',
    '--industry',
    'enterprise',
    '--skills',
    'mlops',
  ];
  // The changes name the ids the profile uses, whatever name or alias was typed (review5).
  const cases: [vs: string, expected: Partial<EstimateFigures['profile']>, changes: string[]][] = [
    ['years=+3', { years: 9 }, ['years=+3']],
    ['years=-2.5', { years: 3.5 }, ['years=-2.5']],
    ['years=12', { years: 12 }, ['years=12']],
    ['skills=+nlp', { skills: ['mlops', 'nlp-llm'] }, ['skills=+nlp-llm']],
    ['skills=-mlops', { skills: [] }, ['skills=-mlops']],
    [
      'skills=cv,llm',
      { skills: ['computer-vision', 'nlp-llm'] },
      ['skills=computer-vision,nlp-llm'],
    ],
    ['skills=', { skills: [] }, ['skills=none']],
    ['city=bay area', { city: 'sf' }, ['city=sf']],
    ['City = Bay Area', { city: 'sf' }, ['city=sf']],
    ['skills=-MLOps,+LLM', { skills: ['nlp-llm'] }, ['skills=-mlops,+nlp-llm']],
    [
      'Industry=Big Tech,years= +1.0',
      { industry: 'big-tech', years: 7 },
      ['industry=big-tech', 'years=+1'],
    ],
    ['Degree=PhD', { degree: 'phd' }, ['degree=phd']],
    [
      'industry=ai-startup,city=remote',
      { industry: 'ai-startup', city: 'remote' },
      ['industry=ai-startup', 'city=remote'],
    ],
    ['degree=masters', { degree: 'masters' }, ['degree=masters']],
    [
      'skill=+rl,year=+1',
      { skills: ['mlops', 'reinforcement-learning'], years: 7 },
      ['skills=+reinforcement-learning', 'years=+1'],
    ],
  ];

  it.each(cases)('--vs %s', async (vs, expected, changes) => {
    const d = await compareJson([...start, '--vs', vs]);
    const [first, s] = d.scenarios as [Scenario, Scenario];
    expect(s.label).toBe(vs);
    expect(s.changes).toEqual(changes);
    expect(s.profile).toEqual({ ...first.profile, ...expected });
    await expectSingleEstimate(s);
    for (const part of PARTS) expect(s.delta[part].dollars).toBe(s[part].mid - first[part].mid);
  });

  it('a level, or a title, is the level id; back to the years is level=years', async () => {
    const argv = [...start, '--level', 'staff', '--vs', 'level=google l5', '--vs', 'Level = Years'];
    const d = await compareJson(argv);
    expect(d.scenarios.map((s) => [s.label, s.changes])).toEqual([
      ['start', []],
      ['level=google l5', ['level=senior']],
      ['Level = Years', ['level=years']],
    ]);
  });

  it('a start of $0 equity (banking) gives a null percent, not a division by zero', async () => {
    const d = await compareJson([
      '--years',
      '6',
      '--industry',
      'banking',
      '--vs',
      'industry=faang',
    ]);
    const s = d.scenarios[1]!;
    expect(d.scenarios[0]!.equity.mid).toBe(0);
    expect(s.delta.equity).toEqual({ dollars: s.equity.mid, percent: null });
  });

  const bad: [what: string, argv: string[], message: RegExp][] = [
    [
      'an unknown field, with did-you-mean',
      ['--vs', 'cty=austin'],
      /unknown field 'cty' in --vs \(did you mean 'city'\?\); fields: years, city, industry, skills, degree, level$/m,
    ],
    [
      'an unknown field, nothing close',
      ['--vs', 'town=austin'],
      /unknown field 'town' in --vs; fields: years, city/,
    ],
    [
      'an unknown city, with did-you-mean',
      ['--vs', 'city=austn'],
      /unknown city 'austn' for --vs city \(did you mean 'austin'\?\); accepted: 24 cities and their aliases \(ml-salary list cities\)/,
    ],
    [
      'an unknown industry',
      ['--vs', 'industry=fanng'],
      /unknown industry 'fanng' for --vs industry \(did you mean 'faang'\?\)/,
    ],
    [
      'an unknown skill',
      ['--vs', 'skills=+nlpp'],
      /unknown skill 'nlpp' for --vs skills \(did you mean 'nlp'\?\)/,
    ],
    [
      'an unknown degree',
      ['--vs', 'degree=phdd'],
      /unknown degree 'phdd' for --vs degree \(did you mean 'phd'\?\)/,
    ],
    [
      'years=+3 past the maximum',
      ['--years', '48', '--vs', 'years=+3'],
      /--vs years=\+3 gives 51 years, outside 0 to 50$/m,
    ],
    ['years below 0', ['--vs', 'years=-6'], /--vs years=-6 gives -1 years, outside 0 to 50$/m],
    [
      'years that are not a number',
      ['--vs', 'years=abc'],
      /--vs years 'abc' is not a plain number/,
    ],
    ['a field twice', ['--vs', 'city=sf,city=nyc'], /--vs 'city=sf,city=nyc' changes city twice$/m],
    ['no field=value', ['--vs', 'austin'], /--vs 'austin' needs field=value pairs/],
    [
      '+skill mixed with a plain list',
      ['--vs', 'skills=+nlp,mlops'],
      /use \+skill and -skill to add and remove, or a plain list to replace them, not both/,
    ],
    // Names on every plain object's prototype are unknown fields like any other.
    ...[
      'constructor=1',
      '__proto__=x',
      'toString=x',
      'city=sf,__proto__=x',
      'hasOwnProperty=1',
    ].map((vs): [string, string[], RegExp] => [
      `the field ${vs}`,
      ['--vs', vs],
      new RegExp(
        `unknown field '${vs
          .replace(/^city=sf,/, '')
          .split('=')[0]!
          .toLowerCase()}' in --vs.*; fields: years, city, industry, skills, degree, level$`,
        'm',
      ),
    ]),
    [
      'removing a skill the start lacks (issue 20 item 6: a column identical to the start)',
      ['--skills', 'nlp', '--vs', 'skills=-mlops'],
      /--vs skills=-mlops: the profile has no mlops to remove \(its skills: nlp-llm\)$/m,
    ],
    [
      'adding a skill the start has',
      ['--skills', 'mlops', '--vs', 'skills=+mlops'],
      /--vs skills=\+mlops: the profile already has mlops \(its skills: mlops\)$/m,
    ],
    // One rule for every change that changes nothing (review2 M8): refused, as skills=+mlops is.
    [
      'a city the start has',
      ['--city', 'sf', '--vs', 'city=bay area'],
      /--vs city=bay area changes nothing: the start's city is already sf$/m,
    ],
    [
      'years=+0',
      ['--vs', 'years=+0'],
      /--vs years=\+0 changes nothing: the start's years are already 5$/m,
    ],
    ['the same years', ['--vs', 'years=5'], /--vs years=5 changes nothing/],
    [
      'level=years without a level',
      ['--vs', 'level=years'],
      /--vs level=years changes nothing: the start's level is already the one its years imply$/m,
    ],
    [
      'the level given',
      ['--level', 'sr', '--vs', 'level=senior'],
      /--vs level=senior changes nothing/,
    ],
    [
      'the same skills',
      ['--skills', 'nlp,cv', '--vs', 'skills=cv,llm'],
      /--vs skills=cv,llm changes nothing/,
    ],
    [
      'several changes, none changing the start',
      ['--city', 'sf', '--vs', 'city=sf,years=+0'],
      /--vs 'city=sf,years=\+0' changes nothing in the start$/m,
    ],
    ['a --vs twice', ['--vs', 'city=nyc', '--vs', 'city=nyc'], /--vs 'city=nyc' is given twice$/m],
    [
      'two --vs giving the same profile',
      ['--vs', 'city=nyc', '--vs', 'city=new york'],
      /--vs 'city=new york' gives the same profile as 'city=nyc'$/m,
    ],
    [
      'a word that is not an option (issue 20 item 7)',
      ['seattle', '--vs', 'city=sf'],
      /compare takes options only, and 'seattle' is not one \(did you mean --city seattle\?\); see: ml-salary compare --help$/m,
    ],
    ['no --vs', [], /compare needs at least one --vs/],
    ['a bad start', ['--city', 'gotham', '--vs', 'city=sf'], /unknown city 'gotham' for --city/],
  ];

  it.each(bad)('%s: one line, exit 2', async (_what, argv, message) => {
    const withYears = argv.includes('--years') ? argv : ['--years', '5', ...argv];
    expectUsageError(await cli(['compare', ...withYears]), message);
  });

  it('a change that repeats the start is fine beside one that changes it (review3 A6)', async () => {
    const d = await compareJson(['--years', '5', '--city', 'sf', '--vs', 'city=sf,industry=quant']);
    const [start, quant] = d.scenarios as { profile: Record<string, unknown> }[];
    expect(quant!.profile).toEqual({ ...start!.profile, industry: 'quant' });
  });

  it('--years is required, with or without a terminal', async () => {
    for (const tty of [false, true]) {
      expectUsageError(
        await cli(['compare', '--vs', 'city=sf'], { tty }),
        /--years is required: the starting point/,
      );
    }
  });
});

describe('--format csv and markdown', () => {
  it('CSV: a row per scenario with every range, its delta, and the profile', async () => {
    const d = await compareJson(DONE_WHEN);
    const r = await cli(['compare', ...DONE_WHEN, '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...all] = r.stdout.trimEnd().split('\n');
    // The document's notes (a city's uncertain pay factor) are rows of their own (review3 A5).
    const rows = all.filter((row) => !row.startsWith('note,'));
    expect(all.length - rows.length).toBe(d.notes?.length ?? 0);
    const columns = head!.split(',');
    expect(columns.slice(0, 8)).toEqual([
      'label',
      'changes',
      'years',
      'city',
      'industry',
      'skills',
      'degree',
      'level',
    ]);
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const cell = Object.fromEntries(row.split(',').map((v, c) => [columns[c]!, v]));
      const s = d.scenarios[i]!;
      expect(cell.label).toBe(s.label);
      expect(cell.city).toBe(s.profile.city);
      expect(cell.skills).toBe(s.profile.skills.join(';'));
      for (const part of PARTS) {
        expect(Number(cell[`${part}_low`])).toBe(s[part].low);
        expect(Number(cell[`${part}_mid`])).toBe(s[part].mid);
        expect(Number(cell[`${part}_high`])).toBe(s[part].high);
        expect(Number(cell[`${part}_delta`])).toBe(s.delta[part].dollars);
      }
      expect(cell.net).toBe(''); // no --take-home
    }
  });

  it('markdown: a column per scenario, typical and range per part, the total against the start', async () => {
    const r = await cli(['compare', ...DONE_WHEN, '--format', 'markdown']);
    expect(r.code).toBe(0);
    // Whose figures: the start's profile first, as the estimate's markdown has it (review2 R11).
    const [who, blank, ...lines] = r.stdout.trimEnd().split('\n');
    expect([who, blank]).toEqual([
      'Start: 5 years, city `austin`, industry `enterprise`, skills none, degree `bachelors` (defaulted: industry, skills, degree)',
      '',
    ]);
    const pinned = await cli([
      'compare',
      ...DONE_WHEN,
      '--level',
      'staff',
      '--skills',
      'mlops',
      '--format',
      'markdown',
    ]);
    expect(pinned.stdout.split('\n')[0]).toBe(
      'Start: 5 years, city `austin`, industry `enterprise`, skills `mlops`, degree `bachelors`, level `staff` (defaulted: industry, degree)',
    );
    expect(lines[0]).toBe('| | start | city=seattle | skills=+nlp |');
    expect(lines[1]).toBe('|---|---:|---:|---:|');
    expect(lines.slice(2, 7).map((l) => l.split(' | ')[0])).toEqual([
      '| base',
      '| bonus',
      '| equity',
      '| total',
      '| total vs start',
    ]);
    // Austin's factor weighs 13 pay records with the guides' figure, 19% apart (review4 N1).
    expect(lines.slice(7, 9)).toEqual([
      '',
      'Austin: its pay factor (base x1.005) is uncertain: 13 pay records put it at x1.046, the guides at x0.882; the figures built on it share the doubt.',
    ]);
    const d = await compareJson(DONE_WHEN);
    const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
    // Each part's typical figure with its P25-P75 and P10-P90, as the JSON and CSV carry them.
    const cell = (r: Range) =>
      `${usd(r.mid)} (P25-P75 ${usd(r.p25)}-${usd(r.p75)}; P10-P90 ${usd(r.low)}-${usd(r.high)})`;
    PARTS.forEach((part, k) => {
      expect(lines[2 + k]).toBe(
        `| ${part} | ${d.scenarios.map((s) => cell(s[part])).join(' | ')} |`,
      );
    });
    const deltas = d.scenarios.map((s) => `+${usd(s.delta.total.dollars)}`);
    expect(lines[6]).toBe(`| total vs start | ${deltas.join(' | ')} |`);
  });
});

describe("paper equity is marked in every format (review F12: the checklist's 'every format carries the flag')", () => {
  const PAPER = 'equity is paper (a private company), at the latest round price';
  /** A CSV's column as [first cell, ...] by its heading, over the records (not `note` rows). */
  const column = (csv: string, name: string): string[] => {
    const rows = csv
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
    const i = rows[0]!.indexOf(name);
    expect(i).toBeGreaterThan(-1);
    return rows.slice(1).flatMap((r) => (r[0] === 'note' ? [] : [r[i]!]));
  };
  const startup = ['--industry', 'ai-startup', '--no-input'];

  it('career: a paper column in CSV, a note under the markdown and the table', async () => {
    const argv = ['career', ...startup, '--to', '10', '--step', '5'];
    const csv = (await cli([...argv, '--format', 'csv'])).stdout;
    expect(column(csv, 'paper')).toEqual(['true', 'true', 'true']);
    const md = (await cli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(`\n\nEquity is paper (a private company), at the latest round price;`);
    const table = (await cli(argv, { env: { NO_COLOR: '1' } })).stdout;
    expect(table).toContain('Equity is paper (a private company), at the latest round price;');
    const vs = (await cli([...argv, '--vs', 'industry=faang', '--format', 'markdown'])).stdout;
    expect(vs).toContain(`start: ${PAPER}`);
    expect(vs).not.toContain(`industry=faang: ${PAPER}`);
    // A listed company's: paper false (the same header), no note.
    const faang = ['career', '--industry', 'faang', '--to', '10', '--step', '5', '--no-input'];
    const listed = (await cli([...faang, '--format', 'csv'])).stdout;
    expect(listed.split('\n')[0]).toBe(csv.split('\n')[0]);
    expect(column(listed, 'paper')).toEqual(['false', 'false', 'false']);
    expect((await cli([...faang, '--format', 'markdown'])).stdout).not.toContain('paper');
  });

  it('compare: a paper column in CSV (true for the startup only) and the note in markdown', async () => {
    const argv = ['compare', '--years', '5', '--vs', 'industry=ai-startup', '--no-input'];
    const csv = (await cli([...argv, '--format', 'csv'])).stdout;
    expect(column(csv, 'paper')).toEqual(['false', 'true']);
    // Without paper or notes, the same header: paper false, the note column empty.
    const plain = ['compare', '--years', '5', '--vs', 'industry=faang', '--no-input'];
    const listed = (await cli([...plain, '--format', 'csv'])).stdout;
    expect(listed.split('\n')[0]).toBe(csv.split('\n')[0]);
    expect([column(listed, 'paper'), column(listed, 'note')]).toEqual([
      ['false', 'false'],
      ['', ''],
    ]);
    const md = (await cli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(`\nindustry=ai-startup: ${PAPER}`);
    expect(md).not.toContain(`start: ${PAPER}`);
    // The document says it (labelled: only some columns have paper), so JSON and CSV carry it too.
    expect((await compareJson(argv.slice(1))).notes?.[0]).toMatch(`industry=ai-startup: ${PAPER}`);
    const noteRows = csv.split('\n').filter((l) => l.startsWith('note,'));
    expect(noteRows[0]).toMatch(/,"industry=ai-startup: equity is paper \(a private company\)/);
    // Every column with paper: one line, unlabelled, in every format.
    const all = ['compare', '--years', '5', '--industry', 'ai-startup', '--vs', 'city=nyc'];
    const d = await compareJson([...all.slice(1), '--no-input']);
    expect(d.notes?.filter((n) => n.includes(PAPER.slice(1)))).toEqual([
      `E${PAPER.slice(1)}; $0 at the low end, as it may never be sold.`,
    ]);
    const table = (await cli([...all, '--no-input'], { env: { NO_COLOR: '1' } })).stdout;
    expect(table.split(PAPER.slice(1)).length).toBe(2);
    expect(table).not.toContain(`Start: ${PAPER}`);
  });

  it('with --take-home, a paper column\'s net is headed "(cash only)" and its note names it (review3 A16)', async () => {
    const vs = ['--years', '5', '--vs', 'industry=ai-startup', '--take-home', '--no-input'];
    const UNTAXED = "Equity here is paper (a private company's stock): not taxed here";
    const table = (await cli(['compare', ...vs], { env: { NO_COLOR: '1' } })).stdout;
    expect(table).toMatch(/^│ +│ +Start │ industry=ai-startup \(cash only\) │$/m);
    expect(table).toContain(
      `${PAPER}; $0 at the low end, as it may never be sold. Its net after tax is of cash only`,
    );
    expect(table).toContain(`\nindustry=ai-startup (cash only): ${UNTAXED}`);
    const career = ['career', '--to', '10', '--step', '5', ...vs.slice(2)];
    const lines = (await cli(career, { env: { NO_COLOR: '1' } })).stdout;
    expect(lines).toMatch(/^│ vs industry=ai-startup \(cash only\) +│$/m);
    expect(lines).toContain(`\nindustry=ai-startup: ${UNTAXED}`);
    const md = (await cli([...career, '--format', 'markdown'])).stdout;
    expect(md).toContain(`\n- industry=ai-startup: ${UNTAXED}`);
  });

  it("the estimate's CSV: paper true (false without paper), before the nets", async () => {
    const csv = (await cli(['--years', '5', ...startup, '--format', 'csv'])).stdout;
    expect(column(csv, 'paper')).toEqual(['true']);
    const taxed = (await cli(['--years', '5', ...startup, '--take-home', '--format', 'csv']))
      .stdout;
    expect(taxed.split('\n')[0]).toMatch(
      /,defaulted,paper,state,local,filing,tax_year,net_low,net_mid,net_high,note$/, // the employer's note last
    );
    // Every profile's CSV has the same header: paper false and an empty note where none apply.
    const plain = (await cli(['--years', '5', '--format', 'csv'])).stdout;
    expect(plain.split('\n')[0]).toBe(csv.split('\n')[0]);
    expect(column(plain, 'paper')).toEqual(['false']);
    expect(column(plain, 'note')).toEqual(['']);
  });
});

describe('a city whose pay factor is an estimate is marked where its figures are printed (review L1)', () => {
  // Its factor weighs 17 pay records (x1.101) with federal wage data's estimate (x0.802): the
  // note names both, not only the estimate's +/-7% (review4 N1).
  const NOTE =
    /^(?:- )?Pittsburgh: its pay factor \(base x1\.037\) is uncertain: 17 pay records put it at x1\.101, federal wage data \(an estimate\) at x0\.802; the figures built on it share the doubt\./m;
  const runs = [
    ['compare', '--years', '5', '--city', 'sf', '--vs', 'city=pittsburgh'],
    ['offer', '--years', '5', '--city', 'pittsburgh', '--base', '150k'],
    ['career', '--city', 'pittsburgh', '--to', '2'],
    ['career', '--city', 'sf', '--to', '2', '--vs', 'city=pittsburgh'],
  ];
  it.each(runs)('%s: table, markdown, JSON and CSV', async (...argv) => {
    for (const format of [[], ['--format', 'markdown']]) {
      const r = await cli([...argv, ...format, '--no-input'], { columns: 0 });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(NOTE);
    }
    const doc = await json<{ notes?: string[] }>([...argv, '--no-input']);
    expect(doc.notes).toHaveLength(1);
    expect(doc.notes![0]).toMatch(NOTE);
    // CSV: a `note` column, the note's text in it on a row of its own (review3 A5).
    const csv = (await cli([...argv, '--format', 'csv', '--no-input'])).stdout.split('\n');
    expect(csv[0]).toMatch(/,note$/);
    const cell = `,"${doc.notes![0]}"`;
    expect(csv.filter((l) => l.endsWith(cell))).toHaveLength(1);
  });

  it('CSV of a single estimate: the note in a `note` column of its record (review3 A5)', async () => {
    const csv = async (city: string) =>
      (await cli(['--years', '5', '--city', city, '--format', 'csv'])).stdout.split('\n');
    const [head, record] = await csv('pittsburgh');
    expect(head).toMatch(/,defaulted,paper,note$/);
    expect(record).toMatch(
      /,industry;skills;degree,false,"Pittsburgh: its pay factor \(base x1\.037\) /,
    );
    expect((await csv('sf'))[0]).toBe(head); // the same header, the note empty
    expect((await csv('sf'))[1]).toMatch(/,industry;skills;degree,false,$/);
  });

  it('a city on sure figures, or whose records agree with its prior (Boston), gets no note', async () => {
    for (const city of ['sf', 'boston']) {
      const doc = await json<{ notes?: string[] }>([
        'compare',
        '--years',
        '5',
        '--city',
        city,
        '--vs',
        'city=seattle',
      ]);
      expect(doc.notes).toBeUndefined();
      const r = await cli([
        'offer',
        '--years',
        '5',
        '--city',
        city,
        '--base',
        '150k',
        '--no-input',
      ]);
      expect(r.stdout).not.toContain('an estimate from federal wage data');
      expect(r.stdout).not.toContain('uncertain');
    }
    // Raleigh: 4 records at x1.016 against the guides' x0.882, more than 10% apart.
    const r = await cli([
      'offer',
      '--years',
      '5',
      '--city',
      'raleigh',
      '--base',
      '150k',
      '--no-input',
    ]);
    expect(r.stdout).toContain(
      'Research Triangle (Raleigh-Durham): its pay factor (base x0.947) is uncertain: 4 pay records put it at x1.016, the guides at x0.882;',
    );
  });

  it('several such cities: one note names them all (review3 A20)', async () => {
    const argv = ['compare', '--years', '5', '--city', 'sf', '--vs', 'city=pittsburgh'];
    const doc = await json<{ notes?: string[] }>([
      ...argv,
      '--vs',
      'city=portland',
      '--vs',
      'city=slc',
    ]);
    // Pittsburgh's and Portland's factors weigh their pay records now, each with its own doubt
    // (review4 N1): Salt Lake City, with none, is the estimate alone.
    expect(doc.notes).toEqual([
      'Salt Lake City (base x0.862): its pay factor is an estimate from federal wage data (about +/-7%), and so are the figures built on it.',
      'Pittsburgh: its pay factor (base x1.037) is uncertain: 17 pay records put it at x1.101, federal wage data (an estimate) at x0.802; the figures built on it share the doubt.',
      'Portland OR: its pay factor (base x0.901) is uncertain: 6 pay records put it at x0.827, federal wage data (an estimate) at x1.026; the figures built on it share the doubt.',
    ]);
  });
});

it("take-home notes: a column's own notes together, before the notes of every column (review3 A20)", async () => {
  const argv = ['compare', '--years', '5', '--city', 'philadelphia', '--vs', 'years=+2'];
  argv.push('--vs', 'city=pittsburgh', '--take-home', '--locality', 'none');
  const r = await cli(argv);
  const notes = r.stdout.split('\n').filter((l) => /^(Start,|city=|Estimates|Most other)/.test(l));
  expect(notes.map((l) => l.slice(0, 40))).toEqual([
    'Start, years=+2: Living outside Philadel',
    'city=pittsburgh: Living outside Pittsbur',
    'Estimates for planning, not tax advice: ',
    'Most other Pennsylvania municipalities a',
  ]);
  const md = await cli([...argv, '--format', 'markdown']);
  // Named as in the table (review3 A16: a note of some columns says which).
  expect(md.stdout).toMatch(
    /^- start, years=\+2: Living outside Philadelphia.*\n- city=pittsburgh: Living outside Pittsburgh/m,
  );
});

describe("a city name that is also another metro's city says which it took (review2 M11)", () => {
  const VA =
    /^ml-salary: note: 'arlington' is taken as Arlington, VA \(Washington DC area\); for Arlington, TX use 'arlington tx'/;
  it.each([
    [['--years', '5', '--city', 'Arlington'], VA],
    [['compare', '--years', '5', '--vs', 'city=arlington', '--vs', 'city=arlington,years=+1'], VA],
    [
      ['career', '--to', '2', '--vs', 'city=frisco'],
      /^ml-salary: note: 'frisco' is taken as Frisco, TX \(Dallas-Fort Worth\); for San Francisco use 'sf'\n$/,
    ],
  ])('%j: one note on stderr, the figures as before', async (argv, note) => {
    const r = await cli([...argv, '--json']);
    expect([r.code, r.stderr]).toEqual([0, expect.stringMatching(note)]);
    expect(r.stderr.split('\n')).toHaveLength(2); // once, though two columns name it
    const other = argv.map((a) => a.replace(/arlington/i, 'dc').replace('frisco', 'dallas'));
    const back = (out: string) =>
      out
        .replaceAll('"label":"city=dc', '"label":"city=arlington')
        .replace('"label":"city=dallas', '"label":"city=frisco');
    expect(r.stdout).toBe(back((await cli([...other, '--json'])).stdout));
  });
  it("'arlington tx' is Dallas-Fort Worth, with no note", async () => {
    const argv = ['--years', '5', '--city', 'arlington tx'];
    const doc = await json<{ profile: { city: string } }>(argv);
    expect(doc.profile.city).toBe('dallas');
  });
});

it('an employer priced by the guides, not fitted on the pay records, says so where its figures are printed (review4 N5)', async () => {
  type Doc = { notes?: string[]; factors?: { id: string; label: string }[] };
  const vs = ['--vs', 'industry=healthcare', '--vs', 'industry=big-tech'];
  const compare = await json<Doc>(['compare', '--years', '5', '--city', 'sf', ...vs, '--json']);
  const unfitted = (compare.notes ?? []).filter((n) => n.includes('not fitted on pay records'));
  expect(unfitted).toEqual([
    expect.stringMatching(/^Healthcare & biotech: not fitted on pay records \(8 pay records/),
  ]);
  const quant = await json<Doc>(['--years', '5', '--city', 'nyc', '--industry', 'quant', '--json']);
  expect(quant.factors!.find((f) => f.id === 'industry:quant')!.label).toContain(
    'not fitted on pay records: 3 pay records, too few to fit',
  );
  const offer = ['offer', '--years', '5', '--city', 'sf', '--base', '200k', '--json'];
  expect((await json<Doc>([...offer, '--industry', 'big-tech'])).notes).toBeUndefined();
  expect((await json<Doc>([...offer, '--industry', 'marketing-analytics'])).notes).toEqual([
    expect.stringContaining('Marketing analytics: not fitted on pay records (no pay records'),
  ]);
});

it("a level typed as a company's title says whose market prices it, in compare and career", async () => {
  const given = ['--no-profile', '--industry', 'faang', '--level', 'meta e5'];
  const said = /^Meta's title is read as senior level: the market is big tech's .* not Meta's own;/;
  const vs = ['--years', '6', '--vs', 'city=nyc'];
  const compare = await json<{ notes: string[] }>(['compare', ...given, ...vs]);
  expect(compare.notes[0]).toMatch(said);
  const career = await cli(['career', ...given, '--to', '10', '--json']);
  expect(JSON.parse(career.stdout).notes[0]).toMatch(said);
  // The held level is named as it was typed.
  expect(career.stderr).toMatch(/^ml-salary: note: --level 'meta e5' holds at every point, /);
  // A column's level typed as a title (--vs level=...) says it too, labelled with the column, and
  // by its own column's market (quant's here); a plain level says nothing.
  const start = ['--no-profile', '--years', '6', '--industry', 'faang'];
  const cols = [
    '--vs',
    'level=google l5',
    '--vs',
    'industry=quant,level=meta e5',
    '--vs',
    'level=staff',
  ];
  const titled = await json<{ notes: string[] }>(['compare', ...start, ...cols]);
  expect(titled.notes.slice(0, 2)).toEqual([
    expect.stringMatching(
      /^level=google l5: Google's title is read as senior level: the market is big tech's .* not Google's own;/,
    ),
    expect.stringMatching(
      /^industry=quant,level=meta e5: Meta's title is read as senior level: the market is Quant trading .*'s at that level, not Meta's own;/,
    ),
  ]);
  expect(titled.notes.join(' ')).not.toMatch(/level=staff|Staff/);
  const line = await json<{ notes: string[] }>([
    'career',
    '--no-profile',
    '--industry',
    'faang',
    '--to',
    '10',
    '--vs',
    'level=google l5',
  ]);
  expect(line.notes).toEqual([
    expect.stringMatching(/^level=google l5: Google's title is read as senior level: /),
  ]);
  const r = await cli(['compare', ...start, '--vs', 'level=google l5'], { env: { NO_COLOR: '1' } });
  expect(r.stdout).toMatch(/\nlevel=google l5: Google's title is read as senior level: /);
});

it('with --level, a column that adds a skill or a degree says they move nothing (review4 N12)', async () => {
  const r = await cli([
    ...['compare', '--no-profile', '--years', '6', '--industry', 'faang', '--level', 'senior'],
    ...['--vs', 'skills=+nlp', '--vs', 'degree=phd', '--vs', 'city=nyc', '--json'],
  ]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe(
    "ml-salary: note: --level senior holds in skills=+nlp, degree=phd too, so years, skills and degree do not move its figures (the level prices them): --vs 'skills=+nlp,level=years' lets the years decide\n",
  );
});
