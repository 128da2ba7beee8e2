// The calibration report (`npm run calibrate`; docs/methodology.md shows its table): runs the
// levels.fyi training records (data/sources/, not shipped) through the built CLI's `batch`, each
// with its own years, city, industry and degree (unstated ones take batch's defaults), its pay
// scaled to today by the wage-growth (ECI) factors the records' summary states, and prints the
// fit per years band and employer group: how many real figures fall inside the model's P10-P90
// and above its P50, and the model's P10 / P50 / P90 against the data's. Then the other
// checks: big tech's stock against the model's typical equity, the `us` base by level against
// the aijobs medians, and the total by level at big tech against the Google/Meta medians.
//
//   npm run calibrate              the table (runs npm run build first)
//   node scripts/calibrate.mjs --json   the same figures as one JSON document (the test's)
//   node scripts/calibrate.mjs --industry industry_tech   map employers by the records' wider
//                                  tech grouping instead (a robustness check)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const market = JSON.parse(readFileSync(join(ROOT, 'data/market.json'), 'utf8'));
const summary = JSON.parse(
  readFileSync(join(ROOT, 'data/sources/levels-ml-us-2018-2021-summary.json'), 'utf8'),
);
const aijobs = JSON.parse(
  readFileSync(join(ROOT, 'data/sources/aijobs-us-ml-salaries.json'), 'utf8'),
);
const records = readFileSync(join(ROOT, 'data/sources/levels-ml-us-2018-2021-train.ndjson'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const industryKey = args.includes('--industry') ? args[args.indexOf('--industry') + 1] : 'industry';

// ---- wage growth: the factors the summary states, by date, straight in logs between them ----
const ECI = market.sources.find((s) => s.id === 'levels').provenance.wageGrowthFactors;
function eci(date) {
  const t = Date.parse(date);
  const pts = ECI.map((p) => [Date.parse(p.date), Math.log(p.factor)]);
  let i = 1;
  while (i < pts.length - 1 && t > pts[i][0]) i++;
  const [ta, a] = pts[i - 1];
  const [tb, b] = pts[i];
  return Math.exp(a + ((b - a) * (t - ta)) / (tb - ta));
}

// ---- the model, through the built CLI's batch ----
function batch(lines) {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/ml-salary.js'), 'batch'], {
    input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

const BANDS = ['0-2', '3-5', '6-10', '11+'];
const bandOf = (y) => (y < 3 ? '0-2' : y < 6 ? '3-5' : y < 11 ? '6-10' : '11+');
const input = records.map((r) => {
  const rec = { years: r.years };
  if (r.city) rec.city = r.city;
  if (r[industryKey]) rec.industry = r[industryKey];
  if (r.degree) rec.degree = r.degree;
  return rec;
});
const out = batch(input);
if (out.length !== records.length)
  throw new Error(`batch gave ${out.length} records for ${records.length}`);
const rows = records.map((r, i) => {
  const f = eci(r.date);
  const m = out[i];
  return {
    band: bandOf(r.years),
    big: r.industry === 'big-tech',
    base: r.base * f,
    total: r.total * f,
    stock: r.stock * f,
    model: m,
  };
});

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = (s.length - 1) * p;
  const lo = Math.floor(k);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (k - lo);
};
const share = (xs, f) => (100 * xs.filter(f).length) / xs.length;

function fit(sel) {
  const inside = (k) => share(sel, (r) => r.model[k].low <= r[k] && r[k] <= r.model[k].high);
  const above = (k) => share(sel, (r) => r[k] > r.model[k].mid);
  const ends = (k) => ({
    model: [0.5, 0.5, 0.5].map((_, j) =>
      pct(
        sel.map((r) => r.model[k][['low', 'mid', 'high'][j]]),
        0.5,
      ),
    ),
    data: [0.1, 0.5, 0.9].map((p) =>
      pct(
        sel.map((r) => r[k]),
        p,
      ),
    ),
  });
  const big = sel.filter((r) => r.big);
  return {
    n: sel.length,
    base: { inside: inside('base'), above: above('base'), ...ends('base') },
    total: { inside: inside('total'), above: above('total'), ...ends('total') },
    stockOverEquity: big.length
      ? pct(
          big.map((r) => r.stock / r.model.equity.mid),
          0.5,
        )
      : null,
  };
}

const groups = [['all', rows]];
for (const b of BANDS) groups.push([b, rows.filter((r) => r.band === b)]);
for (const b of BANDS) {
  groups.push([`${b} big tech`, rows.filter((r) => r.band === b && r.big)]);
  groups.push([`${b} other`, rows.filter((r) => r.band === b && !r.big)]);
}
const table = groups.map(([name, sel]) => ({ group: name, ...fit(sel) }));

// ---- aijobs: the `us` base P50 by level, and the ratios between levels ----
const LV = ['entry', 'mid', 'senior', 'staff'];
const DATA = { entry: 'EN', mid: 'MI', senior: 'SE', staff: 'EX' };
const anchors = { entry: 1, mid: 4, senior: 8, staff: 14 };
const us = batch([
  ...LV.map((level) => ({ years: anchors[level], city: 'us', level })),
  ...LV.map((level) => ({ years: anchors[level], city: 'us' })),
]);
const variants = {
  postings: aijobs.us_core_pair_midpoint.by_experience_level.all_years,
  rows: aijobs.us_core.by_experience_level.all_years,
  'latest rows': aijobs.us_core.by_experience_level.latest_year_2025,
  'latest postings': aijobs.us_core_pair_midpoint.by_experience_level.latest_year_2025,
  distinct: aijobs.us_core_distinct_rows.by_experience_level.all_years,
};
const aijobsCheck = LV.map((level, i) => {
  const byLevel = us[i].base.mid;
  const byYears = us[i + LV.length].base.mid;
  const medians = Object.fromEntries(
    Object.entries(variants).map(([k, v]) => [k, v[DATA[level]].median]),
  );
  const off = Object.values(medians).map((m) => byLevel / m - 1);
  return {
    level,
    data: DATA[level],
    byLevel,
    byYears: { years: anchors[level], base: byYears },
    medians,
    worst: off.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)),
  };
});
const ratio = (a, b) => aijobsCheck[a].byLevel / aijobsCheck[b].byLevel;
const ratioRange = (a, b) => {
  const rs = Object.values(variants).map((v) => v[DATA[LV[a]]].median / v[DATA[LV[b]]].median);
  return [Math.min(...rs), Math.max(...rs)];
};
const ratios = [
  [1, 0],
  [2, 1],
  [2, 0],
].map(([a, b]) => ({ ratio: `${LV[a]}/${LV[b]}`, model: ratio(a, b), range: ratioRange(a, b) }));

// ---- big tech by level: --level, city sf, against the Google/Meta medians ----
const levelKeys = Object.keys(summary.big_tech_by_level);
const atLevel = batch(LV.map((level) => ({ years: 5, city: 'sf', industry: 'big-tech', level })));
const levelCheck = LV.map((level, i) => {
  const d = summary.big_tech_by_level[levelKeys[i]];
  return {
    level,
    data: levelKeys[i],
    model: atLevel[i].total.mid,
    median: d.scaled_to_2025.total.p50,
    off: atLevel[i].total.mid / d.scaled_to_2025.total.p50 - 1,
  };
});

const report = {
  industryKey,
  records: rows.length,
  table,
  aijobs: aijobsCheck,
  ratios,
  levels: levelCheck,
};
if (asJson) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const k = (x) => `${Math.round(x / 1000)}K`;
  const p = (x) => `${x.toFixed(1)}%`;
  const lines = [];
  lines.push(
    `Fit on ${rows.length} levels.fyi training records (employer: the records' '${industryKey}'; pay scaled to December 2025 by the ECI)`,
    '',
    '| group | n | base in P10-P90 | base > P50 | total in P10-P90 | total > P50 | base P10 / P50 / P90: model vs data | total P10 / P50 / P90: model vs data | big-tech stock / typical equity |',
    '| --- | --: | --: | --: | --: | --: | --- | --- | --: |',
  );
  for (const t of table) {
    lines.push(
      `| ${t.group} | ${t.n} | ${p(t.base.inside)} | ${p(t.base.above)} | ${p(t.total.inside)} | ${p(t.total.above)} | ${t.base.model.map(k).join(' / ')} vs ${t.base.data.map(k).join(' / ')} | ${t.total.model.map(k).join(' / ')} vs ${t.total.data.map(k).join(' / ')} | ${t.stockOverEquity === null ? '-' : t.stockOverEquity.toFixed(2)} |`,
    );
  }
  lines.push(
    '',
    "Model P10 / P50 / P90: the median over the group of each record's own model figure; data: the group's own percentiles.",
    '',
    "`us` base P50 by level (--level; and by years at the level's anchor) against the aijobs medians:",
    '',
    '| level | aijobs | model, --level | model, by years | postings | rows | latest rows | latest postings | distinct | furthest |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |',
  );
  for (const a of aijobsCheck) {
    lines.push(
      `| ${a.level} | ${a.data} | ${k(a.byLevel)} | ${k(a.byYears.base)} (${a.byYears.years} y) | ${Object.values(a.medians).map(k).join(' | ')} | ${(100 * a.worst).toFixed(1)}% |`,
    );
  }
  lines.push(
    '',
    'Base ratios between levels (model, --level) and the range over the aijobs variants:',
    '',
  );
  for (const r of ratios)
    lines.push(
      `- ${r.ratio}: ${r.model.toFixed(3)} (aijobs ${r.range[0].toFixed(3)}-${r.range[1].toFixed(3)})`,
    );
  lines.push(
    '',
    'Big tech, --level, --city sf: typical total against the Google/Meta medians (scaled):',
    '',
  );
  for (const l of levelCheck) {
    lines.push(
      `- ${l.level}: ${k(l.model)} vs ${k(l.median)} (${l.data}): ${(100 * l.off).toFixed(1)}%`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
