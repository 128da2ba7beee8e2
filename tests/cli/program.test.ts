import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { fakeIo } from '../helpers.js';

// eslint-disable-next-line no-control-regex -- matching escape codes is the point
const ANSI = /\u001b\[/;
// eslint-disable-next-line no-control-regex -- matching escape codes is the point
const SGR = /\u001b\[[0-9;]*m/g;

async function cli(argv: string[], opts: Parameters<typeof fakeIo>[0] = {}) {
  const t = fakeIo(opts);
  const code = await run(argv, t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

const FULL = [
  '--years',
  '6',
  '--city',
  'sf',
  '--industry',
  'faang',
  '--skills',
  'mlops,nlp',
  '--degree',
  'masters',
];

describe('JSON document', () => {
  it('has the documented fields with their meanings', async () => {
    const r = await cli([...FULL, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 4,
      currency: 'USD',
      profile: {
        years: 6,
        city: 'sf',
        industry: 'big-tech',
        skills: ['mlops', 'nlp-llm'],
        degree: 'masters',
      },
      defaulted: [],
      level: 'mid',
    });
    for (const k of ['base', 'bonus', 'equity', 'total']) {
      expect(Object.keys(doc[k])).toEqual(['low', 'p25', 'mid', 'p75', 'high']);
      for (const v of Object.values(doc[k])) expect(Number.isInteger(v)).toBe(true);
    }
    expect(doc.total.mid).toBe(doc.base.mid + doc.bonus.mid + doc.equity.mid);
    for (const f of doc.factors)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'label', 'effect']));
    for (const s of doc.sources) expect(Object.keys(s)).toEqual(['id', 'title', 'file']);
  });

  it('lists defaulted fields and never contains colour, even when forced', async () => {
    const r = await cli(['--years', '3', '--json', '--color'], {
      env: { FORCE_COLOR: '3' },
      tty: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const doc = JSON.parse(r.stdout);
    expect(doc.defaulted).toEqual(['city', 'industry', 'skills', 'degree']);
    expect(doc.profile).toEqual({
      years: 3,
      city: 'us',
      industry: 'enterprise',
      skills: [],
      degree: 'bachelors',
    });
  });

  it('--json on a terminal still never prompts: --years is required', async () => {
    const r = await cli(['--json'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ml-salary: error: --years is required here (--json never prompts); pass e.g. --years 5\n',
    );
    expect(r.stdout).toBe('');
  });
});

describe('without a terminal', () => {
  it('requires --years, naming the flag', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'ml-salary: error: --years is required here (no terminal on stdin); pass e.g. --years 5\n',
    );
  });

  it('--no-input on a terminal behaves the same', async () => {
    const r = await cli(['--no-input'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--years is required here \(--no-input was given\)/);
  });

  it('prints the table with the defaulted values called out', async () => {
    const r = await cli(['--years', '4', '--city', 'austin']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Austin | Enterprise / consultancy* | none* | Bachelor's*");
    expect(r.stdout).toContain(
      "* Defaulted (no terminal on stdin): industry = Enterprise / consultancy, skills = none, degree = Bachelor's. Pass --industry, --skills, --degree to set them.",
    );
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe('table output', () => {
  it("prints each guide's band in its own words, open-ended ones as a floor", async () => {
    const r = await cli(['--years', '14', '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[001] staff, 12+ years: base $300K+, total $500K+ (national)');
    expect(r.stdout).toContain(
      '[000] staff, 10+ years: base $350K-$450K (tech hubs, top employers)',
    );
    expect((await cli(['--years', '5', '--explain'])).stdout).toContain(
      '[001] mid, 3-7 years: base $140K-$200K, total $180K-$280K (national)',
    );
    // Without --explain the guides' view is left out (the report fits 80x40).
    expect((await cli(['--years', '5'])).stdout).not.toContain('[001] mid, 3-7 years');
  });

  it('says why it defaulted when stdin is a terminal but stderr is not (no prompts drawn)', async () => {
    const t = fakeIo({ tty: true });
    (t.io.stderr as { isTTY?: boolean }).isTTY = false;
    expect(await run(['--years', '4'], t.io)).toBe(0);
    // The footnote is coloured and wrapped on a terminal.
    const plain = t.stdout().replace(SGR, '').replace(/\s+/g, ' ');
    expect(plain).toContain(
      '* Defaulted (stderr is not a terminal, and the questions are drawn there): city = Other US',
    );
  });

  it('colours additions green and reductions red, and leaves effects of zero plain', async () => {
    const r = await cli(['--years', '4', '--city', 'denver', '--skills', 'mlops', '--explain'], {
      env: { FORCE_COLOR: '1' },
    });
    const sgr = (text: string) => new RegExp(`\u001b\\[\\d+m${text.replace(/[$+]/g, '\\$&')}`);
    expect(r.stdout).toMatch(sgr('-$'));
    expect(r.stdout).toMatch(sgr('+$'));
    const zero = r.stdout.split('\n').find((l) => l.includes('Enterprise / consultancy: base x1'));
    expect(zero).toMatch(/^\s+\+\$0 {2}Enterprise/);
  });

  it('with --level, the biggest reasons still list the named skills and degree at $0, saying why (review4 N12)', async () => {
    const r = await cli([
      ...['--years', '6', '--city', 'sf', '--industry', 'faang', '--level', 'google l5'],
      ...['--skills', 'nlp', '--degree', 'phd', '--no-input'],
    ]);
    for (const what of ['PhD', 'NLP / LLMs'])
      expect(r.stdout).toMatch(new RegExp(`\\+\\$0 {2}${what}: priced by the level given`));
  });

  it('without --level the headings name the years, not the level their label names (review4 N6)', async () => {
    const sf = ['--years', '12', '--city', 'sf', '--industry', 'faang', '--no-profile'];
    const offer = ['offer', ...sf, '--base', '240k', '--equity', '600k'];
    const first = async (argv: string[]) => (await cli(argv)).stdout.split('\n')[0];
    // 12 years price a position between senior and staff (the first reason says so), not staff.
    expect((await cli(sf)).stdout).toContain('between senior and staff level (2.40)');
    expect(await first(sf)).toBe('ML engineer pay estimate: 12 years');
    expect(await first([...sf, '--format', 'markdown'])).toBe(
      '### ML engineer pay estimate: 12 years',
    );
    expect(await first(offer)).toMatch(/^Offer: 12 years \| San Francisco/);
    expect((await cli([...offer, '--format', 'markdown'])).stdout).toContain(
      '### Offer: 12 years, San',
    );
    expect((await cli(['compare', ...sf, '--vs', 'city=nyc'])).stdout).toContain(
      'Start: 12 years | San',
    );
    // A given level was priced, and keeps its place.
    expect(await first([...sf, '--level', 'staff'])).toBe(
      'ML engineer pay estimate: staff level (given), 12 years',
    );
    expect(await first([...offer, '--level', 'staff'])).toMatch(
      /^Offer: 12 years \(staff, given\) \| San/,
    );
  });

  it('matches the snapshot with colour off', async () => {
    const r = await cli(FULL, { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('colours only for a terminal, and honours NO_COLOR, TERM=dumb, --no-color, --color, FORCE_COLOR', async () => {
    expect((await cli(FULL, { tty: true })).stdout).toMatch(ANSI);
    expect((await cli(FULL, { tty: false })).stdout).not.toMatch(ANSI);
    expect((await cli(FULL, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await cli(FULL, { tty: true, env: { TERM: 'dumb' } })).stdout).not.toMatch(ANSI);
    expect((await cli([...FULL, '--no-color'], { tty: true })).stdout).not.toMatch(ANSI);
    expect((await cli([...FULL, '--color'], { tty: false })).stdout).toMatch(ANSI);
    expect((await cli(FULL, { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  it('wraps prose to the terminal width, and never without a terminal', async () => {
    const narrow = await cli(FULL, { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    for (const line of narrow.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    const piped = await cli(FULL, { tty: false });
    expect(piped.stdout.split('\n').some((l) => l.length > 100)).toBe(true);
  });
});

describe('flags', () => {
  it('a single-value flag given twice: the last one wins (as documented), --skills adds up', async () => {
    const r = await cli([
      '--years',
      '2',
      '--years',
      '6',
      '--city',
      'sf',
      '--city',
      'nyc',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toMatchObject({ years: 6, city: 'nyc' });
    const d = await cli([
      '--years',
      '3',
      '--degree',
      'phd',
      '--degree',
      'none',
      '--industry',
      'x',
      '--industry',
      'faang',
      '--json',
    ]);
    expect(JSON.parse(d.stdout).profile).toMatchObject({ degree: 'none', industry: 'big-tech' });
  });

  it('--skills may be repeated: all of them count', async () => {
    const r = await cli(['--years', '3', '--skills', 'mlops', '--skills', 'nlp,cv', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile.skills).toEqual(['mlops', 'nlp-llm', 'computer-vision']);
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  it.each([
    [
      ['--years', '3', '--city', 'seatle'],
      /^ml-salary: error: unknown city 'seatle' for --city \(did you mean 'seattle'\?\); accepted: 24 cities and their aliases \(ml-salary list cities\)$/,
    ],
    [
      ['--years', '3', '--industry', 'fanng'],
      /unknown industry 'fanng' for --industry \(did you mean 'faang'\?\)/,
    ],
    [['--years', '3', '--skills', 'mlops,jugling'], /unknown skill 'jugling' for --skills/],
    [
      ['--years', '3', '--degree', 'mba2'],
      /unknown degree 'mba2' for --degree \(did you mean 'mba'\?\)/,
    ],
    [
      ['--years', 'abc'],
      /^ml-salary: error: --years 'abc' is not a plain number: expected a number of years from 0 to 50, like 4 or 2.5$/,
    ],
    [['--years', '-1'], /--years '-1' is not a plain number/],
    [['--years', '51'], /--years 51 is above the maximum of 50/],
    [['--years', '1e999'], /not a plain number/],
    [
      ['--years', '9'.repeat(1000)],
      /^ml-salary: error: --years 9{40}\.\.\. is above the maximum of 50: expected a number of years from 0 to 50, like 4 or 2\.5$/,
    ],
    [['--years', ''], /--years is empty/],
    [['--years'], /option '--years <n>' argument missing/],
    [['--cty', 'sf'], /^ml-salary: error: unknown option '--cty' \(Did you mean --city\?\)$/],
    [
      ['--years', '3', '--format', 'xml'],
      /argument 'xml' is invalid\. Allowed choices are table, json, csv, markdown/,
    ],
    [['--years', '3', '--json', '--format', 'csv'], /--json conflicts with --format csv/],
    [['lsit'], /^ml-salary: error: unknown command 'lsit' \(did you mean 'list'\?\)/],
    [
      ['list', 'citys'],
      /unknown list 'citys' \(did you mean 'cities'\?\); accepted: cities, industries, skills, degrees/,
    ],
    [['list', 'constructor'], /^ml-salary: error: unknown list 'constructor'; accepted: cities,/],
    [['list', '__proto__'], /^ml-salary: error: unknown list '__proto__'; accepted: cities,/],
    [['list', 'hasOwnProperty'], /^ml-salary: error: unknown list 'hasOwnProperty'; accepted: /],
    [
      ['list'],
      /^ml-salary: error: list what\? pass one of: cities, industries, skills, degrees, levels, states, localities \(e\.g\. ml-salary list cities\)$/,
    ],
    // A word past a command's arguments, named with the command (commander: "too many arguments").
    [
      ['list', 'cities', 'extra'],
      /^ml-salary: error: list takes one argument \(kind\), and 'extra' is one too many; see: ml-salary list --help$/,
    ],
    [
      ['batch', 'a.ndjson', 'b.ndjson'],
      /batch takes one argument \(file\), and 'b\.ndjson' is one/,
    ],
    [
      ['completion', 'bash', 'zsh'],
      /completion takes one argument \(shell\), and 'zsh' is one too/,
    ],
    [
      ['market', 'sf'],
      /^ml-salary: error: market takes options only, and 'sf' is not one; see: ml-salary market --help$/,
    ],
    [
      ['--years', '3', '--format', 'jsn'],
      /argument 'jsn' is invalid\. Did you mean 'json'\? Allowed choices are table, json, csv, markdown\.$/,
    ],
    [['batch', '--format', 'cvs'], /Did you mean 'csv'\? Allowed choices are ndjson, json, csv\.$/],
    [
      ['--years', '5', '--city', 'sf', 'batch', 'x.ndjson'],
      /^ml-salary: error: --years is for a single estimate; in batch each record gives its own years \(see: ml-salary batch --help\)$/,
    ],
    [['--skills', 'mlops', 'batch'], /--skills is for a single estimate; in batch each record/],
    [['--degree', 'phd', 'batch'], /--degree is for a single estimate/],
    [
      ['--city', 'sf', 'list', 'cities'],
      /^ml-salary: error: --city is for a single estimate; list takes only a kind, e\.g\. ml-salary list cities$/,
    ],
    // Review F9: --take-home, its flags and --explain before a command were silently dropped.
    [
      ['--take-home', 'offer', '--years', '5', '--city', 'nyc', '--base', '100k', '--no-input'],
      /^ml-salary: error: --take-home goes after 'offer': ml-salary offer --take-home \.\.\.$/,
    ],
    [
      ['--take-home', 'compare', '--years', '5', '--vs', 'city=nyc', '--no-input'],
      /^ml-salary: error: --take-home goes after 'compare': ml-salary compare --take-home \.\.\.$/,
    ],
    [['--take-home', 'career', '--to', '3'], /--take-home goes after 'career'/],
    [
      ['--filing', 'married', 'offer', '--years', '5', '--base', '1'],
      /--filing goes after 'offer'/,
    ],
    [
      ['--state', 'NY', 'compare', '--years', '5'],
      /^ml-salary: error: --state goes after 'compare'/,
    ],
    [['--locality', 'yonkers', 'career'], /--locality goes after 'career'/],
    [['--pretax', '1k', 'offer', '--years', '5', '--base', '1'], /--pretax goes after 'offer'/],
    [['--hsa', '1k', 'career'], /--hsa goes after 'career'/],
    [['--hsa-family', 'career'], /--hsa-family goes after 'career'/],
    [['--age', '50', 'compare', '--years', '5'], /--age goes after 'compare'/],
    [['--itemized', '9k', 'career'], /--itemized goes after 'career'/],
    [
      ['--take-home', '--filing', 'married', 'batch', 'x.ndjson'],
      /^ml-salary: error: --take-home is for pay after tax in a single estimate, offer, compare or career; batch has none \(see: ml-salary batch --help\)$/,
    ],
    [['--filing', 'married', 'list', 'cities'], /--filing is for pay after tax .*; list has none/],
    [['--take-home', 'market'], /--take-home is for pay after tax .*; market has none/],
    [
      ['--explain', 'batch', 'x.ndjson'],
      /^ml-salary: error: --explain goes after 'batch': ml-salary batch --explain \.\.\.$/,
    ],
    [
      ['--explain', 'offer', '--years', '5', '--base', '1'],
      /^ml-salary: error: --explain is for a single estimate's table; offer has no --explain \(see: ml-salary offer --help\)$/,
    ],
    [['--explain', 'compare', '--years', '5'], /compare has no --explain/],
    [['--explain', 'career'], /career has no --explain/],
    // Review5 P2: before profile or completion, which read only their own flags, a flag was dropped.
    [
      ['--city', 'sf', 'profile', 'save'],
      /^ml-salary: error: --city goes after 'profile save': ml-salary profile save --city \.\.\.$/,
    ],
    [['--years', '3', 'profile'], /--years goes after 'profile save'/],
    [
      ['--take-home', 'profile', 'show'],
      /^ml-salary: error: --take-home is not an option of 'profile show' \(see: ml-salary profile show --help\)$/,
    ],
    [['--format', 'csv', 'profile'], /--format is not an option of 'profile'/],
    [['--json', 'profile', 'save', '--years', '3'], /--json is not an option of 'profile save'/],
    [['--years', '3', 'completion', 'bash'], /--years is not an option of 'completion'/],
    [['--json', 'completion', 'bash'], /--json is not an option of 'completion'/],
    [['--explain', 'list', 'cities'], /list has no --explain/],
    [['--explain', 'market'], /market has no --explain/],
    // Review L9: --explain is the table report's; another format would drop it without a word.
    [
      ['--years', '5', '--explain', '--json'],
      /^ml-salary: error: --explain is for the table report; --json has the reasons and sources already: drop one of them$/,
    ],
    [['--years', '5', '--explain', '--format', 'markdown'], /--format markdown has the reasons/],
    [['--years', '5', '--explain', '--format', 'csv'], /--format csv has the figures only/],
    [['--explain', '--format', 'json', '--years', '5'], /--format json has the reasons/],
    [['--format', 'csv', 'list', 'cities'], /list prints a table or --json, not --format csv$/],
    [
      ['--json', 'batch', '--format', 'csv'],
      /^ml-salary: error: --format csv conflicts with --json; use one of them$/,
    ],
    [['--format', 'csv', 'batch', '--json'], /--format csv conflicts with --json/],
    // One rule for a flag before any command (root-flags.ts): never dropped without a word.
    [
      ['--format', 'json', 'market'],
      /^ml-salary: error: --format is not an option of 'market' \(see: ml-salary market --help\)$/,
    ],
    [
      ['--format', 'json', 'compare', '--years', '5', '--format', 'csv'],
      /^ml-salary: error: --format csv conflicts with --format json; use one of them$/,
    ],
    [['--years', '3', 'career'], /^ml-salary: error: --years is the axis of a career: use --from/],
    [
      ['--data', 'a.json', 'list', 'cities', '--data', 'b.json'],
      /^ml-salary: error: --data b\.json conflicts with --data a\.json; use one of them$/,
    ],
    [['batch', '--json', '--format', 'csv'], /--format csv conflicts with --json/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('a flag after the command means what it means before it', () => {
  it.each([
    [
      ['batch', '--city', 'sf'],
      ['--city', 'sf', 'batch'],
    ],
    [
      ['batch', 'x.ndjson', '--years', '5'],
      ['--years', '5', 'batch', 'x.ndjson'],
    ],
    [
      ['batch', '--skills', 'mlops'],
      ['--skills', 'mlops', 'batch'],
    ],
    [
      ['list', 'cities', '--years', '5'],
      ['--years', '5', 'list', 'cities'],
    ],
    [
      ['list', 'cities', '--degree', 'phd'],
      ['--degree', 'phd', 'list', 'cities'],
    ],
    [
      ['list', 'skill', '--format', 'csv'],
      ['--format', 'csv', 'list', 'skills'],
    ],
  ])('%j is refused as %j is', async (after, before) => {
    const a = await cli(after);
    const b = await cli(before);
    expect(a.code).toBe(2);
    expect(b.code).toBe(2);
    expect(a.stderr).toBe(b.stderr);
    expect(a.stderr).not.toContain('unknown option');
  });

  it('--color before offer or career colours it as --color after it does', async () => {
    for (const argv of [
      ['offer', '--years', '5', '--base', '100k'],
      ['career', '--to', '2'],
    ]) {
      const after = await cli([...argv, '--color']);
      const before = await cli(['--color', ...argv]);
      expect(after.stdout).toContain('\x1b[');
      expect(before.stdout).toBe(after.stdout);
    }
  });

  it('list KIND --format json prints the JSON list, as --format json list KIND does', async () => {
    const a = await cli(['list', 'skills', '--format', 'json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe((await cli(['--format', 'json', 'list', 'skills'])).stdout);
    expect(JSON.parse(a.stdout).kind).toBe('skills');
  });

  it("an option after '--' is not called an unknown command that options should start with --", async () => {
    const r = await cli(['--', '--years', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ml-salary: error: '--years' comes after '--', which ends the options, so it is read as a command name and there is no such command; drop the '--' (commands: list, batch, offer, compare, career, market, profile, completion)\n",
    );
  });

  it('the hidden refusals stay out of the help', async () => {
    for (const cmd of ['batch', 'list']) {
      const options = (await cli([cmd, '--help'])).stdout
        .split('\n\n')
        .find((p) => p.startsWith('Options:'));
      expect(options).toMatch(/--help/);
      expect(options).not.toMatch(/--(years|city|industry|skills|degree)\b/);
    }
    expect((await cli(['list', '--help'])).stdout).not.toContain('--format');
  });
});

describe('help, version, list', () => {
  it('--help goes to stdout with examples and exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const text of [
      'Usage: ml-salary',
      '--years <n>',
      '--no-input',
      'Examples:',
      'Exit codes:',
      '130',
    ]) {
      expect(r.stdout).toContain(text);
    }
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('list shows ids, labels and aliases', async () => {
    const r = await cli(['list', 'cities']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+sf\s+San Francisco Bay Area\s+san francisco, bay area/m);
    expect(r.stdout).toMatch(/research-triangle .*raleigh/);
    expect((await cli(['list', 'skills'])).stdout.split('\n')[0]).toBe(
      'Skills (--skills, comma-separated); names match case-insensitively, any alias works:',
    );
  });

  it('list takes --json or --format json before it too', async () => {
    for (const argv of [
      ['--json', 'list', 'degrees'],
      ['--format', 'json', 'list', 'degrees'],
    ]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).kind).toBe('degrees');
    }
  });

  it('--help lists each command with its usage, list with a required kind', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toMatch(/^ {2}list \[options\] <kind> /m);
    expect(r.stdout).toMatch(/^ {2}batch \[options\] \[file\] /m);
    expect((await cli(['list', '--help'])).stdout).toMatch(
      /^Usage: ml-salary list \[options\] <kind>$/m,
    );
  });

  // The option lists are wrapped by commander; the examples and notes are written to fit too
  // (review2 R13: at 96 columns, an 80-column terminal broke words and flags mid-way).
  it.each([
    [[]],
    [['offer']],
    [['compare']],
    [['career']],
    [['batch']],
    [['list']],
    [['market']],
    [['profile']],
    [['profile', 'save']],
    [['completion']],
  ])('%j --help fits 80 columns', async (argv) => {
    const r = await cli([...argv, '--help']);
    expect(r.code).toBe(0);
    const wide = r.stdout.split('\n').filter((line) => line.length > 80);
    expect(wide).toEqual([]);
  });

  it.each([[[]], [['offer']], [['career']]])(
    '%j --help wraps its options to a 60-column terminal (review7 T6)',
    async (argv) => {
      const r = await cli([...argv, '--help'], { tty: true, columns: 60 });
      const options = r.stdout.split('\n\n').find((p) => p.startsWith('Options:')) ?? '';
      expect(options).toMatch(/--help/);
      expect(options.split('\n').filter((line) => line.length > 60)).toEqual([]);
    },
  );

  it('compare and career never prompt, and their --help says so (review2 R7)', async () => {
    for (const cmd of ['compare', 'career']) {
      const help = (await cli([cmd, '--help'])).stdout;
      expect(help).toMatch(/--no-input +taken for scripts: this command never prompts$/m);
      expect(help).not.toMatch(/never prompt;|json\); never prompts/);
    }
    expect((await cli(['offer', '--help'])).stdout).toMatch(/--no-input +never prompt; missing/);
  });

  it.each(['list cities', 'market', 'profile', 'profile show', 'profile clear', 'completion bash'])(
    '%s takes --no-input, as every command does, and its --help says so (review3 A2)',
    async (words) => {
      const argv = words.split(' ');
      const env = { XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), 'ml-salary-config-')) };
      const plain = await cli(argv, { env });
      expect(plain.code, plain.stderr).toBe(0);
      expect(await cli([...argv, '--no-input'], { env })).toEqual(plain);
      const help = (await cli([...argv, '--help'])).stdout;
      expect(help).toMatch(/--no-input +taken for scripts: this command never prompts$/m);
    },
  );

  it.each(['cities', 'industries', 'skills', 'degrees', 'city', 'Skill'])(
    'list %s --json',
    async (kind) => {
      const r = await cli(['list', kind, '--json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.values.length).toBeGreaterThan(3);
      for (const v of doc.values) expect(Object.keys(v)).toEqual(['id', 'label', 'aliases']);
    },
  );
});

describe('market summary', () => {
  it('wraps to the terminal, each source with a hanging indent; piped, one line each (review7 T5)', async () => {
    const t = fakeIo({ tty: true, columns: 80 });
    expect(await run(['market'], t.io)).toBe(0);
    expect(
      t
        .stdout()
        .split('\n')
        .filter((line) => line.length > 80),
    ).toEqual([]);
    expect(t.stdout()).toContain(
      '  [levels] levels.fyi ML/AI software-engineer pay records, US,\n    2018-06..2021-08',
    );
    const piped = fakeIo();
    expect(await run(['market'], piped.io)).toBe(0);
    expect(piped.stdout()).toMatch(
      /\n {2}\[levels\] levels\.fyi .* scaled to December 2025 wages\n/,
    );
  });
});

describe('narrow terminals', () => {
  it('--explain at 60 columns, an options offer at 40: every line fits (review7 T8)', async () => {
    const over = async (argv: string[], columns: number) => {
      const t = fakeIo({ tty: true, columns });
      expect(await run([...argv, '--no-input'], t.io)).toBe(0);
      const lines = t.stdout().replace(SGR, '').split('\n');
      return lines.filter((line) => line.length > columns);
    };
    const profile = ['--years', '5', '--city', 'sf', '--industry', 'faang', '--skills', 'none'];
    expect(await over([...profile, '--explain'], 60)).toEqual([]);
    const options = ['--base', '150k', '--options', '40k', '--strike', '1.20', '--fmv', '5'];
    expect(await over(['offer', '--years', '5', '--city', 'us', ...options], 40)).toEqual([]);
  });
});

describe('why it cannot prompt', () => {
  it('does not prompt where TERM=dumb: Backspace would go into the answer (review7 T1)', async () => {
    // Were it to prompt, the run would wait for an answer (the test times out).
    const dumb = () => fakeIo({ tty: true, env: { TERM: 'dumb' } });
    const why = '(TERM=dumb, and the questions need a terminal that can redraw)';
    let t = dumb();
    expect(await run([], t.io)).toBe(2);
    expect(t.stderr()).toBe(
      `ml-salary: error: --years is required here ${why}; pass e.g. --years 5\n`,
    );
    t = dumb();
    expect(await run(['offer', '--years', '5'], t.io)).toBe(2);
    expect(t.stderr()).toContain(why);
    t = dumb();
    expect(await run(['--years', '5'], t.io)).toBe(0);
    expect(t.stdout().replace(/\s+/g, ' ')).toContain(`* Defaulted ${why}: city = Other US`);
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-config-'));
    t = dumb();
    t.io.env.XDG_CONFIG_HOME = dir;
    expect(await run(['profile', 'save', '--years', '5'], t.io)).toBe(0);
    expect(t.stdout()).toContain('--years 5\n');
  });

  it('names stderr when stdin is a terminal but stderr is not', async () => {
    const t = fakeIo({ tty: true });
    (t.io.stderr as { isTTY?: boolean }).isTTY = false;
    expect(await run([], t.io)).toBe(2);
    expect(t.stderr()).toBe(
      'ml-salary: error: --years is required here (stderr is not a terminal, and the questions are drawn there); pass e.g. --years 5\n',
    );
  });
});

describe('help as a command', () => {
  it('`help` and `help batch` print help on stdout, exit 0', async () => {
    const root = await cli(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain('Usage: ml-salary [options] [command]');
    const batch = await cli(['help', 'batch']);
    expect(batch.code).toBe(0);
    expect(batch.stdout).toContain('Usage: ml-salary batch');
    const bad = await cli(['help', 'bacth']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "ml-salary: error: no help for 'bacth' (did you mean 'batch'?); commands: list, batch, offer, compare, career, market, profile, completion\n",
    );
  });

  it('`help profile save`, `profile help save` and `help help` print their help; a bad subcommand is one line (review2 M10)', async () => {
    const save = await cli(['help', 'profile', 'save']);
    expect(save.code).toBe(0);
    expect(save.stdout).toContain('Usage: ml-salary profile save [options]');
    const help = await cli(['help', 'help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ml-salary help [options] [command...]');
    const bad = await cli(['help', 'profile', 'sav']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      "ml-salary: error: no help for 'profile sav' (did you mean 'save'?); profile's commands: save, show, clear\n",
    );
    expect((await cli(['help', 'batch', 'x'])).stderr).toBe(
      "ml-salary: error: no help for 'batch x'; batch has no commands\n",
    );
    // The other order, `profile help save` (git's), likewise (review3 A19).
    expect(await cli(['profile', 'help', 'save'])).toEqual(save);
    expect((await cli(['profile', 'help'])).stdout).toContain('Usage: ml-salary profile [options]');
    expect((await cli(['profile', 'help', 'sav'])).stderr).toBe(
      "ml-salary: error: no help for 'profile sav' (did you mean 'save'?); profile's commands: save, show, clear\n",
    );
    const extra = await cli(['profile', 'bogus', 'more']);
    expect([extra.code, extra.stderr]).toEqual([
      2,
      "ml-salary: error: unknown profile command 'bogus more'; use save, show or clear\n",
    ]);
  });
});

describe('narrow terminals', () => {
  it('at 32 columns the typical total under the stacked reasons keeps its indent when it wraps', async () => {
    const r = await cli(FULL, { tty: true, columns: 32, env: { NO_COLOR: '1' } });
    expect(r.stdout).toMatch(
      /^ {2}=\$[\d,]+\n {4}typical total \(and 3\n {4}smaller: --explain\)$/m,
    );
  });

  it('at 80 columns the table stays on a 40-line screen: the sources one paragraph (issue 14)', async () => {
    const r = await cli(FULL, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    const lines = r.stdout.trimEnd().split('\n');
    // From the table's top to the end, an interactive run's two closing lines (two rows each at
    // 80 columns: 'To run this again: ...', 'To save these answers: ...') and the shell's prompt.
    const rows = lines.length - lines.findIndex((l) => l.startsWith('┌')) + 4 + 1;
    expect(rows).toBeLessThanOrEqual(40);
    expect(r.stdout).toContain(
      'Sources (--explain: in full): [000] ML Engineer Salary Guide 2026; [001] ML\n  engineer salaries by experience; [aijobs] aijobs.net salary index;\n  [levels] levels.fyi ML/AI software-engineer pay records;',
    );
    // Piped, one line a source, whole.
    const piped = (await cli(FULL, { env: { NO_COLOR: '1' } })).stdout;
    expect(piped).toMatch(
      /^ {2}\[levels\] levels\.fyi ML\/AI software-engineer pay records, US, 2018-06/m,
    );
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(80);
    const full = await cli([...FULL, '--explain'], {
      tty: true,
      columns: 80,
      env: { NO_COLOR: '1' },
    });
    expect(full.stdout).toContain(
      'scaled to December\n    2025 wages (levels-ml-us-2018-2021-train.ndjson)',
    );
  });

  // With a level given (the sixth question) the report has more rows: the level's reason, a
  // skill the level prices, the open data's missing level.
  it.each([
    ['seattle', 'fintech', 'nlp-llm', 'bachelors', 'staff'],
    ['pittsburgh', 'autonomous-driving', 'reinforcement-learning', 'none', 'principal'],
    ['nyc', 'banking', 'computer-vision', 'phd', 'senior'],
  ])(
    'with a level given the table stays on a 40-line screen at 80 columns (issue 14): %s, %s, %s, %s, %s',
    async (city, industry, skills, degree, level) => {
      const argv = ['--years', '5', '--city', city, '--industry', industry, '--skills', skills];
      const r = await cli([...argv, '--degree', degree, '--level', level], {
        tty: true,
        columns: 80,
        env: { NO_COLOR: '1' },
      });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      const rows = lines.length - lines.findIndex((l) => l.startsWith('┌')) + 4 + 1;
      expect(rows).toBeLessThanOrEqual(40);
    },
  );

  it("a staff profile's open-data line says the data has no staff level, in the same two lines at 80 columns", async () => {
    const staff = FULL.map((a) => (a === '6' ? '14' : a));
    const r = await cli(staff, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain(
      'Open data [aijobs], senior-level / expert (no staff level in it): median\n  $205K, quartiles $175K-$238K, 3,490 postings, 2022-2025 (base only)\nSources',
    );
    const senior = (await cli(FULL, { env: { NO_COLOR: '1' } })).stdout;
    expect(senior).toMatch(/^Open data \[aijobs\], mid-level \/ intermediate: median/m);
  });

  it('at 40 columns every line of the report and of a list fits, and the table drops its borders', async () => {
    const report = await cli([...FULL, '--skills', 'mlops,nlp,cv', '--degree', 'phd'], {
      tty: true,
      columns: 40,
      env: { NO_COLOR: '1' },
    });
    expect(report.code).toBe(0);
    for (const line of report.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    // Five percentiles do not fit 40 columns as a row: the table reads as a list.
    expect(report.stdout).toMatch(
      /^Total\n {2}P10 +\$[\d,]+\n {2}P25 +\$[\d,]+\n {2}Typical +\$[\d,]+\n {2}P75 +\$[\d,]+\n {2}P90 +\$[\d,]+$/m,
    );
    expect(report.stdout).not.toContain('┌');
    const wide = await cli(FULL, { tty: true, columns: 64, env: { NO_COLOR: '1' } });
    expect(wide.stdout).toMatch(/^Total(\s+\$[\d,]+){5}\s*$/m); // a borderless row at 64
    expect(wide.stdout).not.toContain('┌');
    for (const kind of ['cities', 'industries', 'skills', 'degrees', 'levels']) {
      const list = await cli(['list', kind], { tty: true, columns: 40 });
      for (const line of list.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
      expect(list.stdout).toMatch(/^ {2}\S/m); // names stay indented
    }
  });

  it('at 20 to 44 columns no figure is ever split across lines, and the table reads as a list when it must', async () => {
    // Money, multipliers, percentages and guide bands: what a terminal must not break.
    const FIGURE = /[-+=]?\$[\d,]+K?(?:-\$[\d,]+K)?\+?|x\d+(?:\.\d+)?|\d+(?:\.\d+)?%/g;
    const profiles = [
      [...FULL, '--skills', 'mlops,nlp,cv', '--degree', 'phd'],
      [
        '--years',
        '14',
        '--city',
        'nyc',
        '--industry',
        'quant',
        '--skills',
        'mlops,nlp,cv,rl,cloud,dl',
      ],
      ['--years', '0'], // defaulted: the footnote
    ];
    for (let width = 20; width <= 44; width++) {
      for (const argv of profiles) {
        // A terminal on stdout only: nothing is asked, what is missing is defaulted.
        const t = fakeIo({ tty: true, columns: width, env: { NO_COLOR: '1' } });
        t.io.stdin.isTTY = false;
        const r = { code: await run(argv, t.io), stdout: t.stdout() };
        expect(r.code).toBe(0);
        for (const line of r.stdout.split('\n')) {
          // A terminal cuts a line every `width` columns: no figure may straddle a cut.
          for (const m of line.matchAll(FIGURE)) {
            const [start, end] = [m.index, m.index + m[0].length - 1];
            expect(
              Math.floor(start / width),
              `${width} columns: ${m[0]} in ${JSON.stringify(line)}`,
            ).toBe(Math.floor(end / width));
          }
          // Every line fits, but for a word longer than the terminal with no figure in it.
          if (line.length > width)
            expect(line.trim().includes(' ') && FIGURE.test(line), line).toBe(false);
        }
        // Every figure of the table is there, whole.
        const doc = JSON.parse((await cli([...argv, '--json'])).stdout);
        for (const part of ['base', 'bonus', 'equity', 'total']) {
          for (const end of ['low', 'p25', 'mid', 'p75', 'high']) {
            expect(r.stdout).toContain(`$${(doc[part][end] as number).toLocaleString('en-US')}`);
          }
        }
      }
    }
    const list = await cli(FULL, { tty: true, columns: 30, env: { NO_COLOR: '1' } });
    expect(list.stdout).toMatch(
      /^Total\n {2}P10 +\$[\d,]+\n {2}P25 +\$[\d,]+\n {2}Typical +\$[\d,]+\n {2}P75 +\$[\d,]+\n {2}P90 +\$[\d,]+$/m,
    );
  });

  it('at 80 columns the table keeps its box', async () => {
    const r = await cli(FULL, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(r.stdout).toContain('┌────────┬');
  });
});
