import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellLine, shellQuote } from '../../src/cli/shell.js';

describe('shellQuote', () => {
  it.each([
    ['sf', 'sf'],
    ['mlops,nlp-llm', 'mlops,nlp-llm'],
    ['2.5', '2.5'],
    ['', "''"],
    ['bay area', "'bay area'"],
    ["master's", "'master'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['`id`', "'`id`'"],
    ['a\nb', "'a\nb'"],
    ['*', "'*'"],
    ['~', "'~'"],
    ['=ls', "'=ls'"],
    ['!x', "'!x'"],
    ['Zürich', "'Zürich'"],
  ])('%j -> %s', (word, quoted) => expect(shellQuote(word)).toBe(quoted));

  it('a line of words', () => {
    expect(shellLine(['ml-salary', '--skills', '', '--city', 'new york'])).toBe(
      "ml-salary --skills '' --city 'new york'",
    );
  });

  const sh = spawnSync('sh', ['-c', 'true']).status === 0;
  it.skipIf(!sh)('sh reads every quoted word back as it was (needs sh)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 40 }),
        (raw) => {
          // A shell word cannot hold NUL; lone surrogates do not survive UTF-8.
          const words = raw.map((w) => w.replace(/\0|\p{Cs}/gu, ''));
          const r = spawnSync('sh', ['-c', `printf '%s\\0' ${shellLine(words)}`], {
            encoding: 'utf8',
          });
          expect(r.status).toBe(0);
          expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
        },
      ),
      { numRuns: 40 },
    );
  });
});
