// The offer's questions: base, bonus, then what kind of stock (none, a listed company's RSUs, a
// private company's RSUs, options) and only the fields that kind needs, then sign-on. Each answer
// is checked as typed, against the terms so far, and named by its question.
import { STAGES, stageLabel } from '../model/equity.js';
import { InputError } from '../errors.js';
import {
  parseAmount,
  parseAmountList,
  parseBonus,
  parseCount,
  parsePrice,
  parseVesting,
} from '../input/amounts.js';
import { checkBonus, checkSignOnYears, type RawOffer } from '../input/offer.js';
import { vestingPresets } from '../model/offer.js';
import { OFFER_FLAGS } from './options.js';
import { loadPrompts, problem, type PromptContext } from './prompts.js';
import type { Prompts } from './prompt-kit.js';

/** What kind of stock an offer has. */
export type StockKind = 'none' | 'public' | 'private' | 'options';

/** The terms asked for as text (a stage and an option type are chosen from a list). */
type Asked =
  'base' | 'bonus' | 'equity' | 'vesting' | 'signOn' | 'options' | 'strike' | 'fmv' | 'preferred';
type Texts = { [K in Asked | 'stage' | 'optionType']?: string };
/** An offer's terms as answered (text, parsed by resolveOffer like flags). */
type OfferAnswers = Texts & { private?: boolean };
/** Checks an answer as typed, given the terms so far: throws why not. */
type AnswerParser = (text: string, soFar: Readonly<OfferAnswers>) => unknown;

const KINDS: { value: StockKind; name: string }[] = [
  { value: 'none', name: 'No stock' },
  { value: 'public', name: 'RSUs in a listed company (shares you can sell as they vest)' },
  { value: 'private', name: 'RSUs in a private company (paper until a sale or an IPO)' },
  { value: 'options', name: 'Stock options (the right to buy shares at a strike price)' },
];

/**
 * The kinds of stock the flags leave open, and the flag that rules out "no stock": options
 * flags fix options, --equity 0 no stock, another --equity RSUs (private with --private or a
 * private stage), --private or a private stage leaves a private company's RSUs or options,
 * --vesting and --refresh need stock (--refresh: RSUs).
 */
export function stockKinds(flags: RawOffer): { allowed: StockKind[]; needs?: string } {
  const has = (k: keyof RawOffer): boolean => flags[k] !== undefined && flags[k] !== false;
  const stage = typeof flags.stage === 'string' ? flags.stage.trim().toLowerCase() : undefined;
  const privateStage = stage !== undefined && stage !== 'public';
  if (['options', 'strike', 'fmv', 'optionType'].some((k) => has(k as keyof RawOffer)))
    return { allowed: ['options'] };
  const isPrivate = has('private') || privateStage;
  // `--equity 0` is no stock (the re-run line writes the answer "No stock" so).
  if (typeof flags.equity === 'string' && parseAmount(flags.equity, OFFER_FLAGS.equity) === 0)
    return { allowed: ['none'] };
  if (has('equity')) return { allowed: [isPrivate ? 'private' : 'public'] };
  const needs = (['vesting', 'refresh', 'growth', 'private', 'stage', 'preferred'] as const).find(
    has,
  );
  // A sign-on longer than the 4 years of an offer without stock needs a longer schedule.
  const signOnYears =
    typeof flags.signOn === 'string' ? parseAmountList(flags.signOn, OFFER_FLAGS.signOn).length : 0;
  if (needs === undefined && signOnYears > 4) {
    const allowed = (
      isPrivate ? ['private', 'options'] : ['public', 'private', 'options']
    ) as StockKind[];
    return { allowed, needs: `${OFFER_FLAGS.signOn}'s ${signOnYears} years need` };
  }
  let allowed: StockKind[] = isPrivate
    ? ['private', 'options']
    : stage === 'public'
      ? ['public', 'options']
      : ['none', 'public', 'private', 'options'];
  if (needs !== undefined) allowed = allowed.filter((k) => k !== 'none');
  if (has('refresh')) allowed = allowed.filter((k) => k !== 'options');
  return needs === undefined ? { allowed } : { allowed, needs: `${OFFER_FLAGS[needs]} needs` };
}

/** The questions of one kind of stock: its grant, or the options' terms, then stage and type. */
async function askStock(
  kind: StockKind,
  answers: OfferAnswers,
  ask: (key: Asked, message: string, optional?: boolean) => Promise<void>,
  select: Prompts['select'],
): Promise<void> {
  if (kind === 'private') answers.private = true;
  if (kind === 'public' || kind === 'private') {
    const at =
      kind === 'private'
        ? 'its value at the last preferred price'
        : "the whole grant's value at grant";
    await ask('equity', `Stock grant: ${at} (e.g. 400k):`);
  }
  if (kind === 'options') {
    await ask('options', 'Number of options (e.g. 40000):');
    await ask('strike', 'Strike price a share (e.g. 1.20):');
    await ask('fmv', "The common stock's value a share today, the 409A FMV (e.g. 1.20):");
    await ask(
      'preferred',
      "The last round's preferred price a share, if known (empty if not):",
      true,
    );
  }
  if ((kind === 'private' || kind === 'options') && answers.stage === undefined) {
    const known = kind === 'private' || (answers.preferred ?? '').trim() !== '';
    if (known) {
      answers.stage = await select<string>({
        message: "The company's last priced round (its odds at an exit):",
        choices: [
          ...STAGES.filter((s) => s !== 'public').map((s) => ({ value: s, name: stageLabel(s) })),
          { value: '', name: "Don't know (no odds)" },
        ],
        default: '',
      });
    }
  }
  if (kind === 'options' && answers.optionType === undefined) {
    answers.optionType = await select<string>({
      message: 'Option type (how exercising is taxed):',
      choices: [
        { value: 'iso', name: 'ISO: incentive stock options (AMT on exercise)' },
        { value: 'nso', name: 'NSO: non-qualified (the spread is wages on exercise)' },
      ],
      default: 'iso',
    });
  }
}

/**
 * Ask for the offer's terms the flags left out (the flags' text kept as typed); an empty answer
 * to an optional question is "none" (returned as '').
 */
export async function askOffer(flags: RawOffer, context: PromptContext): Promise<OfferAnswers> {
  const { input, select } = await loadPrompts(context);
  const typed = Object.entries(flags).filter(([, v]) => typeof v === 'string');
  const answers: OfferAnswers = Object.fromEntries(typed);
  const parsers = answerParsers(flags);
  const ask = async (key: Asked, message: string, optional = false): Promise<void> => {
    if (answers[key] !== undefined) return;
    const parse = parsers[key];
    answers[key] = await input({
      message,
      required: !optional,
      validate: (v) => problem((t) => parse(t, answers), v, optional) ?? true,
    });
  };
  await ask('base', 'Base salary a year (e.g. 185000 or 185k):');
  await ask(
    'bonus',
    'Target bonus: a share of base like 15%, or an amount (empty for none):',
    true,
  );

  const { allowed, needs } = stockKinds(flags);
  const kind =
    allowed.length === 1
      ? allowed[0]!
      : await select<StockKind>({
          message: `Stock in this offer${needs ? ` (${needs} some)` : ''}:`,
          choices: KINDS.filter((k) => allowed.includes(k.value)),
          default: allowed[0],
        });
  await askStock(kind, answers, ask, select);
  if (kind !== 'none' && answers.vesting === undefined) {
    // A preset the terms so far rule out (a --sign-on longer than it) is shown, but not chosen,
    // with a short reason: one line each, so the menu fits an 80x24 terminal.
    const given = answers.signOn?.trim() ? answers.signOn : undefined;
    const signOn = given ? parseAmountList(given, OFFER_FLAGS.signOn).length : 0;
    const choices = vestingPresets.map((p) => {
      const [name, value, years] = [p.label, p.id, p.percents.length];
      const disabled = `(${years} years; ${OFFER_FLAGS.signOn} lists ${signOn})`;
      return years >= signOn ? { name, value } : { name, value, disabled };
    });
    const choice = await select({
      message: 'Vesting schedule (share of the grant vesting each year):',
      choices: [...choices, { name: 'custom: type the yearly percentages', value: '' }],
      default: choices.find((c) => !('disabled' in c))?.value ?? '',
    });
    if (choice !== '') answers.vesting = choice;
    else await ask('vesting', 'Yearly percentages, adding up to 100 (e.g. 10/20/30/40):');
  }
  await ask(
    'signOn',
    'Sign-on bonus by year, e.g. 50000,30000 for years 1 and 2 (empty for none):',
    true,
  );
  return answers;
}

/**
 * The checks of the answers, each named by its question, not by a flag the user never typed
 * ("Base 'x' is not ..."): each term on its own, then against the terms so far (a base above $0,
 * a bonus of at most 200% of the base, no more sign-on years than the schedule has, a grant of
 * options within the maximum), so that nothing answered is refused only after the last
 * question. A term the flags gave keeps its flag's name. The flags were checked before.
 */
function answerParsers(flags: RawOffer): Record<Asked, AnswerParser> {
  const name = (key: 'base' | 'vesting', question: string) =>
    flags[key] !== undefined ? OFFER_FLAGS[key] : question;
  const grantCap = (price: number, soFar: Readonly<OfferAnswers>, question: string): void => {
    const count = soFar.options === undefined ? 0 : parseCount(soFar.options, OFFER_FLAGS.options);
    if (count * price > 1e8)
      throw new InputError(
        `${question}: ${count} options at $${price} are worth more than $100,000,000`,
        question,
      );
  };
  return {
    base: (t) => {
      const base = parseAmount(t, 'Base');
      if (base === 0) throw new InputError('Base must be more than $0', 'Base');
      // A --bonus amount given as a flag is judged against the base answered, here, not after.
      if (typeof flags.bonus === 'string') {
        checkBonus(parseBonus(flags.bonus, OFFER_FLAGS.bonus), base, {
          bonus: OFFER_FLAGS.bonus,
          base: 'Base',
        });
      }
    },
    bonus: (t, soFar) => {
      const bonus = parseBonus(t, 'Bonus');
      const base = soFar.base === undefined ? 0 : parseAmount(soFar.base, name('base', 'Base'));
      if (base > 0) checkBonus(bonus, base, { bonus: 'Bonus', base: name('base', 'Base') });
    },
    equity: (t) => {
      if (parseAmount(t, 'Stock grant') === 0)
        throw new InputError('Stock grant must be more than $0', 'Stock grant');
    },
    options: (t) => parseCount(t, 'Options'),
    strike: (t) => parsePrice(t, 'Strike', true),
    fmv: (t, soFar) => grantCap(parsePrice(t, 'FMV'), soFar, 'FMV'),
    preferred: (t, soFar) => grantCap(parsePrice(t, 'Preferred price'), soFar, 'Preferred price'),
    vesting: (t, soFar) => {
      const vesting = parseVesting(t, vestingPresets, 'Vesting');
      // A --sign-on given as a flag is paid within the schedule's years too.
      if (flags.signOn !== undefined && soFar.signOn !== undefined) {
        const signOn = parseAmountList(soFar.signOn, OFFER_FLAGS.signOn);
        checkSignOnYears(signOn, vesting, {
          signOn: OFFER_FLAGS.signOn,
          vesting: 'Vesting',
          equity: 'Stock grant',
        });
      }
    },
    signOn: (t, soFar) => {
      const signOn = parseAmountList(t, 'Sign-on');
      // The schedule the offer will have: the one chosen or given, `even` without a grant.
      const vesting =
        soFar.vesting !== undefined
          ? parseVesting(soFar.vesting, vestingPresets, name('vesting', 'Vesting'))
          : vestingPresets.find((p) => p.id === 'even')!;
      checkSignOnYears(
        signOn,
        vesting,
        { signOn: 'Sign-on', vesting: name('vesting', 'Vesting'), equity: 'Stock grant' },
        soFar.vesting !== undefined,
      );
    },
  };
}
