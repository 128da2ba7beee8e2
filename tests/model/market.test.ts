import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { market } from '../../src/model/market.js';
import type { Range } from '../../src/model/types.js';

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

const ordered = (r: Range): boolean => r.low <= r.mid && r.mid <= r.high;
/** The summary statistics of a group, as the estimate's data carries them. */
const pick = (g: Record<string, number>) => ({
  count: g.count,
  p25: g.p25,
  median: g.median,
  p75: g.p75,
  p90: g.p90,
});
const sourceIds = new Set(market.sources.map((s) => s.id));

describe('market data', () => {
  it('names the two guides, the open data, the equity references and the model as sources', () => {
    expect(market.sources.map((s) => s.id)).toEqual([
      'guide2026',
      'article',
      'aijobs',
      'federal',
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
    for (const l of market.locations) expect(ordered(l.multiplier)).toBe(true);
    for (const i of market.industries) {
      expect(Object.hasOwn(market.payMix.kinds, i.payMix), i.id).toBe(true);
      expect(i.baseMultiplier).toBeGreaterThan(0);
    }
    for (const kind of Object.values(market.payMix.kinds)) {
      let last = -Infinity;
      for (const a of kind.anchors) {
        expect(a.years).toBeGreaterThan(last);
        last = a.years;
        expect(ordered(a.bonus) && a.bonus.low >= 0).toBe(true);
        expect(ordered(a.equity) && a.equity.low >= 0).toBe(true);
        expect(sourceIds.has(a.source)).toBe(true);
      }
    }
    let last = -Infinity;
    for (const a of market.experience.national.anchors) {
      expect(a.years).toBeGreaterThan(last);
      last = a.years;
      expect(ordered(a) && a.low > 0).toBe(true);
    }
    for (const s of market.skills.list) expect(ordered(s.premium) && s.premium.low >= 0).toBe(true);
    expect(market.skills.diminishingFactor).toBeGreaterThan(0);
    expect(market.skills.diminishingFactor).toBeLessThan(1);
  });

  it('orders degree premiums by rank at every end, so a higher degree never pays less', () => {
    const byRank = [...market.degrees.list].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) {
      for (const k of ['low', 'mid', 'high'] as const) {
        expect(byRank[i]!.premium[k]).toBeGreaterThanOrEqual(byRank[i - 1]!.premium[k]);
      }
    }
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

  it('derives city multipliers from the quoted city ranges as documented', () => {
    const national = { low: 140_000, high: 200_000 }; // 001 mid-level base
    const hub = market.experience.hubPremium;
    const ratio = (city: [number, number]) => ({
      low: Math.min(city[0] / national.low, city[1] / national.high),
      mid: (city[0] + city[1]) / (national.low + national.high),
      high: Math.max(city[0] / national.low, city[1] / national.high),
    });
    for (const l of market.locations) {
      const cityRange = l.evidence.find((e) => Array.isArray(e.cityBase))?.cityBase as
        [number, number] | undefined;
      if (!cityRange) continue;
      const r = ratio(cityRange);
      const hubQuoted = l.evidence.some((e) => Array.isArray(e.premium));
      const expected = hubQuoted
        ? {
            low: Math.min(r.low, hub.low),
            mid: (r.mid + hub.mid) / 2,
            high: Math.max(r.high, hub.high),
          }
        : r;
      expect(l.multiplier.low, l.id).toBeCloseTo(expected.low, 2);
      expect(l.multiplier.mid, l.id).toBeCloseTo(expected.mid, 2);
      expect(l.multiplier.high, l.id).toBeCloseTo(expected.high, 2);
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

  it('derives the spread, the national base and the pay mixes as their derivations say', () => {
    const z90 = 1.2815515655446004;
    const z75 = 0.6744897501960817;
    const levels = new Map(market.openData.levels.map((l) => [l.id, l]));
    // Spread: a split lognormal per side; within a posted range offers spread evenly, so the
    // row-level variance beyond the midpoints' counts a third.
    for (const l of market.openData.levels) {
      if (!l.spread) continue;
      const sigma = (mid: number, row: number): number =>
        Math.sqrt(mid ** 2 + (row ** 2 - mid ** 2) / 3);
      const lo = sigma(
        Math.log(l.postings.median / l.postings.p25) / z75,
        Math.log(l.rows.median / l.rows.p25) / z75,
      );
      const hi = sigma(
        Math.log(l.postings.p90 / l.postings.median) / z90,
        Math.log(l.rows.p90 / l.rows.median) / z90,
      );
      expect(l.spread.p10, l.id).toBeCloseTo(Math.exp(-z90 * lo), 4);
      expect(l.spread.p90, l.id).toBeCloseTo(Math.exp(z90 * hi), 4);
    }
    // National base: typical = the mean of the data's median and the guides' typical at the
    // level's years (001's band midpoints and 000's deflated by the hub premium, joined as
    // straight lines); low and high = typical x the data's P10 and P90 ratios; staff = senior x
    // 001's senior-to-staff step.
    const hub = market.experience.hubPremium.mid;
    const guidesTypical = (years: number): number => {
      const figures = market.experience.curves.map((c) => {
        const scale = c.basis === 'hub' ? 1 / hub : 1;
        const at = c.bands.map((b) => [b.anchorYears, ((b.base[0] + b.base[1]) / 2) * scale]);
        if (years <= at[0]![0]!) return at[0]![1]!;
        const i = at.findIndex(([x]) => x! >= years);
        const [xa, ya] = at[i - 1]!;
        const [xb, yb] = at[i]!;
        return ya! + ((yb! - ya!) * (years - xa!)) / (xb! - xa!);
      });
      return figures.reduce((a, b) => a + b, 0) / figures.length;
    };
    const anchors = market.experience.national.anchors;
    for (const a of anchors) {
      const level = a.dataLevel ? levels.get(a.dataLevel as string) : undefined;
      if (level) {
        expect(a.years).toBe(level.anchorYears);
        const mid = (level.postings.median + guidesTypical(a.years)) / 2;
        expect(a.mid, `${a.years}`).toBe(Math.round(mid));
        expect(a.low).toBe(Math.round(mid * level.spread!.p10));
        expect(a.high).toBe(Math.round(mid * level.spread!.p90));
      } else {
        const senior = anchors.find((x) => x.level === 'senior')!;
        const step = a.step as Range;
        expect(a.low).toBe(Math.round(senior.low * step.low));
        expect(a.mid).toBe(Math.round(senior.mid * step.mid));
        expect(a.high).toBe(Math.round(senior.high * step.high));
        // 001: senior to staff adds $50K-$100K to a senior total of $300K-$500K (midpoint $400K).
        expect(step).toEqual({ low: 1.125, mid: 1.1875, high: 1.25 });
      }
    }
    // Pay mixes: every kind but quant pays 001's usual 10-25% bonus; tech equity is what stock +
    // bonus at 30 / 37.5 / 50% of the total leaves at senior level; quant's bonus makes its total
    // equal big tech's; the startup's paper makes its package equal big tech's on paper.
    const { kinds, bonusShareOfBase: usual } = market.payMix;
    const share = (r: Range) => ({ low: r.low, mid: r.mid, high: r.high });
    for (const [id, kind] of Object.entries(kinds)) {
      if (id === 'quant') continue;
      for (const a of kind.anchors) expect(a.bonus, id).toEqual(share(usual));
    }
    const bigTech = market.industries.find((i) => i.id === 'big-tech')!.baseMultiplier;
    const startup = market.industries.find((i) => i.id === 'ai-startup')!.baseMultiplier;
    const senior = kinds.tech!.anchors[1]!;
    for (const end of ['low', 'mid', 'high'] as const) {
      const stockAndBonus = { low: 0.3, mid: 0.375, high: 0.5 }[end];
      expect(senior.equity[end]).toBeCloseTo(1 / (1 - stockAndBonus) - 1 - usual[end], 4);
      kinds.tech!.anchors.forEach((t, i) => {
        const totalOverBase = 1 + t.bonus[end] + t.equity[end];
        expect(kinds.quant!.anchors[i]!.years).toBe(t.years);
        expect(kinds.quant!.anchors[i]!.bonus[end]).toBeCloseTo(bigTech * totalOverBase - 1, 3);
        expect(kinds.quant!.anchors[i]!.equity[end]).toBe(0);
        // 220 / 180: Google's $220K base against the startup's $180K (001).
        expect(kinds.startup!.anchors[i]!.equity[end]).toBeCloseTo(
          (220 / 180) * totalOverBase - 1 - usual[end],
          3,
        );
      });
    }
    expect(startup).toBeCloseTo(180 / 215, 3);
    // Sarah: $8,000 of equity on $105,000 is the general mix's entry typical.
    expect(kinds.general!.anchors[0]!.equity.mid).toBeCloseTo(8000 / 105000, 4);
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
      add(market.experience.hubPremium.source, market.experience.hubPremium.quote);
      for (const c of market.experience.curves) for (const b of c.bands) add(c.source, b.quote);
      for (const l of market.locations) for (const e of l.evidence) add(e.source, e.quote);
      for (const i of market.industries) for (const e of i.evidence) add(e.source, e.quote);
      for (const s of market.skills.list) add(s.source, s.quote);
      for (const d of market.degrees.list) add(d.source, d.quote);
      add(market.degrees.fade.source, market.degrees.fade.quote);
      add(market.payMix.bonusShareOfBase.source, market.payMix.bonusShareOfBase.quote);
      for (const kind of Object.values(market.payMix.kinds)) {
        for (const a of kind.anchors) {
          add(a.source, a.quote);
          if (typeof a.quote2 === 'string') add(a.source, a.quote2);
        }
      }
      const staff = market.experience.national.anchors.find((a) => typeof a.quote === 'string');
      add('article', staff!.quote as string);
      expect(quotes.length).toBeGreaterThan(50);
      // The federal figures are quoted from data/sources/metro-wages-2024.json, not a guide:
      // tests/model/metros.test.ts checks them against that file.
      const fromGuides = quotes.filter((q) => q.source !== 'federal');
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

describe('the exported market', () => {
  it('is deeply frozen, so cached derivations cannot go stale', () => {
    expect(Object.isFrozen(market)).toBe(true);
    expect(Object.isFrozen(market.skills.list[0]!.premium)).toBe(true);
    expect(() => {
      (market.skills.list[0]!.premium as { mid: number }).mid = 999_999;
    }).toThrow(TypeError);
  });
});
