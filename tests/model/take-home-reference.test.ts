// The take-home model against an independent reference: tests/fixtures/take-home-expected.json,
// made by scripts/tax-reference.py from PolicyEngine-US's parameter files (not from our code or
// data). Every tax line of every case must match to $2, and the net likewise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import federal from '../../data/tax-2026.json' with { type: 'json' };
import states from '../../data/tax-states-2026.json' with { type: 'json' };
import { taxTables } from '../../src/model/take-home.js';
import { takeHome } from '../../src/model/tax/compute.js';
import type { FederalFile, Filing, StatesFile } from '../../src/model/tax/types.js';

interface Case {
  state: string;
  locality?: string;
  filing: Filing;
  gross: number;
  k401?: number;
  hsa?: number;
  other?: number;
  itemized: boolean;
  lines: Record<string, number>;
  net: number;
}

const tables = taxTables(federal as unknown as FederalFile, states as unknown as StatesFile);
const expected = JSON.parse(
  readFileSync(new URL('../fixtures/take-home-expected.json', import.meta.url), 'utf8'),
) as { sources: string[]; cases: Case[] };

const name = (c: Case): string =>
  [
    c.state,
    c.locality,
    c.filing,
    `$${c.gross}`,
    c.k401 && `401k ${c.k401}`,
    c.hsa && `HSA ${c.hsa}`,
    c.other && `itemized ${c.other}`,
  ]
    .filter(Boolean)
    .join(' ');

describe('take-home against the PolicyEngine-based reference', () => {
  it('names its sources and covers every state and DC, single and married, at three wages or more', () => {
    expect(expected.sources.join(' ')).toContain('PolicyEngine-US');
    const plain = expected.cases.filter((c) => !c.locality && !c.k401 && !c.hsa && !c.other);
    const states = new Set(plain.map((c) => c.state));
    expect(states.size).toBe(51);
    for (const s of states)
      for (const filing of ['single', 'married'])
        expect(
          new Set(plain.filter((c) => c.state === s && c.filing === filing).map((c) => c.gross))
            .size,
        ).toBeGreaterThanOrEqual(3);
  });

  it.each(expected.cases.map((c) => [name(c), c] as const))('%s', (_, c) => {
    const r = takeHome(
      c.gross,
      {
        filing: c.filing,
        state: c.state,
        ...(c.locality ? { local: c.locality } : {}),
        pretax: c.k401 ?? 0,
        hsa: c.hsa ?? 0,
        hsaCoverage: (c.hsa ?? 0) > 4400 ? 'family' : 'self',
        itemized: c.other ?? 0,
        age: 40,
      },
      tables,
    );
    const got = Object.fromEntries(r.taxes.map((t) => [t.id, t.amount]));
    const want = Object.fromEntries(
      Object.entries(c.lines).filter(([, v]) => Math.abs(v) >= 0.5 || true),
    );
    const off = Object.keys({ ...got, ...want }).filter(
      (id) => Math.abs((got[id] ?? 0) - (want[id] ?? 0)) > 2,
    );
    expect(
      off.map((id) => `${id}: ours ${got[id] ?? 'none'}, reference ${want[id] ?? 'none'}`),
      `lines off by more than $2 (${r.deduction.why})`,
    ).toEqual([]);
    expect(r.deduction.used === 'itemized').toBe(c.itemized);
    const refNet =
      c.gross -
      (c.k401 ?? 0) -
      (c.hsa ?? 0) -
      Object.values(c.lines).reduce((s, v) => s + Math.round(v), 0);
    expect(Math.abs(r.net - refNet)).toBeLessThanOrEqual(2);
  });
});
