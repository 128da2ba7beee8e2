import type { Market, Profile } from '../src/model/types.js';

/**
 * The fixed profiles of the golden-file test: reference cases, every catalogue entry alone, the
 * level edges, and a seeded pseudo-random sample. Deterministic: the same market gives the same
 * list, so a change to tests/golden/estimates.json is a change of the model, not of the inputs.
 */
export function goldenProfiles(market: Market): Profile[] {
  const out: Profile[] = [];
  const d = market.defaults;
  const typical = (over: Partial<Profile>): Profile => ({
    years: 5,
    city: d.city,
    industry: d.industry,
    skills: [...d.skills],
    degree: d.degree,
    ...over,
  });
  // The README's sample session and the guides' worked examples.
  out.push(
    typical({
      years: 6,
      city: 'sf',
      industry: 'big-tech',
      skills: ['mlops', 'nlp-llm'],
      degree: 'masters',
    }),
    typical({ years: 8, city: 'sf', industry: 'big-tech' }),
    typical({ years: 9.5, city: 'sf', industry: 'big-tech' }),
    typical({ years: 0, city: 'austin', industry: 'quant' }),
    typical({ years: 1, city: 'austin', industry: 'banking' }),
    // The cases: a new grad with stacked premiums, and levels given.
    typical({
      years: 0,
      city: 'nyc',
      industry: 'big-tech',
      skills: ['nlp-llm'],
      degree: 'masters',
    }),
    typical({ years: 12, city: 'sf', industry: 'big-tech', level: 'staff' }),
    typical({ years: 20, city: 'seattle', industry: 'big-tech', level: 'principal' }),
    typical({ years: 8, city: 'us', level: 'mid' }),
    typical({ years: 3, city: 'remote', industry: 'ai-startup', level: 'senior' }),
    typical({ years: 15, city: 'remote', industry: 'ai-startup', skills: ['nlp-llm'] }),
  );
  // Every catalogue entry on its own, at 1 and 9 years.
  for (const years of [1, 9]) {
    for (const l of market.locations) out.push(typical({ years, city: l.id }));
    for (const i of market.industries) out.push(typical({ years, industry: i.id }));
    for (const s of market.skills.list) out.push(typical({ years, skills: [s.id] }));
    for (const g of market.degrees.list) out.push(typical({ years, degree: g.id }));
  }
  // Every level given, at big tech in SF.
  for (const l of market.levels.list)
    out.push(typical({ city: 'sf', industry: 'big-tech', level: l.id }));
  // The edges of the levels and of the guides' bands, and the ends of the scale.
  const edges = [0, 0.5, 2, 2.99, 3, 4, 6.49, 6.5, 7, 10, 10.99, 11, 12, 14, 20, 50];
  for (const years of edges) out.push(typical({ years, city: 'sf', industry: 'big-tech' }));
  // A seeded sample of everything else (mulberry32).
  let seed = 2026;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const skillIds = market.skills.list.map((s) => s.id);
  for (let i = 0; i < 200; i++) {
    const count = pick([0, 0, 1, 1, 2, 3, 5]);
    const skills: string[] = [];
    while (skills.length < count) {
      const s = pick(skillIds);
      if (!skills.includes(s)) skills.push(s);
    }
    out.push({
      years: random() < 0.3 ? pick(edges) : Math.round(random() * 250) / 10,
      city: pick(market.locations).id,
      industry: pick(market.industries).id,
      skills,
      degree: pick(market.degrees.list).id,
    });
  }
  return out;
}
