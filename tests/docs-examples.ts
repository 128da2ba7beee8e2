// Reading the command examples out of README.md and docs/*.md, and drawing what a terminal
// shows. The convention (docs/development.md, "Examples in the docs"):
//
//   ```console            a command example: each `$ ` line is a command, the lines under it
//   $ ml-salary ...       are what it prints (stdout and stderr as one stream). `...` alone on
//   output                a line stands for any number of lines. A command that exits non-zero
//   $ echo $?             is followed by `$ echo $?` and its code. `console tty` runs the
//   2                     commands in an 80x40 pseudo-terminal instead of a pipe.
//   ```
//
// A `<!-- keys: [["question text", "keys"], ...] -->` line right above a `console tty` block types
// those keys, each once its question is on the screen (an interactive session).

/** One `$ ` command of a console block, with the output lines written under it. */
export interface Command {
  page: string;
  /** 1-based line of the `$ ` in the page. */
  line: number;
  text: string;
  tty: boolean;
  keys: [wait: string, send: string][];
  expected: string[];
  /** 0-based line range [outStart, outEnd) of the expected output in the page. */
  outStart: number;
  outEnd: number;
}

export interface Page {
  commands: Command[];
  /** Shell-looking lines outside console blocks: `page:line: text`. */
  strays: string[];
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)(.*)$/;
const KEYS = /^<!--\s*keys:\s*(.*?)\s*-->$/;
/** A line that reads as a command to type, in a block the test does not run. */
const STRAY = /^(\$ |ml-salary (-|offer |compare |career |market|batch|list |help))/;

/** The console blocks of one markdown page, cut into commands and their expected output. */
export function parsePage(page: string, text: string): Page {
  const lines = text.split('\n');
  const commands: Command[] = [];
  const strays: string[] = [];
  let keys: [string, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    const keyLine = KEYS.exec(lines[i]!.trim());
    if (keyLine) {
      keys = JSON.parse(keyLine[1]!) as [string, string][];
      continue;
    }
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const [, indent = '', fence = '', lang = '', rest = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !isClose(lines[j]!, fence)) body.push(dedent(lines[j++]!, indent));
    if (lang === 'console') {
      const tty = rest.trim().split(/\s+/).includes('tty');
      commands.push(...cutCommands(page, body, i + 1, tty, keys));
    } else {
      body.forEach((l, k) => {
        if (STRAY.test(l.trim())) strays.push(`${page}:${i + 2 + k}: ${l.trim()}`);
      });
    }
    keys = [];
    i = j;
  }
  return { commands, strays };
}

function isClose(line: string, fence: string): boolean {
  const t = line.trim();
  return t.length >= fence.length && t === fence[0]!.repeat(t.length);
}

function dedent(line: string, indent: string): string {
  return line.startsWith(indent) ? line.slice(indent.length) : line.trimStart();
}

function cutCommands(
  page: string,
  body: string[],
  first: number,
  tty: boolean,
  keys: [string, string][],
): Command[] {
  const out: Command[] = [];
  for (let k = 0; k < body.length;) {
    const l = body[k]!;
    if (!l.startsWith('$ ')) {
      throw new Error(`${page}:${first + k + 1}: a console block starts with a '$ ' command`);
    }
    let text = l.slice(2);
    const line = first + k + 1;
    k++;
    while (text.endsWith('\\') && k < body.length) {
      text = `${text.slice(0, -1).trimEnd()} ${body[k++]!.replace(/^> ?/, '').trim()}`;
    }
    const outStart = first + k;
    const expected: string[] = [];
    while (k < body.length && !body[k]!.startsWith('$ ')) expected.push(body[k++]!);
    out.push({ page, line, text, tty, keys, expected, outStart, outEnd: first + k });
  }
  return out;
}

/** Does `actual` match `expected`, where a line `...` in expected stands for any lines? */
export function matches(expected: string[], actual: string[]): boolean {
  const e = expected.map((l) => l.trimEnd());
  const a = actual.map((l) => l.trimEnd());
  const memo = new Map<number, boolean>();
  const from = (i: number, j: number): boolean => {
    const key = i * (a.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (i === e.length) ok = j === a.length;
    else if (e[i] === '...') ok = from(i + 1, j) || (j < a.length && from(i, j + 1));
    else ok = j < a.length && e[i] === a[j] && from(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return from(0, 0);
}

/** Lines of a command's output: the final newline is not a line of its own. */
export function outputLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

/**
 * What a terminal shows after `raw` was drawn on it: the escape codes the prompts and reports use
 * (colour, cursor column and up/down, erase in line, cursor visibility) are carried out, lines the
 * terminal would wrap stay one line, and anything else is an error rather than a guess.
 */
export function screen(raw: string): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let col = 0;
  const at = (r: number): string[] => (rows[r] ??= []);
  for (let i = 0; i < raw.length;) {
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    if (ch === '\u001b') {
      // eslint-disable-next-line no-control-regex -- a CSI escape sequence
      const m = /^\u001b\[(\??)([0-9;]*)([A-Za-z])/.exec(raw.slice(i, i + 16));
      if (!m) throw new Error(`unknown escape code ${JSON.stringify(raw.slice(i, i + 8))}`);
      const n = m[2] === '' ? 1 : Number(m[2]);
      const line = at(row);
      if (m[3] === 'G') col = n - 1;
      else if (m[3] === 'A') row = Math.max(0, row - n);
      else if (m[3] === 'B') row += n;
      else if (m[3] === 'K' && m[2] === '2') line.length = 0;
      else if (m[3] === 'K') line.length = Math.min(line.length, col);
      else if (m[3] === 'J' && (m[2] === '' || m[2] === '0')) {
        line.length = Math.min(line.length, col);
        rows.length = row + 1;
      } else if (m[3] !== 'm' && !(m[1] === '?' && (m[3] === 'h' || m[3] === 'l'))) {
        throw new Error(`unhandled escape code ${JSON.stringify(m[0])}`);
      }
      i += m[0].length;
      continue;
    }
    if (ch === '\r') col = 0;
    else if (ch === '\n') at(++row);
    else if (ch === '\b') col = Math.max(0, col - 1);
    else if (ch !== '\u0007') {
      const line = at(row);
      while (line.length < col) line.push(' ');
      line[col++] = ch;
    }
    i += ch.length;
  }
  for (let r = 0; r < rows.length; r++) at(r);
  const text = rows.map((r) => r.join('').trimEnd());
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  return text;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The anchors of a markdown page's headings (outside code blocks), with GitHub's -1, -2 for repeats. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  let fence = '';
  for (const line of text.split('\n')) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f && (fence === '' || isClose(line, fence))) fence = fence === '' ? f[1]! : '';
    const h = fence === '' ? /^#{1,6} (.*)$/.exec(line) : null;
    if (!h) continue;
    const base = slug(h[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    if (n > 0) seen.set(`${base}-${n}`, 1);
  }
  return new Set(seen.keys());
}

/** Relative links of a page (outside code blocks), as `[target, 1-based line]`. */
export function links(text: string): [string, number][] {
  const out: [string, number][] = [];
  let fence = '';
  text.split('\n').forEach((line, i) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f && (fence === '' || isClose(line, fence))) {
      fence = fence === '' ? f[1]! : '';
      return;
    }
    if (fence !== '') return;
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(m[1]!)) out.push([m[1]!, i + 1]);
    }
  });
  return out;
}
