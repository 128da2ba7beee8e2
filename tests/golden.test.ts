import { describe, expect, it } from 'vitest';
import { estimate } from '../src/model/estimate.js';
import { market } from '../src/model/market.js';
import { toDocument } from '../src/documents/estimate.js';
import { goldenProfiles } from './golden-profiles.js';
import { batch, lines } from './batch-helpers.js';

// The model's exact output for a fixed set of profiles, committed in tests/golden/. When the model
// changes on purpose, `npm run golden` rewrites the file and `git diff` shows what moved.

/** JSON with small objects and arrays on one line, so a diff shows one figure per line. */
export function pretty(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 100 || value === null || typeof value !== 'object')
    return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

describe('golden estimates', () => {
  it('each fixed profile gives exactly its committed document', async () => {
    const docs = goldenProfiles(market).map((p) => toDocument(estimate(p, market), [], market));
    expect(docs.length).toBeGreaterThan(250);
    await expect(`${pretty(docs)}\n`).toMatchFileSnapshot('./golden/estimates.json');
  });

  it('batch gives the same figures for the same profiles, record by record', async () => {
    const profiles = goldenProfiles(market);
    const input = profiles.map((p) => JSON.stringify(p)).join('\n');
    const r = await batch(`${input}\n`);
    expect(r.code).toBe(0);
    const records = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toHaveLength(profiles.length);
    records.forEach((rec, i) => {
      const doc = toDocument(estimate(profiles[i]!, market), [], market);
      for (const k of ['profile', 'level', 'base', 'bonus', 'equity', 'total'] as const)
        expect(rec[k], `${i} ${k}`).toEqual(doc[k]);
    });
  });
});
