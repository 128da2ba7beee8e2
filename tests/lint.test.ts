import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// Issue 19's done-when: `npm run lint` enforces the file size, plain functions, no import
// cycle and the layers (no module of src/model/ imports src/cli/ or src/render/). Shown here on
// files that break each rule, linted with the project's own configuration.

const eslint = new ESLint({ cwd: ROOT });
const problems = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${filePath}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
};

describe('lint keeps the house', () => {
  it('a file of src/ over 450 lines fails (every line counts, blank and comment lines too)', async () => {
    const long = `${'// a comment\n\n'.repeat(225)}export const x = 1;\n`;
    expect(await problems('src/model/long.ts', long)).toContain(
      'max-lines: File has too many lines (451). Maximum allowed is 450.',
    );
    expect(await problems('src/model/long.ts', long.split('\n').slice(1).join('\n'))).toEqual([]);
  });

  it('a function with more than 20 paths fails', async () => {
    const branches = Array.from({ length: 20 }, (_, i) => `  if (n === ${i}) return ${i};`);
    const code = `export function f(n: number): number {\n${branches.join('\n')}\n  return -1;\n}\n`;
    expect(await problems('src/model/branchy.ts', code)).toEqual([
      "complexity: Function 'f' has a complexity of 21. Maximum allowed is 20.",
    ]);
  });

  it.each([
    ['src/model/x.ts', '../cli/io.js'],
    ['src/model/x.ts', '../render/text.js'],
    ['src/model/x.ts', '../input/numbers.js'],
    ['src/input/x.ts', '../cli/io.js'],
    ['src/render/x.ts', '../cli/color.js'],
    ['src/documents/x.ts', '../render/text.js'],
    ['src/batch/x.ts', '../cli/io.js'],
  ])('%s may not import %s (the layers read downward)', async (file, from) => {
    const found = await problems(file, `export * from '${from}';\n`);
    expect(found.some((p) => p.startsWith('import-x/no-restricted-paths'))).toBe(true);
  });

  it('src/model/ names fields, not flags', async () => {
    const flag = 'export const n = (s: string) => `pass --state ${s}`;\n';
    expect(await problems('src/model/x.ts', flag)).toEqual([
      'no-restricted-syntax: a flag name in src/model/: name the field',
    ]);
    expect(await problems('src/model/x.ts', "export const n = 'pass --locality';\n")).toHaveLength(
      1,
    );
    expect(await problems('src/model/x.ts', "export const n = 'give a state';\n")).toEqual([]);
    expect(await problems('src/cli/x.ts', "export const n = 'pass --state';\n")).toEqual([]);
  });

  it('the layers may import what is below them', async () => {
    expect(await problems('src/cli/x.ts', "export * from '../model/format.js';\n")).toEqual([]);
    expect(await problems('src/render/x.ts', "export * from '../model/format.js';\n")).toEqual([]);
  });

  it('import cycles are refused in src/', async () => {
    const config = (await eslint.calculateConfigForFile(`${ROOT}/src/model/offer.ts`)) as {
      rules: Record<string, unknown>;
    };
    expect((config.rules['import-x/no-cycle'] as unknown[])[0]).toBe(2); // an error, not a warning
  });
});
