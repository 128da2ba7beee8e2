// The calibration report (`npm run calibrate`; docs/methodology.md shows its tables): runs the
// levels.fyi training records (data/sources/, not shipped) through the built CLI's `batch`, each
// with its own years, city, industry and degree (what a record leaves out takes batch's
// defaults), its pay scaled to today by the wage-growth (ECI) factors the records' summary
// states, and prints the fit per years band and employer group: how many real figures fall
// inside the model's P10-P90 and above its P50, and the model's P10 / P50 / P90 against the
// data's. Then issue 21's other checks: big tech's stock against the model's typical equity, the
// `us` base by level against the aijobs medians, and the total by level at big tech against the
// Google/Meta medians. Each check says PASS or FAIL against its target.
//
//   npm run calibrate                     the report (builds first)
//   node scripts/calibrate.mjs --json     the same figures as one JSON document
//   node scripts/calibrate.mjs --industry industry_tech   employers by the records' wider tech
//                                         grouping (other tech companies as big tech)
//   node scripts/calibrate.mjs --write-docs   put the tables into docs/methodology.md
//   node scripts/calibrate.mjs --check-docs   exit 1 if docs/methodology.md's tables differ
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const market = JSON.parse(read('data/market.json'));
const summary = JSON.parse(read('data/sources/levels-ml-us-2018-2021-summary.json'));
const aijobs = JSON.parse(read('data/sources/aijobs-us-ml-salaries.json'));
const records = read('data/sources/levels-ml-us-2018-2021-train.ndjson')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l));

const lib = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href);
const places = JSON.parse(read('data/tax-2026.json')).places;
const HUBS = market.payMix.kinds.general.byPlace.hubs;
const byId = new Map(market.locations.map((l) => [l.id, l]));

const args = process.argv.slice(2);
const industryKey = args.includes('--industry') ? args[args.indexOf('--industry') + 1] : 'industry';

// ---- wage growth: the factors the summary states, at mid-year, straight in logs between ----
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

/** The model through the built CLI's batch: one compact record per input line (`some`: a line
 * batch refuses, a title no level map knows, is left undefined). */
function batch(lines, some = false) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/ml-salary.js'), 'batch'], {
    input: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const docs = [];
  for (const l of run.stdout.split('\n'))
    if (l !== '') docs[JSON.parse(l).line - 1] = JSON.parse(l);
  const got = docs.filter(Boolean).length;
  if (some ? got === 0 : got !== lines.length)
    throw new Error(`batch gave ${got} of ${lines.length}`);
  return docs;
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = (s.length - 1) * p;
  const lo = Math.floor(k);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (k - lo);
};
const share = (xs, f) => (100 * xs.filter(f).length) / xs.length;
const inRange = (x, lo, hi) => lo <= x && x <= hi;

// ---- the fit on the records ----
const BANDS = ['0-2', '3-5', '6-10', '11+'];
const bandOf = (y) => (y < 3 ? '0-2' : y < 6 ? '3-5' : y < 11 ? '6-10' : '11+');
/** A record's metro: its summary city, or where that is `us`, the metro the tool itself resolves
 * its location to ('Washington, DC'; 'Irvine' of 'Irvine, CA' where the metro's state is CA). */
function metroOf(r) {
  if (r.city !== 'us') return r.city;
  const [town, state] = r.location.split(', ');
  for (const name of [r.location, town]) {
    let id;
    try {
      id = lib.resolveProfile({ years: 1, city: name }, lib.market).profile.city;
    } catch {
      continue;
    }
    const p = places[id];
    if (name === r.location || p?.state === state || p?.states?.includes(state)) return id;
  }
  return 'us';
}
const metros = records.map(metroOf);
const models = batch(
  records.map((r, i) => {
    const rec = { years: r.years, city: metros[i] };
    if (r[industryKey]) rec.industry = r[industryKey];
    if (r.degree) rec.degree = r.degree;
    return rec;
  }),
);
const rows = records.map((r, i) => {
  const f = eci(r.date);
  return {
    band: bandOf(r.years),
    metro: metros[i],
    hub: HUBS.includes(metros[i]),
    dflt: !r[industryKey],
    big: r.industry === 'big-tech',
    base: r.base * f,
    total: r.total * f,
    stock: r.stock * f,
    model: models[i],
  };
});

function fit(sel) {
  const part = (k) => ({
    inside: share(sel, (r) => inRange(r[k], r.model[k].low, r.model[k].high)),
    above: share(sel, (r) => r[k] > r.model[k].mid),
    model: ['low', 'mid', 'high'].map((e) =>
      pct(
        sel.map((r) => r.model[k][e]),
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
    base: part('base'),
    total: part('total'),
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
// Hubs and the rest, apart (they once missed in opposite directions, hidden when pooled), and
// the default employer (a record without an industry) in each.
for (const [name, hub] of [
  ['hubs', true],
  ['elsewhere', false],
]) {
  groups.push([name, rows.filter((r) => r.hub === hub)]);
  groups.push([`${name}, default employer`, rows.filter((r) => r.hub === hub && r.dflt)]);
}
const table = groups.map(([group, sel]) => ({ group, ...fit(sel) }));

// ---- each metro with records outside the hubs: the factor its records imply (the mean log of
// real over model typical base, at each record's own years, employer and degree, times the factor
// used), and the factor the rule gives: the records weighed with the prior by n / (n + k) in logs.
const K = JSON.parse(read('data/sources/metro-wages-2024.json')).recordsWeight.k;
const metroRows = [...new Set(metros)]
  .filter((id) => !HUBS.includes(id) && byId.get(id).records)
  .map((id) => {
    const sel = rows.filter((r) => r.metro === id);
    const used = byId.get(id).multiplier;
    const logs = sel.map((r) => Math.log(r.base / r.model.base.mid));
    const implied = used * Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
    const { prior } = byId.get(id).records;
    const w = sel.length / (sel.length + K);
    const rule = Math.exp(w * Math.log(implied) + (1 - w) * Math.log(prior));
    return { id, n: sel.length, implied, prior, used, rule, ...fit(sel) };
  })
  .sort((a, b) => b.n - a.n);

// ---- aijobs: the `us` base P50 by level, and the ratios between levels ----
const LV = ['entry', 'mid', 'senior', 'staff'];
const DATA = { entry: 'EN', mid: 'MI', senior: 'SE', staff: 'EX' };
const ANCHOR = { entry: 1, mid: 4, senior: 8, staff: 14 };
const us = batch([
  ...LV.map((level) => ({ years: ANCHOR[level], city: 'us', level })),
  ...LV.map((level) => ({ years: ANCHOR[level], city: 'us' })),
]);
/** The aijobs variants: the postings the product shows, and the row-level latest year the issue read. */
const VARIANTS = {
  postings: aijobs.us_core_pair_midpoint.by_experience_level.all_years,
  'latest rows': aijobs.us_core.by_experience_level.latest_year_2025,
};
const byLevel = LV.map((level, i) => {
  const medians = Object.fromEntries(
    Object.entries(VARIANTS).map(([k, v]) => [k, v[DATA[level]].median]),
  );
  const base = us[i].base.mid;
  const off = Object.values(medians).map((m) => base / m - 1);
  return {
    level,
    data: DATA[level],
    byLevel: base,
    byYears: { years: ANCHOR[level], base: us[i + LV.length].base.mid },
    medians,
    furthest: off.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)),
  };
});
/** Every variant the summary has, for the range of the ratios between levels. */
const ALL = [
  aijobs.us_core_pair_midpoint.by_experience_level.all_years,
  aijobs.us_core_pair_midpoint.by_experience_level.latest_year_2025,
  aijobs.us_core.by_experience_level.all_years,
  aijobs.us_core.by_experience_level.latest_year_2025,
  aijobs.us_core_distinct_rows.by_experience_level.all_years,
  aijobs.us_core_distinct_rows.by_experience_level.latest_year_2025,
];
const ratios = [
  ['mid', 'entry'],
  ['senior', 'mid'],
  ['senior', 'entry'],
].map(([a, b]) => {
  const rs = ALL.map((v) => v[DATA[a]].median / v[DATA[b]].median);
  const model = byLevel[LV.indexOf(a)].byLevel / byLevel[LV.indexOf(b)].byLevel;
  return { ratio: `${a}/${b}`, model, range: [Math.min(...rs), Math.max(...rs)] };
});

// ---- big tech by level: --level, --city sf, against the Google/Meta medians ----
const levelKeys = Object.keys(summary.big_tech_by_level);
const atLevel = batch(LV.map((level) => ({ years: 5, city: 'sf', industry: 'big-tech', level })));
const levels = LV.map((level, i) => {
  const median = summary.big_tech_by_level[levelKeys[i]].scaled_to_2025.total.p50;
  return { level, data: levelKeys[i], model: atLevel[i].total.mid, median };
});

// ---- with a level: big tech's records at their own title's level, by degree (review4 N12) ----
const BIG = new Set(['google', 'meta', 'amazon', 'microsoft', 'apple']);
const company = (r) => r.company.toLowerCase().replace('facebook', 'meta');
const titled = rows.filter((_, i) => BIG.has(company(records[i])));
const titledRecords = records.filter((r) => BIG.has(company(r)));
const titledModels = batch(
  titledRecords.map((r) => {
    const rec = { years: r.years, level: `${company(r)} ${r.level}`, industry: 'big-tech' };
    if (r.city) rec.city = r.city;
    if (r.degree) rec.degree = r.degree;
    return rec;
  }),
  true,
);
const DEGREES = [
  ['PhD, 0-3 years', (r) => r.degree === 'phd' && r.years <= 3],
  ['PhD, 4+ years', (r) => r.degree === 'phd' && r.years > 3],
  ["master's", (r) => r.degree === 'masters'],
  ["bachelor's or unstated", (r) => !r.degree || r.degree === 'bachelors'],
];
const byDegree = DEGREES.map(([group, f]) => {
  const sel = titled
    .map((row, i) => ({ base: row.base, model: titledModels[i], r: titledRecords[i] }))
    .filter((x) => x.model !== undefined && f(x.r));
  const base = sel.map((x) => [x.base, x.model.base]);
  return {
    group,
    n: sel.length,
    inside: share(base, ([b, m]) => inRange(b, m.low, m.high)),
    above: share(base, ([b, m]) => b > m.mid),
    below: share(base, ([b, m]) => b < m.low),
  };
});

// ---- each company against the pooled level its titles are priced at (review4 N11) ----
const byCompany = market.levels.titles.map((map) => {
  const sel = titled
    .map((row, i) => ({ total: row.total, model: titledModels[i], r: titledRecords[i] }))
    .filter((x) => x.model !== undefined && company(x.r) === map.company.toLowerCase());
  const total = pct(
    sel.map((x) => x.total / x.model.total.mid),
    0.5,
  );
  return { company: map.company, n: sel.length, total, stated: map.records };
});

// ---- the checks of issue 21, each with its target ----
const bands = table.filter((t) => BANDS.includes(t.group));
const all = table[0];
const within = (x, lo, hi) => lo <= x && x <= hi;
const checks = [
  {
    what: 'real bases inside P10-P90: 72-88% overall, 70-90% in each years band',
    value: `${all.base.inside.toFixed(1)}% (bands ${bands.map((b) => b.base.inside.toFixed(1)).join(' / ')})`,
    pass: within(all.base.inside, 72, 88) && bands.every((b) => within(b.base.inside, 70, 90)),
  },
  {
    what: 'real totals inside P10-P90: 72-88% overall, 70-90% in each years band',
    value: `${all.total.inside.toFixed(1)}% (bands ${bands.map((b) => b.total.inside.toFixed(1)).join(' / ')})`,
    pass: within(all.total.inside, 72, 88) && bands.every((b) => within(b.total.inside, 70, 90)),
  },
  {
    what: 'real bases above P50: 40-60% overall, 35-65% in each years band',
    value: `${all.base.above.toFixed(1)}% (bands ${bands.map((b) => b.base.above.toFixed(1)).join(' / ')})`,
    pass: within(all.base.above, 40, 60) && bands.every((b) => within(b.base.above, 35, 65)),
  },
  {
    what: "big tech: median of real yearly stock over the model's typical equity, 0.8-1.25",
    value: all.stockOverEquity.toFixed(2),
    pass: within(all.stockOverEquity, 0.8, 1.25),
  },
  {
    what: '`us` base P50 by level (entry, mid, senior) within 10% of the aijobs medians',
    value: byLevel
      .slice(0, 3)
      .map((l) => `${l.level} ${(100 * l.furthest).toFixed(1)}%`)
      .join(', '),
    pass: byLevel.slice(0, 3).every((l) => Math.abs(l.furthest) <= 0.1),
  },
  {
    what: 'base ratios between levels within the range of the aijobs variants',
    value: ratios.map((r) => `${r.ratio} ${r.model.toFixed(3)}`).join(', '),
    pass: ratios.every((r) => within(r.model, r.range[0], r.range[1])),
  },
  {
    what: 'big tech, --level, SF: typical total within 10% of the Google/Meta L3-L6 medians',
    value: levels
      .map((l) => `${l.level} ${(100 * (l.model / l.median - 1)).toFixed(1)}%`)
      .join(', '),
    pass: levels.every((l) => Math.abs(l.model / l.median - 1) <= 0.1),
  },
  {
    what: "big tech with its title's level, by degree (30+ records): bases above P50 30-70% (two standard errors at 40 records), under P10 <= 20%",
    value: byDegree
      .map((d) => `${d.group} ${d.above.toFixed(0)}% / ${d.below.toFixed(0)}%`)
      .join(', '),
    pass: byDegree.every((d) => d.n < 30 || (within(d.above, 30, 70) && d.below <= 20)),
  },
  {
    what: "each company's median total / big tech's typical at its title's level as data/market.json's levels.titles[].records states (to 0.01)",
    value: byCompany.map((c) => `${c.company} x${c.total.toFixed(2)} (${c.n})`).join(', '),
    pass: byCompany.every((c) => c.stated?.n === c.n && Math.abs(c.stated.total - c.total) < 0.006),
  },
];
// With the records' own employer only: the other grouping is a check of the targets above.
if (industryKey === 'industry')
  checks.push(
    {
      what: 'hubs and elsewhere, each and with the default employer: bases and totals 70-90% inside P10-P90, 35-65% above P50',
      value: table
        .filter((t) => /^(hubs|elsewhere)/.test(t.group))
        .map((t) => `${t.group} ${t.total.inside.toFixed(0)}/${t.total.above.toFixed(0)}%`)
        .join(', '),
      pass: table
        .filter((t) => /^(hubs|elsewhere)/.test(t.group))
        .every((t) =>
          ['base', 'total'].every((k) => within(t[k].inside, 70, 90) && within(t[k].above, 35, 65)),
        ),
    },
    {
      what: `each metro with records: factor as the rule gives (records by n / (n + ${K}) in logs); with 10 or more, bases 25-75% above P50`,
      value: metroRows
        .filter((m) => m.n >= 10)
        .map((m) => `${m.id} x${m.used} ${m.base.above.toFixed(0)}%`)
        .join(', '),
      pass: metroRows.every(
        (m) => Math.abs(m.used / m.rule - 1) < 0.002 && (m.n < 10 || within(m.base.above, 25, 75)),
      ),
    },
  );

const report = {
  industryKey,
  records: rows.length,
  checks,
  table,
  metros: metroRows,
  aijobs: byLevel,
  ratios,
  levels,
  byDegree,
  byCompany,
};

// ---- the tables, as docs/methodology.md shows them ----
const k = (x) => `$${Math.round(x / 1000)}K`;
const p = (x) => `${x.toFixed(1)}%`;
function tables() {
  const out = [
    '| group | records | base in P10-P90 | base above P50 | total in P10-P90 | total above P50 | big tech: stock / typical equity |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const t of table) {
    out.push(
      `| ${t.group} | ${t.n} | ${p(t.base.inside)} | ${p(t.base.above)} | ${p(t.total.inside)} | ${p(t.total.above)} | ${t.stockOverEquity === null ? '' : t.stockOverEquity.toFixed(2)} |`,
    );
  }
  out.push(
    '',
    '| group | base P10 / P50 / P90: model, data | total P10 / P50 / P90: model, data |',
    '| --- | --- | --- |',
  );
  for (const t of table) {
    const ends = (part) => `${part.model.map(k).join(' / ')}; ${part.data.map(k).join(' / ')}`;
    out.push(`| ${t.group} | ${ends(t.base)} | ${ends(t.total)} |`);
  }
  out.push(
    '',
    '| metro (records) | factor: records, prior, used | base in P10-P90 | base above P50 | total in P10-P90 | total above P50 |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const m of metroRows) {
    out.push(
      `| ${m.id} (${m.n}) | x${m.implied.toFixed(3)}, x${m.prior.toFixed(3)}, x${m.used.toFixed(3)} | ${p(m.base.inside)} | ${p(m.base.above)} | ${p(m.total.inside)} | ${p(m.total.above)} |`,
    );
  }
  out.push(
    '',
    '| level | Other US typical base, `--level` | by years (at) | aijobs | postings | latest rows |',
    '| --- | ---: | ---: | --- | ---: | ---: |',
  );
  for (const l of byLevel) {
    out.push(
      `| ${l.level} | ${k(l.byLevel)} | ${k(l.byYears.base)} (${l.byYears.years} year${l.byYears.years === 1 ? '' : 's'}) | ${l.data}${l.level === 'staff' ? ' (director level: for reference)' : ''} | ${k(l.medians.postings)} | ${k(l.medians['latest rows'])} |`,
    );
  }
  out.push(
    '',
    '| level, big tech, SF | typical total, `--level` | Google/Meta median (records, scaled) |',
    '| --- | ---: | ---: |',
  );
  for (const l of levels) out.push(`| ${l.level} | ${k(l.model)} | ${k(l.median)} |`);
  out.push(
    '',
    "| big tech, its title's level, by degree | records | base in P10-P90 | base above P50 | base under P10 |",
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const d of byDegree)
    out.push(`| ${d.group} | ${d.n} | ${p(d.inside)} | ${p(d.above)} | ${p(d.below)} |`);
  out.push('', "| company (its titles' level, big tech) | records | median total / typical |");
  out.push('| --- | ---: | ---: |');
  for (const c of byCompany) out.push(`| ${c.company} | ${c.n} | x${c.total.toFixed(2)} |`);
  return out.join('\n');
}

const BEGIN = '<!-- npm run calibrate: begin -->';
const END = '<!-- npm run calibrate: end -->';
const DOCS = 'docs/methodology.md';
function docsWith(text) {
  const page = read(DOCS);
  const a = page.indexOf(BEGIN);
  const b = page.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOCS}: no "${BEGIN}" ... "${END}" markers`);
  return `${page.slice(0, a + BEGIN.length)}\n\n${text}\n\n${page.slice(b)}`;
}

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else if (args.includes('--write-docs')) {
  writeFileSync(join(ROOT, DOCS), docsWith(tables()));
  process.stdout.write(`${DOCS}: the calibration tables rewritten\n`);
} else if (args.includes('--check-docs')) {
  // Compared as markdown reads: prettier pads a table's cells, which changes no cell.
  const cells = (text) =>
    text
      .split('\n')
      .map((l) => (l.startsWith('|') ? l.replace(/ +/g, ' ').replace(/-{3,}/g, '---') : l))
      .join('\n');
  if (cells(docsWith(tables())) !== cells(read(DOCS))) {
    process.stderr.write(`${DOCS}: its calibration tables differ from npm run calibrate's\n`);
    process.exitCode = 1;
  }
} else {
  const lines = [
    `Calibration: ${rows.length} levels.fyi training records through \`ml-salary batch\` (employer: the records' \`${industryKey}\`; pay scaled to December 2025 by the ECI factors of data/sources/levels-ml-us-2018-2021-summary.json)`,
    '',
    ...checks.map((c) => `${c.pass ? 'PASS' : 'FAIL'}  ${c.what}: ${c.value}`),
    '',
    tables(),
    '',
    "Model P10 / P50 / P90: the median, over the group, of each record's own model figure; data: the group's own percentiles.",
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}
