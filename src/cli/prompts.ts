import { resolveLevel } from '../input/level.js';
import { parseYears } from '../input/numbers.js';
import type { Prompts } from './prompt-kit.js';
import type { Io } from './io.js';
import { colorChoice, type Format } from './options.js';
import { charsetFor, colorLevel } from './color.js';
import type { RawProfile } from '../input/profile.js';
import type { CatalogEntry, Location, Market } from '../model/types.js';

/** Where prompts read and draw (stdin and stderr in the CLI, a fake screen in tests), and how. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  /**
   * false: draw without any colour or style code (NO_COLOR, --no-color, TERM=dumb: see
   * colorLevel). Otherwise the prompts' own colours.
   */
  colour?: boolean;
  /** true: only ASCII glyphs (a locale that is not UTF-8: see charsetFor), as the report draws. */
  ascii?: boolean;
}

/**
 * The prompts a flow asks with, bound to `context` (src/prompt-kit.ts), loaded on first use so
 * scripted runs never load the prompt library. Every interactive flow asks through these.
 */
export async function loadPrompts(context: PromptContext): Promise<Prompts> {
  const { promptKit } = await import('./prompt-kit.js');
  return promptKit(context);
}

/** True for the error Inquirer rejects with when the user presses Ctrl+C or the prompt is aborted. */
export function isPromptCancel(error: unknown): boolean {
  const names = ['ExitPromptError', 'AbortPromptError', 'CancelPromptError'];
  return error instanceof Error && names.includes(error.name);
}

/** The CLI's prompts: read from stdin, drawn on stderr, in colour when stderr takes it. */
export function promptContext(io: Io, color: boolean | undefined): PromptContext {
  const colour = colorLevel(io.stderr, io.env, colorChoice(color)) > 0;
  const ascii = charsetFor(io.env) === 'ascii';
  return { input: io.stdin, output: io.stderr, signal: io.signal, colour, ascii };
}

/**
 * Rows the city list shows at once: with the question, the answers above it and the key help
 * below, the list stays usable in an 80x24 terminal; the rest scrolls.
 */
const CITY_ROWS = 14;

/** A heading line between a select's choices (Inquirer's separator shape; drawn as it is). */
const heading = (region: string, ascii?: boolean) => ({
  type: 'separator',
  separator: `${ascii ? '--' : '──'} ${region}`,
});

/**
 * Locations grouped by region, in their order of first appearance, those without one last; the
 * group of `first` (the typical answer, where the cursor starts) leads, so the list opens at
 * its top.
 */
export function byRegion(
  locations: readonly Location[],
  first?: string,
): [region: string | undefined, entries: Location[]][] {
  const groups = new Map<string | undefined, Location[]>();
  for (const l of locations) {
    const group = groups.get(l.region) ?? [];
    if (group.length === 0) groups.set(l.region, group);
    group.push(l);
  }
  const none = groups.get(undefined);
  groups.delete(undefined);
  const out = [...groups];
  // A region-less list (a --data file without regions) is one plain list, no heading.
  if (none) out.push([out.length === 0 ? undefined : 'Other', none]);
  const lead = out.findIndex(([, entries]) => entries.some((e) => e.id === first));
  return lead > 0 ? [out[lead]!, ...out.filter((_, i) => i !== lead)] : out;
}

/**
 * Ask, in order, for whatever `given` leaves out: years, city, industry, skills, degree; then,
 * when any of those was asked, the level (skippable: by default the years decide it).
 */
export async function askMissing(
  given: RawProfile,
  market: Market,
  context: PromptContext,
  cityCheck?: (id: string) => string | undefined,
): Promise<RawProfile> {
  const { input, select, checkbox } = await loadPrompts(context);
  const max = market.experience.maxYears;
  const answers: RawProfile = { ...given };
  const asking = PROFILE_ASKED.some((field) => given[field] === undefined);
  const yearsProblem = (text: string) => problem((t) => parseYears(t, max, 'years'), text, false);
  if (answers.years === undefined) {
    answers.years = await input({
      message: `Years of experience as an ML/software engineer (0-${max}):`,
      required: true,
      transformer: (value, { isFinal }) => {
        if (isFinal || value === '') return value;
        return yearsProblem(value) ? `${value}  (not a number of years from 0 to ${max})` : value;
      },
      validate: (value) => yearsProblem(value) ?? true,
    });
  }
  const choices = (entries: readonly CatalogEntry[]) =>
    entries.map((e) => ({ name: e.label, value: e.id }));
  /** One of a catalogue's entries, the cursor starting on the typical profile's. */
  const pick = (message: string, entries: readonly CatalogEntry[], typical: string) =>
    select({ message, choices: choices(entries), default: typical });
  if (answers.city === undefined) {
    // Only the cities --state and --locality can apply to (cityCheck), and the question says so.
    const out = new Set(market.locations.map((l) => cityCheck?.(l.id)).filter((r) => r));
    const fits = market.locations.filter((l) => !cityCheck?.(l.id));
    answers.city = await select({
      message: `City${out.size ? ` (only where ${[...out].join(' and ')} can apply)` : ''}:`,
      choices: byRegion(fits, market.defaults.city).flatMap(([region, entries]) => [
        ...(region === undefined ? [] : [heading(region, context.ascii)]),
        ...choices(entries),
      ]),
      default: market.defaults.city,
      pageSize: CITY_ROWS,
      loop: false,
    });
  }
  if (answers.industry === undefined) {
    answers.industry = await pick(
      'Industry / employer:',
      market.industries,
      market.defaults.industry,
    );
  }
  if (answers.skills === undefined) {
    answers.skills = await checkbox({
      message: 'Skills (space to toggle, enter when done; none is fine):',
      choices: choices(market.skills.list),
    });
  }
  if (answers.degree === undefined) {
    answers.degree = await pick('Highest degree:', market.degrees.list, market.defaults.degree);
  }
  if (asking && answers.level === undefined) answers.level = await askLevel(market, context);
  return answers;
}

/** The fields every interactive estimate asks for when missing (the level only with them). */
export const PROFILE_ASKED = ['years', 'city', 'industry', 'skills', 'degree'] as const;

/** The level, if the user knows it: skip (undefined), one of the five, or a company's title. */
async function askLevel(market: Market, context: PromptContext): Promise<string | undefined> {
  const { input, select } = await loadPrompts(context);
  const TITLE = '\u0000title';
  const choice = await select({
    message: 'Level, if you know it (it overrides what your years imply):',
    choices: [
      { name: 'Skip: my years decide', value: '' },
      ...market.levels.list.map((l) => ({ name: l.label, value: l.id })),
      { name: "A company's title (e.g. google l5, meta e6, amazon sde ii)", value: TITLE },
    ],
    default: '',
  });
  if (choice === '') return undefined;
  if (choice !== TITLE) return choice;
  return input({
    message: 'Title (company and level, e.g. google l5):',
    required: true,
    validate: (value) => problem((t) => resolveLevel(market, t, 'title'), value, false) ?? true,
  });
}

/** Check a typed value with a parser: undefined when fine (or empty and optional), else why. */
export function problem(
  parse: (text: string) => unknown,
  text: string,
  optional: boolean,
): string | undefined {
  if (optional && text.trim() === '') return undefined;
  try {
    parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Whether this run may ask questions, and if not, why not (said in errors and notes). */
export type PromptPlan = { ask: true } | { ask: false; because: string };

/**
 * The one place that decides whether to prompt: only a table run, with --input, when stdin and
 * stderr (where the questions are drawn) are both terminals that can redraw (not TERM=dumb: there
 * Node's readline takes Backspace as a character, and the cursor moves show as garbage). The
 * reason it gives is what the user reads when --years is missing or when values were defaulted.
 */
export function promptPlan(
  opts: { json?: boolean; input: boolean },
  format: Format,
  io: Pick<Io, 'stdin' | 'stderr' | 'env'>,
): PromptPlan {
  if (format === 'json' && opts.json) return { ask: false, because: '--json never prompts' };
  if (format !== 'table') return { ask: false, because: `--format ${format} never prompts` };
  if (!opts.input) return { ask: false, because: '--no-input was given' };
  // Only a table run looks at stdin and stderr: creating their streams costs start-up time.
  if (!io.stdin.isTTY) return { ask: false, because: 'no terminal on stdin' };
  if (!io.stderr.isTTY) {
    return { ask: false, because: 'stderr is not a terminal, and the questions are drawn there' };
  }
  if (io.env.TERM === 'dumb') {
    return { ask: false, because: 'TERM=dumb, and the questions need a terminal that can redraw' };
  }
  return { ask: true };
}
