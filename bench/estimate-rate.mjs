// estimate() calls per second, in-process, on the built library (dist/index.js): a fixed mix of
// profiles (every city, industry and degree, 0 to 3 skills, years from 0 to 30), timed in
// slices after a warm-up. Prints {"callsPerSecond": median, "slices": [...], "profiles": n}.
//
//   node bench/estimate-rate.mjs [--seconds 5]
import { performance } from 'node:perf_hooks';
import { estimate, market } from '../dist/index.js';

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] || 5);

const cities = market.locations.map((l) => l.id);
const industries = market.industries.map((i) => i.id);
const degrees = market.degrees.list.map((d) => d.id);
const skills = market.skills.list.map((s) => s.id);
const profiles = [];
for (let i = 0; i < 256; i++) {
  profiles.push({
    years: (i * 7.3) % 30,
    city: cities[i % cities.length],
    industry: industries[(i >> 3) % industries.length],
    skills: skills.filter((_, k) => (i * 31 + k * 17) % 5 === 0).slice(0, i % 4),
    degree: degrees[(i >> 1) % degrees.length],
  });
}

let sink = 0;
function slice(ms) {
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < ms) {
    for (let i = 0; i < 1000; i++) sink += estimate(profiles[(calls + i) & 255], market).total.mid;
    calls += 1000;
  }
  return calls / ((performance.now() - started) / 1000);
}

slice(500); // warm-up: let the JIT settle
const slices = [];
for (let s = 0; s < seconds * 2; s++) slices.push(slice(500));
const sorted = [...slices].sort((a, b) => a - b);
if (sink <= 0) throw new Error('estimate-rate: no estimates?');
console.log(
  JSON.stringify({
    callsPerSecond: sorted[sorted.length >> 1],
    slices: slices.map(Math.round),
    profiles: profiles.length,
  }),
);
