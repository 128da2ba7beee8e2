import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { market } from '../../src/model/market.js';
import { checkMarketFile } from '../../src/input/market-check.js';
import { run } from '../../src/cli/program.js';
import { scratch } from '../batch-helpers.js';
import { fakeIo, ROOT } from '../helpers.js';
import schema from '../../schemas/market.schema.json' with { type: 'json' };

const tmp = scratch();
afterAll(() => tmp.done());

async function cli(argv: string[]) {
  const t = fakeIo();
  const code = await run(argv, t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

// A market copy is changed freely in these tests: any path, any value.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** A copy of the bundled market with `change` applied, written to a file. */
function marketFile(name: string, change: (m: Loose) => void): string {
  const copy = structuredClone(market) as unknown as Loose;
  change(copy);
  return tmp.file(name, JSON.stringify(copy));
}

const json = async (argv: string[]) => {
  const r = await cli([...argv, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

const m0 = (): string => market.locations[0]!.id;

describe('--data: your own market file', () => {
  it('`market --json` prints the bundled market, which validates against its own schema', async () => {
    const r = await cli(['market', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(market)));
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors)).toBe(true);
    // And what it prints can be read back as --data.
    const file = tmp.file('same.json', r.stdout);
    const back = await json(['--data', file, '--years', '5', '--city', 'sf']);
    const bundled = await json(['--years', '5', '--city', 'sf']);
    expect({ ...back, sources: back.sources.slice(1), marketFile: undefined }).toEqual(bundled);
  });

  it("a city's multiplier doubled changes that city's figures and nothing else", async () => {
    const file = marketFile('austin-doubled.json', (m) => {
      const austin = m.locations.find((l: { id: string }) => l.id === 'austin');
      austin.multiplier *= 2;
    });
    for (const city of market.locations.map((l) => l.id)) {
      for (const years of ['0', '5', '12']) {
        const given = await json(['--data', file, '--years', years, '--city', city]);
        const bundled = await json(['--years', years, '--city', city]);
        // The output's sources name the file used, first.
        expect(given.sources[0]).toEqual({
          id: 'market-file',
          title: 'Market data from austin-doubled.json (--data), not the bundled data/market.json',
          file,
        });
        const { sources, marketFile, ...rest } = given;
        expect(marketFile).toBe(file);
        const { sources: bundledSources, ...bundledRest } = bundled;
        // Austin's factor is the file's own now: cited to the file alone (review2 R9).
        if (city !== 'austin') expect(sources.slice(1)).toEqual(bundledSources);
        if (city === 'austin') {
          expect(rest.factors[1].sources).toEqual(['market-file']);
          expect(rest.base.mid).toBeGreaterThan(1.9 * bundledRest.base.mid);
          expect(rest.total.mid).toBeGreaterThan(bundledRest.total.mid);
        } else {
          expect(rest, `${city} ${years}`).toEqual(bundledRest);
        }
      }
    }
  });

  it('is taken by every command, before or after it', async () => {
    const file = marketFile('v.json', (m) => {
      m.dataVersion = 'my-bands-1';
    });
    expect((await json(['--data', file, '--years', '3'])).dataVersion).toBe('my-bands-1');
    const c = await json(['compare', '--data', file, '--years', '3', '--vs', 'city=sf']);
    expect(c.dataVersion).toBe('my-bands-1');
    const career = await json(['career', '--data', file, '--to', '2']);
    expect(career.dataVersion).toBe('my-bands-1');
    const offer = await json(['offer', '--data', file, '--years', '3', '--base', '150k']);
    expect(offer.dataVersion).toBe('my-bands-1');
    const list = await cli(['list', 'cities', '--data', file, '--json']);
    expect(list.code).toBe(0);
  });

  it('every command says its figures come from the file, in every format (review L17, M21)', async () => {
    const file = marketFile('mine.json', () => {});
    const note = 'Market data from mine.json (--data), not the bundled data/market.json.';
    const runs = [
      ['compare', '--years', '3', '--vs', 'city=sf'],
      ['career', '--to', '2'],
      ['offer', '--years', '3', '--base', '150k'],
    ];
    for (const argv of runs) {
      const doc = await json([...argv, '--data', file]);
      expect(doc.marketFile, argv[0]).toBe(file);
      expect(doc.notes[0], argv[0]).toBe(note);
      expect((await json(argv)).marketFile).toBeUndefined();
      for (const format of ['table', 'markdown'])
        expect((await cli([...argv, '--data', file, '--format', format])).stdout).toContain(note);
      const csv = (await cli([...argv, '--data', file, '--format', 'csv'])).stdout;
      // CSV: the note as a `note` row (review3 A5), and compare's and career's records name the file.
      expect(csv, argv[0]).toContain(note);
      if (argv[0] !== 'offer') expect(csv).toMatch(/,market_file,note\n.*mine\.json,\n/);
    }
    const estimate = await cli(['--data', file, '--years', '3', '--format', 'csv']);
    expect(estimate.stdout).toMatch(
      /,market_file,note\n.*mine\.json,"Market data from mine\.json /,
    );
    expect((await json(['--data', file, '--years', '3'])).marketFile).toBe(file);
    const summary = (await cli(['market', '--data', file])).stdout;
    expect(summary).toMatch(/^.*mine\.json \(--data\) passed every check/);
    expect((await cli(['market'])).stdout).not.toContain('--data) passed');
    expect((await cli(['list', 'cities', '--data', file])).stdout).toContain(note);
    expect((await json(['list', 'cities', '--data', file])).marketFile).toBe(file);
    expect((await json(['list', 'states', '--data', file])).marketFile).toBeUndefined();
    // Side by side, a note every offer has is said once.
    const offer = (city: string) =>
      tmp.file(`${city}.json`, JSON.stringify({ years: 3, city, base: 150000 }));
    const side = (await cli(['offer', '--data', file, offer('sf'), offer('austin')])).stdout;
    expect(side.split(note).length).toBe(2);
  });

  it('a figure changed, its citations not, is cited to the file, never to a source that does not give it (review2 R9)', async () => {
    const at = (m: Loose, id: string) => m.locations.find((l: Loose) => l.id === id);
    const file = marketFile('own.json', (m) => {
      at(m, 'boston').multiplier = 1.5; // federal wage data gives x1.042
      at(m, 'sf').multiplier = 1.5; // the records' x1.226
      m.industries[0].baseMultiplier *= 1.1;
      at(m, 'denver').federal.factor = 0.5; // the federal block no longer gives the multiplier
      at(m, 'denver').federal.guidesOutrank = false;
    });
    const factors = async (city: string, industry = 'enterprise') =>
      (await json(['--data', file, '--years', '4', '--city', city, '--industry', industry]))
        .factors;
    for (const city of ['boston', 'sf', 'denver']) {
      const f = (await factors(city)).find((x: Loose) => x.id === `city:${city}`);
      expect(f.label, city).toMatch(/: base x[\d.]+ \(the market file's own figure\)$/);
      expect(f.sources, city).toEqual(['market-file']);
    }
    const employer = (await factors('us', market.industries[0]!.id))[2];
    expect(employer.sources).toEqual(['market-file']);
    expect((await factors('us'))[0].sources).not.toContain('market-file');
    const ladder = marketFile('ladder.json', (m) => (m.levels.list[1].base += 1000));
    const experience = (await json(['--data', ladder, '--years', '4'])).factors[0];
    expect(experience.label).toMatch(/ \(the market file's own figure\)$/);
    expect(experience.sources).toEqual(['market-file']);
    // Unchanged figures keep their sources.
    const seattle = (await factors('seattle')).find((x: Loose) => x.id === 'city:seattle');
    expect(seattle.sources).not.toContain('market-file');
    // An empty evidence list is refused: a factor with no source.
    const bare = marketFile('bare.json', (m) => (at(m, 'sf').evidence = []));
    const r = await cli(['--data', bare, '--years', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/locations\/0\/evidence: must NOT have fewer than 1 items/);
  });

  it.each([
    ['bad JSON', () => tmp.file('bad.json', '{"dataVersion": '), /^not valid JSON \(/],
    [
      'a missing field',
      () => marketFile('missing.json', (m) => delete m.industries[1].label),
      /^\/industries\/1: must have required property 'label'/,
    ],
    [
      'an export from another data version, which names both versions and what to compare with',
      () =>
        marketFile('old.json', (m) => {
          m.dataVersion = '2026.3';
          delete m.skills.withLevel; // a field data 2026.4 added
        }),
      new RegExp(
        `^/skills: must have required property 'withLevel' \\(see schemas/market.schema.json; the file is data 2026.3, this ml-salary's ${market.dataVersion.replace('.', '\\.')}: an older export lacks newer fields \\(compare with \`ml-salary market --json\`\\)\\)$`,
      ),
    ],
    [
      'a negative figure',
      () => marketFile('negative.json', (m) => (m.skills.list[0].premium = -5)),
      /^\/skills\/list\/0\/premium: must be >= 0/,
    ],
    [
      'a band whose low is above its high',
      () =>
        marketFile('band.json', (m) => (m.experience.curves[0].bands[1].base = [250000, 200000])),
      /^\/experience\/curves\/0\/bands\/1\/base: low 250000 is above high 200000$/,
    ],
    [
      'a range out of order',
      () =>
        marketFile('range.json', (m) => {
          m.payMix.paperValue.low = 0.8;
          m.payMix.paperValue.mid = 0.5;
        }),
      /^\/payMix\/paperValue: low 0.8, mid 0.5, high 1 are not in order \(low <= mid <= high\)$/,
    ],
    [
      'widths out of order',
      () =>
        marketFile(
          'widths.json',
          (m) => (m.spread.tables.tech.withLevel.base[2] = [0.9, 0.8, 1.1, 1.2]),
        ),
      /^\/spread\/tables\/tech\/withLevel\/base\/2: \[0.9, 0.8, 1.1, 1.2\] is not in order \(P10 <= P25 <= 1 <= P75 <= P90\)$/,
    ],
    [
      'a widths row that does not reach the typical figure',
      () =>
        marketFile(
          'widths-1.json',
          (m) => (m.spread.tables.general.withoutLevel.total[0] = [0.8, 0.9, 0.95, 1.2]),
        ),
      /^\/spread\/tables\/general\/withoutLevel\/total\/0: \[0.8, 0.9, 0.95, 1.2\] is not in order/,
    ],
    [
      'an unknown spread table',
      () => marketFile('table.json', (m) => (m.payMix.kinds.tech.spread = 'gold')),
      /^\/payMix\/kinds\/tech\/spread: 'gold' is not one of spread.tables \(tech, general\)$/,
    ],
    [
      'the ladder out of order',
      () =>
        marketFile(
          'ladder.json',
          (m) => ([m.levels.list[0], m.levels.list[1]] = [m.levels.list[1], m.levels.list[0]]),
        ),
      /^\/levels\/list\/0\/id: the ladder lists the levels in order: entry, mid, senior, staff, principal$/,
    ],
    [
      'a level base below the one before',
      () => marketFile('ladder-base.json', (m) => (m.levels.list[2].base = 100000)),
      /^\/levels\/list\/2\/base: 100000 is not above the level before \(\d+\)$/,
    ],
    [
      'a renamed name its entry does not carry',
      () => marketFile('renamed.json', (m) => (m.renamed[0].from = 'money')),
      /^\/renamed\/0\/from: 'money' is not a name of 'banking' \(add it to its aliases\)$/,
    ],
    [
      'a city note whose city is not a location (M11: renamed city entries)',
      () => marketFile('renamed-city.json', (m) => (m.renamed[1].to = 'banking')),
      /^\/renamed\/1\/to: 'banking' is not a known city id$/,
    ],
    [
      'an unknown pay mix',
      () => marketFile('mix.json', (m) => (m.industries[0].payMix = 'gold')),
      /^\/industries\/0\/payMix: 'gold' is not one of payMix.kinds/,
    ],
    [
      'a name two entries share',
      () => marketFile('alias.json', (m) => m.locations[1].aliases.push('sf')),
      /^\/locations\/1: the name 'sf' matches both 'sf' and 'san-jose'$/,
    ],
    [
      'a source that does not exist',
      () => marketFile('source.json', (m) => (m.skills.list[2].source = 'blog')),
      /^\/skills\/list\/2\/source: 'blog' is not the id of a source in \/sources$/,
    ],
    [
      'anchors out of order',
      () => marketFile('anchors.json', (m) => (m.experience.position.anchors[1].years = 0.5)),
      /^\/experience\/position\/anchors\/1: years 0.5 is not above the one before \(1\)$/,
    ],
    [
      'a multiplier of 1e308 (figures would be Infinity)',
      () =>
        marketFile('huge.json', (m) => {
          m.locations[0].multiplier = 1e308;
        }),
      /^\/locations\/0\/multiplier: must be <= 10 /,
    ],
    [
      'an employer multiplier of 1e300',
      () => marketFile('huge-employer.json', (m) => (m.industries[2].baseMultiplier = 1e300)),
      /^\/industries\/2\/baseMultiplier: must be <= 10 /,
    ],
    [
      'a national base of $1e300',
      () => marketFile('huge-base.json', (m) => (m.levels.list[4].base = 1e300)),
      /^\/levels\/list\/4\/base: must be <= 10000000/,
    ],
    [
      'a degree multiplier of 0',
      () => marketFile('zero-degree.json', (m) => (m.degrees.list[0].multiplier = 0)),
      /^\/degrees\/list\/0\/multiplier: must be > 0/,
    ],
    [
      'figures each within bounds whose product is above $1,000,000,000',
      () =>
        marketFile('big.json', (m) => {
          m.locations[0].multiplier = 10;
          m.industries[0].baseMultiplier = 10;
          m.levels.list[4].base = 9_000_000;
        }),
      /^\/levels\/list\/4\/base: with .*\/locations\/0\/multiplier 10, \/industries\/0\/baseMultiplier 10.* a total could reach \$\d{1,3}(,\d{3}){3,} a year, above the most ml-salary allows \(\$1,000,000,000\)$/,
    ],
    [
      'two locations with the same id',
      () => marketFile('dup-location.json', (m) => (m.locations[1].id = 'sf')),
      /^\/locations\/1\/id: the id 'sf' is also the id of \/locations\/0$/,
    ],
    [
      'two industries with the same id',
      () => marketFile('dup-industry.json', (m) => (m.industries[3].id = m.industries[1].id)),
      /^\/industries\/3\/id: the id 'ai-startup' is also the id of \/industries\/1$/,
    ],
    [
      'two skills with the same id',
      () => marketFile('dup-skill.json', (m) => (m.skills.list[2].id = 'mlops')),
      /^\/skills\/list\/2\/id: the id 'mlops' is also the id of \/skills\/list\/0$/,
    ],
    [
      'two degrees with the same id',
      () => marketFile('dup-degree.json', (m) => (m.degrees.list[3].id = 'masters')),
      /^\/degrees\/list\/3\/id: the id 'masters' is also the id of \/degrees\/list\/2$/,
    ],
    [
      'an escape code in a label (it would reach the terminal)',
      () =>
        marketFile('ansi-label.json', (m) => (m.locations[0].label = 'San \u001b[31mFrancisco')),
      /^\/locations\/0\/label: 'San \?\[31mFrancisco': character 5 is a control character \(U\+001B\), which the file's text may not hold$/,
    ],
    [
      'a zero-width space in a quote',
      () =>
        marketFile(
          'zw-quote.json',
          (m) => (m.skills.list[0].quote = `${m.skills.list[0].quote}\u200b`),
        ),
      /^\/skills\/list\/0\/quote: .*: character \d+ is an invisible zero-width space \(U\+200B\)/,
    ],
    // review2 M13, M16, M18, M24
    [
      'levels with equal bases',
      () => marketFile('flat.json', (m) => (m.levels.list[1].base = m.levels.list[0].base)),
      /^\/levels\/list\/1\/base: \d+ is not above the level before \(\d+\)$/,
    ],
    [
      'an alias that folds to nothing',
      () => marketFile('blank.json', (m) => m.locations[0].aliases.push('...')),
      /^\/locations\/0\/aliases\/\d+: '\.\.\.' has no letter or digit: as a name it would match blank input$/,
    ],
    [
      "a skill alias holding ','",
      () => marketFile('comma.json', (m) => m.skills.list[0].aliases.push('ml, ops')),
      /^\/skills\/list\/0\/aliases\/\d+: 'ml, ops' holds ',' or ';', which separate skills: it could never match$/,
    ],
    [
      'anchors whose position falls with years',
      () => marketFile('falls.json', (m) => (m.experience.position.anchors[3].position = 1)),
      /^\/experience\/position\/anchors\/3\/position: 1 is below the one before \(2\.03\): more years would lower the level$/,
    ],
    [
      'a multiplier written 1e400',
      () =>
        tmp.file(
          'e400.json',
          JSON.stringify(market).replace(/"multiplier":[\d.]+/, '"multiplier":1e400'),
        ),
      /^\/locations\/0\/multiplier: is too large a number \(JSON reads it as infinity\) \(see/,
    ],
    [
      'a trailing comma, by line and column',
      () => tmp.file('comma2.json', `${JSON.stringify(market, null, 2).slice(0, -2)},\n}`),
      /^not valid JSON \(Expected double-quoted property name in JSON at line \d{4}, column 1\)$/,
    ],
  ])('%s: one line with the path, exit 2', async (_what, make, message) => {
    const file = make();
    const r = await cli(['--data', file, '--years', '5', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const prefix = `ml-salary: error: --data ${file}: `;
    expect(lines[0]!.startsWith(prefix), lines[0]).toBe(true);
    expect(lines[0]!.slice(prefix.length)).toMatch(message);
  });

  it('years above a small maxYears: the example in the message is in range (review2 M13)', async () => {
    const file = marketFile('short.json', (m) => (m.experience.maxYears = 2.5));
    const r = await cli(['--data', file, '--years', '4']);
    expect(r.stderr).toBe(
      'ml-salary: error: --years 4 is above the maximum of 2.5: expected a number of years from 0 to 2.5, like 1 or 1.25\n',
    );
  });

  it('a location spread far above 1 widens every percentile and keeps them in order', async () => {
    const file = marketFile('spread.json', (m) => (m.locations[0].spread = 2));
    const wide = await json(['--data', file, '--years', '5', '--city', m0()]);
    const plain = await json(['--years', '5', '--city', m0()]);
    for (const part of ['base', 'bonus', 'equity', 'total']) {
      const r = wide[part];
      expect([r.low, r.p25, r.mid, r.p75, r.high]).toEqual(
        [r.low, r.p25, r.mid, r.p75, r.high].sort((a: number, b: number) => a - b),
      );
      expect(r.mid).toBe(plain[part].mid);
      expect(r.high).toBeGreaterThanOrEqual(plain[part].high);
    }
    expect(wide.base.high).toBeGreaterThan(plain.base.high);
  });

  it('a file that cannot be read is a usage error naming it', async () => {
    const r = await cli(['--data', join(ROOT, 'no-such-market.json'), '--years', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ml-salary: error: --data: cannot read '.*no-such-market.json': no such file\n$/,
    );
  });

  it("refuses a file that claims the id ml-salary gives the file's own source", () => {
    const copy = structuredClone(market) as unknown as Loose;
    copy.sources.push({ id: 'market-file', title: 'x', file: 'x' });
    expect(() => checkMarketFile(copy, 'x.json', 'x.json')).toThrow(
      /the id 'market-file' is ml-salary's own/,
    );
  });

  it('the schema and the checks accept exactly the market the program ships', () => {
    const copy = structuredClone(market);
    const checked = checkMarketFile(copy, 'bundled', 'data/market.json');
    expect(Object.isFrozen(checked)).toBe(true);
  });
});
