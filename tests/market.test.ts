import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { market } from '../src/market.js';
import type { Range } from '../src/types.js';

const SEEDS = new URL('../../shared/seeds/', import.meta.url);
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
const sourceIds = new Set(market.sources.map((s) => s.id));

describe('market data', () => {
  it('names two seed files and the model as its sources', () => {
    expect(market.sources.map((s) => s.file)).toEqual([
      '000_9709492edcb84f3d.txt',
      '001_7d385067ae85ddac.txt',
      'README.md',
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
      expect(ordered(i.bonusShareOfBase)).toBe(true);
      expect(i.baseMultiplier).toBeGreaterThan(0);
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
      add(
        market.payMix.typicalBonusShareOfBase.source,
        market.payMix.typicalBonusShareOfBase.quote,
      );
      add(market.payMix.tech.source, market.payMix.tech.quote);
      add(market.payMix.general.source, market.payMix.general.quote);
      expect(quotes.length).toBeGreaterThan(40);
      for (const { source, quote } of quotes) {
        const text = squash(seedText(files.get(source)!)!);
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
