import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactBytes } from '../../src/batch/compact-bytes.js';
import { toBatchRecord } from '../../src/documents/estimate.js';
import { price, type Price } from '../../src/model/estimate.js';
import { market } from '../../src/model/market.js';
import { PROFILE_FIELDS, type ProfileField } from '../../src/model/types.js';

// The compact records batch writes as bytes are JSON.stringify's, byte for byte.

const profile = fc.record({
  years: fc.oneof(
    fc.integer({ min: 0, max: 50 }),
    fc.double({ min: 0, max: 50, noNaN: true }),
    fc.constantFrom(0, -0, 2.999999, 6.5, 1e-7, 50),
  ),
  city: fc.constantFrom(...market.locations.map((l) => l.id)),
  industry: fc.constantFrom(...market.industries.map((i) => i.id)),
  skills: fc.uniqueArray(fc.constantFrom(...market.skills.list.map((s) => s.id))),
  degree: fc.constantFrom(...market.degrees.list.map((d) => d.id)),
});
const defaulted = fc.subarray([...PROFILE_FIELDS] as ProfileField[]);

const json = (line: number, p: Price, d: readonly ProfileField[]): string =>
  `${JSON.stringify(toBatchRecord(line, p, d))}\n`;

describe('CompactBytes writes what JSON.stringify writes', () => {
  it('for random estimates, line numbers and defaulted lists, several records to a buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profile, fc.integer({ min: 1, max: 2 ** 40 }), defaulted), {
          minLength: 1,
          maxLength: 5,
        }),
        (records) => {
          const out = new CompactBytes(64 * 1024);
          let expected = '';
          for (const [p, line, d] of records) {
            const priced = price(p, market);
            expect(out.add(line, priced, d)).toBe(true);
            expected += json(line, priced, d);
          }
          expect(out.length).toBe(Buffer.byteLength(expected));
          expect(out.take().toString('utf8')).toBe(expected);
          expect(out.length).toBe(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('numbers JSON writes its own way: fractions, -0, huge, negative, NaN and Infinity', () => {
    const base = price(
      { years: 5, city: 'sf', industry: 'big-tech', skills: [], degree: 'phd' },
      market,
    );
    for (const n of [
      6.5,
      -0,
      1e21,
      2 ** 53 + 2,
      -3,
      0.1 + 0.2,
      NaN,
      Infinity,
      9_007_199_254_740_991,
    ]) {
      const odd: Price = {
        ...base,
        profile: { ...base.profile, years: n },
        base: { low: n, p25: n, mid: 0, p75: n, high: n },
      };
      const out = new CompactBytes(4096);
      expect(out.add(7, odd, []), String(n)).toBe(true);
      expect(out.take().toString('utf8')).toBe(json(7, odd, []));
    }
  });

  it('refuses (writing nothing) a string JSON would escape, and a record that does not fit', () => {
    const p = price(
      { years: 5, city: 'sf', industry: 'big-tech', skills: [], degree: 'phd' },
      market,
    );
    const out = new CompactBytes(4096);
    expect(out.add(1, p, [])).toBe(true);
    const written = out.length;
    for (const city of ['say "hi"', 'back\\slash', 'tab\there', 'café', 'line\nbreak']) {
      expect(out.add(2, { ...p, profile: { ...p.profile, city } }, []), city).toBe(false);
      expect(out.length).toBe(written);
    }
    const small = new CompactBytes(300);
    expect(small.add(1, p, [])).toBe(false);
    expect(small.length).toBe(0);
    expect(small.addText('{"x":"é"}\n')).toBe(true);
    expect(small.take().toString('utf8')).toBe('{"x":"é"}\n');
    expect(small.addText('x'.repeat(301))).toBe(false);
  });
});
