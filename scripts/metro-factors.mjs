// Derives the metros' location figures in data/market.json from federal wage data
// (data/sources/metro-wages-2024.json) and the metros the guides price: `npm run metros`
// rewrites them after either changes (docs/metros.md says how); with --check it only says
// whether data/market.json holds what it derives (tests/model/metros.test.ts runs that).
//
// For each location the wage file maps to its metros: its federal ratio (median over the
// national median; 0.993 x OFLC Level III where OEWS gives no median; the geometric mean over
// two metros), the factor that ratio gives on the market's scale (one scale: the geometric mean,
// over the guide-priced metros, of guide factor / federal ratio), and the federal evidence.
// A metro the guides do not price takes that factor as its multiplier; one the guides price
// keeps theirs (`guidesOutrank`); `sameAs` metros copy another's multiplier (San Jose: the
// guides' Bay Area). Where a location's multiplier is one number (the calibrated format), its
// `spread` is the metro's federal within-metro width over the hubs' (sigma from OFLC L4/L1).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const round3 = (x) => Math.round(x * 1000) / 1000;
const geomean = (xs) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const money = (x) => `$${Math.round(x).toLocaleString('en-US')}`;
const mid = (m) => (typeof m === 'number' ? m : m.mid);

/** The standard normal CDF (Abramowitz-Stegun 7.1.26 on erf; error below 1.5e-7). */
function phi(z) {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The lognormal sigma whose mean of the upper two-thirds over the mean of the lower third is
 * L4/L1 (OFLC's Levels IV and I): L4/L1 = (1 - Phi(z - s)) / (2 Phi(z - s)), z = Phi^-1(1/3).
 */
function sigmaOf(l4OverL1) {
  const z = -0.4307272992954576;
  let lo = 0.01;
  let hi = 2;
  for (let i = 0; i < 100; i++) {
    const s = (lo + hi) / 2;
    const ratio = (1 - phi(z - s)) / (2 * phi(z - s));
    if (ratio < l4OverL1) lo = s;
    else hi = s;
  }
  return (lo + hi) / 2;
}

/** The federal figures of one location: ratio, whether estimated, quote, sigma. */
function federalOf(wages, codes) {
  const rows = codes.map((c) => wages.metros.find((m) => m.msa === c));
  const national = wages.oews.national.p50;
  const k = wages.oflc.medianOverLevel3;
  const parts = rows.map((r) => {
    const estimated = r.oewsMedian === null;
    const ratio = (estimated ? k * r.oflc[2] : r.oewsMedian) / national;
    const quote = estimated
      ? `${r.name}: no OEWS median; ${k} x prevailing-wage Level III ${money(r.oflc[2])} = ${ratio.toFixed(3)}x the national ${money(national)} (an estimate, about +/-7%)`
      : `${r.name}: median ${money(r.oewsMedian)} (OEWS May 2024), ${ratio.toFixed(3)}x the national ${money(national)}`;
    return { ratio, estimated, quote, sigma: sigmaOf(r.oflc[3] / r.oflc[0]) };
  });
  return {
    ratio: geomean(parts.map((p) => p.ratio)),
    estimated: parts.some((p) => p.estimated),
    quote: parts.map((p) => p.quote).join('; '),
    sigma: geomean(parts.map((p) => p.sigma)),
  };
}

/** The scale and its range: guide factor / federal ratio over the guide-priced metros. */
export function scaleOf(market, wages) {
  const byId = new Map(market.locations.map((l) => [l.id, l]));
  const quotients = wages.scaleMetros.map(
    (id) =>
      (wages.guideFactors[id] ?? mid(byId.get(id).multiplier)) /
      federalOf(wages, wages.locations[id]).ratio,
  );
  return { scale: geomean(quotients), low: Math.min(...quotients), high: Math.max(...quotients) };
}

const SEE = ' (docs/metros.md)';

/** data/market.json with every federal figure derived again (a new object; the input is kept). */
export function deriveMetros(market, wages) {
  const out = JSON.parse(JSON.stringify(market));
  const { scale, low, high } = scaleOf(market, wages);
  const byId = new Map(out.locations.map((l) => [l.id, l]));
  const hubs = geomean(wages.spreadMetros.map((id) => federalOf(wages, wages.locations[id]).sigma));
  for (const [id, codes] of Object.entries(wages.locations)) {
    const l = byId.get(id);
    if (!l) continue;
    const f = federalOf(wages, codes);
    const factor = round3(scale * f.ratio);
    const guides = wages.scaleMetros.includes(id) || Object.hasOwn(wages.sameAs, id);
    l.federal = { ratio: round3(f.ratio), factor };
    if (f.estimated) l.federal.uncertain = true;
    if (guides) l.federal.guidesOutrank = true;
    l.evidence = [
      ...l.evidence.filter((e) => e.source !== 'federal'),
      { source: 'federal', quote: f.quote },
    ];
    const est = f.estimated ? ' (an estimate)' : '';
    const check = wages.recordsCheck[id];
    const records = check
      ? ` Training records: ${check.implied ? `${check.n} imply x${check.implied.toFixed(3)}` : 'none'}.${check.note ? ` ${check.note}` : ''}`
      : '';
    const alone = `Federal wage data alone: ${round3(f.ratio).toFixed(3)} x ${round3(scale).toFixed(3)} = x${factor.toFixed(3)}`;
    if (Object.hasOwn(wages.sameAs, id)) {
      const same = byId.get(wages.sameAs[id].id);
      l.multiplier = JSON.parse(JSON.stringify(same.multiplier));
      l.derivation = `${wages.sameAs[id].why} ${alone}; the guides outrank it${SEE}.${records}`;
    } else if (guides) {
      const own = l.derivation.split(' Federal wage data alone:')[0];
      l.multiplier = wages.guideFactors[id] ?? l.multiplier;
      l.derivation = `${own} ${alone}; the guides outrank it${SEE}.${records}`;
    } else {
      l.multiplier =
        typeof l.multiplier === 'number'
          ? factor
          : { low: round3(low * f.ratio), mid: factor, high: round3(high * f.ratio) };
      const ends =
        typeof l.multiplier === 'number'
          ? ''
          : `; low and high with the scales ${low.toFixed(3)} and ${high.toFixed(3)}`;
      l.derivation = `Federal ratio ${round3(f.ratio).toFixed(3)}${est} x scale ${round3(scale).toFixed(3)} = x${factor.toFixed(3)}${ends}${SEE}.${records}`;
    }
    // Where records speak (not the hubs, which they price): weighed with the prior, n / (n + k).
    delete l.records;
    const LIKE = 'pay records at like years, employer and degree';
    l.evidence = l.evidence.filter((e) => !e.quote.includes(LIKE));
    if (check?.implied && !Object.hasOwn(wages.sameAs, id) && typeof l.multiplier === 'number') {
      const { k } = wages.recordsWeight;
      const w = check.n / (check.n + k);
      const prior = l.multiplier;
      l.multiplier = round3(Math.exp(w * Math.log(check.implied) + (1 - w) * Math.log(prior)));
      l.records = { n: check.n, factor: check.implied, prior };
      l.evidence.push({ source: 'levels', quote: `${LIKE} (${check.n}): base x${check.implied}` });
      const was = l.derivation.split(' Training records:')[0].replace(`${SEE}.`, '.');
      l.derivation = `${was} Training records (${check.n}) imply x${check.implied.toFixed(3)}; weighed ${check.n}/(${check.n}+${k}) in logs against x${prior.toFixed(3)}: x${l.multiplier.toFixed(3)}${SEE}.`;
    }
    // The calibrated format (one number and a spread): the metro's width from federal data.
    if (typeof l.multiplier === 'number' && !wages.scaleMetros.includes(id))
      l.spread = round3(f.sigma / hubs);
  }
  return out;
}

/**
 * `text` (a JSON document) with the array under its top-level `key` replaced by `value`: the
 * rest of the file is kept as written (JSON.stringify would turn its 1.0s into 1s).
 */
function replaceArray(text, key, value) {
  const start = text.indexOf(`"${key}": [`);
  if (start < 0) throw new Error(`no "${key}" array`);
  let depth = 0;
  let inString = false;
  for (let i = text.indexOf('[', start); i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth === 0)
        return `${text.slice(0, start)}"${key}": ${JSON.stringify(value, null, 2)}${text.slice(i + 1)}`;
    }
  }
  throw new Error(`the "${key}" array does not end`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const marketPath = join(ROOT, 'data/market.json');
  const text = readFileSync(marketPath, 'utf8');
  const market = JSON.parse(text);
  const wages = JSON.parse(readFileSync(join(ROOT, 'data/sources/metro-wages-2024.json'), 'utf8'));
  const { scale } = scaleOf(market, wages);
  const derived = deriveMetros(market, wages);
  if (process.argv.includes('--check')) {
    // Whether data/market.json holds what this derives (tests/model/metros.test.ts): exit 1 if not.
    const stale = derived.locations
      .filter((l, i) => JSON.stringify(l) !== JSON.stringify(market.locations[i]))
      .map((l) => l.id);
    if (stale.length > 0) {
      process.stderr.write(
        `data/market.json: not what npm run metros derives: ${stale.join(', ')}\n`,
      );
      process.exitCode = 1;
    }
  } else {
    writeFileSync(marketPath, replaceArray(text, 'locations', derived.locations));
    process.stdout.write(`data/market.json: metros derived with the scale ${scale.toFixed(4)}\n`);
  }
}
