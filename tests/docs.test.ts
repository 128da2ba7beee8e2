import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  anchors,
  links,
  matches,
  outputLines,
  parsePage,
  screen,
  type Command,
} from './docs-examples.js';
import { BIN, ROOT } from './helpers.js';

// Every command example in README.md and docs/*.md, run against the built CLI (dist/, built by
// global-setup.ts) and compared with what the page says it prints. The convention is in
// tests/docs-examples.ts and docs/development.md. `npm run docs:update` (UPDATE_DOCS=1) writes
// what the commands print now into the pages instead of failing: review `git diff` like a golden
// file.

const UPDATE = process.env.UPDATE_DOCS === '1';
const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const PTY = fileURLToPath(new URL('./fixtures/pty-session.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
const hasJq = spawnSync('sh', ['-c', 'command -v jq']).status === 0;

const scratch = mkdtempSync(join(tmpdir(), 'ml-salary-docs-'));
const shims = join(scratch, 'bin');
mkdirSync(shims);
writeFileSync(join(shims, 'ml-salary'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
chmodSync(join(shims, 'ml-salary'), 0o755);
const PATH = [shims, dirname(process.execPath), process.env.PATH ?? ''].join(':');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A page's own working folder: a copy of examples/, bench/, schemas/, data/ and the package. */
function workdir(page: string): string {
  const dir = join(scratch, page.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(dir);
  // Copies where a script finds itself by path (bench/gen-profiles.mjs), links for the rest.
  for (const d of ['examples', 'bench']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  for (const d of ['schemas', 'data']) symlinkSync(join(ROOT, d), join(dir, d));
  // `import ... from 'ml-salary'` finds the package as an installed copy would be found.
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'ml-salary'));
  return dir;
}

interface Ran {
  lines: string[];
  code: number;
}

/** One command through `sh -c`, stdout and stderr into one pipe, stdin empty. */
function runPiped(cmd: string, cwd: string): Ran {
  const r = spawnSync('sh', ['-c', `exec 2>&1\n${cmd}`], {
    cwd,
    // HOME is the page's folder: a profile saved by one example is there for the next ones.
    env: { PATH, HOME: cwd },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { lines: outputLines(r.stdout), code: r.status ?? 128 };
}

/** One command in an 80x40 pseudo-terminal with colour off, typing `keys` at its questions. */
function runTty(cmd: string, cwd: string, keys: [string, string][]): Ran {
  const spec = {
    argv: ['sh', '-c', cmd],
    env: { PATH: PATH, HOME: cwd, NO_COLOR: '1', TERM: 'xterm-256color' },
    columns: 80,
    rows: 40,
    timeout_ms: 30_000,
    steps: keys.map(([wait, send]) => ({ wait, send })),
  };
  const r = spawnSync('python3', [PTY, JSON.stringify(spec)], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pty-session.py failed: ${r.stderr}`);
  const s = JSON.parse(r.stdout) as { output: string; status: number; waited_for: string | null };
  if (s.waited_for !== null) throw new Error(`the terminal never showed ${s.waited_for}`);
  return { lines: screen(s.output), code: s.status };
}

const updates = new Map<string, { from: number; to: number; lines: string[] }[]>();
afterAll(() => {
  for (const [page, edits] of updates) {
    const lines = readFileSync(join(ROOT, page), 'utf8').split('\n');
    for (const e of edits.sort((a, b) => b.from - a.from)) {
      lines.splice(e.from, e.to - e.from, ...e.lines);
    }
    writeFileSync(join(ROOT, page), lines.join('\n'));
  }
});

/** Compare, or in update mode keep what it printed for the page. */
function check(c: Command, lines: string[]): void {
  if (c.expected.length > 0 && c.expected.every((l) => l.trim() === '...')) {
    throw new Error(`${c.page}:${c.line}: show at least one line of the output, not only ...`);
  }
  if (matches(c.expected, lines)) return;
  if (UPDATE) {
    const edits = updates.get(c.page) ?? [];
    edits.push({ from: c.outStart, to: c.outEnd, lines });
    updates.set(c.page, edits);
    return;
  }
  const hint = c.expected.includes('...') ? ' (`...` stands for any lines)' : '';
  expect(lines.join('\n'), `${c.page}:${c.line}: $ ${c.text}${hint}`).toBe(
    c.expected.join('\n').trimEnd(),
  );
}

const pages = PAGES.map((page) => ({
  page,
  ...parsePage(page, readFileSync(join(ROOT, page), 'utf8')),
}));

it('every shell command in the docs is in a console block, so that it is run', () => {
  expect(pages.flatMap((p) => p.strays)).toEqual([]);
});

it('keeps README.md a front door (at most 20,000 bytes) and every line readable', () => {
  expect(readFileSync(join(ROOT, 'README.md')).length).toBeLessThanOrEqual(20_000);
  const long = pages.flatMap(({ page }) =>
    readFileSync(join(ROOT, page), 'utf8')
      .split('\n')
      .flatMap((l, i) =>
        [...l].length > 200 ? [`${page}:${i + 1}: ${[...l].length} characters`] : [],
      ),
  );
  expect(long).toEqual([]);
});

it('docs/development.md names every data file and example', () => {
  const page = readFileSync(join(ROOT, 'docs/development.md'), 'utf8');
  for (const dir of ['data', 'examples'])
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => /\.m?js(on)?$/.test(n)))
      expect(page, `${dir}/${name}`).toContain(`\`${name}\``);
});

it('links only to files and headings that exist', () => {
  const broken: string[] = [];
  for (const { page } of pages) {
    for (const [target, line] of links(readFileSync(join(ROOT, page), 'utf8'))) {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), path);
      const where = `${page}:${line}: ${target}`;
      if (!existsSync(file) || relative(ROOT, file).startsWith('..')) broken.push(where);
      else if (anchor && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(`${where} (no such heading)`);
      }
    }
  }
  expect(broken).toEqual([]);
});

it('finds the examples (README and at least one per command)', () => {
  const all = pages.flatMap((p) => p.commands.map((c) => c.text));
  const readme = pages[0]!.commands.map((c) => c.text);
  for (const cmd of ['offer', 'compare', 'career', 'market', 'batch', 'list']) {
    expect(
      readme.some((t) => t.includes(`ml-salary ${cmd}`)),
      cmd,
    ).toBe(true);
  }
  expect(all.length).toBeGreaterThan(30);
});

for (const { page, commands } of pages) {
  describe(page, () => {
    let cwd = '';
    let last: Ran | undefined;
    let needs = '';
    for (const c of commands) {
      // `echo $?` is skipped with the command it reports on.
      if (c.text !== 'echo $?') {
        needs = c.tty && !hasPython ? 'python3' : /\bjq\b/.test(c.text) && !hasJq ? 'jq' : '';
      }
      it.skipIf(needs !== '')(`line ${c.line}: $ ${c.text}${needs && ` (needs ${needs})`}`, () => {
        cwd ||= workdir(page);
        if (c.text === 'echo $?') {
          expect(last, `${page}:${c.line}: echo $? follows a command`).toBeDefined();
          check(c, [String(last!.code)]);
          last = undefined;
          return;
        }
        if (last && last.code !== 0) {
          throw new Error(`the command above exited ${last.code}: show it with $ echo $?`);
        }
        last = c.tty ? runTty(c.text, cwd, c.keys) : runPiped(c.text, cwd);
        check(c, last.lines);
      });
    }
    it('ends with no unshown exit code', () => {
      expect(last?.code ?? 0, 'the last command exited non-zero: show it with $ echo $?').toBe(0);
    });
  });
}

it("README's 'What moved' table states today's figures (the after column)", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const after = (start: string) =>
    (readme.split('\n').find((l) => l.startsWith(`| ${start}`)) ?? '').split('|').at(-2)?.trim();
  const est = (...argv: string[]) =>
    JSON.parse(spawnSync('node', [BIN, ...argv, '--json'], { encoding: 'utf8' }).stdout) as Record<
      string,
      { low: number; mid: number; high: number }
    >;
  const money = (n: number) => `$${n.toLocaleString('en-US')}`;
  expect(after('5 years, every input')).toBe(money(est('--years', '5').total!.mid));
  const offer = ['offer', '--years', '3', '--city', 'pittsburgh', '--industry', 'big-tech'];
  const pgh = est(...offer, '--level', 'google l4', '--base', '160000') as unknown as {
    position: { base: { percentile: number } };
  };
  expect(after('3 years, Pittsburgh')).toBe(`≈P${pgh.position.base.percentile}`);
  const l5 = ['--years', '6', '--city', 'sf', '--industry', 'big-tech', '--level', 'google l5'];
  expect(after('6 years, SF')).toBe(money(est(...l5, '--skills', 'nlp').base!.mid));
  const { bonus } = est('--years', '5', '--city', 'nyc', '--industry', 'quant');
  expect(after('5 years, NYC')).toBe(`${money(bonus!.low)}-${money(bonus!.high)}`);
});
