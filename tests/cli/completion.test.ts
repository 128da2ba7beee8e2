// `ml-salary completion bash|zsh|fish`: the scripts, run by the shells themselves. bash is on
// every machine that runs these tests; zsh and fish are checked where they are installed
// (Debian: apt-get install zsh fish); elsewhere vitest lists those tests as skipped.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { market } from '../../src/model/market.js';
import { cli, expectUsageError } from '../command-helpers.js';

/** The one-word city names (ids and aliases) that start with `prefix`, sorted. */
const cityWords = (prefix: string): string[] =>
  [
    ...new Set(
      market.locations
        .flatMap((l) => [l.id, ...l.aliases])
        .filter((w) => w.startsWith(prefix) && /^[a-z0-9][a-z0-9.+_-]*$/.test(w)),
    ),
  ].sort();

const has = (shell: string): boolean => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'ml-salary-completion-'));

async function script(shell: string): Promise<string> {
  const r = await cli(['completion', shell]);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  const file = join(dir, `ml-salary.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

/**
 * What bash's completion offers for a command line ending at the cursor: bash splits the line
 * into COMP_WORDS as readline does (with COMP_WORDBREAKS), then calls the function that
 * `complete -F` registered for the command, as it does on TAB.
 */
function bashComplete(file: string, line: string): string[] {
  const program = `
source ${JSON.stringify(file)}
line=${JSON.stringify(line)}
# Split as readline does: words at blanks, and '=' as a word of its own (COMP_WORDBREAKS).
read -r -a COMP_WORDS <<< "\${line//=/ = }"
[[ $line == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMP_LINE=$line; COMP_POINT=\${#line}
fn=$(complete -p ml-salary | sed -E 's/.*-F ([^ ]+) .*/\\1/')
"$fn" ml-salary "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((w) => w !== '');
}

describe('bash', () => {
  it('completes commands, flags and the names each flag accepts', async () => {
    const file = await script('bash');
    expect(bashComplete(file, 'ml-salary off')).toEqual(['offer']);
    expect(bashComplete(file, 'ml-salary --city s').sort()).toEqual(cityWords('s'));
    expect(bashComplete(file, 'ml-salary --city=s').sort()).toEqual(cityWords('s'));
    expect(bashComplete(file, 'ml-salary --city sea')).toEqual(['seattle', 'sea']);
    expect(bashComplete(file, 'ml-salary --years 5 --city sf off')).toEqual(['offer']);
    expect(bashComplete(file, 'ml-salary offer --vesting am')).toEqual(['amazon']);
    expect(bashComplete(file, 'ml-salary offer --stage g')).toEqual(['growth']);
    expect(bashComplete(file, 'ml-salary offer --option-type ')).toEqual(['iso', 'nso']);
    expect(bashComplete(file, 'ml-salary offer --vest-every q')).toEqual(['quarterly']);
    expect(bashComplete(file, 'ml-salary offer --base 185k --bas')).toEqual(['--base']);
    expect(bashComplete(file, 'ml-salary offer --skills mlops,nl')).toEqual([
      'mlops,nlp-llm',
      'mlops,nlp',
    ]);
    expect(bashComplete(file, 'ml-salary --take-home --state C')).toEqual(['CA', 'CO', 'CT']);
    expect(bashComplete(file, 'ml-salary --take-home --locality yon')).toEqual(['yonkers']);
    expect(bashComplete(file, 'ml-salary list ind')).toEqual(['industries']);
    expect(bashComplete(file, 'ml-salary profile s')).toEqual(['save', 'show']);
    expect(bashComplete(file, 'ml-salary completion z')).toEqual(['zsh']);
    expect(bashComplete(file, 'ml-salary batch --format ')).toEqual(['ndjson', 'json', 'csv']);
    // A value-taking flag with no list (an amount) offers nothing rather than other words.
    expect(bashComplete(file, 'ml-salary offer --base ')).toEqual([]);
  });

  it('the names come from the catalogues the CLI checks them against', async () => {
    const file = await script('bash');
    const cities = bashComplete(file, 'ml-salary --city ');
    for (const location of market.locations) expect(cities).toContain(location.id);
    const degrees = bashComplete(file, 'ml-salary profile save --degree ');
    for (const degree of market.degrees.list) expect(degrees).toContain(degree.id);
    const levels = bashComplete(file, 'ml-salary offer --level ');
    for (const level of ['entry', 'mid', 'senior', 'staff', 'principal'])
      expect(levels).toContain(level);
    expect(bashComplete(file, 'ml-salary --level st')).toEqual(['staff']);
  });

  it.skipIf(spawnSync('python3', ['--version']).status !== 0)(
    'in an interactive bash, TAB completes `ml-salary off` and lists `--city s`',
    async () => {
      const file = await script('bash');
      const driver = fileURLToPath(new URL('../fixtures/pty-session.py', import.meta.url));
      const spec = {
        argv: ['bash', '--norc', '--noprofile', '-i'],
        env: { PS1: '$ ', TERM: 'dumb' },
        timeout_ms: 20_000,
        steps: [
          { wait: '$ ', send: `source ${file}; echo LOA""DED\r` },
          { wait: 'LOADED', send: 'ml-salary off\t' },
          { wait: 'ml-salary offer ', send: '\x15ml-salary --city s\t\t' },
          { wait: 'seattle', send: '\x15exit\r' },
        ],
      };
      const r = spawnSync('python3', [driver, JSON.stringify(spec)], { encoding: 'utf8' });
      const session = JSON.parse(r.stdout) as { output: string; waited_for: string | null };
      expect(session.waited_for).toBeNull();
      // bash lists the candidates in columns: every city word that starts with s.
      for (const word of cityWords('s'))
        expect(session.output).toMatch(new RegExp(`\\b${word}\\b`));
    },
  );
});

describe('zsh and fish', () => {
  it.skipIf(!has('zsh'))('zsh: the script loads after compinit and registers itself', async () => {
    const file = await script('zsh');
    const r = spawnSync(
      'zsh',
      [
        '-f',
        '-c',
        `autoload -Uz compinit && compinit -u -D; source ${file}; print -r -- $_comps[ml-salary]`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('_ml_salary');
  });

  it.skipIf(!has('fish'))('fish: the script loads and completes', async () => {
    const file = await script('fish');
    const complete = (line: string): string[] => {
      const r = spawnSync(
        'fish',
        ['--no-config', '-c', `source ${file}; complete -C ${JSON.stringify(line)}`],
        {
          encoding: 'utf8',
        },
      );
      expect(r.stderr).toBe('');
      return r.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t')[0]!);
    };
    expect(complete('ml-salary off')).toEqual(['offer']);
    expect(complete('ml-salary --city s')).toEqual(cityWords('s'));
    expect(complete('ml-salary --years 5 --city sf off')).toEqual(['offer']);
    expect(complete('ml-salary offer --skills mlops,nl')).toEqual(['mlops,nlp', 'mlops,nlp-llm']);
    expect(complete('ml-salary profile save --fil')).toEqual(['--filing']);
  });
});

describe('the command', () => {
  it('a missing or unknown shell is one line naming the shells', async () => {
    expectUsageError(await cli(['completion']), /which shell\? pass one of: bash, zsh, fish/);
    expectUsageError(
      await cli(['completion', 'bsh']),
      /no completion for 'bsh' \(did you mean 'bash'\?\)/,
    );
  });
});
