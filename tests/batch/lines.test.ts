import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, type Line } from '../../src/batch/lines.js';

describe('LineSplitter gives the same lines however the input is cut into chunks', () => {
  const piece = fc.oneof(
    fc.constantFrom('\n', '\r\n', '\ufeff', '{"years": 5}', 'é', '', ' '),
    fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  const split = (bytes: Buffer, cuts: number[], max: number): Line[] => {
    const splitter = new LineSplitter(max);
    const lines: Line[] = [];
    let at = 0;
    for (const cut of [
      ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b),
      bytes.length,
    ]) {
      splitter.push(bytes.subarray(at, Math.max(at, cut)), (l) => lines.push(l));
      at = Math.max(at, cut);
    }
    splitter.end((l) => lines.push(l));
    return lines;
  };

  it('whole, in random pieces, and one byte at a time', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (pieces, latin1, cuts, max) => {
          const bytes = Buffer.from(pieces.join(''), latin1 ? 'latin1' : 'utf8');
          const byByte = split(bytes, [...bytes.keys()], max);
          expect(split(bytes, [], max)).toStrictEqual(byByte);
          expect(split(bytes, cuts, max)).toStrictEqual(byByte);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
