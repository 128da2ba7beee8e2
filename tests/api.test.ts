import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkMarket,
  estimate as fromSource,
  InputError,
  market as sourceMarket,
} from '../src/index.js';
import { ROOT } from './helpers.js';

// The library as another project sees it: a consumer folder whose node_modules/ml-salary is this
// package (as `npm link` makes it), resolved through package.json "exports" to the built
// dist/index.js and dist/types/ (built by tests/global-setup.ts).
const consumer = mkdtempSync(join(tmpdir(), 'ml-salary-consumer-'));
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

function setUpConsumer(): void {
  mkdirSync(join(consumer, 'node_modules'));
  symlinkSync(ROOT, join(consumer, 'node_modules', 'ml-salary'), 'dir');
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        lib: ['ES2022', 'DOM'], // DOM for console only: the declarations must not need @types/node
        types: [],
        skipLibCheck: false,
        outDir: 'out',
      },
      files: ['consumer.ts'],
    }),
  );
  copyFileSync(join(ROOT, 'tests/fixtures/consumer/consumer.ts'), join(consumer, 'consumer.ts'));
}

describe("the library API: import { estimate } from 'ml-salary'", () => {
  it('type-checks a TypeScript consumer against the published declarations, and runs it', () => {
    setUpConsumer();
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    // Throws with tsc's diagnostics if the consumer does not type-check.
    execFileSync(process.execPath, [tsc, '-p', consumer], { encoding: 'utf8' });
    const out = execFileSync(process.execPath, [join(consumer, 'out/consumer.js')], {
      encoding: 'utf8',
      cwd: consumer,
    });
    const got = JSON.parse(out) as {
      profile: unknown;
      defaulted: unknown;
      level: string;
      totalMid: number;
      adds: boolean;
      cheaper: boolean;
      rejected: string;
    };
    expect(got.profile).toEqual({
      years: 6,
      city: 'sf',
      industry: 'big-tech',
      skills: ['mlops', 'nlp-llm'],
      degree: 'masters',
    });
    expect(got.defaulted).toEqual([]);
    expect(got.adds).toBe(true);
    expect(got.cheaper).toBe(true);
    expect(got.rejected).toBe('years');
    // The built library gives what the source gives.
    const same = fromSource(
      {
        years: 6,
        city: 'sf',
        industry: 'big-tech',
        skills: ['mlops', 'nlp-llm'],
        degree: 'masters',
      },
      sourceMarket,
    );
    expect(got.totalMid).toBe(same.total.mid);
    expect(got.level).toBe(same.level);
  });

  it('is one file, without the command-line machinery', () => {
    const lib = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    expect(lib).not.toMatch(/^\s*import\s/m); // no imports: nothing to install or resolve
    expect(lib).not.toContain('commander');
    expect(lib).not.toContain('@inquirer');
  });

  // What runs (dist/index.js), what the declarations promise, and what docs/scripting.md lists.
  const runtime = async () =>
    Object.keys((await import(join(ROOT, 'dist/index.js'))) as object).sort();
  it('declares as a value exactly what dist/index.js exports', async () => {
    const dts = readFileSync(join(ROOT, 'dist/types/index.d.ts'), 'utf8');
    const values = /^export declare (?:const|function|class|let|var|enum) ([\w$]+)/gm;
    const declared = [...new Set([...dts.matchAll(values)].map((m) => m[1]!))].sort();
    // `export { X$1 as X }` of a value would be one too: only types go through it.
    const renamed = [...dts.matchAll(/([\w$]+) as [\w$]+,?$/gm)].map((m) => m[1]!);
    for (const r of renamed)
      expect(dts).not.toMatch(new RegExp(`declare (const|function|class) \\${r}\\b`));
    expect(declared).toEqual(await runtime());
  });

  it('docs/scripting.md lists exactly the exports', async () => {
    const doc = readFileSync(join(ROOT, 'docs/scripting.md'), 'utf8');
    const section = doc.slice(
      doc.indexOf('## Library API'),
      doc.indexOf('\n## ', doc.indexOf('## Library API') + 1),
    );
    // Each "- `name(...)`, `other`: what it does" item: the names before its first "`:".
    const listed = section
      .split('\n- ')
      .slice(1)
      .filter((item) => !item.startsWith('Types'))
      .flatMap((item) =>
        [...item.slice(0, item.indexOf('`:')).matchAll(/`([\w$]+)/g)].map((m) => m[1]!),
      );
    expect([...new Set(listed)].sort()).toEqual(await runtime());
  });

  it('checkMarket: a changed copy of the market, checked as --data is, frozen and fresh', () => {
    const profile = {
      years: 4,
      city: 'austin',
      industry: 'enterprise',
      skills: [],
      degree: 'bachelors',
    };
    const austin = (m: typeof sourceMarket) => m.locations.find((l) => l.id === 'austin')!;
    const changed = (value: number) => {
      const copy = structuredClone(sourceMarket);
      austin(copy).multiplier = value;
      return copy;
    };
    const twice = changed(austin(sourceMarket).multiplier * 2);
    const checked = checkMarket(twice);
    expect(checked).not.toBe(twice);
    expect(Object.isFrozen(austin(checked))).toBe(true);
    const mid = fromSource(profile, checked).total.mid;
    expect(mid / fromSource(profile, sourceMarket).total.mid).toBeCloseTo(2, 2);
    austin(twice).multiplier = 1; // the original stays the caller's; the checked copy does not change
    expect(fromSource(profile, checked).total.mid).toBe(mid);
    const refusal = (value: unknown) => {
      try {
        checkMarket(value);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return `${(error as InputError).field} ${(error as Error).message}`;
      }
      return 'accepted';
    };
    const at = sourceMarket.locations.findIndex((l) => l.id === 'austin');
    expect(refusal(changed(-1))).toBe(
      `market market: /locations/${at}/multiplier: must be > 0 (see schemas/market.schema.json)`,
    );
    expect(refusal(changed(Number.NaN))).toMatch(`/locations/${at}/multiplier: must be number`);
    const huge = structuredClone(sourceMarket);
    huge.levels.list[1]!.base = 1e300;
    expect(refusal(huge)).toMatch(/^market market: \/levels\/list\/1\/base: must be <=/);
    expect(refusal({ ...sourceMarket, f: () => 1 })).toMatch(/not plain data/);
  });

  it('checkMarket: a figure the copy changed is cited to the copy, as --data cites a file (review3 A22)', () => {
    const profile = (city: string) => ({
      years: 4,
      city,
      industry: 'enterprise',
      skills: [],
      degree: 'bachelors',
    });
    const copy = structuredClone(sourceMarket);
    copy.locations.find((l) => l.id === 'pittsburgh')!.multiplier = 1.5;
    const city = (m: typeof sourceMarket, id: string) =>
      fromSource(profile(id), m).factors.find((f) => f.id === `city:${id}`)!;
    for (const m of [checkMarket(copy), checkMarket(structuredClone(checkMarket(copy)))]) {
      expect(m.sources[0]!.title).toBe(
        'Market data changed from the bundled data/market.json (checkMarket)',
      );
      expect(city(m, 'pittsburgh').label).toBe(
        "Pittsburgh: base x1.5 (the market file's own figure)",
      );
      expect(city(m, 'pittsburgh').sources).toEqual(['market-file']);
      expect(city(m, 'seattle')).toEqual(city(sourceMarket, 'seattle'));
    }
    // An unchanged copy is the bundled market: nothing is cited to it.
    expect(checkMarket(sourceMarket).sources).toEqual(sourceMarket.sources);
  });
});
