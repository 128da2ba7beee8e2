// `npm run bench`: start-up, interactive start, estimator, batch and package figures side by side,
// each next to its target with PASS/FAIL. Never part of `npm test`. Run it on a quiet machine:
// every figure is a median, but other load on the cores still moves them.
//
//   npm run bench                       build, then everything
//   node bench/run.mjs --runs 41 --records 500000 --batch-runs 7
//   node bench/run.mjs --startup        only the start-up row (the JSON run against bare node)
//   node bench/run.mjs --only batch,estimate   only these rows (startup, prompt, estimate, batch,
//                                       tarball)
//
// Needs python3 for the pseudo-terminal (first prompt); that row is skipped without it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { closeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/ml-salary.js');
const NODE = process.execPath;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const RUNS = option('--runs', 31);
const PTY_RUNS = option('--pty-runs', 15);
const RECORDS = option('--records', 200_000);
const BATCH_RUNS = option('--batch-runs', 5);
const work = mkdtempSync(join(tmpdir(), 'ml-salary-bench-'));
const rows = [];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const perSecond = (x) => `${Math.round(x).toLocaleString('en-US')}/s`;
function row(measure, figure, against, target, pass) {
  rows.push({ measure, figure, against, target, verdict: pass ? 'PASS' : 'FAIL' });
  console.error(`  ${pass ? 'PASS' : 'FAIL'}  ${measure}: ${figure}`);
}

/** Wall time of one run to completion, stdout piped (as `ml-salary ... | jq` has it). */
function timeRun(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(NODE, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { elapsed, stdout: r.stdout.toString() };
}

function startup() {
  const cli = [BIN, '--years', '5', '--city', 'sf', '--json'];
  const bare = ['-e', ''];
  const first = JSON.parse(timeRun(cli).stdout);
  if (first.schemaVersion !== 4) throw new Error('the JSON run printed no estimate document');
  for (let i = 0; i < 3; i++) timeRun(bare); // warm the file cache
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(timeRun(cli).elapsed);
    b.push(timeRun(bare).elapsed);
  }
  const ratio = median(a) / median(b);
  row(
    'JSON run: ml-salary --years 5 --city sf --json',
    ms(median(a)),
    `vs node -e "": ${ms(median(b))}, ratio ${ratio.toFixed(3)}x (medians of ${RUNS} alternating runs)`,
    '<= 1.15x bare node',
    ratio <= 1.15,
  );
}

function firstPrompt() {
  const python = spawnSync('python3', ['--version']);
  if (python.status !== 0) {
    rows.push({
      measure: 'first prompt in a terminal',
      figure: 'skipped (no python3 for the pseudo-terminal)',
      against: '',
      target: '<= 1.5x bare node',
      verdict: 'SKIP',
    });
    return;
  }
  const spec = {
    rounds: PTY_RUNS,
    timeout_ms: 10_000,
    commands: [
      { name: 'cli', argv: [NODE, BIN], marker: 'Years of experience' },
      { name: 'bare', argv: [NODE, '-e', ''], marker: null },
    ],
  };
  const out = execFileSync(
    'python3',
    [join(ROOT, 'bench/pty-first-output.py'), JSON.stringify(spec)],
    {
      encoding: 'utf8',
      env: { ...process.env, TERM: 'xterm-256color' },
    },
  );
  const { cli, bare } = JSON.parse(out);
  const ratio = median(cli) / median(bare);
  row(
    'first prompt: `ml-salary` in a pseudo-terminal until "Years of experience" shows',
    ms(median(cli)),
    `vs node -e "" in the same terminal until it exits: ${ms(median(bare))}, ratio ${ratio.toFixed(3)}x (medians of ${PTY_RUNS})`,
    '<= 1.5x bare node',
    ratio <= 1.5,
  );
}

function estimator() {
  const out = execFileSync(NODE, [join(ROOT, 'bench/estimate-rate.mjs'), '--seconds', '4'], {
    encoding: 'utf8',
  });
  const { callsPerSecond, coldCallsPerSecond, profiles } = JSON.parse(out);
  row(
    'estimate() in-process (dist/index.js)',
    perSecond(callsPerSecond),
    `median of eight 0.5 s slices over ${profiles} mixed profiles, repeated (what estimate() remembers per years value is warm); with years never seen before: ${perSecond(coldCallsPerSecond)}; load ${loadavg()[0].toFixed(2)}`,
    '>= 1,000,000 calls/s',
    callsPerSecond >= 1_000_000,
  );
}

/** Run to completion with stdout to /dev/null; wall time and peak RSS (kB) via rss-probe.cjs. */
function timed(argv) {
  return new Promise((resolve, reject) => {
    const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
    const devnull = openSync('/dev/null', 'w');
    const started = process.hrtime.bigint();
    const child = spawn(NODE, ['--require', join(ROOT, 'bench/rss-probe.cjs'), ...argv], {
      stdio: ['ignore', devnull, 'pipe'],
      env: { ...process.env, ML_SALARY_BENCH_RSS: rssFile },
    });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      closeSync(devnull);
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr}`));
      resolve({ seconds, rssKb: Number(readFileSync(rssFile, 'utf8')) });
    });
  });
}

/** Run to completion with stdout piped; count its lines and bytes without keeping them. */
function countLines(argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, lines, bytes, stderr }));
  });
}

async function batch() {
  const file = join(work, 'profiles.ndjson');
  const fd = openSync(file, 'w');
  execFileSync(NODE, [join(ROOT, 'bench/gen-profiles.mjs'), String(RECORDS)], {
    stdio: ['ignore', fd, 'inherit'],
  });
  closeSync(fd);
  // A first run, piped, to check it works and writes one line per record (also a warm-up).
  const check = await countLines([BIN, 'batch', file]);
  if (check.code !== 0 || check.lines !== RECORDS) {
    rows.push({
      measure: 'ml-salary batch',
      figure: `not measured: exit ${check.code}, ${check.lines} lines for ${RECORDS} records: ${check.stderr.trim().split('\n')[0]}`,
      against: '',
      target: '<= 2x the passthrough, peak RSS < 100 MB, lines < 400 bytes',
      verdict: 'FAIL',
    });
    return;
  }
  // Compact records (the default) and --explain (the whole document per record), alternating
  // with the passthrough.
  const explain = await countLines([BIN, 'batch', file, '--explain']);
  const runs = { batch: [], explain: [], pass: [] };
  for (let i = 0; i < BATCH_RUNS; i++) {
    runs.batch.push(await timed([BIN, 'batch', file]));
    runs.explain.push(await timed([BIN, 'batch', file, '--explain']));
    runs.pass.push(await timed([join(ROOT, 'bench/passthrough.mjs'), file]));
  }
  const secs = (rs) => median(rs.map((r) => r.seconds));
  const rss = (rs) => Math.max(...rs.map((r) => r.rssKb));
  const passRate = RECORDS / secs(runs.pass);
  const rate = RECORDS / secs(runs.batch);
  const slower = secs(runs.batch) / secs(runs.pass);
  const peakMb = rss(runs.batch) / 1024;
  const lineBytes = check.bytes / RECORDS;
  row(
    `ml-salary batch, ${RECORDS.toLocaleString('en-US')} generated NDJSON records (compact records)`,
    `${perSecond(rate)}, ${slower.toFixed(2)}x the passthrough's time, peak RSS ${Math.round(peakMb)} MB, ${Math.round(lineBytes)} bytes a line`,
    `vs a JSON parse+stringify passthrough of the same file: ${perSecond(passRate)}, peak RSS ${Math.round(rss(runs.pass) / 1024)} MB (medians of ${BATCH_RUNS}); the input is ${Math.round(statSync(file).size / RECORDS)} bytes a record`,
    '<= 2x the passthrough, peak RSS < 100 MB, lines < 400 bytes',
    slower <= 2 && peakMb < 100 && lineBytes < 400,
  );
  const explainRate = RECORDS / secs(runs.explain);
  rows.push({
    measure: `ml-salary batch --explain, the same file (the whole --json document per record)`,
    figure: `${perSecond(explainRate)}, ${(secs(runs.explain) / secs(runs.pass)).toFixed(2)}x the passthrough's time, peak RSS ${Math.round(rss(runs.explain) / 1024)} MB, ${Math.round(explain.bytes / RECORDS)} bytes a line`,
    against: '',
    target: '(for reference: no target)',
    verdict: 'INFO',
  });
  console.error(`  INFO  batch --explain: ${perSecond(explainRate)}`);
}

function tarball() {
  const dest = mkdtempSync(join(work, 'pack-'));
  // The build just ran (npm run bench builds first): pack it as is.
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dest, '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const tgz = join(
    dest,
    readdirSync(dest).find((f) => f.endsWith('.tgz')),
  );
  const bytes = statSync(tgz).size;
  const into = mkdtempSync(join(work, 'install-'));
  const started = process.hrtime.bigint();
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--no-update-notifier', '--silent', tgz],
    { cwd: into, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const installMs = Number(process.hrtime.bigint() - started) / 1e6;
  const doc = JSON.parse(
    execFileSync(join(into, 'node_modules/.bin/ml-salary'), ['--years', '3', '--json'], {
      encoding: 'utf8',
    }),
  );
  if (doc.schemaVersion !== 4) throw new Error('the installed package printed no estimate');
  row(
    'packed tarball (npm pack)',
    `${(bytes / 1000).toFixed(1)} kB`,
    `npm install --offline of the tarball into an empty folder: ${ms(installMs)} (then ml-salary --years 3 --json ran from it)`,
    '<= 150 kB',
    bytes <= 150_000,
  );
}

try {
  const load = loadavg()[0];
  console.error(
    `ml-salary benchmarks: node ${process.version}, ${cpus().length} cores, load ${load.toFixed(2)}`,
  );
  if (load > 0.5 * cpus().length) console.error('  (the machine is busy: figures will be noisy)');
  // --only startup,estimate,...: just those rows (--startup is --only startup).
  const only = args.includes('--startup') ? ['startup'] : (args[args.indexOf('--only') + 1] ?? '');
  const wanted = (name) =>
    (!args.includes('--only') && !args.includes('--startup')) || only.includes(name);
  if (wanted('startup')) startup();
  if (wanted('prompt')) firstPrompt();
  if (wanted('estimate')) estimator();
  if (wanted('batch')) await batch();
  if (wanted('tarball')) tarball();
} finally {
  rmSync(work, { recursive: true, force: true });
}

const width = (key) => Math.max(key.length, ...rows.map((r) => r[key].length));
const cols = ['verdict', 'measure', 'figure', 'target'];
console.log('');
console.log(cols.map((c) => c.padEnd(width(c))).join('  '));
for (const r of rows) {
  console.log(cols.map((c) => r[c].padEnd(width(c))).join('  '));
  if (r.against) console.log(`${' '.repeat(width('verdict') + 2)}  ${r.against}`);
}
