import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { market } from '../../src/model/market.js';
import {
  catalog,
  foldName,
  lookup,
  oddCharacter,
  resolveName,
  resolveSkills,
  suggest,
  type CatalogKind,
} from '../../src/input/names.js';
import { resolveLevel } from '../../src/input/level.js';
import { parseScenario } from '../../src/input/scenario.js';
import { parseYears } from '../../src/input/numbers.js';
import { resolveProfile, flagName } from '../../src/input/profile.js';

describe('names and aliases', () => {
  it.each([
    ['sf', 'sf'],
    ['San Francisco', 'sf'],
    ['bay area', 'sf'],
    ['Bay  Area', 'sf'],
    ['SEATTLE', 'seattle'],
    ['nyc', 'nyc'],
    ['new york', 'nyc'],
    ['austin', 'austin'],
    ['denver', 'denver'],
    ['raleigh', 'research-triangle'],
    ['research triangle', 'research-triangle'],
    ['remote', 'remote'],
    ['us', 'us'],
    ['other', 'us'],
  ])('city %s -> %s', (text, id) => expect(lookup(market, 'city', text)).toBe(id));

  it.each([
    ['faang', 'big-tech'],
    ['big tech', 'big-tech'],
    ['Big Tech', 'big-tech'],
    ['ai startup', 'ai-startup'],
    ['startup', 'ai-startup'],
    ['finance', 'banking'],
    ['bank', 'banking'],
    ['quant', 'quant'],
    ['fintech', 'fintech'],
    ['hedge fund', 'quant'],
    ['healthcare', 'healthcare'],
    ['biotech', 'healthcare'],
    ['enterprise', 'enterprise'],
    ['consulting', 'enterprise'],
    ['autonomous driving', 'autonomous-driving'],
    ['marketing analytics', 'marketing-analytics'],
  ])('industry %s -> %s', (text, id) => expect(lookup(market, 'industry', text)).toBe(id));

  it.each([
    ['mlops', 'mlops'],
    ['cloud', 'cloud'],
    ['deep learning', 'deep-learning'],
    ['computer vision', 'computer-vision'],
    ['cv', 'computer-vision'],
    ['nlp', 'nlp-llm'],
    ['llm', 'nlp-llm'],
    ['LLM', 'nlp-llm'],
  ])('skill %s -> %s', (text, id) => expect(lookup(market, 'skill', text)).toBe(id));

  it.each([
    ['phd', 'phd'],
    ['PhD', 'phd'],
    ['Ph.D.', 'phd'],
    ['masters', 'masters'],
    ["master's", 'masters'],
    ['Master’s', 'masters'],
    ['bachelors', 'bachelors'],
    ["bachelor's", 'bachelors'],
    ['bootcamp', 'none'],
    ['self-taught', 'none'],
    ['none', 'none'],
  ])('degree %s -> %s', (text, id) => expect(lookup(market, 'degree', text)).toBe(id));

  it.each([
    ['city', 'bayarea', 'sf'],
    ['city', 'NewYork', 'nyc'],
    ['city', 'research-triangle', 'research-triangle'],
    ['city', 'researchtriangle', 'research-triangle'],
    ['industry', 'bigtech', 'big-tech'],
    ['degree', 'Ph-D', 'phd'],
    ['skill', 'nlp / llm', 'nlp-llm'],
    ['skill', 'Deep-Learning', 'deep-learning'],
  ] as const)('%s %j matches ignoring spaces, dashes and apostrophes -> %s', (kind, text, id) =>
    expect(lookup(market, kind, text)).toBe(id),
  );

  it('folds case, accents, apostrophes and spacing', () => {
    expect(foldName('  Master’S ')).toBe('masters');
    expect(foldName('Séattle')).toBe('seattle');
    expect(foldName('self_taught')).toBe('self taught');
  });

  it('suggests the closest name for a typo, and nothing for nonsense', () => {
    expect(suggest(market, 'city', 'seatle')).toBe('seattle');
    expect(suggest(market, 'city', 'austn')).toBe('austin');
    expect(suggest(market, 'industry', 'fanng')).toBe('faang');
    expect(suggest(market, 'city', 'zzzzzzzzzz')).toBeUndefined();
  });

  it('an unknown name is one line with the accepted values and a suggestion', () => {
    expect(() => resolveName(market, 'city', 'seatle', '--city')).toThrow(
      /^unknown city 'seatle' for --city \(did you mean 'seattle'\?\); accepted: 24 cities and their aliases \(ml-salary list cities\)$/,
    );
    expect(() => resolveName(market, 'city', 'seatle', '--city')).toThrow(InputError);
  });

  const ACCEPTED = 'accepted: 24 cities and their aliases (ml-salary list cities)';
  it.each([
    // A look-alike letter: named, never "did you mean 'austin'?" (which would look the same).
    [
      '\u0430ustin',
      "character 1, '\u0430' (U+0430), is a Cyrillic letter, not the Latin one it may look like",
    ],
    [
      'se\u0430ttle',
      "character 3, '\u0430' (U+0430), is a Cyrillic letter, not the Latin one it may look like",
    ],
    [
      '\u03bfregon',
      "character 1, '\u03bf' (U+03BF), is a Greek letter, not the Latin one it may look like",
    ],
    ['\u00f8slo', "character 1, '\u00f8' (U+00F8), is not one of the letters a-z"],
    // Characters that folding used to drop without a word: 's\x01f' was taken as 'sf'.
    ['s\u0001f', 'character 2 is a control character (U+0001)'],
    ['sf\n', 'character 3 is a control character (U+000A)'],
    ['s\u200bf', 'character 2 is an invisible zero-width space (U+200B)'],
    [
      '\ufeffsf',
      'character 1 is a byte-order mark, an invisible zero-width no-break space (U+FEFF)',
    ],
    ['sf\u{1f680}', "character 3, '\u{1f680}' (U+1F680), is an emoji"],
    ['\u{1f1fa}\u{1f1f8}', "character 1, '\u{1f1fa}' (U+1F1FA), is a symbol"],
    ['sf$', "character 3, '$' (U+0024), is a symbol"],
    ['sf\u00a9', "character 3, '\u00a9' (U+00A9), is an emoji"],
    ['\u0663', "character 1, '\u0663' (U+0663), is not one of the digits 0-9"],
    ['s\ue000f', 'character 2 (U+E000) is not a character that a name holds'],
  ])('%j: the odd character is named with its code point', (text, why) => {
    expect(oddCharacter(text)).toBe(why);
    expect(lookup(market, 'city', text)).toBeUndefined();
    expect(() => resolveName(market, 'city', text, '--city')).toThrow(InputError);
    let message = '';
    try {
      resolveName(market, 'city', text, '--city');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^city '.*' for --city: /);
    expect(message.endsWith(`: ${why}; ${ACCEPTED}`)).toBe(true);
    expect(message).not.toContain('did you mean');
  });

  it.each([
    ['San Francisco Bay Area', 'sf'],
    ['Research Triangle (Raleigh-Durham)', 'research-triangle'],
    ['bay\u2013area', 'sf'], // an en dash
    ['bay\u00a0area', 'sf'], // a no-break space
    ['S\u00e9attle', 'seattle'],
    ['Se\u0301attle', 'seattle'], // e + a combining acute accent
    ['\uff53\uff46', 'sf'], // fullwidth letters
    ['new york.', 'nyc'],
    ['"nyc"', 'nyc'],
    ['nyc\t', 'nyc'],
  ])('plain punctuation, spaces and accents still fold: %j -> %s', (text, id) => {
    expect(oddCharacter(text)).toBeUndefined();
    expect(lookup(market, 'city', text)).toBe(id);
  });

  it('every name and alias of the catalogue is plain', () => {
    for (const kind of ['city', 'industry', 'skill', 'degree'] as const) {
      for (const e of catalog(market, kind)) {
        for (const name of [e.id, e.label, ...e.aliases])
          expect(oddCharacter(name), name).toBeUndefined();
      }
    }
  });

  it('skills split on commas, trim, drop empties and duplicates', () => {
    expect(resolveSkills(market, ' mlops, nlp,,LLM ', '--skills')).toEqual(['mlops', 'nlp-llm']);
    expect(resolveSkills(market, '', '--skills')).toEqual([]);
    // `none`, as the reports print no skills (review2 M6): flags, lists, CSV's `;`, --vs.
    for (const none of ['none', ' NONE ', 'None;', ',none'])
      expect(resolveSkills(market, none, '--skills')).toEqual([]);
    expect(resolveSkills(market, 'none', 'skills', /;/)).toEqual([]);
    expect(resolveProfile({ years: 1, skills: ['none'] }, market).profile.skills).toEqual([]);
    expect(resolveProfile({ years: 1, skills: 'none' }, market).defaulted).not.toContain('skills');
    expect(parseScenario('skills=none', market).changes).toEqual([
      { field: 'skills', text: 'skills=none', set: [] },
    ]);
    expect(() => resolveSkills(market, 'mlops,none', '--skills')).toThrow(/unknown skill 'none'/);
    expect(() => resolveSkills(market, 'mlops,jugling', '--skills')).toThrow(
      /unknown skill 'jugling'/,
    );
  });
});

describe('levels', () => {
  const why = (text: string) => {
    try {
      return resolveLevel(market, text, '--level');
    } catch (e) {
      expect((e as InputError).field).toBe('--level');
      return (e as InputError).message;
    }
  };

  it('a misspelt company or level gets a did-you-mean; a company we know, its own titles', () => {
    expect(why('gogle l5')).toMatch(
      /^unknown level 'gogle l5' for --level \(did you mean 'google l5'\?\); accepted: entry, mid, senior, staff, principal; Google's titles: L3, /,
    );
    expect(why('amazn sde ii')).toContain("(did you mean 'amazon sde ii'?)");
    expect(why('faceboook e5')).toContain("(did you mean 'facebook e5'?)");
    expect(why('senoir')).toContain("(did you mean 'senior'?)");
    expect(why('Google L9')).toBe(
      "unknown level 'Google L9' for --level; accepted: entry, mid, senior, staff, principal; Google's titles: L3, L4, L5, L6, L7, L8; 'years' lets your years decide (ml-salary list levels)",
    );
    // `years` (no level: the years decide) is named and suggested too (review3 A17).
    expect(why('yeras')).toMatch(/^unknown level 'yeras' for --level \(did you mean 'years'\?\)/);
    expect(why('meta')).toContain("Meta's titles: E3, E4,");
    // A company's name mistyped alone: its titles, not another alias's title ('goog l3': A17).
    expect(why('googl')).toBe(why('google').replace("'google'", "'googl'"));
    expect(why('microsft')).toMatch(
      /^unknown level 'microsft' for --level; .*; Microsoft's titles: 59,/,
    );
    expect(why('mi')).toContain("(did you mean 'mid'?)");
    // The interactive title prompt (field 'title'): a line about a title, not the flag's (A8).
    const title = (t: string) => () => resolveLevel(market, t, 'title');
    expect(title('gogle l5')).toThrow(
      /^unknown title 'gogle l5' \(did you mean 'google l5'\?\); Google's titles: L3, L4, L5, L6, L7, L8$/,
    );
    expect(title('xyz')).toThrow(/^unknown title 'xyz'; see ml-salary list levels$/);
    expect(title('L5')).toThrow(
      /^'L5' is a title at several companies \(Google senior, Amazon mid\)/,
    );
    expect(resolveLevel(market, 'meta e5', 'title')).toBe('senior');
    expect(why('xyz')).not.toContain('did you mean');
    expect(why('google l5')).toBe('senior');
  });

  it("a company's title, read once, gives the profile its note: whose market prices it (N11)", () => {
    const title = (level: string, industry = 'big-tech') =>
      resolveProfile({ years: 5, industry, level }, market).title;
    expect(title('Microsoft 62')).toMatch(
      /^Microsoft's title is read as mid level: the market is big tech's \(Google, Meta, Amazon, Microsoft and Apple pooled\) at that level, not Microsoft's own; in the records, Microsoft's totals sat at x0\.\d+ of big tech's typical/,
    );
    expect(title('E5')).toMatch(/^Meta's title is read as senior level: /); // one company's
    expect(title('meta e5', 'quant')).toMatch(/the market is Quant.*'s at that level, not Meta's/);
    expect(title('senior')).toBeUndefined();
    expect(title('years')).toBeUndefined();
    expect(resolveProfile({ years: 5 }, market).title).toBeUndefined();
  });
});

describe('strict years', () => {
  it.each([
    ['0', 0],
    ['4', 4],
    ['2.5', 2.5],
    [' 7 ', 7],
    ['50', 50],
    ['.5', 0.5],
  ])('accepts %j', (text, n) => expect(parseYears(text, 50)).toBe(n));
  it.each([
    'abc',
    '5 years',
    '',
    '  ',
    '1e999',
    'NaN',
    '0x10',
    '-1',
    '51',
    '1,000',
    '12abc',
    '+3',
    'Infinity',
    '1e2',
    '٣',
  ])('rejects %j with the reason and the accepted range', (text) => {
    expect(() => parseYears(text, 50)).toThrow(InputError);
    expect(() => parseYears(text, 50)).toThrow(/from 0 to 50/);
  });
  it('rejects non-finite and out-of-range numbers given as numbers', () => {
    for (const n of [Infinity, -Infinity, Number.NaN, -0.1, 50.01])
      expect(() => parseYears(n, 50)).toThrow(InputError);
  });
  it('says a too-long run of digits, or a JSON number beyond a double, is above the maximum, as written', () => {
    expect(() => parseYears('9'.repeat(1000), 50)).toThrow(
      /^years 9{40}\.\.\. is above the maximum of 50: expected/,
    );
    expect(() => parseYears(Infinity, 50, 'years', '1e400')).toThrow(
      /^years 1e400 is above the maximum of 50: expected/,
    );
    expect(() => parseYears(-Infinity, 50, 'years', '-1e400')).toThrow(/^years -1e400 is negative/);
    expect(() => parseYears(Number.NaN, 50)).toThrow(/^years NaN is not a number/);
  });
  it("without a maximum, uses the bundled market's", () => {
    expect(parseYears('50')).toBe(50);
    expect(() => parseYears('-1')).toThrow(/from 0 to 50, like 4 or 2\.5$/);
    expect(() => parseYears('50.5')).toThrow(/above the maximum of 50/);
  });
});

describe('profiles', () => {
  it('defaults what is missing and says so', () => {
    const r = resolveProfile({ years: '3' }, market);
    expect(r.profile).toEqual({
      years: 3,
      city: 'us',
      industry: 'enterprise',
      skills: [],
      degree: 'bachelors',
    });
    expect(r.defaulted).toEqual(['city', 'industry', 'skills', 'degree']);
  });
  it('requires years, naming the field (the library default) or, for the CLI, the flag', () => {
    expect(() => resolveProfile({ city: 'sf' }, market)).toThrow(/^years is required$/);
    expect(() => resolveProfile({ city: 'sf' }, market, flagName)).toThrow(/^--years is required$/);
    const empty = (): unknown => resolveProfile({ years: 5, city: '' }, market);
    expect(empty).toThrow(expect.objectContaining({ field: 'city' }));
    expect(empty).toThrow(/^city is empty/);
  });
  it('takes skills as a list too', () => {
    expect(resolveProfile({ years: 1, skills: ['MLOps', 'cv'] }, market).profile.skills).toEqual([
      'mlops',
      'computer-vision',
    ]);
  });
});

/** What a call returns, or the class and message of what it throws. */
function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return { error: error.constructor.name, message: error.message };
  }
}

describe('name lookups with the spelling cache equal folding every time', () => {
  const kinds: CatalogKind[] = ['city', 'industry', 'skill', 'degree'];
  const names = kinds.flatMap((k) =>
    catalog(market, k).flatMap((e) => [e.id, e.label, ...e.aliases]),
  );
  const spelling = fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom(...names).map((n) => `  ${n.toUpperCase()} `),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ minLength: 60, maxLength: 80 }),
  );

  it('lookup() and resolveSkills()', () => {
    // The rule, by brute force: names match when folded and stripped of spaces.
    const key = (x: string): string => foldName(x).replace(/ /g, '');
    const folded = (kind: CatalogKind, text: string): string | undefined => {
      if (oddCharacter(text) !== undefined) return undefined;
      let id: string | undefined;
      for (const e of catalog(market, kind)) {
        for (const n of [e.id, e.label, ...e.aliases]) if (key(n) === key(text)) id = e.id;
      }
      return id;
    };
    fc.assert(
      fc.property(fc.constantFrom(...kinds), spelling, (kind, text) => {
        expect(lookup(market, kind, text)).toBe(folded(kind, text));
        expect(lookup(market, kind, text)).toBe(folded(kind, text));
      }),
      { numRuns: 3000 },
    );
    const skillText = fc.oneof(
      spelling,
      fc.array(spelling, { maxLength: 3 }).map((xs) => xs.join(',')),
      fc.array(spelling, { maxLength: 3 }).map((xs) => xs.join(' ; ')),
    );
    fc.assert(
      fc.property(skillText, (text) => {
        const each = text
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const none = each.length === 1 && each[0]!.toLowerCase() === 'none';
        const expected = outcome(() =>
          none ? [] : [...new Set(each.map((s) => folded('skill', s) ?? `unknown:${s}`))],
        );
        const got = outcome(() => resolveSkills(market, text, 'skills'));
        if ((expected as { ok: string[] }).ok.some((x) => x.startsWith('unknown:'))) {
          expect(got).toMatchObject({ error: 'InputError' });
        } else {
          expect(got).toStrictEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
