// The prompts every interactive flow uses, loaded lazily (dist/lazy/prompt-kit.js) so that a
// scripted run never pays for them. Only the three prompts used, so the chunk stays small (the
// '@inquirer/prompts' barrel would also pull in the editor prompt and its encoding tables).
import checkbox from '@inquirer/checkbox';
import figures from '@inquirer/figures';
import input from '@inquirer/input';
import select from '@inquirer/select';
import type { PromptContext } from './prompts.js';

/**
 * The prompts a flow may ask with, bound to where they read and draw and to the colour choice.
 * A select's or checkbox's `pageSize` is at most that many lines (a list meant to scroll);
 * without it every choice shows, as far as the terminal's rows allow (see pageLines).
 */
export interface Prompts {
  input(config: Parameters<typeof input>[0]): Promise<string>;
  select<V>(config: Parameters<typeof select<V>>[0]): Promise<V>;
  checkbox<V>(config: Parameters<typeof checkbox<V>>[0]): Promise<V[]>;
}

const same = (text: string): string => text;

/**
 * Inquirer's own theme (@inquirer/core's theme.js and each prompt's) without its colours and
 * styles: every entry that calls util.styleText there is plain here, with the same characters.
 * Its styleText decides colour from process.stdout and the environment (NO_COLOR, TERM,
 * FORCE_COLOR), and cannot know our --no-color or that the prompts draw on stderr; this theme
 * makes colour off mean no escape code at all, while the prompts keep drawing straight on the
 * real stream. (A stream that stripped the codes broke every prompt after the first: each prompt
 * ends its output stream when done, and only process.stdout and stderr survive that.)
 */
const plainStyle = {
  answer: same,
  message: same,
  error: (text: string) => `> ${text}`,
  defaultAnswer: (text: string) => `(${text})`,
  help: same,
  highlight: same,
  key: (text: string) => `<${text}>`,
  // select and checkbox
  disabled: same,
  description: same,
  keysHelpTip: (keys: [key: string, action: string][]) =>
    keys.map(([key, action]) => `${key} ${action}`).join(' • '),
};
const plainTheme = {
  prefix: { idle: '?', done: figures.tick },
  spinner: { frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] },
  style: plainStyle,
};
const plainCheckboxTheme = {
  ...plainTheme,
  icon: { checked: figures.circleFilled, disabledChecked: figures.circleDouble },
};

/** The glyphs in ASCII, for a locale that is not UTF-8 (the report draws ASCII there too). */
const KEYS: Record<string, string> = { '↑↓': 'up/down', '⏎': 'enter' };
const asciiTheme = {
  prefix: { idle: '?', done: '*' },
  spinner: { frames: ['-', '\\', '|', '/'] },
  icon: { cursor: '>', checked: '[x]', unchecked: '[ ]', disabledChecked: '[x]' },
  style: {
    keysHelpTip: (keys: [key: string, action: string][]) =>
      keys.map(([key, action]) => `${KEYS[key] ?? key} ${action}`).join(', '),
  },
};

/** A choice as Inquirer draws it (after a `mark`: the cursor, and a checkbox's box). */
function drawn(choice: unknown, mark: string): string {
  if (typeof choice !== 'object' || choice === null) return mark + String(choice);
  const c = choice as { separator?: string; name?: string; value?: unknown; disabled?: unknown };
  if (c.separator !== undefined) return ` ${c.separator}`;
  const off = c.disabled === true ? '(disabled)' : typeof c.disabled === 'string' ? c.disabled : '';
  return `${mark}${c.name ?? String(c.value)}${off === '' ? '' : ` ${off}`}`;
}

/**
 * The page of a select or checkbox, in lines. Inquirer pages by lines after breaking each choice
 * at the terminal's width (wherever the width falls, not at a space), not by choices: a page of
 * N choices hid some when labels wrapped. Here: the lines of every choice at the width of
 * `output`, at most the flow's own pageSize (a list meant to scroll), and at most what its rows
 * leave under the question (with the blank line and the key help below the list), though never
 * fewer than 3.
 */
function pageLines(
  config: { message: string; choices: readonly unknown[]; pageSize?: number },
  mark: string,
  output: NodeJS.WritableStream | undefined,
): number {
  const { columns, rows } = (output ?? {}) as { columns?: number; rows?: number };
  const width = columns || 80; // Inquirer's width without one
  const lines = (text: string) => Math.max(1, Math.ceil([...text].length / width));
  const all = config.choices.reduce<number>((sum, c) => sum + lines(drawn(c, mark)), 0);
  const room = rows ? Math.max(3, rows - lines(`? ${config.message}`) - 3) : all;
  return Math.max(1, Math.min(all, room, config.pageSize ?? all));
}

const inputs = new Set<NodeJS.ReadableStream>();

/**
 * Ctrl+Z at a question, then `fg`: Node's readline pauses its input on SIGCONT and leaves the
 * resuming to a listener of its own, which Inquirer does not add, so the run ended "Cancelled".
 * Resume the input after readline has paused it, while a question listens (review7 T3).
 */
export function resumeAfterFg(input: NodeJS.ReadableStream): void {
  if (process.platform === 'win32') return;
  if (inputs.size === 0) {
    process.on('SIGCONT', () =>
      setImmediate(() => {
        for (const i of inputs) if (i.listenerCount('keypress') > 0) i.resume();
      }),
    );
  }
  inputs.add(input);
}

/**
 * The prompts, drawing on `context.output` and reading `context.input`. With `colour: false`
 * they write no colour or style code at all; flows pass no theme of their own. A new kind of
 * prompt joins here, with its plain theme (tests/cli/prompt-colour.test.ts checks each one).
 */
export function promptKit(context: PromptContext): Prompts {
  resumeAfterFg(context.input ?? process.stdin);
  const where = { input: context.input, output: context.output, signal: context.signal };
  const plain = context.colour === false;
  const ascii = context.ascii === true;
  /** The theme: Inquirer's, or plain (no colour), with the ASCII glyphs over it. */
  const themed = <C>(config: C, plainOne: object): C => {
    if (!plain && !ascii) return config;
    const base = (plain ? plainOne : {}) as { style?: object };
    const theme = ascii
      ? { ...base, ...asciiTheme, style: { ...base.style, ...asciiTheme.style } }
      : base;
    return { ...config, theme };
  };
  return {
    input: (config) => input(themed(config, plainTheme), where),
    select: (config) => {
      const paged = { ...config, pageSize: pageLines(config, '  ', context.output) };
      return select(themed(paged, plainTheme), where);
    },
    checkbox: (config) => {
      const mark = ascii ? '     ' : '   ';
      const paged = { ...config, pageSize: pageLines(config, mark, context.output) };
      return checkbox(themed(paged, plainCheckboxTheme), where);
    },
  };
}
