import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands, money, moneyK, signedMoney } from '../../src/model/format.js';

describe('money: negative zero is $0', () => {
  it.each([
    [-0, '$0'],
    [-0.4, '$0'],
    [0.4, '$0'],
    [-0.5, '$0'], // Math.round(-0.5) is -0
    [-0.6, '-$1'],
    [-1234.4, '-$1,234'],
    [1234567, '$1,234,567'],
  ])('money(%d) is %s', (n, text) => {
    expect(money(n)).toBe(text);
  });

  it('groupThousands(-0) is 0; signedMoney and moneyK of -0 have no minus', () => {
    expect(groupThousands(-0)).toBe('0');
    expect(signedMoney(-0)).toBe('+$0');
    expect(signedMoney(-0.2)).toBe('+$0');
    expect(moneyK(-0)).toBe('$0');
    expect(moneyK(-400)).toBe('$0');
  });

  it('never writes "$-" or "-$0", for any amount', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (n) => {
        const text = money(n);
        expect(text).not.toMatch(/\$-|-\$0$/);
        expect(Number(text.replace(/[$,]/g, ''))).toBe(Math.round(n) || 0);
      }),
    );
  });
});
