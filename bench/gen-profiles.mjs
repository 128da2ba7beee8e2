#!/usr/bin/env node
// Write N generated profiles, one per line, for `ml-salary batch`: a deterministic mix of cities,
// industries, skills, degrees and years (seeded, so two runs give the same file).
//
//   node bench/gen-profiles.mjs 1000000 > /tmp/big.ndjson
//   node bench/gen-profiles.mjs 1000 --csv --bad 3 > /tmp/small.csv
//
// Options: --csv (CSV with a header row instead of NDJSON), --bad K (K malformed records spread
// through the file, each on a line the generator names on stderr), --seed S.
import { once } from 'node:events';
import process from 'node:process';

const CITIES = ['sf', 'seattle', 'nyc', 'austin', 'denver', 'research triangle', 'remote', 'us'];
const INDUSTRIES = [
  'faang',
  'ai startup',
  'quant',
  'autonomous driving',
  'healthcare',
  'enterprise',
  'marketing analytics',
];
const SKILLS = ['mlops', 'cloud', 'deep learning', 'computer vision', 'nlp'];
const DEGREES = ['none', 'bachelors', 'masters', 'phd'];
const BAD = [
  '{"years": "five"}',
  '{"years": 5, "city": "atlantis"}',
  '{"years": 5, "salary": 1}',
  '{"years": 5',
  '{"years": -1}',
];
const BAD_CSV = [
  'five,sf,faang,,phd',
  '5,atlantis,faang,,phd',
  '5,sf,faang',
  '"5,sf,faang,,phd',
  '-1,sf,faang,,phd',
];

/** A small seeded PRNG (mulberry32), so the file is reproducible. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The i-th generated profile as an object with human names (what a user would type). */
export function profile(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const skills = SKILLS.filter(() => random() < 0.3);
  const p = { years: Math.round(random() * 300) / 10 };
  if (random() < 0.9) p.city = pick(CITIES);
  if (random() < 0.9) p.industry = pick(INDUSTRIES);
  if (skills.length) p.skills = skills;
  if (random() < 0.8) p.degree = pick(DEGREES);
  return p;
}

const csvField = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function csvLine(p) {
  return [
    String(p.years),
    p.city ?? '',
    p.industry ?? '',
    (p.skills ?? []).join(';'),
    p.degree ?? '',
  ]
    .map(csvField)
    .join(',');
}

async function main() {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
  const csv = args.includes('--csv');
  const flag = (name, fallback) => {
    const i = args.indexOf(name);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const badCount = flag('--bad', 0);
  const random = rng(flag('--seed', 42));
  const badAt = new Set(
    Array.from({ length: badCount }, (_, k) => Math.floor(((k + 0.5) * n) / badCount)),
  );
  const out = process.stdout;
  let buf = csv ? 'years,city,industry,skills,degree\n' : '';
  const offset = csv ? 2 : 1; // file line of record 0
  for (let i = 0; i < n; i++) {
    if (badAt.has(i)) {
      const list = csv ? BAD_CSV : BAD;
      buf += `${list[i % list.length]}\n`;
      process.stderr.write(`bad record on line ${i + offset}\n`);
    } else {
      const p = profile(random);
      buf += `${csv ? csvLine(p) : JSON.stringify(p)}\n`;
    }
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
