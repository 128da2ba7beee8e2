import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { market } from '../../src/model/market.js';
import { LEVELS, type Level, type Range } from '../../src/model/types.js';

const SEEDS = new URL('../../../shared/seeds/', import.meta.url);
const seedText = (file: string): string | undefined => {
  const url = new URL(file, SEEDS);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
};
// Compare quotes loosely: the seeds use curly quotes, en dashes and table pipes.
const squash = (s: string): string =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/[|\s]+/g, ' ')
    .trim()
    .toLowerCase();

const ordered = (r: Pick<Range, 'low' | 'mid' | 'high'>): boolean =>
  r.low <= r.mid && r.mid <= r.high;
/** The summary statistics of a group, as the estimate's data carries them. */
const pick = (g: Record<string, number>) => ({
  count: g.count,
  p25: g.p25,
  median: g.median,
  p75: g.p75,
  p90: g.p90,
});
const sourceIds = new Set(market.sources.map((s) => s.id));

/** The levels.fyi training records (data/sources/), as the market's titles read them. */
interface Rec {
  company: string;
  level: string;
  base: number;
  bonus: number;
  total: number;
}
const records: Rec[] = readFileSync(
  new URL('../../data/sources/levels-ml-us-2018-2021-train.ndjson', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Rec);
const fold = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]/g, '');
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = (s.length - 1) / 2;
  return (s[Math.floor(m)]! + s[Math.ceil(m)]!) / 2;
};
/** A record's level by its company's titles, if the market maps it. */
const levelOf = (r: Rec): Level | undefined => {
  const company = r.company.toLowerCase().split(' ')[0]!;
  const t = market.levels.titles.find((m) =>
    [m.company, ...m.aliases].map((n) => n.toLowerCase()).includes(company),
  );
  return t === undefined ? undefined : titleLevel(t.titles, r.level);
};
/** The level a company's titles give a title, matched as the CLI matches them (folded). */
const titleLevel = (titles: Record<string, Level>, title: string): Level | undefined =>
  Object.entries(titles).find(([t]) => fold(t) === fold(title))?.[1];

describe('market data', () => {
  it('names the guides, the open data, the records, federal data, the level guides, the equity references and the model as sources', () => {
    expect(market.sources.map((s) => s.id)).toEqual([
      'guide2026',
      'article',
      'aijobs',
      'levels',
      'federal',
      'faang-levels',
      'microsoft-levels',
      'apple-levels',
      'carta',
      'benchmarks',
      'carta409a',
      'model',
    ]);
    expect(market.sources.slice(0, 2).map((s) => s.file)).toEqual([
      '000_9709492edcb84f3d.txt',
      '001_7d385067ae85ddac.txt',
    ]);
  });

  it("the open data's reading says what it feeds: half the typical base; the spread is the records' (regressA F6)", () => {
    const file = JSON.parse(
      readFileSync(new URL('../../data/market.json', import.meta.url), 'utf8'),
    ) as { sources: { id: string; reading: string }[]; spread: { sources: string[] } };
    expect(file.spread.sources).not.toContain('aijobs');
    const reading = file.sources.find((s) => s.id === 'aijobs')!.reading;
    expect(reading).not.toMatch(/whole spread/);
    expect(reading).toContain('half of the typical figure (the records set the spread)');
  });

  it('has the shape the estimator reads', () => {
    for (const curve of market.experience.curves) {
      expect(sourceIds.has(curve.source)).toBe(true);
      let lastAnchor = -Infinity;
      for (const b of curve.bands) {
        expect(b.years).toHaveLength(2);
        expect(b.base).toHaveLength(2);
        expect(b.base[0]).toBeLessThan(b.base[1]);
        expect(b.anchorYears).toBeGreaterThan(lastAnchor);
        lastAnchor = b.anchorYears;
        if (b.total) expect(b.total[0]).toBeGreaterThanOrEqual(b.base[0]);
        // A band marked open-ended quotes floors ("$300,000+"), and its note says where the highs
        // come from; a closed band quotes both ends of its base.
        if (b.openHigh) {
          expect(b.quote).toMatch(/\$[\d,]+\+/);
          expect(b.note).toMatch(/top/);
        } else {
          expect(b.quote).not.toMatch(/\$[\d,]+K?\+/);
        }
      }
    }
    // The ladder: each level once, in order, its base going up; years imply all but principal.
    expect(market.levels.list.map((l) => l.id)).toEqual(LEVELS);
    market.levels.list.forEach((l, i) => {
      if (i > 0) expect(l.base).toBeGreaterThan(market.levels.list[i - 1]!.base);
    });
    expect(market.levels.list.map((l) => l.fromYears)).toEqual([0, 3, 6.5, 11, null]);
    const anchors = market.experience.position.anchors;
    anchors.forEach((a, i) => {
      if (i === 0) return;
      expect(a.years).toBeGreaterThan(anchors[i - 1]!.years);
      expect(a.position).toBeGreaterThanOrEqual(anchors[i - 1]!.position);
    });
    for (const l of market.locations) {
      expect(l.multiplier, l.id).toBeGreaterThan(0);
      expect(l.spread ?? 1, l.id).toBeGreaterThan(0);
    }
    for (const i of market.industries) {
      expect(Object.hasOwn(market.payMix.kinds, i.payMix), i.id).toBe(true);
      expect(i.baseMultiplier).toBeGreaterThan(0);
    }
    for (const [id, kind] of Object.entries(market.payMix.kinds)) {
      expect(Object.hasOwn(market.spread.tables, kind.spread), id).toBe(true);
      expect(Object.keys(kind.levels)).toEqual(LEVELS);
      for (const m of Object.values(kind.levels)) {
        expect(m.bonus).toBeGreaterThanOrEqual(0);
        expect(m.equity).toBeGreaterThanOrEqual(0);
      }
      for (const s of kind.sources) expect(sourceIds.has(s), `${id}: ${s}`).toBe(true);
    }
    for (const [id, table] of Object.entries(market.spread.tables)) {
      for (const rows of [table.withoutLevel, table.withLevel]) {
        for (const part of ['base', 'bonus', 'equity', 'total'] as const) {
          expect(rows[part], `${id} ${part}`).toHaveLength(LEVELS.length);
          for (const [p10, p25, p75, p90] of rows[part]) {
            expect(0 <= p10 && p10 <= p25 && p25 <= 1 && 1 <= p75 && p75 <= p90).toBe(true);
          }
        }
      }
    }
    for (const s of market.skills.list) expect(s.premium).toBeGreaterThanOrEqual(0);
    expect(market.skills.diminishingFactor).toBeGreaterThan(0);
    expect(market.skills.diminishingFactor).toBeLessThan(1);
    expect(ordered(market.payMix.paperValue)).toBe(true);
  });

  it('orders degree multipliers by rank, so a higher degree never pays less', () => {
    const byRank = [...market.degrees.list].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) {
      expect(byRank[i]!.multiplier).toBeGreaterThanOrEqual(byRank[i - 1]!.multiplier);
    }
  });

  it('maps every company title to one level, and the records agree on the order', () => {
    for (const t of market.levels.titles) {
      expect(sourceIds.has(t.source), t.company).toBe(true);
      for (const [title, level] of Object.entries(t.titles)) {
        expect(title).toMatch(/^[A-Za-z0-9]+( [A-Za-z0-9]+)*$/);
        expect(LEVELS).toContain(level);
      }
      // Written as the company writes them; no two the same once folded.
      const folded = Object.keys(t.titles).map(fold);
      expect(new Set(folded).size, t.company).toBe(folded.length);
    }
    // The records of each company: the median base of a mapped level rises with the level.
    for (const t of market.levels.titles) {
      const names = [t.company, ...t.aliases].map((n) => n.toLowerCase());
      const medians = LEVELS.map((level) => {
        const bases = records
          .filter((r) => names.includes(r.company.toLowerCase().split(' ')[0]!))
          .filter((r) => titleLevel(t.titles, r.level) === level)
          .map((r) => r.base);
        return bases.length >= 3 ? median(bases) : undefined;
      }).filter((m): m is number => m !== undefined);
      expect(medians.length, t.company).toBeGreaterThanOrEqual(3);
      medians.forEach((m, i) => {
        if (i > 0) expect(m, t.company).toBeGreaterThan(medians[i - 1]!);
      });
    }
  });

  it('sets the ladder between the records and the aijobs medians, as its derivations say', () => {
    const postings = new Map(market.openData.levels.map((l) => [l.id, l.postings.median]));
    const list = market.levels.list;
    (['EN', 'MI', 'SE'] as const).forEach((id, i) => {
      const records = Number(/records ([\d,]+)/.exec(list[i]!.derivation)![1]!.replace(/,/g, ''));
      expect(list[i]!.derivation).toContain(
        `aijobs ${id} ${postings.get(id)!.toLocaleString('en-US')}`,
      );
      expect(list[i]!.base).toBe(Math.round(Math.sqrt(records * postings.get(id)!) / 100) * 100);
    });
    const step = (i: number) => Number(/\(([\d.]+)[,)]/.exec(list[i]!.derivation)![1]);
    expect(list[3]!.base).toBeCloseTo(list[2]!.base * step(3), -2);
    expect(list[4]!.base).toBeCloseTo(list[2]!.base * step(4), -2);
  });

  it("big tech's pay mix is the records' medians at each mapped level", () => {
    const tech = market.payMix.kinds.tech!;
    LEVELS.slice(0, 4).forEach((level) => {
      const rs = records.filter((r) => levelOf(r) === level);
      const bonus = median(rs.map((r) => r.bonus / r.base));
      const equity = median(rs.map((r) => r.total / r.base)) - 1 - bonus;
      expect(tech.levels[level].bonus, level).toBeCloseTo(bonus, 1);
      expect(tech.levels[level].equity, level).toBeCloseTo(equity, 1);
    });
  });
  it('gives every alias to exactly one entry of its kind', () => {
    for (const list of [
      market.locations,
      market.industries,
      market.skills.list,
      market.degrees.list,
    ]) {
      const seen = new Map<string, string>();
      for (const e of list) {
        for (const a of [e.id, ...e.aliases]) {
          const key = a.toLowerCase();
          expect(seen.get(key) ?? e.id, `alias '${a}'`).toBe(e.id);
          seen.set(key, e.id);
        }
      }
    }
  });

  it('carries the open data exactly as the copied summary in data/sources/ states it', () => {
    const summary = JSON.parse(
      readFileSync(
        new URL('../../data/sources/aijobs-us-ml-salaries.json', import.meta.url),
        'utf8',
      ),
    );
    const aijobs = market.sources.find((s) => s.id === 'aijobs') as unknown as {
      provenance: Record<string, unknown>;
    };
    // The provenance as the summary gives it: repository, commit, hashes, licence, filters, method.
    expect(aijobs.provenance.repo).toBe(summary.source.repo);
    expect(aijobs.provenance.commit).toBe(summary.source.commit);
    expect(aijobs.provenance.sha256).toBe(summary.source.sha256);
    expect(aijobs.provenance.git_blob_sha1).toBe(summary.source.git_blob_sha1);
    expect(aijobs.provenance.license).toBe(summary.source.license);
    expect(aijobs.provenance.filters).toBe(summary.method.filters);
    expect(aijobs.provenance.method).toEqual(summary.method);
    for (const level of market.openData.levels) {
      const { count, p25, median, p75, p90 } = level.postings;
      expect({ count, p25, median, p75, p90 }).toEqual(
        pick(summary.us_core_pair_midpoint.by_experience_level.all_years[level.id]),
      );
      expect(level.rows).toEqual(pick(summary.us_core.by_experience_level.all_years[level.id]));
      const { year, ...latest } = level.latest;
      expect(year).toBe(Number(summary.method.latest_year));
      expect(latest).toEqual(
        pick(summary.us_core_pair_midpoint.by_experience_level.latest_year_2025[level.id]),
      );
    }
  });

  // The guides' text sits in ../shared/seeds beside the checkout (as in CI); a clone alone does
  // not have it, and the check is skipped there, saying why, but never in CI.
  const seedsHere = existsSync(SEEDS);
  it.skipIf(!seedsHere && process.env.CI === undefined)(
    "quotes every figure from the seed it names, word for word (needs the guides' text in ../shared/seeds beside the checkout)",
    () => {
      const files = new Map(market.sources.map((s) => [s.id, s.file]));
      const quotes: { source: string; quote: string }[] = [];
      const add = (source: string, quote: string) => quotes.push({ source, quote });
      for (const c of market.experience.curves) for (const b of c.bands) add(c.source, b.quote);
      for (const l of market.locations) for (const e of l.evidence) add(e.source, e.quote);
      for (const i of market.industries) for (const e of i.evidence) add(e.source, e.quote);
      for (const s of market.skills.list) add(s.source, s.quote);
      for (const d of market.degrees.list) add(d.sources.at(-1)!, d.quote);
      add(market.degrees.fade.source, market.degrees.fade.quote);
      add(market.skills.reference.source, market.skills.reference.quote);
      expect(quotes.length).toBeGreaterThan(50);
      // Only the guides' quotes are checked here: the federal figures are quoted from
      // data/sources/metro-wages-2024.json (tests/model/metros.test.ts checks them), the records'
      // from data/sources/levels-ml-us-2018-2021-* (tests/model/calibration.test.ts).
      const fromGuides = quotes.filter((q) => ['guide2026', 'article'].includes(q.source));
      expect(fromGuides.length).toBeGreaterThan(50);
      for (const { source, quote } of fromGuides) {
        const seed = seedText(files.get(source)!);
        if (seed === undefined) throw new Error(`${source}: no seed file for "${quote}"`);
        const text = squash(seed);
        // A quote may elide words with "..."; each piece must appear in order.
        let from = 0;
        for (const piece of squash(quote)
          .split('...')
          .map((p) => p.trim())) {
          const at = text.indexOf(piece, from);
          expect(at, `[${source}] "${piece}"`).toBeGreaterThanOrEqual(0);
          from = at + piece.length;
        }
      }
    },
  );
});

describe("the library's market", () => {
  it('is deeply frozen, so cached derivations cannot go stale', async () => {
    const { market: exported } = await import('../../src/index.js');
    expect(exported).toBe(market);
    expect(Object.isFrozen(exported)).toBe(true);
    expect(Object.isFrozen(exported.skills.list[0]!)).toBe(true);
    expect(() => {
      (exported.skills.list[0]! as { premium: number }).premium = 999_999;
    }).toThrow(TypeError);
  });
});
