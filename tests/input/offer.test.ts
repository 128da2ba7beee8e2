import { describe, expect, it } from 'vitest';
import { parseVesting } from '../../src/input/amounts.js';
import { checkOffer, OFFER_KEYS, resolveOffer } from '../../src/input/offer.js';
import { InputError } from '../../src/errors.js';
import { OFFER_FLAGS } from '../../src/cli/options.js';
import { offerYears, vestingPresets, type OfferTerms } from '../../src/model/offer.js';

// An offer's terms are checked once, against each other, after each was parsed and checked on
// its own (tests/input/amounts.test.ts); the model's computations trust what they are given.

/** An offer with nothing but a base, overridden by `over`. */
function offer(over: Partial<OfferTerms> = {}): OfferTerms {
  return {
    base: 200000,
    bonus: null,
    equity: 0,
    vesting: parseVesting('even', vestingPresets),
    signOn: [],
    refresh: 0,
    growth: 0,
    private: false,
    ...over,
  };
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, got none');
}

describe('checkOffer: the terms against each other', () => {
  it.each([
    [
      'more sign-on years than an offer without stock shows (it named a --vesting never chosen)',
      { signOn: [1, 2, 3, 4, 5] },
      '--sign-on',
      '--sign-on lists 5 years, more than the 4 years shown for an offer without stock (with --equity, a --vesting of 5 years or more shows them all)',
    ],
    [
      'more sign-on years than a custom schedule, shown as given',
      {
        equity: 100000,
        vesting: { id: 'custom', percents: [10, 20, 30, 40] },
        signOn: [1, 2, 3, 4, 5],
      },
      '--sign-on',
      '--sign-on lists 5 years, more than the 4 of the vesting schedule (--vesting 10/20/30/40)',
    ],
    [
      '--refresh without --equity',
      { refresh: 50000 },
      '--refresh',
      '--refresh needs --equity: a refresher adds to a stock grant, and the offer has none',
    ],
    [
      '--private without --equity',
      { private: true },
      '--private',
      '--private describes the equity, but the offer has none (--equity)',
    ],
    [
      'a growth without stock (issue 20 item 6: it was dropped)',
      { growth: 0.1 },
      '--growth',
      "--growth needs --equity: growth moves the stock's price, and the offer has no stock",
    ],
    ['a base of $0', { base: 0 }, '--base', '--base must be more than $0'],
    [
      'a bonus amount over 200% of base',
      { base: 100000, bonus: { kind: 'amount', value: 500000 } as const },
      '--bonus',
      '--bonus $500,000 is 500% of --base $100,000, above 200% of base',
    ],
    [
      'a bonus amount just over 200% of base',
      { base: 100000, bonus: { kind: 'amount', value: 200001 } as const },
      '--bonus',
      '--bonus $200,001 is 200.001% of --base $100,000, above 200% of base',
    ],
  ])('rejects %s, naming the flag', (_, over, field, message) => {
    const e = inputError(() => checkOffer(offer(over as Partial<OfferTerms>), OFFER_FLAGS));
    expect(e.field).toBe(field);
    expect(e.message).toBe(message);
  });

  it('names the fields of an offer file when told', () => {
    const e = inputError(() => checkOffer(offer({ refresh: 1 }), OFFER_KEYS));
    expect(e.field).toBe('refresh');
    expect(e.message).toBe(
      'refresh needs equity: a refresher adds to a stock grant, and the offer has none',
    );
  });

  it('accepts the limits themselves', () => {
    expect(() =>
      checkOffer(
        offer({
          base: 1e8,
          bonus: { kind: 'percent', value: 2 },
          equity: 1e8,
          refresh: 1e8,
          signOn: [1e8, 0, 0, 0],
          growth: -1,
          private: true,
        }),
        OFFER_FLAGS,
      ),
    ).not.toThrow();
    expect(() => checkOffer(offer({ equity: 1, growth: 10 }), OFFER_FLAGS)).not.toThrow();
    expect(() =>
      checkOffer(offer({ base: 100000, bonus: { kind: 'amount', value: 200000 } }), OFFER_FLAGS),
    ).not.toThrow();
  });
});

describe('no figure past the ceiling (issue 20 item 9)', () => {
  // --base 100M --bonus 200% --equity 100M --refresh 100M --growth 1000% --vesting 0/.../100
  // printed year 10's stock as $782,042,776,633,187,300, past 2^53.
  const raw = {
    base: '100M',
    bonus: '200%',
    equity: '100M',
    refresh: '100M',
    growth: '1000%',
    vesting: '0/0/0/0/0/0/0/0/0/100',
  };

  it('an offer whose year would pass $1,000,000,000 is refused, naming the year', () => {
    const e = inputError(() => resolveOffer(raw, OFFER_FLAGS));
    // No figure past the ceiling in the refusal either (it printed $782,042,776,933,187,328).
    expect(e.message).toBe(
      'the offer passes $1,000,000,000, the most ml-salary shows, in year 10: check --equity, --refresh and --growth',
    );
    expect(e.field).toBe('--growth');
  });

  it('the largest offer the limits allow without growth stays under it', () => {
    const terms = resolveOffer({ ...raw, growth: undefined, vesting: 'even' }, OFFER_FLAGS);
    const most = Math.max(...offerYears(terms).map((y) => y.total));
    expect(most).toBeLessThanOrEqual(1e9);
    expect(Number.isSafeInteger(most)).toBe(true);
  });
});

describe('a schedule given as a list of numbers', () => {
  it('is checked as numbers, not joined into text and parsed again', () => {
    const t = resolveOffer({ base: '200k', equity: '100k', vesting: [10, 20, 30, 40] }, OFFER_KEYS);
    expect(t.vesting).toEqual({ id: 'custom', percents: [10, 20, 30, 40] });
    expect(() =>
      resolveOffer({ base: '200k', equity: '100k', vesting: [50, 40] }, OFFER_KEYS),
    ).toThrow('vesting 50/40 adds up to 90, not 100');
  });
});

describe('words of the equity terms', () => {
  const options = { base: '200k', options: '40k', strike: '1.20', fmv: '1.20', preferred: '2' };
  it.each([
    ['optionType', 'constructor', "--option-type 'constructor' is not one of iso, nso"],
    [
      'stage',
      'constructor',
      "--stage 'constructor' is not one of seed, a, b, c, d, growth, public",
    ],
    ['vestEvery', 'constructor', "--vest-every 'constructor' must be whole months from 1 to 12"],
  ])("%s '%s', a name of every JS object, is an unknown word, not a crash", (k, v, message) => {
    const raw = { ...options, leaveAt: '18', [k]: v };
    expect(inputError(() => resolveOffer(raw, OFFER_FLAGS)).message).toContain(message);
  });
});
