// --match and --espp as typed: parsed once, refused in one line naming the flag (or file key).
import { describe, expect, it } from 'vitest';
import {
  BENEFIT_FLAGS,
  BENEFIT_KEYS,
  parseEspp,
  parseMatch,
  resolveBenefits,
} from '../../src/input/benefits.js';

describe('parseMatch', () => {
  it.each([
    ['50%@6%', [{ rate: 0.5, upTo: 0.06 }]],
    [
      ' 100% @ 3% , 50%@2% ',
      [
        { rate: 1, upTo: 0.03 },
        { rate: 0.5, upTo: 0.02 },
      ],
    ],
    ['4%@100%', [{ rate: 0.04, upTo: 1 }]],
  ])('%j', (text, tiers) => {
    expect(parseMatch(text, '--match')).toEqual(tiers);
  });

  it.each([
    ['50@6', /needs a % sign/],
    ['0.5@0.06', /needs a % sign/],
    ['50%', /'50%' is not a match like 50%@6%/],
    ['50%@6%@1%', /is not a match like/],
    ['250%@6%', /outside 0% to 200%/],
    ['50%@60%,50%@50%', /matches deferrals of 110% of pay: the tiers may cover at most 100%/],
    ['0%@6%', /matches nothing: leave --match out/],
    ['', /--match is empty/],
    ['-50%@6%', /outside 0% to 200%/],
  ])('refuses %j', (text, message) => {
    expect(() => parseMatch(text, '--match')).toThrow(message);
  });

  it('no negative example for a percentage that cannot be negative; a comma too many is named', () => {
    expect(() => parseMatch('250%@6%', '--match')).toThrow(/from 0% to 200%, like 10%$/);
    expect(() => parseMatch('50%@6%,', '--match')).toThrow(
      '--match has an empty part (a comma too many?)',
    );
  });

  it('an offer file’s value that is not text names the key', () => {
    expect(() => parseMatch(0.5, 'match')).toThrow(/^match must be text, .*got a number/);
  });
});

describe('parseEspp', () => {
  it('a discount, and the plan’s limit on contributions', () => {
    expect(parseEspp('15%', '--espp')).toEqual({ discount: 0.15, contribution: null });
    expect(parseEspp('15%@10%', '--espp')).toEqual({ discount: 0.15, contribution: 0.1 });
  });

  it.each([
    ['20%', /outside 0% to 15%/],
    ['15', /needs a % sign/],
    ['15%@0%', /lets you put in nothing/],
    ['15%@10', /needs a % sign/],
  ])('refuses %j', (text, message) => {
    expect(() => parseEspp(text, '--espp')).toThrow(message);
  });
});

describe('resolveBenefits', () => {
  it('none given: no benefits', () => {
    expect(resolveBenefits({}, BENEFIT_FLAGS, false)).toEqual({ match: null, espp: null });
  });

  it('the lookback belongs to an ESPP; a private company has none', () => {
    expect(resolveBenefits({ espp: '15%', esppLookback: true }, BENEFIT_FLAGS, false).espp).toEqual(
      {
        discount: 0.15,
        contribution: null,
        lookback: true,
      },
    );
    expect(() => resolveBenefits({ esppLookback: true }, BENEFIT_FLAGS, false)).toThrow(
      '--espp-lookback is for an ESPP: add --espp, e.g. --espp 15%',
    );
    expect(() => resolveBenefits({ espp: '15%' }, BENEFIT_KEYS, true)).toThrow(
      "espp: an ESPP buys a listed company's stock, and this offer's stock is private",
    );
    expect(() =>
      resolveBenefits({ espp: '15%', esppLookback: 'yes' }, BENEFIT_KEYS, false),
    ).toThrow('esppLookback must be true or false, got a string');
  });
});
