import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from '../../src/render/csv.js';
import { cli } from '../command-helpers.js';
import { scratch } from '../batch-helpers.js';

// Issue 20 item 10: a cell a spreadsheet would run as a formula is neutralised (OWASP's rule
// for CSV injection: a ' before it, the cell quoted); numbers stay numbers.
describe('CSV cells that start like a formula', () => {
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+1+2', `"'+1+2"`],
    ['-2+3', `"'-2+3"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
    ['a=b', 'a=b'],
  ])('%j is written %s', (text, written) => {
    expect(csvField(text)).toBe(written);
  });

  it('a negative number is a number, not a formula', () => {
    expect(csvRow(['x', -5000, 0])).toBe('x,-5000,0\n');
  });

  it("an offer file's label reaches the CSV neutralised", async () => {
    const tmp = scratch();
    try {
      const path = tmp.file('evil.json', JSON.stringify({ years: 5, base: '150k', label: '=1+2' }));
      const r = await cli(['offer', path, '--format', 'csv']);
      expect(r.code).toBe(0);
      const rows = r.stdout.trimEnd().split('\n').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.startsWith(`"'=1+2",`)).toBe(true);
    } finally {
      tmp.done();
    }
  });
});
