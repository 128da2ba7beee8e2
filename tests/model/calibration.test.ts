import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

// The fit of the market on the levels.fyi training records (issue 21), as `npm run calibrate`
// measures it through the built CLI's batch: every target holds, and docs/methodology.md shows
// exactly these figures, so a change of the model or the data that moves the fit shows here.

interface Check {
  what: string;
  value: string;
  pass: boolean;
}
interface Part {
  inside: number;
  above: number;
}
interface Report {
  records: number;
  checks: Check[];
  table: { group: string; n: number; base: Part; total: Part; stockOverEquity: number | null }[];
  metros: { id: string; n: number; used: number; rule: number; base: Part; total: Part }[];
}

const report = (industry = 'industry'): Report =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [join(ROOT, 'scripts/calibrate.mjs'), '--json', '--industry', industry],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 },
    ),
  ) as Report;

describe('the calibration on the training records', () => {
  it("meets every target of issue 21, with each record's own employer", () => {
    const r = report();
    expect(r.records).toBe(1110);
    for (const c of r.checks) expect(c.pass, `${c.what}: ${c.value}`).toBe(true);
    // Each group of the table, not only the bands the targets name, stays near eight in ten.
    for (const t of r.table) {
      if (t.n < 40) continue;
      expect(t.base.inside, t.group).toBeGreaterThan(70);
      expect(t.base.inside, t.group).toBeLessThan(90);
      expect(t.total.inside, t.group).toBeGreaterThan(70);
      expect(t.total.inside, t.group).toBeLessThan(90);
    }
    // Hubs and the rest apart, and each metro with records (review4 N1, N3: pooled, the default
    // employer outside the hubs sat 30% over its records and Pittsburgh's bases all above P50).
    const group = (g: string) => r.table.find((t) => t.group === g)!;
    for (const g of ['hubs', 'elsewhere', 'hubs, default employer', 'elsewhere, default employer'])
      expect(group(g).n, g).toBeGreaterThan(80);
    expect(group('elsewhere, default employer').total.above).toBeGreaterThan(35);
    const metro = new Map(r.metros.map((m) => [m.id, m]));
    expect([...metro.keys()]).toEqual(expect.arrayContaining(['pittsburgh', 'austin', 'boston']));
    for (const m of r.metros) expect(Math.abs(m.used / m.rule - 1), m.id).toBeLessThan(0.002);
    for (const id of ['pittsburgh', 'austin'])
      expect(metro.get(id)!.base.above, id).toBeLessThan(75);
  });

  it("meets them too with the records' other tech companies counted as big tech", () => {
    for (const c of report('industry_tech').checks) {
      expect(c.pass, `${c.what}: ${c.value}`).toBe(true);
    }
  });

  it("docs/methodology.md shows the report's figures", () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/calibrate.mjs'), '--check-docs'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
