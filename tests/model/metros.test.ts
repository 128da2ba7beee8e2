import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import parities from '../../data/price-parities.json' with { type: 'json' };
import { resolveName } from '../../src/input/names.js';
import { estimate, mixAt, positionFor } from '../../src/model/estimate.js';
import { multiplier } from '../../src/model/format.js';
import { market } from '../../src/model/market.js';
import type { Location } from '../../src/model/types.js';
import { cli, json } from '../command-helpers.js';
import { ROOT } from '../helpers.js';

/** The federal figures the location factors come from (data/sources/, not shipped). */
interface MetroWages {
  oews: { national: { p50: number } };
  oflc: { medianOverLevel3: number };
  metros: { msa: string; name: string; oewsMedian: number | null; oflc: number[] }[];
  locations: Record<string, string[]>;
  scaleMetros: string[];
  guideFactors: Record<string, number>;
  recordsCheck: Record<string, { n: number; implied?: number }>;
  recordsWeight: { k: number };
}
const wages = JSON.parse(
  readFileSync(join(ROOT, 'data/sources/metro-wages-2024.json'), 'utf8'),
) as MetroWages;

const byId = new Map(market.locations.map((l) => [l.id, l]));
const at = (id: string): Location => byId.get(id)!;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** A metro's federal median over the national one (0.993 x Level III where OEWS has none). */
function ratioOf(msa: string): number {
  const m = wages.metros.find((r) => r.msa === msa)!;
  const median = m.oewsMedian ?? wages.oflc.medianOverLevel3 * m.oflc[2]!;
  return median / wages.oews.national.p50;
}
/** A location's federal ratio: the geometric mean over its metros. */
function federalRatio(id: string): number {
  const codes = wages.locations[id]!;
  return Math.exp(codes.reduce((s, c) => s + Math.log(ratioOf(c)), 0) / codes.length);
}
// The scale: guide factor / federal ratio over the metros the guides price, geometrically (the
// guides' own figure, before any records are weighed in).
const quotients = wages.scaleMetros.map(
  (id) => (wages.guideFactors[id] ?? at(id).multiplier) / federalRatio(id),
);
const scale = Math.exp(quotients.reduce((s, q) => s + Math.log(q), 0) / quotients.length);

const NEW = [
  'san-jose',
  'boston',
  'los-angeles',
  'san-diego',
  'washington-dc',
  'chicago',
  'atlanta',
  'pittsburgh',
  'portland',
  'minneapolis',
  'philadelphia',
  'dallas',
  'houston',
  'salt-lake-city',
  'phoenix',
  'miami',
];
/** The new metros the guides do not price: their factor is the federal one. */
const FEDERAL = NEW.filter((id) => !at(id).federal?.guidesOutrank);

describe('the metros from federal wage data (docs/metros.md)', () => {
  it('has the sixteen new metros, and federal figures for every metro', () => {
    for (const id of NEW) expect(byId.has(id), id).toBe(true);
    expect(market.locations).toHaveLength(24);
    const withFederal = market.locations.filter((l) => l.federal).map((l) => l.id);
    expect(withFederal.sort()).toEqual(Object.keys(wages.locations).sort());
    expect(FEDERAL).toHaveLength(15); // San Jose keeps the guides' Bay Area figure
  });

  it('holds what scripts/metro-factors.mjs derives (npm run metros) from the federal data', () => {
    const r = spawnSync(process.execPath, ['scripts/metro-factors.mjs', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // And by hand, for the scale and one metro of each kind:
    // (The scale follows the guide metros' factors: 0.903 with the guides' figures of 2026.2.)
    expect(scale).toBeGreaterThan(0.8);
    expect(scale).toBeLessThan(1);
    expect(at('boston').federal).toEqual({
      ratio: 1.159,
      factor: round3(scale * federalRatio('boston')),
    });
    expect(at('boston').records?.prior).toBe(round3(scale * federalRatio('boston')));
    expect(at('pittsburgh').federal).toEqual({
      ratio: 0.891,
      factor: round3(scale * federalRatio('pittsburgh')),
      uncertain: true,
    });
    expect(at('seattle').federal).toEqual({
      ratio: 1.272,
      factor: round3(scale * federalRatio('seattle')),
      guidesOutrank: true,
    });
  });

  it('keeps the guides where they speak, and says they outrank the federal figure', () => {
    for (const id of [...wages.scaleMetros, 'san-jose']) {
      expect(at(id).federal?.guidesOutrank, id).toBe(true);
      expect(at(id).evidence.some((e) => e.source === 'article')).toBe(true);
    }
    expect(at('san-jose').multiplier).toEqual(at('sf').multiplier);
  });

  it('weighs the records with the prior by n / (n + k) in logs, for every metro with records', () => {
    const k = wages.recordsWeight.k;
    const weighed = market.locations.filter((l) => l.records);
    expect(weighed.map((l) => l.id).sort()).toEqual(
      Object.entries(wages.recordsCheck)
        .filter(([id, c]) => c.implied !== undefined && id !== 'san-jose')
        .map(([id]) => id)
        .sort(),
    );
    for (const l of weighed) {
      const { n, factor, prior } = l.records!;
      expect(factor, l.id).toBe(wages.recordsCheck[l.id]!.implied);
      expect(prior, l.id).toBe(wages.guideFactors[l.id] ?? l.federal!.factor);
      const w = n / (n + k);
      expect(l.multiplier, l.id).toBe(
        round3(Math.exp(w * Math.log(factor) + (1 - w) * Math.log(prior))),
      );
    }
    // Pittsburgh (review4 N1): 17 records at x1.101 against federal x0.802 (an estimate).
    expect(at('pittsburgh').multiplier).toBe(1.037);
  });

  it('keeps the federal ratio between any two metros without records (rounding aside, exactly)', () => {
    const bare = FEDERAL.filter((id) => !at(id).records);
    expect(bare).toEqual(['houston', 'salt-lake-city']);
    for (const a of bare)
      for (const b of bare) {
        const model = at(a).multiplier / at(b).multiplier;
        const federal = federalRatio(a) / federalRatio(b);
        expect(Math.abs(model / federal - 1), `${a}/${b}`).toBeLessThan(0.002);
      }
  });

  it('gives every location a BEA price parity of the one vintage', () => {
    const places = parities.places as Record<string, { index: number; year: number | null }>;
    for (const l of market.locations) {
      expect(places[l.id], l.id).toBeDefined();
      expect(places[l.id]!.index).toBeGreaterThan(80);
      expect(places[l.id]!.index).toBeLessThan(130);
      expect(places[l.id]!.year).toBe(2023);
    }
    expect(places.pittsburgh!.index).toBe(94.442);
    expect(places['washington-dc']!.index).toBe(108.641);
  });

  it.each([
    ['boston', 'boston'],
    ['Cambridge', 'boston'],
    ['LA', 'los-angeles'],
    ['l.a.', 'los-angeles'],
    ['D.C.', 'washington-dc'],
    ['northern virginia', 'washington-dc'],
    ['pgh', 'pittsburgh'],
    ['PDX', 'portland'],
    ['philly', 'philadelphia'],
    ['DFW', 'dallas'],
    ['Twin Cities', 'minneapolis'],
    ['SLC', 'salt-lake-city'],
    ['Silicon Valley', 'san-jose'],
    ['mountain view', 'san-jose'],
    ['bay area', 'sf'],
  ])('the name %s is %s', (name, id) => {
    expect(resolveName(market, 'city', name, '--city')).toBe(id);
  });

  it.each([
    ['bostn', 'boston'],
    ['pittsburg', 'pittsburgh'],
    ['washington', 'washington-dc'],
    ['philadelpha', 'philadelphia'],
  ])('an unknown %s gets "did you mean %s"', (name, hint) => {
    expect(() => resolveName(market, 'city', name, '--city')).toThrow(`(did you mean '${hint}'?)`);
  });
});

it("docs/metros.md's table agrees with the data (factor, state kind, price level)", () => {
  const page = readFileSync(join(ROOT, 'docs/metros.md'), 'utf8');
  const table = page.slice(page.indexOf('\n| id '), page.indexOf('\n\n', page.indexOf('\n| id ')));
  const rows = table
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.split('|').map((c) => c.trim()));
  expect(rows.map((r) => r[1])).toEqual(market.locations.map((l) => l.id));
  const places = parities.places as Record<string, { index: number }>;
  for (const [, id, label, factor, from, , price] of rows) {
    const l = at(id!);
    expect(label, id).toBe(l.label);
    expect(Number(factor!.slice(1)), id).toBe(l.multiplier);
    expect(from!.startsWith('federal'), id).toBe(
      l.federal !== undefined && !l.federal.guidesOutrank,
    );
    expect(from!.includes('estimate'), id).toBe(
      l.federal?.uncertain === true && !l.federal.guidesOutrank,
    );
    expect(Number(price), id).toBe(places[id!]!.index);
  }
  // The opening sentence counts the metros (not remote, us) by where their factor comes from.
  const count = (from: string) =>
    rows.filter((r) => r[4]!.startsWith(from) && r[1] !== 'remote' && r[1] !== 'us').length;
  const word = (n: number) =>
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
      ' ',
    )[n]!;
  const records = count('records');
  const guides = count('guides');
  expect(page.replace(/\s+/g, ' ')).toContain(
    `knows ${rows.length - 2} US metros, plus \`remote\` and \`us\` (other US). ` +
      `${word(records).replace(/^./, (c) => c.toUpperCase())}, the hubs, are priced by pay records (levels.fyi), ` +
      `${word(guides)} by the two salary guides, and ${word(count('federal'))} by federal wage data, ` +
      `made consistent with those ${word(records + guides)}.`,
  );
});

describe('the built CLI with a new metro', () => {
  it('names federal wage data among the location factor sources, and keeps the ratio', async () => {
    const boston = await json<{
      base: { mid: number };
      factors: { id: string; label: string; sources: string[] }[];
      sources: { id: string; title: string }[];
    }>(['--years', '5', '--city', 'boston']);
    const chicago = await json<{ base: { mid: number } }>(['--years', '5', '--city', 'chicago']);
    const city = boston.factors.find((f) => f.id === 'city:boston')!;
    expect(city.sources).toContain('federal');
    expect(city.label).toBe(
      `Boston / Cambridge: base ${multiplier(at('boston').multiplier)} (22 pay records' x1.05 weighed with federal wage data's x1.042)`,
    );
    expect(city.sources).toContain('levels');
    // Pittsburgh's records and its federal estimate differ by 37%: its reason says uncertain.
    const pgh = await json<{ factors: { label: string }[] }>(['--years', '5', '--city', 'pgh']);
    expect(pgh.factors[1]!.label).toBe(
      "Pittsburgh: base x1.037 (17 pay records' x1.101 weighed with federal wage data's x0.802, an estimate: uncertain)",
    );
    expect(boston.sources.find((s) => s.id === 'federal')?.title).toMatch(/^Federal wage data/);
    // Boston/Chicago: 154,240 / 130,030 = 1.186 at the federal medians; Chicago's 3 records
    // (x1.118) raise it to x0.974, so 1.049 / 0.974 = 1.077.
    const ratio = boston.base.mid / chicago.base.mid;
    expect(Math.abs(ratio / (1.049 / 0.974) - 1)).toBeLessThan(0.002);
  });

  it('says where the guides outrank the federal ratio', async () => {
    const r = await cli(['--years', '5', '--city', 'seattle']);
    expect(r.stdout).toContain(
      `Seattle: base ${multiplier(at('seattle').multiplier)} (the records' figure outranks federal wage data's ${multiplier(at('seattle').federal!.factor)})`,
    );
  });
});

describe('the general pay mix by place (review4 N3)', () => {
  const general = market.payMix.kinds.general!;
  const by = general.byPlace!;
  const at = (city: string, industry = 'enterprise') =>
    estimate({ years: 5, city, industry, skills: [], degree: 'bachelors' }, market);
  const share = (e: ReturnType<typeof at>, part: 'bonus' | 'equity') => e[part].mid / e.base.mid;

  it("multiplies its shares by the hubs' term or the elsewhere term, and says which", () => {
    expect(by.hubs).toEqual(['sf', 'san-jose', 'seattle', 'nyc']);
    const pooled = mixAt(general, positionFor(market, 5));
    for (const [city, term, where] of [
      ['sf', by.hub, 'in'],
      ['nyc', by.hub, 'in'],
      ['us', by.elsewhere, 'outside'],
      ['remote', by.elsewhere, 'outside'],
      ['pittsburgh', by.elsewhere, 'outside'],
    ] as const) {
      const e = at(city);
      expect(share(e, 'bonus'), city).toBeCloseTo(pooled.bonus * term.bonus, 4);
      expect(share(e, 'equity'), city).toBeCloseTo(pooled.equity * term.equity, 4);
      expect(e.factors.find((f) => f.id === 'equity')!.label).toContain(
        `(general pay mix ${where} the hubs)`,
      );
    }
    // 5 years, every input defaulted: equity 8.7% of base, where it was 27.2% pooled.
    expect(share(at('us'), 'equity')).toBeCloseTo(0.087, 3);
  });

  it("leaves big tech's mix alone: the same shares in and outside the hubs", () => {
    for (const part of ['bonus', 'equity'] as const)
      expect(share(at('us', 'big-tech'), part)).toBeCloseTo(share(at('sf', 'big-tech'), part), 4);
  });
});
