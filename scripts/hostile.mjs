#!/usr/bin/env node
// A hostile pass over the decision commands (issue 20): offer (flags), offer files, compare,
// career, --data and --take-home, each run as a user would (the built CLI, `npm run build`
// first), with nonsense, edge and ordinary input. Every run must end within 10 s with a
// documented exit code, no stack trace or "internal error", one line on stderr when it fails,
// no figure past 2^53 on stdout, and: nonsense refused (exit 2, never a silent exit 0),
// ordinary input accepted. Prints the counts; exits 1 on any finding.
//   node scripts/hostile.mjs [--verbose]
import { spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'ml-salary.js');
const TMP = mkdtempSync(join(tmpdir(), 'ml-salary-hostile-'));
const verbose = process.argv.includes('--verbose');
const LIMIT = 2 ** 53;

/** A file in the scratch folder; its path. */
const file = (name, data) => {
  const path = join(TMP, name);
  writeFileSync(path, data);
  return path;
};
const json = (name, value) => file(name, JSON.stringify(value));

/** Each case: the words after `ml-salary`, what it must do, and optionally stdin. */
const cases = [];
const must = (expect, args, stdin) => cases.push({ args, expect, stdin });

const PROFILE = ['--years', '5', '--city', 'seattle', '--industry', 'faang'];
const offer = (...flags) => ['offer', ...PROFILE, ...flags, '--no-input'];

// ---- offer: every amount field, with nonsense that must be refused and forms that must work.
const NONSENSE = [
  '15', // 15% or 15k? never $15
  '0.5',
  '1.5',
  '1,00,000',
  '18,50,00',
  '1e5',
  '0x10',
  'NaN',
  'Infinity',
  '-5',
  '$-5',
  '\u22125000',
  '--5',
  '',
  ' ',
  '5 000',
  '100000001',
  '100.1m',
  '$0.4',
  '\u0661\u0660\u0660\u0660', // Arabic-Indic digits
  '1k1',
  '$',
  'k',
  '5%%',
  '+5k',
  '9'.repeat(400),
  '$1,200,000.50', // cents: amounts are whole dollars, refused rather than rounded (review2 M15)
];
// '.00' as an offer letter writes it is whole dollars.
const AMOUNTS = ['185000', '185,000', '185k', '$185K', '1.2m', '$1,200,000.00', '$500', '0'];
for (const [flag, extra] of [
  ['--base', []],
  ['--equity', []],
  ['--refresh', ['--equity', '100k']],
]) {
  for (const v of NONSENSE)
    must('refused', offer(...(flag === '--base' ? [] : ['--base', '200k']), ...extra, flag, v));
  for (const v of AMOUNTS) {
    if (flag === '--base' && v === '0') continue;
    must('ok', offer(...(flag === '--base' ? [] : ['--base', '200k']), ...extra, flag, v));
  }
}
must('refused', offer('--base', '0'));
for (const v of [...NONSENSE, '201%', '-5%', '0.15'])
  must('refused', offer('--base', '200k', '--bonus', v));
for (const v of ['15%', '0%', '200%', '30k', '$30,000', '0'])
  must('ok', offer('--base', '200k', '--bonus', v));
for (const v of ['1,00,000', '15', '50, 000', '50000,,30000', '50000,', ',5k', '1k,1k,1k,1k,1k']) {
  must('refused', offer('--base', '200k', '--sign-on', v));
}
must('refused', offer('--base', '200k', '--sign-on', Array(11).fill('1k').join(',')));
for (const v of ['50000,30000', '50k,30k', '50,000,30,000', '$50,000, $30,000', '50k']) {
  must('ok', offer('--base', '200k', '--sign-on', v));
}
for (const v of ['10', '0.1', '1001%', '-101%', 'x%', '']) {
  must('refused', offer('--base', '200k', '--equity', '100k', '--growth', v));
}
must('refused', offer('--base', '200k', '--growth', '10%')); // no stock to grow
must('refused', offer('--base', '200k', '--refresh', '10k')); // no grant to refresh
must('refused', offer('--base', '200k', '--private')); // no stock to be private
for (const v of [
  '10/20/30',
  '50/50/1',
  'amazn',
  '\u0430mazon',
  'nvidia!',
  '0/0/0/0/0/0/0/0/0/0/100',
  '-10/110',
  '',
  '25%/25%/25%/25%/x',
]) {
  must('refused', offer('--base', '200k', '--equity', '100k', '--vesting', v));
}
for (const v of [
  'even',
  'Google 2023',
  '10/20/30/40',
  '100',
  '33.33/33.33/33.34',
  '25%/25%/25%/25%',
]) {
  must('ok', offer('--base', '200k', '--equity', '100k', '--vesting', v));
}
// Ceilings: no output past 2^53, whatever the growth.
for (const vesting of ['0/0/0/0/0/0/0/0/0/100', 'even', '100', '10/10/10/10/10/10/10/10/10/10']) {
  for (const growth of ['1000%', '500%', '100%', '0%', '-100%']) {
    must(
      'any',
      offer(
        '--base',
        '100M',
        '--bonus',
        '200%',
        '--equity',
        '100M',
        '--refresh',
        '100M',
        '--growth',
        growth,
        '--vesting',
        vesting,
        '--json',
      ),
    );
  }
}
must(
  'refused',
  offer(
    '--base',
    '100M',
    '--bonus',
    '200%',
    '--equity',
    '100M',
    '--refresh',
    '100M',
    '--growth',
    '1000%',
    '--vesting',
    '0/0/0/0/0/0/0/0/0/100',
  ),
);
for (const f of ['--format', '--json'])
  must('any', offer('--base', '200k', f, ...(f === '--format' ? ['csv'] : [])));
// Take-home on an offer.
for (const state of ['CA', 'ca', ' ny ', 'none', 'ZZ', 'CAL', '', 'constructor', '__proto__']) {
  const ok = ['CA', 'ca', ' ny ', 'none'].includes(state);
  must(ok ? 'ok' : 'refused', [
    'offer',
    '--years',
    '5',
    '--city',
    'remote',
    '--base',
    '200k',
    '--take-home',
    '--state',
    state,
    '--no-input',
  ]);
}
must('refused', [
  'offer',
  '--years',
  '5',
  '--city',
  'sf',
  '--base',
  '200k',
  '--take-home',
  '--state',
  'TX',
  '--no-input',
]);
for (const pretax of ['23k', '$500', '0', '23', '-1', '1e9', '200k', '500k']) {
  const expect = ['23k', '$500', '0'].includes(pretax)
    ? 'ok'
    : pretax === '500k'
      ? 'refused'
      : pretax === '200k'
        ? 'any'
        : 'refused';
  must(expect, [
    'offer',
    '--years',
    '5',
    '--city',
    'austin',
    '--base',
    '200k',
    '--take-home',
    '--pretax',
    pretax,
    '--no-input',
  ]);
}
must('ok', [
  'offer',
  '--years',
  '5',
  '--city',
  'sf',
  '--industry',
  'startup',
  '--base',
  '150k',
  '--equity',
  '2M',
  '--private',
  '--take-home',
  '--json',
]);
must('refused', ['offer', 'stray', '--years', '5', '--base', '200k']); // a file that is not there
must('refused', ['offer', '--years', '5', '--base', '200k', '--state', 'CA']); // --state without --take-home

// ---- offer files: encodings, duplicates, labels, nesting, types.
const good = {
  years: 5,
  city: 'seattle',
  base: '185k',
  bonus: '15%',
  equity: '400k',
  vesting: 'amazon',
};
const files = {
  good: json('good.json', good),
  other: json('other.json', { ...good, label: 'Other', base: 200000, vesting: [25, 25, 25, 25] }),
  latin1: file('latin1.json', Buffer.from(JSON.stringify({ ...good, label: 'Café' }), 'latin1')),
  utf16: file(
    'utf16.json',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(good), 'utf16le')]),
  ),
  utf16nobom: file('utf16b.json', Buffer.from(JSON.stringify(good), 'utf16le')),
  bom: file('bom.json', `\uFEFF${JSON.stringify(good)}`),
  dup: file('dup.json', '{"years": 5, "base": "185k", "base": "1k"}'),
  binary: file('binary.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 4, 5, 6, 7])),
  empty: file('empty.json', ''),
  array: json('array.json', [good]),
  formula: json('formula.json', { ...good, label: '=HYPERLINK("http://x","y")' }),
  longLabel: json('long.json', { ...good, label: 'x'.repeat(10_000) }),
  escape: json('escape.json', { ...good, label: 'a\u001b[31mb' }),
  deep: file(
    'deep.json',
    `{"years": 5, "base": "185k", "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  ),
  proto: file('proto.json', '{"years": 5, "base": "185k", "__proto__": {"x": 1}}'),
  bonus15: json('bonus15.json', { ...good, bonus: 15 }),
  base1: json('base1.json', { ...good, base: 1 }),
  badType: json('badtype.json', { ...good, signOn: [1000, 'x'] }),
  huge: file(
    'huge.json',
    `{"years": 5, "base": "185k", "label": "${'y'.repeat(9 * 1024 * 1024)}"}`,
  ),
  stateTX: json('tx.json', { ...good, city: 'remote', state: 'TX' }),
};
for (const name of ['good', 'bom']) must('ok', ['offer', files[name], '--json']);
must('ok', ['offer', files.good, files.other]);
must('ok', ['offer', files.good, files.other, '--format', 'markdown']);
must('ok', ['offer', files.formula, '--format', 'csv']);
must('ok', ['offer', files.good, files.stateTX, '--take-home']);
for (const name of [
  'latin1',
  'utf16',
  'utf16nobom',
  'dup',
  'binary',
  'empty',
  'array',
  'longLabel',
  'escape',
  'deep',
  'proto',
  'bonus15',
  'base1',
  'badType',
  'huge',
]) {
  must('refused', ['offer', files[name]]);
}
must('refused', ['offer', files.good, '--base', '100k']); // flags with files
must('refused', ['offer', '/dev/zero']);
must('refused', ['offer', ROOT]); // a directory
must('refused', ['offer', '-', '-'], '{}');
must('ok', ['offer', '-', '--json'], JSON.stringify(good));
must('refused', ['offer', '-'], 'not json at all');

// ---- compare and career.
for (const vs of [
  'city=sf',
  'skills=+nlp',
  'years=+3',
  'industry=ai-startup,city=remote',
  'skills=mlops,nlp',
  'degree=phd',
]) {
  must('ok', ['compare', ...PROFILE, '--vs', vs]);
}
for (const vs of [
  'cty=sf',
  'city=atlantis',
  'years=+99',
  'years=-9',
  'skills=-mlops',
  'skills=+nlp,mlops',
  'city=sf,city=nyc',
  'austin',
  '__proto__=x',
  '',
  'years=abc',
]) {
  must('refused', ['compare', ...PROFILE, '--vs', vs]);
}
must('refused', ['compare', 'seattle', '--years', '5', '--vs', 'city=sf']);
must('refused', ['compare', '--years', '5']);
must('ok', [
  'compare',
  '--years',
  '5',
  '--city',
  'remote',
  '--vs',
  'city=sf',
  '--take-home',
  '--state',
  'CA',
]);
must('refused', [
  'compare',
  '--years',
  '5',
  '--city',
  'austin',
  '--vs',
  'city=nyc',
  '--take-home',
  '--state',
  'CA',
]);
for (const args of [
  ['--to', '5'],
  ['--from', '2', '--to', '10', '--step', '2'],
  ['--to', '50', '--step', '0.5'],
  ['--vs', 'city=sf'],
  ['--to', '4', '--take-home'],
]) {
  must('ok', ['career', ...args]);
}
for (const args of [
  ['sf', '--to', '2'],
  ['--to', '5', '--step', '100'],
  ['--to', '5', '--step', '20'],
  ['--step', '0'],
  ['--to', '-1'],
  ['--from', '9', '--to', '3'],
  ['--to', '1e1'],
  ['--to', '50', '--step', '0.2'],
  ['--years', '5'],
  ['--vs', 'years=+3'],
]) {
  must('refused', ['career', ...args]);
}

// ---- --data: the bundled market, and hostile copies of it.
const market = readFileSync(join(ROOT, 'data', 'market.json'), 'utf8');
const data = {
  same: file('market.json', market),
  dup: file('m-dup.json', market.replace('"dataVersion"', '"dataVersion": "x", "dataVersion"')),
  utf16: file(
    'm-utf16.json',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(market, 'utf16le')]),
  ),
  latin1: file(
    'm-latin1.json',
    Buffer.from(market.replace('"dataVersion"', '"x\u00e9": 1, "dataVersion"'), 'latin1'),
  ),
  truncated: file('m-trunc.json', market.slice(0, 1000)),
  deep: file('m-deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  huge: file('m-huge.json', market.replace(/"mid": (\d+)/, '"mid": 1e300')),
};
must('ok', ['--years', '5', '--data', data.same, '--json']);
must('ok', ['compare', '--years', '5', '--data', data.same, '--vs', 'city=sf']);
for (const name of ['dup', 'utf16', 'latin1', 'truncated', 'deep', 'huge']) {
  must('refused', ['--years', '5', '--data', data[name], '--json']);
  must('refused', ['offer', '--years', '5', '--base', '200k', '--data', data[name]]);
}
must('refused', ['--years', '5', '--data', '/dev/zero']);
must('refused', ['--years', '5', '--data', 'no-such.json']);
must('ok', ['--years', '5', '--data', '-', '--json'], market);

// ---- --take-home on the estimate.
for (const [city, state] of [
  ['remote', 'NY'],
  ['us', 'none'],
  ['sf', undefined],
  ['nyc', undefined],
  ['austin', 'TX'],
]) {
  must('ok', [
    '--years',
    '5',
    '--city',
    city,
    '--take-home',
    ...(state ? ['--state', state] : []),
    '--json',
  ]);
}
for (const extra of [
  ['--state', 'ZZ'],
  ['--pretax', '1e9'],
  ['--pretax', '15'],
  ['--filing', 'joint'],
]) {
  must('refused', ['--years', '5', '--city', 'remote', '--take-home', ...extra]);
}
must('refused', ['--years', '5', '--pretax', '10k']); // without --take-home

// ---- run them all.
function runOne(c) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...c.args], {
      cwd: TMP,
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdin.on('error', () => {});
    child.stdin.end(c.stdin ?? '');
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        ...c,
        code,
        signal,
        ms: Date.now() - started,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

/** The largest figure a run printed: every number of a JSON document, or every figure of text. */
function largest(stdout) {
  let most = 0;
  const walk = (v) => {
    if (typeof v === 'number') most = Math.max(most, Math.abs(v));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  try {
    walk(JSON.parse(stdout));
    return most;
  } catch {
    // not JSON: the figures of a table, CSV or markdown ($1,234, 1234, -5000; not inside words)
  }
  for (const m of stdout.matchAll(
    /(?<![\w.])\$?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?![\w.])/g,
  )) {
    const n = Math.abs(Number(m[0].replace(/[$,]/g, '')));
    most = Math.max(most, Number.isFinite(n) ? n : Infinity);
  }
  return most;
}

function findings(r) {
  const out = [];
  if (r.signal || r.code === null) out.push(r.ms >= 10_000 ? 'hang' : `crash (signal ${r.signal})`);
  else if (![0, 1, 2, 130, 143].includes(r.code)) out.push(`crash (exit ${r.code})`);
  if (/\n\s+at |internal error/.test(r.stderr)) out.push('stack trace');
  if (r.code !== 0 && r.stderr.trimEnd().split('\n').length !== 1) out.push('not one line');
  if (r.expect === 'refused' && r.code === 0) out.push('silent reinterpretation (exit 0)');
  if (r.expect === 'ok' && r.code !== 0) out.push(`refused ordinary input: ${r.stderr.trim()}`);
  if (largest(r.stdout) > LIMIT) out.push('figure past 2^53');
  return out;
}

const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: Math.max(1, Math.min(4, cpus().length)) }, async () => {
    while (next < cases.length) results.push(await runOne(cases[next++]));
  }),
);
rmSync(TMP, { recursive: true, force: true });

const count = (f) => results.filter(f).length;
const bad = results.map((r) => [r, findings(r)]).filter(([, f]) => f.length > 0);
const byKind = {};
for (const [, f] of bad)
  for (const k of f) byKind[k.replace(/:.*/, '')] = (byKind[k.replace(/:.*/, '')] ?? 0) + 1;
const commands = {};
for (const r of results) {
  const kind = r.args.includes('--data')
    ? '--data'
    : r.args.includes('--take-home')
      ? '--take-home'
      : r.args[0] === 'offer' && r.args[1] && !r.args[1].startsWith('-')
        ? 'offer files'
        : ['offer', 'compare', 'career'].includes(r.args[0])
          ? r.args[0]
          : 'estimate';
  commands[kind] = (commands[kind] ?? 0) + 1;
}
console.log(
  `hostile pass: ${results.length} invocations (${Object.entries(commands)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})`,
);
console.log(
  `  exit 0: ${count((r) => r.code === 0)}, exit 1: ${count((r) => r.code === 1)}, exit 2: ${count((r) => r.code === 2)}, other: ${count((r) => ![0, 1, 2].includes(r.code))}`,
);
console.log(
  `  expected refusals refused: ${count((r) => r.expect === 'refused' && r.code === 2)} of ${count((r) => r.expect === 'refused')}; ordinary input accepted: ${count((r) => r.expect === 'ok' && r.code === 0)} of ${count((r) => r.expect === 'ok')}`,
);
console.log(
  `  slowest run: ${Math.max(...results.map((r) => r.ms))} ms; largest figure printed: ${Math.max(...results.map((r) => largest(r.stdout))).toLocaleString('en-US')}`,
);
console.log(
  `  findings: ${bad.length === 0 ? 'none (no crash, hang, stack trace, silent reinterpretation or figure past 2^53)' : JSON.stringify(byKind)}`,
);
for (const [r, f] of bad)
  console.log(
    `  - ml-salary ${r.args.map((a) => (a.length > 60 ? `${a.slice(0, 60)}...` : a)).join(' ')}: ${f.join('; ')}${verbose ? `\n    ${r.stderr.trim()}` : ''}`,
  );
process.exitCode = bad.length > 0 ? 1 : 0;
