import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers.js';

const GEN = fileURLToPath(new URL('../../bench/gen-profiles.mjs', import.meta.url));

// Issue 3, as written: "A 1,000-record file with 3 malformed lines yields 997 estimates, three
// `line N:` errors naming lines and reasons, and exit 1."
describe('a 1,000-record file with 3 malformed lines', () => {
  it.each([['ndjson'], ['csv']])(
    '%s: 997 estimates, three line errors with reasons, exit 1',
    async (format) => {
      const input = execFileSync(
        process.execPath,
        [GEN, '1000', '--bad', '3', ...(format === 'csv' ? ['--csv'] : [])],
        {
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
      const r = await runBin(['batch', '-'], { input });
      expect(r.code).toBe(1);
      const out = r.stdout.trimEnd().split('\n');
      expect(out).toHaveLength(997);
      for (const line of out) expect(typeof JSON.parse(line).total.mid).toBe('number');
      const err = r.stderr.trimEnd().split('\n');
      expect(err).toHaveLength(4);
      for (const e of err.slice(0, 3)) expect(e).toMatch(/^line \d+: \S.{10,}/);
      const reported = err.slice(0, 3).map((e) => Number(/^line (\d+):/.exec(e)![1]));
      const written = new Set(out.map((l) => JSON.parse(l).line as number));
      for (const n of reported) expect(written.has(n)).toBe(false); // the bad lines are the missing ones
      expect(err[3]).toBe('ml-salary batch: 1000 records read: 997 estimated, 3 bad');
    },
  );
});
