// estimate() calls per second, in-process, on the built library (dist/index.js): a fixed mix of
// profiles (every city, industry and degree, 0 to 3 skills, years from 0 to 30), timed in
// slices after a warm-up. The 256 profiles repeat, so what estimate() remembers per years value
// (src/model/parts.ts) is warm; `coldCallsPerSecond` is the same mix with years never seen
// before on every call (nothing remembered per years helps). Prints {"callsPerSecond": median,
// "slices": [...], "coldCallsPerSecond": median, "profiles": n}.
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
let fresh = 0;
function slice(ms, cold = false) {
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < ms) {
    for (let i = 0; i < 1000; i++) {
      const profile = profiles[(calls + i) & 255];
      // Cold: a step that repeats only after 32,858 calls (more than the 4,096 years remembered).
      const p = cold ? { ...profile, years: (++fresh * 0.000913) % 30 } : profile;
      sink += estimate(p, market).total.mid;
    }
    calls += 1000;
  }
  return calls / ((performance.now() - started) / 1000);
}

slice(500); // warm-up: let the JIT settle
const slices = [];
for (let s = 0; s < seconds * 2; s++) slices.push(slice(500));
const cold = [slice(500, true), slice(500, true), slice(500, true)];
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
if (sink <= 0) throw new Error('estimate-rate: no estimates?');
console.log(
  JSON.stringify({
    callsPerSecond: median(slices),
    slices: slices.map(Math.round),
    coldCallsPerSecond: median(cold),
    profiles: profiles.length,
  }),
);
