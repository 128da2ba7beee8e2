// The saved profile: `profile save|show|clear`, and every command taking from it what its flags
// leave out. Every test points XDG_CONFIG_HOME at a new temporary folder: the real home is never
// read or written (and without HOME or XDG_CONFIG_HOME there is no profile at all).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { answer, inTerminal, screen, shows } from '../prompt-helpers.js';
import { describe, expect, it } from 'vitest';
import { profilePath, shownPath } from '../../src/cli/profile-path.js';
import { cli, expectUsageError } from '../command-helpers.js';
import { runBin } from '../helpers.js';

/** A fresh config folder, its environment and the profile's path. */
function config(): { env: Record<string, string>; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ml-salary-config-'));
  return { env: { XDG_CONFIG_HOME: dir }, file: join(dir, 'ml-salary', 'profile.json') };
}

const SAVE = ['profile', 'save', '--years', '6', '--city', 'seattle', '--industry', 'big-tech'];

describe('where the profile lives', () => {
  it('XDG_CONFIG_HOME (absolute), else ~/.config, else none; APPDATA on Windows', () => {
    expect(profilePath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' }, 'linux')).toBe(
      '/x/cfg/ml-salary/profile.json',
    );
    // A relative XDG_CONFIG_HOME is invalid (the XDG spec): ignored.
    expect(profilePath({ XDG_CONFIG_HOME: 'cfg', HOME: '/home/u' }, 'darwin')).toBe(
      '/home/u/.config/ml-salary/profile.json',
    );
    expect(profilePath({}, 'linux')).toBeUndefined();
    expect(profilePath({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming', HOME: '/h' }, 'win32')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\ml-salary\\profile.json',
    );
    expect(profilePath({ HOME: '/h' }, 'win32')).toBeUndefined();
  });

  it('messages show a path under $HOME as ~/...', () => {
    const file = '/home/u/.config/ml-salary/profile.json';
    expect(shownPath(file, { HOME: '/home/u' })).toBe('~/.config/ml-salary/profile.json');
    expect(shownPath(file, { HOME: '/home/u/' })).toBe('~/.config/ml-salary/profile.json');
    expect(shownPath(file, { HOME: '/home/us' })).toBe(file);
    expect(shownPath(file, { HOME: '/' })).toBe(file);
    expect(shownPath(file, {})).toBe(file);
  });

  it('without a config folder nothing is read, and save says what to set', async () => {
    const r = await cli(['--years', '5', '--json', 'level']);
    expect(r.stderr).toBe('');
    expectUsageError(await cli(SAVE), /no config folder: set HOME or XDG_CONFIG_HOME/);
  });
});

describe('profile save, show, clear', () => {
  it('save from flags writes ids; show prints it; clear removes it', async () => {
    const { env, file } = config();
    const saved = await cli([...SAVE, '--skills', 'MLOps,llm', '--state', 'ca'], { env });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe(
      `Saved your profile to ${file}:\n  --years 6 --city seattle --industry big-tech --skills mlops,nlp-llm --state CA\n`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      years: 6,
      city: 'seattle',
      industry: 'big-tech',
      skills: ['mlops', 'nlp-llm'],
      state: 'CA',
    });
    const shown = await cli(['profile', 'show'], { env });
    expect(shown.stdout).toContain(`Saved profile (${file}):`);
    expect(shown.stdout).toContain('  city     seattle (Seattle)');
    const asJson = JSON.parse((await cli(['profile', '--json'], { env })).stdout);
    expect(asJson).toEqual({ path: file, profile: expect.objectContaining({ years: 6 }) });
    // --json before the command is the command's, as for list (review5 P2: it printed the text).
    expect(JSON.parse((await cli(['--json', 'profile', 'show'], { env })).stdout)).toEqual(asJson);
    expect((await cli(['--no-color', '--json', 'profile'], { env })).stdout).toBe(
      `${JSON.stringify(asJson)}\n`,
    );
    // A stray word refuses the clear before it removes anything.
    expectUsageError(
      await cli(['profile', 'clear', 'all'], { env }),
      /profile clear takes options/,
    );
    expect(existsSync(file)).toBe(true);
    expect((await cli(['profile', 'clear'], { env })).stdout).toBe(`Removed ${file}\n`);
    expect(existsSync(file)).toBe(false);
    expect((await cli(['profile', 'show', '--json'], { env })).stdout).toBe(
      `${JSON.stringify({ path: file, profile: null })}\n`,
    );
  });

  it('save changes what its flags give and keeps the rest; --no-profile starts afresh', async () => {
    const { env, file } = config();
    await cli(SAVE, { env });
    await cli(['profile', 'save', '--city', 'nyc'], { env });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      years: 6,
      city: 'nyc',
      industry: 'big-tech',
    });
    await cli(['profile', 'save', '--no-profile', '--degree', 'phd'], { env });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ degree: 'phd' });
  });

  it('refuses bad values like the flags do, and nothing to save without a terminal', async () => {
    const { env, file } = config();
    expectUsageError(
      await cli(['profile', 'save', '--city', 'atlantis'], { env }),
      /unknown city 'atlantis'/,
    );
    expectUsageError(
      await cli(['profile', 'save', '--years', '5', '--state', 'ZZ'], { env }),
      /--state 'ZZ' is not supported/,
    );
    expectUsageError(await cli(['profile', 'save'], { env }), /nothing to save/);
    expectUsageError(
      await cli(['profile', 'save', '--years', '5', '--state', 'californa'], { env }),
      /--state 'californa' is not supported \(did you mean CA\?\)/,
    );
    expectUsageError(
      await cli(['profile', 'sav'], { env }),
      /unknown profile command 'sav' \(did you mean 'save'\?\)/,
    );
    // commander's own errors under profile's commands: one line and exit 2, as everywhere else
    expectUsageError(
      await cli(['profile', 'save', '--yeras', '5'], { env }),
      /unknown option '--yeras' \(Did you mean --years\?\)$/m,
    );
    expectUsageError(
      await cli(['profile', 'save', '--filing', 'x'], { env }),
      /argument 'x' is invalid/,
    );
    expectUsageError(
      await cli(['profile', 'show', 'foo'], { env }),
      /^ml-salary: error: profile show takes options only, and 'foo' is not one; see: ml-salary profile show --help$/m,
    );
    expectUsageError(
      await cli(['profile', 'save', 'x'], { env }),
      /profile save takes options only/,
    );
    expectUsageError(await cli(['profile', 'clear', '--bogus'], { env }), /unknown option/);
    expect(existsSync(file)).toBe(false);
  });

  it('in a terminal, save asks for what the flags leave out', async () => {
    const { env, file } = config();
    const t = inTerminal(
      ['profile', 'save', '--years', '4', '--city', 'austin', '--industry', 'quant'],
      { env: { ...env, NO_COLOR: '1' } },
    );
    const done = t.done;
    await shows('Skills');
    screen.keypress('space'); // MLOps
    screen.keypress('enter');
    await answer('Highest degree:'); // Bachelor's, the default
    await shows('Level, if you know it');
    screen.keypress('down');
    screen.keypress('down'); // past "Skip" and Entry to Mid-level
    screen.keypress('enter');
    expect(await done).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      years: 4,
      city: 'austin',
      industry: 'quant',
      skills: ['mlops'],
      degree: 'bachelors',
      level: 'mid',
    });
  });
});

describe('every command takes from the profile what its flags leave out', () => {
  it('`ml-salary --json` uses it and says so on stderr; flags win; --no-profile ignores it', async () => {
    const { env } = config();
    await cli(SAVE, { env });
    // `--json=profile`: after --json, `profile` alone is the command of that name.
    const r = await cli(['--json=profile'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).profile).toMatchObject({
      years: 6,
      city: 'seattle',
      industry: 'big-tech',
    });
    expect(r.stderr).toBe(
      `ml-salary: from your saved profile: --years 6 --city seattle --industry big-tech (flags override it; --no-profile ignores it)\n`,
    );
    const flags = await cli(['--city', 'nyc', '--json=profile'], { env });
    expect(JSON.parse(flags.stdout).profile).toMatchObject({ years: 6, city: 'nyc' });
    expect(flags.stderr).toContain('from your saved profile: --years 6 --industry big-tech (');
    // Exactly as without a profile: --years is required again.
    expectUsageError(await cli(['--json', '--no-profile'], { env }), /--years is required/);
    const same = await cli([
      '--years',
      '6',
      '--city',
      'seattle',
      '--industry',
      'big-tech',
      '--json',
    ]);
    expect((await cli(['--json'], { env })).stdout).toBe(same.stdout);
  });

  it('offer, compare and career too (career keeps years as its axis)', async () => {
    const { env } = config();
    await cli(SAVE, { env });
    const offer = await cli(['offer', '--base', '200k', '--json', 'profile'], { env });
    expect(JSON.parse(offer.stdout).profile).toMatchObject({ years: 6, city: 'seattle' });
    const compare = await cli(['compare', '--vs', 'city=nyc', '--json', 'scenarios'], { env });
    expect(JSON.parse(compare.stdout).scenarios[0].profile).toMatchObject({ years: 6 });
    const career = await cli(['career', '--to', '2', '--json', 'profile'], { env });
    expect(career.code).toBe(0);
    expect(career.stderr).toContain(
      'from your saved profile: --city seattle --industry big-tech (',
    );
    // --no-profile before the command counts too.
    expectUsageError(
      await cli(['--no-profile', 'offer', '--base', '1', '--json'], { env }),
      /--years is required/,
    );
    // Commands without a profile (list, batch, market) never read it.
    writeFileSync(join(env.XDG_CONFIG_HOME!, 'ml-salary', 'profile.json'), 'broken');
    expect((await cli(['list', 'degrees', '--json', 'kind'], { env })).code).toBe(0);
  });

  it('offer files: a file’s own value wins over the profile (a flag would be refused)', async () => {
    const { env } = config();
    await cli(SAVE, { env });
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-offers-'));
    const a = join(dir, 'a.json');
    writeFileSync(a, JSON.stringify({ city: 'austin', base: 150000 }));
    const b = join(dir, 'b.json');
    writeFileSync(b, JSON.stringify({ base: 160000 }));
    const r = await cli(['offer', a, b, '--json', 'offers'], { env });
    expect(r.code).toBe(0);
    const [first, second] = JSON.parse(r.stdout).offers;
    expect(first.profile).toMatchObject({ years: 6, city: 'austin' });
    expect(second.profile).toMatchObject({ years: 6, city: 'seattle' });
    // the note says the files' own values come first (a.json's austin was used, not seattle)
    expect(r.stderr).toMatch(
      /^ml-salary: from your saved profile, where an offer file gives none: --years 6 --city seattle/,
    );
    const both = await cli(['offer', a, '--city', 'nyc', '--json'], { env });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/error: --city and .*a\.json's city both give it/);
  });

  it('offer files: the saved state is named only where a file can take it (review3 A18)', async () => {
    const { env } = config();
    await cli(['profile', 'save', '--years', '5', '--city', 'remote', '--state', 'CA'], { env });
    const dir = mkdtempSync(join(tmpdir(), 'ml-salary-offers-'));
    const offer = (name: string, fields: object) => {
      writeFileSync(join(dir, name), JSON.stringify({ base: 150000, ...fields }));
      return join(dir, name);
    };
    const a = offer('a.json', { city: 'pittsburgh' });
    const c = offer('c.json', { city: 'austin' });
    const own = offer('own.json', { state: 'NY' }); // remote, with a state of its own
    const r = offer('r.json', {}); // remote, from the profile: takes CA
    const states = async (...files: string[]) => {
      const run = await cli(['offer', ...files, '--take-home', '--json', 'offers'], { env });
      expect(run.code, run.stderr).toBe(0);
      const offers = JSON.parse(run.stdout).offers as {
        years: { takeHome: { state: string } }[];
      }[];
      return { stderr: run.stderr, states: offers.map((o) => o.years[0]!.takeHome.state) };
    };
    for (const files of [
      [a, c],
      [a, own],
    ]) {
      const none = await states(...files);
      expect(none.stderr).toBe(
        'ml-salary: from your saved profile, where an offer file gives none: --years 5 --city remote (flags override it; --no-profile ignores it)\n',
      );
      expect(none.states).not.toContain('CA');
    }
    const some = await states(a, r);
    expect(some.stderr).toContain(': --years 5 --city remote --state CA (');
    expect(some.states).toEqual(['PA', 'CA']);
    // A file's own state wins over the saved one, as its city does (it was refused as a flag).
    expect((await states(r, own)).states).toEqual(['CA', 'NY']);
  });

  it('--state takes a name as --take-home does, and saves its code', async () => {
    const { env, file } = config();
    const saved = await cli(['profile', 'save', '--years', '5', '--state', 'new york'], { env });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('--years 5 --state NY');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ years: 5, state: 'NY' });
  });

  it('state and filing count only with --take-home, the state only where a location has none', async () => {
    const { env, file } = config();
    await cli(['profile', 'save', '--years', '5', '--state', 'CA', '--filing', 'married'], { env });
    const plain = await cli(['--json', 'level'], { env });
    expect(plain.stderr).toContain('from your saved profile: --years 5 (');
    const remote = await cli(['--city', 'remote', '--take-home', '--json', 'takeHome'], { env });
    expect(remote.stderr).toContain('--years 5 --state CA --filing married');
    const mid = JSON.parse(remote.stdout).takeHome.mid;
    expect([mid.state, mid.filing]).toEqual(['CA', 'married']);
    // Seattle is in Washington: the saved state (where the user lives when remote) does not move it.
    const seattle = await cli(['--city', 'seattle', '--take-home', '--json', 'takeHome'], { env });
    expect(seattle.code).toBe(0);
    expect(JSON.parse(seattle.stdout).takeHome.mid.state).toBe('WA');
    const compare = await cli(
      ['compare', '--city', 'seattle', '--vs', 'city=nyc', '--take-home', '--json'],
      { env },
    );
    expect(compare.code).toBe(0);
    // Review2 M14: the note names only what was applied: not a state no column takes.
    const offer = ['offer', '--base', '200k', '--city', 'seattle', '--take-home', '--json'];
    for (const argv of [
      ['--city', 'seattle', '--take-home', '--json', 'takeHome'],
      offer,
      ['compare', '--city', 'seattle', '--vs', 'city=nyc', '--take-home', '--json'],
      ['career', '--city', 'austin', '--vs', 'city=denver', '--take-home', '--json'],
    ]) {
      const run = await cli(argv, { env });
      expect(run.stderr, argv.join(' ')).toMatch(
        /^ml-salary: from your saved profile: [^\n]*--filing married \(/,
      );
      expect(run.stderr, argv.join(' ')).not.toContain('--state');
    }
    expect(JSON.parse((await cli(offer, { env })).stdout).years[0].takeHome.state).toBe('WA');
    const sf = await cli(
      ['compare', '--city', 'seattle', '--vs', 'city=sf', '--take-home', '--json'],
      { env },
    );
    expect(sf.stderr).toContain('--state CA --filing married (');
    // A metro that spans the saved state takes it: New Jersey with nyc, as --state NJ does.
    writeFileSync(file, JSON.stringify({ years: 5, state: 'NJ' }));
    const nyc = await cli(['--city', 'nyc', '--take-home', '--json', 'takeHome'], { env });
    expect(nyc.stderr).toContain('--years 5 --state NJ (');
    expect(JSON.parse(nyc.stdout).takeHome.mid.state).toBe('NJ');
    writeFileSync(file, JSON.stringify({ years: 5, state: 'CA', filing: 'married' }));
    // A flag still says what it says: --state for Seattle is refused as before.
    const flag = await cli(['--city', 'seattle', '--take-home', '--state', 'CA', '--json'], {
      env,
    });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/\nml-salary: error: --state is for a location without one/);
    writeFileSync(file, JSON.stringify({ years: 5, state: 'ZZ' }));
    expect((await cli(['--json', 'level'], { env })).code).toBe(0); // no --take-home: not used
    expectUsageError(
      await cli(['--take-home', '--json'], { env }),
      /saved profile .*state 'ZZ' is not one the tax tables know/,
    );
  });

  it.each([
    ['{"city":"atlantis"}', /unknown city 'atlantis'/],
    ['{"years":5,', /not valid JSON/],
    ['[1]', /a profile is a JSON object, got a list/],
    ['{"years":5,"years":6}', /field 'years' is given twice/],
    [
      '{"colour":"red"}',
      // no "saved with a market file?": a market file gives names, not fields
      /unknown field 'colour'; accepted: years, city, industry, skills, degree, level, state, filing; remove it/,
    ],
    ['{"years":-1}', /years -1 is negative/],
    ['{"filing":"joint"}', /filing must be "single" or "married", got 'joint'/],
    ['\uFEFF\u0000\u0001binary', /looks binary \(a NUL byte/],
  ])('a broken profile %j is one clear line, exit 2', async (text, message) => {
    const { env, file } = config();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    const r = await cli(['--years', '5', '--json'], { env });
    expectUsageError(r, message);
    expect(r.stderr).toContain(`your saved profile ${file}`);
    expect(r.stderr).toContain('or ignore it with --no-profile');
    expect((await cli(['--years', '5', '--json', '--no-profile'], { env })).code).toBe(0);
  });

  it('a folder or a huge file where the profile goes is one line too', async () => {
    const { env, file } = config();
    mkdirSync(file, { recursive: true });
    expectUsageError(
      await cli(['--years', '5', '--json'], { env }),
      /it is a directory, not a file/,
    );
    const other = config();
    mkdirSync(join(other.file, '..'), { recursive: true });
    // Larger than any file ml-salary reads (a sparse file: refused before a byte is read).
    writeFileSync(other.file, '');
    truncateSync(other.file, 9 * 1024 * 1024);
    expectUsageError(
      await cli(['--years', '5', '--json'], { env: other.env }),
      /profile\.json is larger than 8 MiB/,
    );
  });

  it('the built CLI: profile save, then `ml-salary --json` uses it and says so', async () => {
    const { env } = config();
    expect((await runBin(SAVE, { env })).code).toBe(0);
    const r = await runBin(['--json', 'total,level'], { env });
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['total', 'level']);
    expect(r.stderr).toMatch(
      /^ml-salary: from your saved profile: --years 6 --city seattle --industry big-tech \(/,
    );
  });
});

describe('--level years: let the years decide, over a saved level too (review2 R8)', () => {
  it('unsets a saved level on any command; profile save --level years removes it', async () => {
    const { env, file } = config();
    await cli([...SAVE, '--level', 'google l5'], { env });
    expect(JSON.parse(readFileSync(file, 'utf8')).level).toBe('senior');
    const level = async (...argv: string[]) =>
      JSON.parse((await cli([...argv, '--json', 'level'], { env })).stdout).level;
    expect(await level('--years', '1')).toBe('senior');
    expect(await level('--years', '1', '--level', 'years')).toBe('entry');
    expect(await level('--years', '1', '--level', 'None')).toBe('entry');
    const career = await cli(['career', '--to', '4', '--step', '2', '--json'], { env });
    expect(career.stderr).toContain(
      "note: your saved profile's level senior holds at every point, so the line is flat whatever the skills and degree (the level prices them): pass --level years to see",
    );
    const compare = await cli(['compare', '--years', '1', '--vs', 'years=+10', '--json'], { env });
    expect(compare.stderr).toContain(
      "note: your saved profile's level senior holds in years=+10 too, so years, skills and degree do not move its figures (the level prices them): --vs 'years=+10,level=years' lets the years decide\n",
    );
    const free = await cli(
      ['compare', '--years', '1', '--vs', 'years=+10', '--level', 'years', '--json'],
      { env },
    );
    expect(free.stderr).not.toContain('note:');
    expect(JSON.parse(free.stdout).scenarios[1].level).toBe('staff');
    await cli(['profile', 'save', '--level', 'years'], { env });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      years: 6,
      city: 'seattle',
      industry: 'big-tech',
    });
  });

  it('a flag --level pins compare too, and the note says so', async () => {
    const pinned = ['compare', '--years', '5', '--level', 'senior'];
    const r = await cli([...pinned, '--vs', 'years=+5', '--vs', 'city=nyc', '--json']);
    expect(r.stderr).toBe(
      "ml-salary: note: --level senior holds in years=+5 too, so years, skills and degree do not move its figures (the level prices them): --vs 'years=+5,level=years' lets the years decide\n",
    );
    const quiet = await cli([...pinned, '--vs', 'years=+5,level=years', '--json']);
    expect(quiet.stderr).toBe('');
  });
});

it('an interactive run with --level years over a saved level: its rerun and save lines keep it', async () => {
  const { env } = config();
  await cli([...SAVE, '--level', 'staff'], { env });
  const t = inTerminal(['--level', 'years', '--years', '2', '--degree', 'phd'], {
    env: { ...env, NO_COLOR: '1' },
  });
  await shows('Skills');
  screen.keypress('enter');
  expect(await t.done).toBe(0);
  expect(t.stdout()).toContain('ML engineer pay estimate: 2 years\n');
  const lines = t.stderr().split('\n');
  expect(lines.filter((l) => l.startsWith('To '))).toEqual([
    'To run this again: ml-salary --years 2 --city seattle --industry big-tech --skills none --degree phd --level years',
    'To save these answers: ml-salary profile save --years 2 --city seattle --industry big-tech --skills none --degree phd --level years',
  ]);
});

it('a profile saved with --data and a city only that file has: profile show takes --data, the others name it (review2 R4)', async () => {
  const { env, file } = config();
  const market = JSON.parse((await cli(['market', '--json'])).stdout);
  market.locations.push({ ...market.locations.at(-1), id: 'boise', label: 'Boise', aliases: [] });
  const data = join(dirname(file), '..', 'boise.json');
  writeFileSync(data, JSON.stringify(market));
  const save = ['profile', 'save', '--data', data, '--years', '4', '--city', 'boise', '--no-input'];
  expect((await cli(save, { env })).code).toBe(0);
  for (const argv of [
    ['profile', 'show'],
    ['--years', '3'],
    ['offer', '--base', '100k'],
  ])
    expectUsageError(
      await cli(argv, { env }),
      /unknown city 'boise' .*; saved with a market file\? pass it with --data; remove it/,
    );
  for (const argv of [['profile', 'show'], ['profile'], ['--years', '3']]) {
    const r = await cli([...argv, '--data', data], { env });
    expect(r.code, argv.join(' ')).toBe(0);
  }
  expect((await cli(['profile', 'show', '--data', data], { env })).stdout).toMatch(
    /boise \(Boise\)/,
  );
  // A broken file is not a market file's name: no --data hint.
  writeFileSync(file, '{"years": "x"}');
  expect((await cli(['profile', 'show'], { env })).stderr).not.toContain('--data');
});

it('an interactive run with --data: its save line keeps --data, so the saved names work (review2 R4, R10)', async () => {
  const { env, file } = config();
  const data = join(dirname(file), '..', 'mine.json');
  writeFileSync(data, (await cli(['market', '--json'])).stdout);
  const argv = ['--data', data, '--years', '2', '--city', 'austin', '--industry', 'enterprise'];
  const t = inTerminal([...argv, '--degree', 'phd', '--level', 'years'], {
    env: { ...env, NO_COLOR: '1' },
  });
  await shows('Skills');
  screen.keypress('enter');
  expect(await t.done).toBe(0);
  const save = t
    .stderr()
    .split('\n')
    .find((l) => l.startsWith('To save these answers: '));
  expect(save).toBe(
    `To save these answers: ml-salary profile save --data ${data} --years 2 --city austin --industry enterprise --skills none --degree phd --level years`,
  );
});
