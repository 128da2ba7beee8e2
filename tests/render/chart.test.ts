import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commonScale,
  rangeBar,
  rangeLegend,
  type Charset,
  type Paint,
  type PaintRole,
} from '../../src/render/chart.js';
import { lineChart, type LineChartOptions } from '../../src/render/line-chart.js';
import { charsetFor } from '../../src/cli/color.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const strip = (s: string): string => s.replace(ANSI, '');
/** Visible width: ANSI codes stripped, code points counted. */
const visible = (line: string): number => Array.from(strip(line)).length;
const cells = (s: string): string[] => Array.from(strip(s));

const CODES: Record<string, number> = { band: 36, typical: 1, marker: 33, axis: 2, label: 37 };
/** A fake colour: every role gets its own SGR code, reset after each run. */
const ansi: Paint = (role: PaintRole, text: string) =>
  `\x1b[${CODES[role] ?? 31 + Number(role.slice('series'.length))}m${text}\x1b[0m`;
/** Snapshots show ESC as ␛, so that coloured output reads in the .snap file. */
const shown = (s: string): string => s.replaceAll('\x1b', '␛');

const CHARSETS: Charset[] = ['unicode', 'ascii'];

describe('charsetFor', () => {
  it.each([
    [{}, 'unicode'],
    [{ TERM: 'xterm-256color' }, 'unicode'],
    [{ LANG: 'en_US.UTF-8' }, 'unicode'],
    [{ LANG: 'en_US.utf8' }, 'unicode'],
    [{ LANG: 'C.UTF-8' }, 'unicode'],
    [{ LANG: 'C' }, 'ascii'],
    [{ LANG: 'POSIX' }, 'ascii'],
    [{ LANG: 'en_US.ISO-8859-1' }, 'ascii'],
    [{ TERM: 'dumb' }, 'ascii'],
    [{ TERM: 'dumb', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }, 'ascii'],
    // The first set of LC_ALL, LC_CTYPE, LANG decides; an empty one counts as unset.
    [{ LC_ALL: 'C', LC_CTYPE: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'ascii'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'C' }, 'unicode'],
    [{ LC_CTYPE: 'C', LANG: 'en_US.UTF-8' }, 'ascii'],
    [{ LC_CTYPE: 'UTF-8', LANG: 'C' }, 'unicode'],
    [{ LC_ALL: '', LANG: 'C' }, 'ascii'],
    [{ LC_ALL: '', LC_CTYPE: '', LANG: '' }, 'unicode'],
  ] as const)('%j -> %s', (env, expected) => {
    expect(charsetFor(env)).toBe(expected);
  });
});

describe('commonScale', () => {
  const base = { low: 224389, mid: 318041, high: 411118 };
  const bonus = { low: 22439, mid: 55657, high: 102780 };

  it('runs from 0 to the highest high', () => {
    expect(commonScale([base, bonus])).toEqual({ min: 0, max: 411118 });
  });

  it('takes in the extra values (an offer above every range)', () => {
    expect(commonScale([base, bonus], [500000, 1000])).toEqual({ min: 0, max: 500000 });
  });

  it('starts below 0 only for a negative value', () => {
    expect(commonScale([{ low: -50, mid: 0, high: 10 }])).toEqual({ min: -50, max: 10 });
  });

  it('gives 0 to 1 for nothing or all zeros', () => {
    expect(commonScale([])).toEqual({ min: 0, max: 1 });
    expect(commonScale([{ low: 0, mid: 0, high: 0 }])).toEqual({ min: 0, max: 1 });
  });

  it('refuses a non-finite value', () => {
    expect(() => commonScale([base], [NaN])).toThrow(RangeError);
  });
});

describe('rangeBar', () => {
  const scale = { min: 0, max: 100 };
  const r = { low: 20, mid: 40, high: 60 };

  it('puts every part where the arithmetic says (0..100 over 50 cells, 2 units a cell)', () => {
    // low 20 -> cell 10, high 60 -> up to cell 29; typical 40 -> cell 20; offer 73 -> cell 36.
    const bar = rangeBar(r, scale, 50, { charset: 'unicode', marker: 73 });
    expect(bar).toBe(
      '─'.repeat(10) + '█'.repeat(10) + '┃' + '█'.repeat(9) + '─'.repeat(6) + '◆' + '─'.repeat(13),
    );
    const ascii = rangeBar(r, scale, 50, { charset: 'ascii', marker: 73 });
    expect(ascii).toBe(
      '-'.repeat(10) + '='.repeat(10) + '|' + '='.repeat(9) + '-'.repeat(6) + 'o' + '-'.repeat(13),
    );
  });

  it('ends on half cells in Unicode and whole cells in ASCII', () => {
    // low 21 is half-cell 21 (the right half of cell 10); high 59 ends in half-cell 58 (cell 29's
    // left half). In ASCII, low 21 is cell 10.5 -> 10 and high 59 is 29.5 -> up to 29.
    const r2 = { low: 21, mid: 40, high: 59 };
    const bar = cells(rangeBar(r2, scale, 50, { charset: 'unicode' }));
    expect(bar.slice(9, 12)).toEqual(['─', '▐', '█']);
    expect(bar.slice(28, 31)).toEqual(['█', '▌', '─']);
    const ascii = cells(rangeBar(r2, scale, 50, { charset: 'ascii' }));
    expect(ascii.slice(9, 12)).toEqual(['-', '=', '=']);
    expect(ascii.slice(28, 31)).toEqual(['=', '=', '-']);
  });

  it('places the typical value in cell floor(fraction * width), max in the last cell', () => {
    const at = (mid: number, width: number): number =>
      cells(rangeBar({ low: 0, mid, high: 100 }, scale, width, { charset: 'ascii' })).indexOf('|');
    expect(at(0, 10)).toBe(0);
    expect(at(9.99, 10)).toBe(0);
    expect(at(10, 10)).toBe(1);
    expect(at(55, 10)).toBe(5);
    expect(at(100, 10)).toBe(9);
    expect(at(33, 7)).toBe(2); // 2.31
  });

  it('marks an offer outside the range on the track, and beyond the scale at its edge', () => {
    const bar = (marker: number, charset: Charset = 'unicode'): string[] =>
      cells(rangeBar(r, scale, 20, { charset, marker }));
    expect(bar(5)[1]).toBe('◆');
    expect(bar(0)[0]).toBe('◆');
    expect(bar(100)[19]).toBe('◆');
    expect(bar(-1)[0]).toBe('◀');
    expect(bar(1e12)[19]).toBe('▶');
    expect(bar(-1, 'ascii')[0]).toBe('<');
    expect(bar(1e12, 'ascii')[19]).toBe('>');
    // Beyond the scale, the arrow is the only marker glyph.
    expect(bar(-1).filter((c) => c === '◆')).toEqual([]);
  });

  it('draws the offer over the typical mark when they share a cell', () => {
    const bar = cells(rangeBar(r, scale, 20, { charset: 'unicode', marker: 41 }));
    expect(bar[8]).toBe('◆');
    expect(bar).not.toContain('┃');
  });

  it('shows a range of one value (low = mid = high) as its typical mark', () => {
    const bar = rangeBar({ low: 50, mid: 50, high: 50 }, scale, 20, { charset: 'unicode' });
    expect(bar).toBe('─'.repeat(10) + '┃' + '─'.repeat(9));
    const zero = rangeBar({ low: 0, mid: 0, high: 0 }, scale, 20, { charset: 'ascii' });
    expect(zero).toBe('|' + '-'.repeat(19));
  });

  it('puts a typical value equal to the high right at the end of the span', () => {
    // high 50 ends the span at half-cell 20 (cells 4..9 full); typical 50 is cell 10.
    const bar = rangeBar({ low: 20, mid: 50, high: 50 }, scale, 20, { charset: 'unicode' });
    expect(bar).toBe('─'.repeat(4) + '█'.repeat(6) + '┃' + '─'.repeat(9));
  });

  it('is exactly width cells, for every width from 1 to 200', () => {
    for (let width = 1; width <= 200; width++) {
      for (const charset of CHARSETS) {
        const bar = rangeBar(r, scale, width, { charset, marker: 90, paint: ansi });
        expect(visible(bar)).toBe(width);
      }
    }
  });

  it('changes no visible character when coloured', () => {
    for (const charset of CHARSETS) {
      for (const marker of [undefined, -10, 5, 40, 73, 500]) {
        const plain = rangeBar(r, scale, 37, { charset, marker });
        const painted = rangeBar(r, scale, 37, { charset, marker, paint: ansi });
        expect(painted).not.toBe(plain);
        expect(strip(painted)).toBe(plain);
      }
    }
  });

  it('reads as a report would show it (Unicode and ASCII, one scale, with an offer)', () => {
    const rows = {
      Base: [{ low: 224389, mid: 318041, high: 411118 }, 185000],
      Bonus: [{ low: 22439, mid: 55657, high: 102780 }, 27750],
      Equity: [{ low: 35528, mid: 74054, high: 116864 }, 100000],
      Total: [{ low: 282356, mid: 447752, high: 630762 }, 700000],
    } as const;
    const s = commonScale(Object.values(rows).map(([range]) => range));
    const render = (charset: Charset): string =>
      [
        ...Object.entries(rows).map(
          ([label, [range, offer]]) =>
            `${label.padEnd(7)}${rangeBar(range, s, 40, { charset, marker: offer })}`,
        ),
        rangeLegend(charset, { marker: 'your offer' }),
      ].join('\n');
    expect(render('unicode')).toMatchInlineSnapshot(`
      "Base   ───────────◆──██████┃█████▌─────────────
      Bonus  ─◆█┃███─────────────────────────────────
      Equity ──██┃█◆▌────────────────────────────────
      Total  ─────────────────▐██████████┃██████████▶
      █ P10 to P90  ┃ typical  ◆ your offer (◀ ▶ off the scale)"
    `);
    expect(render('ascii')).toMatchInlineSnapshot(`
      "Base   -----------o--======|======-------------
      Bonus  -o=|===---------------------------------
      Equity --==|=o=--------------------------------
      Total  -----------------===========|==========>
      = P10 to P90  | typical  o your offer (< > off the scale)"
    `);
  });

  it('colours each part by its role', () => {
    const painted = rangeBar(r, scale, 30, { charset: 'unicode', marker: 80, paint: ansi });
    expect(shown(painted)).toMatchInlineSnapshot(
      `"␛[2m──────␛[0m␛[36m██████␛[0m␛[1m┃␛[0m␛[36m█████␛[0m␛[2m──────␛[0m␛[33m◆␛[0m␛[2m─────␛[0m"`,
    );
  });

  it('refuses what only a bug can produce', () => {
    const o = { charset: 'unicode' } as const;
    expect(() => rangeBar({ low: NaN, mid: 1, high: 2 }, scale, 10, o)).toThrow(RangeError);
    expect(() => rangeBar(r, scale, 10, { ...o, marker: Infinity })).toThrow(RangeError);
    expect(() => rangeBar({ low: 3, mid: 1, high: 2 }, scale, 10, o)).toThrow(/out of order/);
    expect(() => rangeBar(r, { min: 5, max: 1 }, 10, o)).toThrow(/above its max/);
    expect(() => rangeBar(r, scale, 0, o)).toThrow(RangeError);
    expect(() => rangeBar(r, scale, 2.5, o)).toThrow(RangeError);
  });
});

describe('rangeLegend', () => {
  it('explains the glyphs in one line, the marker and arrows only when named', () => {
    expect(rangeLegend('unicode')).toMatchInlineSnapshot(`"█ P10 to P90  ┃ typical"`);
    expect(rangeLegend('ascii', { marker: 'your offer' })).toMatchInlineSnapshot(
      `"= P10 to P90  | typical  o your offer (< > off the scale)"`,
    );
    expect(strip(rangeLegend('unicode', { marker: 'offer', paint: ansi }))).toBe(
      rangeLegend('unicode', { marker: 'offer' }),
    );
  });
});

// A career of 16 points (0..15 years): ml-salary's estimate of the total (low, typical, high)
// for sf / big tech / no skills / bachelor's, with city=seattle and skills=+nlp typicals, as the
// model gave them in December 2026. Fixed here so these tests do not move with the model.
const CAREER: [
  years: number,
  low: number,
  mid: number,
  high: number,
  seattle: number,
  nlp: number,
][] = [
  [0, 126910, 186045, 255166, 174987, 234934],
  [1, 126910, 186045, 255166, 174987, 234934],
  [2, 144288, 216642, 302460, 203765, 266838],
  [3, 162164, 248572, 352204, 233799, 300076],
  [4, 180538, 281839, 404397, 265087, 334650],
  [5, 199408, 316146, 452369, 297355, 370264],
  [6, 226990, 360465, 508021, 339041, 416779],
  [7, 256065, 407242, 566567, 383036, 465752],
  [8, 286634, 456473, 628008, 429343, 517179],
  [9, 318697, 510206, 696991, 479880, 573108],
  [10, 358515, 564677, 756324, 531113, 628974],
  [11, 406420, 618605, 810685, 581838, 683494],
  [12, 456261, 673424, 887893, 633397, 738906],
  [13, 508040, 708740, 965101, 666613, 774814],
  [14, 535005, 744579, 1042309, 700322, 811245],
  [15, 535005, 744579, 1042309, 700322, 811245],
];

const dollarsK = (y: number): string => `$${Math.round(y / 1000).toLocaleString('en-US')}K`;

function career(width: number, charset: Charset, paint?: Paint): string {
  return lineChart({
    series: [
      { label: 'sf, big tech', points: CAREER.map(([x, , y]) => ({ x, y })) },
      { label: 'city=seattle', points: CAREER.map(([x, , , , y]) => ({ x, y })) },
      { label: 'skills=+nlp', points: CAREER.map(([x, , , , , y]) => ({ x, y })) },
    ],
    band: CAREER.map(([x, low, , high]) => ({ x, low, high })),
    width,
    height: width < 80 ? 10 : 14,
    charset,
    xLabel: 'years of experience',
    yLabel: 'Total pay, US$ a year',
    formatX: String,
    formatY: dollarsK,
    ...(paint ? { paint } : {}),
  });
}

describe('lineChart', () => {
  describe.each([40, 80, 160])('a 16-point career at %i columns', (width) => {
    it.each(CHARSETS)('%s, plain and coloured', (charset) => {
      const plain = career(width, charset);
      const painted = career(width, charset, ansi);
      expect(plain).toMatchSnapshot();
      expect(shown(painted)).toMatchSnapshot();
      for (const line of painted.split('\n')) expect(visible(line)).toBeLessThanOrEqual(width);
      expect(strip(painted)).toBe(plain);
      expect(painted).toMatch(ANSI);
      const lines = plain.split('\n');
      // y title, the plot rows, axis, x ticks, x title, then the legend (wrapped at 40).
      const rows = width < 80 ? 10 : 14;
      expect(lines[0]).toBe('Total pay, US$ a year');
      // The x axis spans the whole width; its ticks stand at 0, 5, 10, 15 (every year at 160).
      expect(visible(lines[rows + 1]!)).toBe(width);
      expect(lines[rows + 2]!.trim().split(/\s+/)).toEqual(
        width === 160 ? CAREER.map(([x]) => String(x)) : ['0', '5', '10', '15'],
      );
      expect(lines[rows + 3]!.trim()).toBe('years of experience');
      const legend = lines.slice(rows + 4).join('  ');
      const glyphs = charset === 'unicode' ? ['●', '▲', '■', '░'] : ['*', '+', 'o', ':'];
      for (const [glyph, label] of [
        [glyphs[0], 'sf, big tech'],
        [glyphs[1], 'city=seattle'],
        [glyphs[2], 'skills=+nlp'],
        [glyphs[3], 'P10 to P90'],
      ]) {
        expect(legend).toContain(`${glyph} ${label}`);
      }
    });
  });

  it('maps x to columns and y to rows as the arithmetic says', () => {
    // Gutter: "$100K" + " ┤" = 7 columns, so the plot is 30 wide: x 0 -> column 7, x 10 ->
    // column 36; y 0 -> the last of 11 rows, 100K -> the first, 50K -> the middle (row 5).
    const chart = lineChart({
      series: [
        {
          label: 'a',
          points: [
            { x: 0, y: 0 },
            { x: 5, y: 50000 },
            { x: 10, y: 100000 },
          ],
        },
      ],
      width: 37,
      height: 11,
      charset: 'ascii',
      xLabel: 'x',
      yLabel: 'y',
      formatX: String,
      formatY: dollarsK,
    });
    const plot = chart.split('\n').slice(1, 12);
    expect(plot).toHaveLength(11);
    expect(plot[0]!.slice(0, 7)).toBe('$100K +');
    expect(plot[0]![36]).toBe('*');
    expect(plot[10]!.slice(0, 8)).toBe('  $0K +*');
    expect(plot[5]!.slice(0, 7)).toBe(' $50K +');
    expect(plot[5]![7 + 15]).toBe('*'); // x 5 -> column 14.5, rounded to 15
    // Rows without a tick carry the bare axis.
    expect(plot[1]!.slice(0, 7)).toBe('      |');
  });

  it('shades the band between low and high, under the line', () => {
    const chart = lineChart({
      series: [{ label: 'typical', points: [0, 10].map((x) => ({ x, y: 50 })) }],
      band: [0, 10].map((x) => ({ x, low: 0, high: 100 })),
      width: 30,
      height: 5,
      charset: 'ascii',
      xLabel: 'x',
      yLabel: 'y',
      formatX: String,
      formatY: String,
      yFrom: 'data',
    });
    const plot = chart.split('\n').slice(1, 6);
    const gutter = plot[0]!.indexOf('+') + 1;
    expect(plot.map((l) => l.slice(gutter))).toEqual([
      ':'.repeat(30 - gutter),
      ':'.repeat(30 - gutter),
      '*'.repeat(30 - gutter),
      ':'.repeat(30 - gutter),
      ':'.repeat(30 - gutter),
    ]);
  });

  it('draws the first series over the others where they meet', () => {
    const flat = (y: number) => [0, 10].map((x) => ({ x, y }));
    const chart = lineChart({
      series: [
        { label: 'first', points: flat(5) },
        { label: 'second', points: flat(5) },
      ],
      width: 40,
      height: 5,
      charset: 'unicode',
      xLabel: 'x',
      yLabel: 'y',
      formatX: String,
      formatY: String,
    });
    const plot = chart.split('\n').slice(1, 6).join('');
    expect(plot).toContain('●');
    expect(plot).not.toContain('▲');
    // The legend says where the hidden line went (review F14).
    expect(chart).toContain('● first  ▲ second (all under ●)');
  });

  it('degrades at narrow widths: the y labels go before anything passes the width', () => {
    const at15 = career(15, 'unicode').split('\n');
    for (const line of at15) expect(visible(line)).toBeLessThanOrEqual(15);
    expect(at15[1]!.startsWith('│') || at15[1]!.startsWith('┤')).toBe(true);
    const at40 = career(40, 'unicode').split('\n');
    expect(at40.some((l) => l.includes('$500K ┤'))).toBe(true);
  });

  it('ends for spans at the edges of floating point (found by the property test)', () => {
    // A span of 5e-324 over 4 rows made 10^k underflow to 0: the tick step search never ended.
    const chart = (ys: number[], yFrom: 'zero' | 'data', height = 10): string =>
      lineChart({
        series: [{ label: 'a', points: ys.map((y, x) => ({ x, y })) }],
        width: 40,
        height,
        charset: 'ascii',
        xLabel: 'x',
        yLabel: 'y',
        formatX: String,
        formatY: String,
        yFrom,
      });
    expect(chart([0, 5e-324], 'zero', 4)).toContain('*');
    expect(chart([0, 2e-323], 'zero')).toContain('*');
    expect(chart([1e7, 1e7 + 2e-9], 'data')).toContain('*');
    expect(chart([1e300, 1.7e308], 'zero')).toContain('*');
  });

  it('refuses non-finite data and sizes below 1', () => {
    const o: LineChartOptions = {
      series: [{ label: 'a', points: [{ x: 0, y: NaN }] }],
      width: 40,
      height: 10,
      charset: 'ascii',
      xLabel: 'x',
      yLabel: 'y',
      formatX: String,
      formatY: String,
    };
    expect(() => lineChart(o)).toThrow(RangeError);
    expect(() => lineChart({ ...o, series: [], width: 0 })).toThrow(RangeError);
    expect(() => lineChart({ ...o, series: [], height: 0 })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const amount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true }));
  const rangeArb = fc
    .tuple(amount, amount, amount)
    .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y))
    .map(([low, mid, high]) => ({ low: low!, mid: mid!, high: high! }));
  const flatRange = amount.map((v) => ({ low: v, mid: v, high: v }));
  const markerArb = fc.option(
    fc.oneof(amount, fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constant(-1e15)),
    { nil: undefined },
  );

  it('a range bar never throws and is always exactly width cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(rangeArb, flatRange), { minLength: 1, maxLength: 4 }),
        markerArb,
        fc.boolean(),
        fc.integer({ min: 10, max: 200 }),
        fc.constantFrom(...CHARSETS),
        (ranges, marker, withOffer, width, charset) => {
          // The scale either takes in the marker or leaves it off the edge.
          const scale = commonScale(ranges, withOffer && marker !== undefined ? [marker] : []);
          for (const range of ranges) {
            const plain = rangeBar(range, scale, width, { charset, marker });
            const painted = rangeBar(range, scale, width, { charset, marker, paint: ansi });
            expect(Array.from(plain)).toHaveLength(width);
            expect(strip(painted)).toBe(plain);
          }
        },
      ),
    );
  });

  it('a line chart never throws and no line passes the width', () => {
    const point = fc.record({ x: fc.double({ min: 0, max: 50, noNaN: true }), y: amount });
    const series = fc.record({
      label: fc.string({ maxLength: 30 }).map((s) => s.replace(/[^ -~]/g, '?')),
      points: fc.array(point, { maxLength: 200 }),
    });
    const band = fc.array(
      fc.record({ x: fc.double({ min: 0, max: 50, noNaN: true }), low: amount, high: amount }),
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(
        fc.array(series, { maxLength: 5 }),
        fc.option(band, { nil: undefined }),
        fc.integer({ min: 10, max: 200 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...CHARSETS),
        fc.constantFrom<'zero' | 'data'>('zero', 'data'),
        (s, b, width, height, charset, yFrom) => {
          const chart = lineChart({
            series: s,
            ...(b ? { band: b } : {}),
            width,
            height,
            charset,
            xLabel: 'years of experience',
            yLabel: 'Total pay, US$ a year',
            formatX: (x) => x.toFixed(1),
            formatY: dollarsK,
            yFrom,
            paint: ansi,
          });
          for (const line of chart.split('\n')) expect(visible(line)).toBeLessThanOrEqual(width);
        },
      ),
      { numRuns: 300 },
    );
  });
});
