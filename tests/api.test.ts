import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimate as fromSource, market as sourceMarket } from '../src/index.js';
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

  it('is one file, without the command-line machinery', async () => {
    const { readFileSync } = await import('node:fs');
    const lib = readFileSync(join(ROOT, 'dist/index.js'), 'utf8');
    expect(lib).not.toMatch(/^\s*import\s/m); // no imports: nothing to install or resolve
    expect(lib).not.toContain('commander');
    expect(lib).not.toContain('@inquirer');
  });
});
