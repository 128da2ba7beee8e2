import { describe, expect, it } from 'vitest';
import vestingData from '../../data/vesting.json' with { type: 'json' };
import {
  GROWTH_BOUNDS,
  parseAmount,
  parseAmountList,
  parseBonus,
  parsePercent,
  parseVesting,
} from '../../src/input/amounts.js';
import { InputError } from '../../src/errors.js';
import { vestingPresets } from '../../src/model/offer.js';

/** The InputError that `fn` throws (fails the test if it throws nothing or something else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, got none');
}

describe('parseAmount', () => {
  it.each([
    ['185000', 185000],
    ['185,000', 185000],
    ['185k', 185000],
    ['185K', 185000],
    ['$185K', 185000],
    ['$185,000', 185000],
    ['1.2m', 1200000],
    ['1.2M', 1200000],
    ['$1,200,000.00', 1200000], // no cents: whole dollars
    ['1.2345m', 1_234_500],
    ['  185000  ', 185000],
    ['0', 0],
    ['.5k', 500],
    ['$185', 185], // a $ makes a small amount dollars
    ['999.5k', 999_500],
    ['100m', 100_000_000],
    ['100,000,000', 100_000_000],
  ])('%j -> %d', (text, value) => expect(parseAmount(text, '--base')).toBe(value));

  it.each([
    ['$0.4', 'is less than a dollar'],
    // Cents are refused, never rounded (review2 M15): amounts are whole dollars.
    ['250000.75', 'has cents'],
    ['$1,200,000.50', 'has cents'],
    ['1.0005k', 'has cents'], // exact decimal shift: $1,000.50, no float 1000.4999...
    ['$2.675', 'has cents'],
    ['15%', 'is not an amount (a percentage is only for --bonus and --growth)'],
    ['+5k', 'is not an amount'],
    ['-5', 'cannot be negative'],
    ['-185k', 'cannot be negative'],
    ['$-5', 'cannot be negative'],
    ['\u22125000', 'cannot be negative'],
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['12abc', 'is not an amount'],
    ['1e5', 'is not an amount'],
    ['0x10', 'is not an amount'],
    ['NaN', 'is not an amount'],
    ['Infinity', 'is not an amount'],
    ['$', 'is not an amount'],
    ['.', 'is not an amount'],
    ['185.', 'is not an amount'],
    ['185 000', 'is not an amount'],
    ['185kk', 'is not an amount'],
    ['k', 'is not an amount'],
    ['18,50,00', 'groups of three digits'],
    ['1,2345', 'groups of three digits'],
    [',185', 'groups of three digits'],
    ['185,', 'groups of three digits'],
    ['100000001', 'above the maximum of $100,000,000'],
    ['100.1m', 'above the maximum of $100,000,000'],
    ['9'.repeat(400), 'above the maximum of $100,000,000'],
  ])('rejects %j (%s), naming the flag and the accepted forms', (text, why) => {
    const e = inputError(() => parseAmount(text, '--base'));
    expect(e.field).toBe('--base');
    expect(e.message).toMatch(/^--base\b/);
    expect(e.message).toContain(why);
    expect(e.message).toContain('185k');
  });
});

describe('a bare number under 1000 is not taken as dollars (issue 20 item 6)', () => {
  it.each([
    [
      '185',
      "--base '185' is not clear: did you mean 185k ($185,000)? (a bare number under 1000 is not taken as dollars: write $185 for that)",
    ],
    ['0.5', "--base '0.5' is not clear: did you mean 0.5k ($500)?"],
    ['999', "--base '999' is not clear: did you mean 999k ($999,000)?"],
  ])('--base %j', (text, message) => {
    expect(inputError(() => parseAmount(text, '--base')).message).toContain(message);
  });

  it.each([
    ['15', "--bonus '15' is not clear: did you mean 15% or 15k ($15,000)?"],
    [
      '1.5',
      "--bonus '1.5' is not clear: did you mean 1.5%, 150% (1.5 as a fraction of base) or 1.5k ($1,500)?",
    ],
    [
      '0.15',
      "--bonus '0.15' is not clear: did you mean 0.15%, 15% (0.15 as a fraction of base) or 0.15k ($150)?",
    ],
    ['500', "--bonus '500' is not clear: did you mean 500k ($500,000)?"],
  ])('--bonus %j', (text, message) => {
    expect(inputError(() => parseBonus(text, '--bonus')).message).toContain(message);
  });

  it('1,000 and up, 0, a $ or a k are amounts as written', () => {
    expect(parseAmount('1000', '--base')).toBe(1000);
    expect(parseAmount('0', '--equity')).toBe(0);
    expect(parseAmount('$15', '--bonus')).toBe(15);
    expect(parseBonus('$15', '--bonus')).toEqual({ kind: 'amount', value: 15 });
    expect(parseBonus('15k', '--bonus')).toEqual({ kind: 'amount', value: 15_000 });
  });

  it('a sign-on in lakh grouping is refused whole, not read as [$1, $0]', () => {
    expect(inputError(() => parseAmountList('1,00,000', '--sign-on')).message).toBe(
      "--sign-on '1,00,000' is not a list of amounts (commas must separate groups of three digits, like 1,200,000, or years, like 50000,30000)",
    );
  });
});

describe('parseAmountList', () => {
  it.each([
    ['50000,30000', [50000, 30000]],
    ['50,000,30,000', [50000, 30000]],
    ['$50,000,$30,000', [50000, 30000]],
    ['50k,30k', [50000, 30000]],
    ['50K, 30K', [50000, 30000]],
    ['50,000, 30,000', [50000, 30000]],
    ['50,000 , 30,000', [50000, 30000]],
    ['1,200,000', [1200000]],
    ['1,200,000.00', [1200000]],
    ['50000', [50000]],
    ['50,000', [50000]],
    ['0,30000', [0, 30000]],
    ['100,000,50000', [100000, 50000]], // 50000 is five digits: a new year
    ['1,500,250k', [1500, 250000]], // 250k is not three bare digits
  ])('%j -> %j', (text, values) => expect(parseAmountList(text, '--sign-on')).toEqual(values));

  it('a space after the comma starts a new item', () => {
    expect(parseAmountList('50,000, 30,000', '--sign-on')).toEqual([50000, 30000]);
    expect(() => parseAmountList('50, 000', '--sign-on')).toThrow(/item 1 '50' is not clear/);
  });

  it.each([
    ['', 'is empty'],
    ['50000,,30000', 'item 2 is empty'],
    ['50000,', 'item 2 is empty'],
    [',50000', 'item 1 is empty'],
    ['50000,12abc', "item 2 '12abc' is not an amount"],
    ['50000,-5', "item 2 '-5' cannot be negative"],
    ['1e5,2', 'item 1'],
    ['200,000,000', 'above the maximum'],
  ])('rejects %j (%s), naming the flag', (text, why) => {
    const e = inputError(() => parseAmountList(text, '--sign-on'));
    expect(e.field).toBe('--sign-on');
    expect(e.message).toMatch(/^--sign-on\b/);
    expect(e.message).toContain(why);
  });
});

describe('parseBonus', () => {
  it.each([
    ['15%', { kind: 'percent', value: 0.15 }],
    [' 15 % ', { kind: 'percent', value: 0.15 }],
    ['12.5%', { kind: 'percent', value: 0.125 }],
    ['0%', { kind: 'percent', value: 0 }],
    ['200%', { kind: 'percent', value: 2 }],
    ['30000', { kind: 'amount', value: 30000 }],
    ['30k', { kind: 'amount', value: 30000 }],
    ['$30,000', { kind: 'amount', value: 30000 }],
  ])('%j -> %j', (text, bonus) => expect(parseBonus(text, '--bonus')).toEqual(bonus));

  it.each([
    ['201%', 'above 200% of base'],
    ['200.5%', 'above 200% of base'],
    ['-5%', 'cannot be negative'],
    ['-30000', 'cannot be negative'],
    ['%', 'is not a percentage'],
    ['15%%', 'is not a percentage'],
    ['1e1%', 'is not a percentage'],
    ['fifteen', 'is not an amount'],
    ['', 'is empty'],
  ])('rejects %j (%s), naming the flag and both forms', (text, why) => {
    const e = inputError(() => parseBonus(text, '--bonus'));
    expect(e.field).toBe('--bonus');
    expect(e.message).toMatch(/^--bonus\b/);
    expect(e.message).toContain(why);
    expect(e.message).toContain('15%');
    expect(e.message).toContain('30k');
  });
});

describe('parsePercent', () => {
  it.each([
    ['10%', 0.1],
    ['+10%', 0.1],
    ['-5%', -0.05],
    ['\u22125%', -0.05],
    ['2.5%', 0.025],
    ['0%', 0],
    ['-0%', 0],
    [' 10 % ', 0.1],
    ['-100%', -1],
    ['1000%', 10],
  ])('%j -> %d', (text, value) =>
    expect(parsePercent(text, '--growth', GROWTH_BOUNDS)).toBe(value),
  );

  it('-0% is plain 0, not -0', () =>
    expect(Object.is(parsePercent('-0%', '--growth', GROWTH_BOUNDS), 0)).toBe(true));

  it.each([
    ['10', 'needs a % sign (10% or 1000%?)'],
    ['0.1', 'needs a % sign (0.1% or 10%?)'],
    ['-5', 'needs a % sign (-5% or -500%?)'],
    ['-101%', 'is outside -100% to 1000%'],
    ['1001%', 'is outside -100% to 1000%'],
    ['', 'is empty'],
    ['%', 'is not a percentage'],
    ['ten%', 'is not a percentage'],
    ['1e2%', 'is not a percentage'],
    ['--5%', 'is not a percentage'],
    ['NaN%', 'is not a percentage'],
    ['Infinity%', 'is not a percentage'],
  ])('rejects %j (%s), naming the flag', (text, why) => {
    const e = inputError(() => parsePercent(text, '--growth', GROWTH_BOUNDS));
    expect(e.field).toBe('--growth');
    expect(e.message).toMatch(/^--growth\b/);
    expect(e.message).toContain(why);
    expect(e.message).toContain('like 10% or -5%');
  });

  it('takes its bounds from the caller', () => {
    expect(parsePercent('50%', '--x', { min: 0, max: 50 })).toBe(0.5);
    expect(inputError(() => parsePercent('-1%', '--x', { min: 0, max: 50 })).message).toContain(
      'outside 0% to 50%',
    );
  });
});

describe('data/vesting.json', () => {
  it('has the five presets of the reference sheet, each adding up to 100 and sourced', () => {
    expect(vestingData.presets.map((p) => [p.id, p.percents])).toEqual([
      ['even', [25, 25, 25, 25]],
      ['amazon', [5, 15, 40, 40]],
      ['google', [38, 32, 20, 10]],
      ['google-2023', [33, 33, 22, 12]],
      ['nvidia', [40, 30, 20, 10]],
    ]);
    for (const p of vestingData.presets) {
      expect(p.percents.reduce((a, b) => a + b, 0)).toBe(100);
      expect(p.label).not.toBe('');
      expect(p.source).toMatch(/https?:\/\//);
      expect(p.note).not.toBe('');
      expect(p.year).toBeGreaterThan(2000);
    }
  });

  it('is what vestingPresets exports, frozen', () => {
    expect(vestingPresets.map((p) => p.id)).toEqual(vestingData.presets.map((p) => p.id));
    expect(Object.isFrozen(vestingPresets[0]!.percents)).toBe(true);
  });
});

describe('parseVesting', () => {
  it.each([
    ['amazon', 'amazon', [5, 15, 40, 40]],
    ['Amazon', 'amazon', [5, 15, 40, 40]],
    ['GOOGLE', 'google', [38, 32, 20, 10]],
    ['google-2023', 'google-2023', [33, 33, 22, 12]],
    ['Google 2023', 'google-2023', [33, 33, 22, 12]],
    [' nvidia ', 'nvidia', [40, 30, 20, 10]],
    ['even', 'even', [25, 25, 25, 25]],
    ['10/20/30/40', 'custom', [10, 20, 30, 40]],
    [' 10 / 20 / 30 / 40 ', 'custom', [10, 20, 30, 40]],
    ['10%/20%/30%/40%', 'custom', [10, 20, 30, 40]],
    ['50/50', 'custom', [50, 50]],
    ['100', 'custom', [100]],
    ['33.33/33.33/33.33', 'custom', [33.33, 33.33, 33.33]], // 99.99: within 0.01
    ['0/0/50/50', 'custom', [0, 0, 50, 50]],
    ['10/10/10/10/10/10/10/10/10/10', 'custom', Array(10).fill(10)],
    ['google_2023', 'google-2023', [33, 33, 22, 12]],
    ['Amazón', 'amazon', [5, 15, 40, 40]], // accents fold, as in a city's name
  ])('%j -> %s %j', (text, id, percents) =>
    expect(parseVesting(text, vestingPresets)).toEqual({ id, percents }),
  );

  it('returns a copy, not the preset data', () => {
    const v = parseVesting('even', vestingPresets);
    expect(v.percents).not.toBe(vestingPresets[0]!.percents);
    expect(Object.isFrozen(v.percents)).toBe(false);
  });

  it.each([
    ['amazn', "unknown vesting schedule 'amazn' for --vesting (did you mean 'amazon'?)"],
    ['googel', "(did you mean 'google'?)"],
    ['nvidai', "(did you mean 'nvidia'?)"],
    ['meta', "unknown vesting schedule 'meta'"],
    ['10/20/30', 'adds up to 60, not 100'],
    ['33/33/22/11', 'adds up to 99, not 100'],
    ['50/60', 'adds up to 110, not 100'],
    ['33.3/33.3/33.3', 'adds up to 99.9, not 100'],
    ['50', 'adds up to 50, not 100'],
    ['10/-5/95', "year 2 '-5' cannot be negative"],
    ['10//90', 'year 2 is empty'],
    ['10/20/30/40/', 'year 5 is empty'],
    ['a/b', "year 1 'a' is not a number"],
    ['1e2', "year 1 '1e2' is not a number"],
    ['1/1/1/1/1/1/1/1/1/1/90', 'has 11 years, more than 10'],
    ['', 'is empty'],
    // Not folded into a preset's name: what looks like one but is not is named, as --city does.
    [
      '\u0430mazon',
      "vesting schedule '\u0430mazon' for --vesting: character 1, '\u0430' (U+0430), is a Cyrillic letter, not the Latin one it may look like; accepted: even",
    ],
    ['nvi\u200bdia', 'character 4 is an invisible zero-width space (U+200B); accepted:'],
    ['ama\u001bzon', "'ama?zon' for --vesting: character 4 is a control character (U+001B)"],
    ['amazon\u{1f600}', "character 7, '\u{1f600}' (U+1F600), is an emoji"],
    ['even\u00b1', "character 5, '\u00b1' (U+00B1), is a symbol"],
    ['nvidia!', "unknown vesting schedule 'nvidia!' for --vesting (did you mean 'nvidia'?)"],
    ['am.azon', "unknown vesting schedule 'am.azon' for --vesting (did you mean 'amazon'?)"],
  ])('rejects %j: %s', (text, why) => {
    const e = inputError(() => parseVesting(text, vestingPresets));
    expect(e.field).toBe('--vesting');
    expect(e.message).toContain('--vesting');
    expect(e.message).toContain(why);
  });

  it('lists the presets when the name is unknown', () => {
    expect(inputError(() => parseVesting('xyz', vestingPresets)).message).toContain(
      'accepted: even, amazon, google, google-2023, nvidia, or yearly percentages',
    );
  });

  it('names another field when told', () => {
    const e = inputError(() => parseVesting('10/20', vestingPresets, 'vesting'));
    expect(e.field).toBe('vesting');
    expect(e.message).toMatch(/^vesting 10\/20 adds up to 30/);
  });
});
