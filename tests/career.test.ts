import { describe, expect, it } from 'vitest';
import { cli, json, type Range } from './command-helpers.js';

// `ml-salary career` (issue 14): the estimate at each point, and its table and chart.

interface Point {
  years: number;
  base: Range;
  total: Range;
}
const careerJson = (argv: readonly string[]) => json<{ points: Point[] }>(['career', ...argv]);
const DONE_WHEN = ['--city', 'sf', '--industry', 'faang', '--to', '15'];

describe('the table and chart', () => {
  it('at 40 columns the ranges give way to the typical figures, and the note says so', async () => {
    const d = await careerJson(DONE_WHEN);
    const r = await cli(['career', ...DONE_WHEN], {
      tty: true,
      columns: 40,
      env: { NO_COLOR: '1' },
    });
    expect(r.stdout).not.toContain('Base range');
    expect(r.stdout.replaceAll('\n', ' ')).toContain('the ranges need a wider terminal');
    const usd = (n: number) => `$${n.toLocaleString('en-US')}`;
    const at5 = d.points[5]!;
    expect(r.stdout).toMatch(
      new RegExp(`^5 +mid \\${usd(at5.base.mid)} \\${usd(at5.total.mid)} $`, 'm'),
    );
    const wide = await cli(['career', ...DONE_WHEN], {
      tty: true,
      columns: 80,
      env: { NO_COLOR: '1' },
    });
    expect(wide.stdout).toContain('Base range');
    expect(wide.stdout).toContain('Typical figures, with about the 10th to 90th percentile.');
  });
});
