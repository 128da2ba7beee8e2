import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactLine } from '../src/batch/compact-line.js';
import { toBatchRecord } from '../src/document.js';
import { price } from '../src/estimate.js';
import { market } from '../src/market.js';
import { PROFILE_FIELDS, type ProfileField } from '../src/types.js';

describe('compactLine writes what JSON.stringify writes', () => {
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

  it('for random estimates, line numbers and defaulted lists', () => {
    fc.assert(
      fc.property(profile, fc.integer({ min: 1, max: 2 ** 40 }), defaulted, (p, line, d) => {
        const record = toBatchRecord(line, price(p, market), d);
        expect(compactLine(record)).toBe(JSON.stringify(record));
      }),
      { numRuns: 2000 },
    );
  });

  it('for ids that would need escaping (a market file without the schema): JSON.stringify', () => {
    const record = toBatchRecord(
      1,
      price({ ...fc.sample(profile, 1)[0]!, city: 'sf' }, market),
      [],
    );
    const odd = { ...record, profile: { ...record.profile, city: 'say "hi"\\n' } };
    expect(compactLine(odd)).toBe(JSON.stringify(odd));
  });
});
