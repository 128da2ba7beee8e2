// `ml-salary offer [files...]`: judge an offer (or several, from offer files) year by year, against
// the market estimate for its profile.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseAmount, parseAmountList, parseBonus, parseVesting } from '../../input/amounts.js';
import { checkRepeats } from '../../batch/records.js';
import { sniffBinary } from '../../batch/lines.js';
import { charsetFor, colorLevel } from '../color.js';
import { rerunOffer, type TypedTerms } from '../rerun.js';
import { renderJson } from '../../documents/estimate.js';
import { InputError } from '../../errors.js';
import { fsReason } from '../../input/files.js';
import { estimate } from '../../model/estimate.js';
import { UsageError } from '../../errors.js';
import { outputWidth, print, printNotes, type Io } from '../io.js';
import { clip, kindOf } from '../../input/numbers.js';
import {
  toOfferDocument,
  toOffersDocument,
  type OfferDocument,
  type OffersDocument,
} from '../../documents/offer.js';
import {
  checkEachTerm,
  OFFER_FIELDS,
  OFFER_KEYS,
  resolveOffer,
  type RawOffer,
} from '../../input/offer.js';
import { checkBonus, checkSignOnYears, OFFER_FLAGS, vestingPresets } from '../../model/offer.js';
import { fieldName, flagName, resolveProfile, type RawProfile } from '../../input/profile.js';
import { hiddenCharacter } from '../../input/names.js';
import { askMissing, askOffer, promptPlan } from '../prompts.js';
import { takeHomeFor } from '../columns.js';
import { offerCsv, offerMarkdown } from '../../render/offer-formats.js';
import type { Market } from '../../model/types.js';
import { PROFILE_FIELDS } from '../../model/types.js';
import {
  colorChoice,
  estimateFormat,
  type Format,
  takeHomeRequest,
  type EstimateOptions,
  type TakeHomeOptions,
} from '../flags.js';

export interface OfferOptions extends EstimateOptions, TakeHomeOptions {
  base?: string;
  bonus?: string;
  equity?: string;
  vesting?: string;
  signOn?: string;
  refresh?: string;
  growth?: string;
  private?: boolean;
}

/** The offer flags as a raw offer (what the user typed, not yet parsed). */
function offerFlags(opts: OfferOptions): RawOffer {
  return {
    base: opts.base,
    bonus: opts.bonus,
    equity: opts.equity,
    vesting: opts.vesting,
    signOn: opts.signOn,
    refresh: opts.refresh,
    growth: opts.growth,
    private: opts.private,
  };
}

function profileFlags(opts: EstimateOptions): RawProfile {
  return {
    years: opts.years,
    city: opts.city,
    industry: opts.industry,
    skills: opts.skills,
    degree: opts.degree,
    level: opts.level,
  };
}

/** An offer file: `label`, the profile's fields and the offer's, and optionally `$schema`. */
interface OfferFile {
  label: string;
  profile: RawProfile;
  offer: RawOffer;
}

const FILE_KEYS = ['$schema', 'label', ...PROFILE_FIELDS, ...OFFER_FIELDS] as readonly string[];

/**
 * Read one offer file (schemas/offer-file.schema.json): a JSON object of known keys only, each
 * given once, in UTF-8 (a UTF-16 or binary file is named as such, not parsed into a garbled
 * error). The values are checked later by the same code as the flags, each message naming the
 * file and the key.
 */
function readOfferFile(path: string): OfferFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const why = fsReason(error);
    throw new UsageError(`cannot read offer file '${clip(path, 200)}': ${why}`);
  }
  const notText = sniffBinary(bytes, 'the file');
  if (notText !== undefined) throw new InputError(`${clip(path, 200)}: ${notText}`, 'file');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${clip(path, 200)}: not valid JSON (${clip((error as Error).message, 100)})`,
      'file',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      `${clip(path, 200)}: an offer file is a JSON object (see schemas/offer-file.schema.json), got ${kindOf(value)}`,
      'file',
    );
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FILE_KEYS.includes(key)) {
      throw new InputError(
        `${clip(path, 200)}: unknown field '${clip(key)}'; accepted: ${FILE_KEYS.join(', ')}`,
        key,
      );
    }
  }
  // JSON.parse keeps the last of a key given twice without a word; batch records refuse it too.
  inFile(path, () => checkRepeats(text, Object.keys(record).length));
  const label = record.label;
  if (label !== undefined && (typeof label !== 'string' || label.trim() === '')) {
    throw new InputError(`${clip(path, 200)}: label must be a non-empty string`, 'label');
  }
  const shown = typeof label === 'string' ? label : basename(path).replace(/\.json$/i, '');
  const odd = hiddenCharacter(shown);
  if (odd !== undefined) {
    const what =
      typeof label === 'string' ? `label '${clip(shown)}'` : `the file name (the label by default)`;
    throw new InputError(
      `${clip(path, 200)}: ${what}: ${odd}, which a label may not hold`,
      'label',
    );
  }
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  return {
    label: shown,
    profile: {
      years: own('years'),
      city: own('city'),
      industry: own('industry'),
      skills: own('skills'),
      degree: own('degree'),
    },
    offer: Object.fromEntries(OFFER_FIELDS.map((k) => [k, own(k)])) as RawOffer,
  };
}

/** Prefix an input error with the file it came from, keeping its field. */
function inFile<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(`${clip(path, 200)}: ${error.message}`, error.field);
    }
    throw error;
  }
}

/**
 * Given flags fill what an offer file leaves out of its profile (e.g. --years for both); a flag
 * for a field the file gives too is a usage error, not silently outvoted.
 */
function withDefaults(profile: RawProfile, flags: RawProfile, path: string): RawProfile {
  const out: RawProfile = { ...profile };
  for (const k of PROFILE_FIELDS) {
    if (out[k] === undefined) out[k] = flags[k];
    else if (flags[k] !== undefined) {
      throw new UsageError(
        `--${k} and ${clip(path, 200)}'s ${k} both give it: a flag fills only what every file leaves out`,
      );
    }
  }
  return out;
}

export async function offerCommand(
  files: readonly string[],
  opts: OfferOptions,
  io: Io,
  market: Market,
): Promise<void> {
  const format = estimateFormat(opts);
  const request = await takeHomeRequest(opts);
  const docs: OfferDocument[] = [];
  /** The terms as typed and answered, when something was asked (for the re-run line). */
  let typed: TypedTerms | undefined;
  if (files.length > 0) docs.push(...offersFromFiles(files, opts, market, io));
  else {
    const { doc, asked } = await offerFromFlags(opts, format, io, market);
    docs.push(doc);
    typed = asked;
  }
  const columns = docs.map((doc) => ({ label: doc.label ?? '', profile: doc.profile }));
  const afterTax = await takeHomeFor(request, columns, market, false);
  if (afterTax) {
    docs.forEach((doc, i) => {
      for (const year of doc.years) {
        const column = `${docs.length > 1 ? `${doc.label}, ` : ''}year ${year.year}`;
        year.takeHome = afterTax(year.total, i, column);
      }
    });
  }
  const result: OfferDocument | OffersDocument =
    files.length > 1 ? toOffersDocument(docs) : docs[0]!;
  switch (format) {
    case 'json':
      return print(io, renderJson(result));
    case 'csv':
      return print(io, offerCsv(docs));
    case 'markdown':
      return print(io, offerMarkdown(docs));
    case 'table': {
      const [{ painter }, { renderOfferReport, renderOffersReport }] = await Promise.all([
        import('../paint.js'),
        import('../../render/offer.js'),
      ]);
      const reportOpts = {
        paint: painter(colorLevel(io.stdout, io.env, colorChoice(opts.color))),
        width: outputWidth(io),
        charset: charsetFor(io.env),
      };
      print(
        io,
        result.kind === 'offers'
          ? renderOffersReport(result, reportOpts)
          : renderOfferReport(result, reportOpts),
      );
      // On stderr, where the questions were: stdout keeps the report alone.
      if (typed)
        io.stderr.write(`To run this again: ${rerunOffer(docs[0]!.profile, typed, opts)}\n`);
      return;
    }
  }
}

/** The offers of offer files, each judged against the estimate for its profile. */
function offersFromFiles(
  files: readonly string[],
  opts: OfferOptions,
  market: Market,
  io: Io,
): OfferDocument[] {
  const flags = offerFlags(opts);
  const given = OFFER_FIELDS.find((k) => flags[k] !== undefined);
  if (given !== undefined) {
    throw new UsageError(
      `${OFFER_FLAGS[given]} with offer files: the terms come from the files (each gives its own)`,
    );
  }
  return files.map((path) => {
    const file = readOfferFile(path);
    return inFile(path, () =>
      judge(withDefaults(file.profile, profileFlags(opts), path), file.offer, market, {
        profileNames: fieldName,
        offerNames: OFFER_KEYS,
        label: file.label,
        note: (notes) => printNotes(io, notes),
      }),
    );
  });
}

/**
 * The offer the flags give, asking in a terminal for what they leave out; `asked` holds the
 * terms as typed and answered when something was asked (for the re-run line).
 */
async function offerFromFlags(
  opts: OfferOptions,
  format: Format,
  io: Io,
  market: Market,
): Promise<{ doc: OfferDocument; asked?: TypedTerms }> {
  const flags = offerFlags(opts);
  const plan = promptPlan(opts, format, io);
  let asked = false;
  let profile = profileFlags(opts);
  let offer = flags;
  if (plan.ask) {
    // Check what the flags gave before asking for the rest, so a typo fails at once.
    resolveProfile({ ...profile, years: profile.years ?? 0 }, market, flagName);
    checkEachTerm(offer, OFFER_FLAGS);
    // The prompts draw straight on stderr; with colour off they write no colour code at all.
    const context = {
      input: io.stdin,
      output: io.stderr,
      signal: io.signal,
      colour: colorLevel(io.stderr, io.env, colorChoice(opts.color)) > 0,
    };
    profile = await askMissing(profile, market, context);
    const answers = await askOffer(
      {
        base: opts.base,
        bonus: opts.bonus,
        equity: opts.equity,
        vesting: opts.vesting,
        signOn: opts.signOn,
      },
      answerParsers(offer),
      vestingPresets,
      context,
      (['vesting', 'refresh', 'private'] as const)
        .filter((k) => offer[k] !== undefined && offer[k] !== false)
        .map((k) => OFFER_FLAGS[k])[0],
    );
    const before = JSON.stringify([profileFlags(opts), offer]);
    offer = { ...offer, ...answers };
    asked = JSON.stringify([profile, offer]) !== before;
    // An empty answer is "none" (an empty flag is an error: resolveOffer says so).
    for (const k of OFFER_FIELDS) if (offer[k] === '' && flags[k] === undefined) delete offer[k];
  } else {
    for (const [value, name] of [
      [profile.years, '--years'],
      [offer.base, '--base'],
    ] as const) {
      if (value === undefined) {
        throw new UsageError(
          `${name} is required here (${plan.because}); pass e.g. ${name === '--years' ? '--years 5' : '--base 185000'}`,
        );
      }
    }
  }
  const doc = judge(profile, offer, market, {
    profileNames: flagName,
    offerNames: OFFER_FLAGS,
    note: (notes) => printNotes(io, notes),
  });
  return asked ? { doc, asked: offer as TypedTerms } : { doc };
}

/**
 * The checks of the answers at the prompts, each named by its question, not by a flag the user
 * never typed ("Base 'x' is not ..."): each term on its own, then against the terms so far (a
 * base above $0, a bonus of at most 200% of the base, no more sign-on years than the schedule
 * has), so that nothing answered is refused only after the last question. A term the flags gave
 * keeps its flag's name. The flags themselves were checked before (`checkEachTerm`).
 */
function answerParsers(flags: RawOffer): Parameters<typeof askOffer>[1] {
  const name = (key: 'base' | 'vesting', question: string) =>
    flags[key] !== undefined ? OFFER_FLAGS[key] : question;
  return {
    base: (t) => {
      if (parseAmount(t, 'Base') === 0) throw new InputError('Base must be more than $0', 'Base');
    },
    bonus: (t, soFar) => {
      const bonus = parseBonus(t, 'Bonus');
      const base = soFar.base === undefined ? 0 : parseAmount(soFar.base, name('base', 'Base'));
      if (base > 0) checkBonus(bonus, base, { bonus: 'Bonus', base: name('base', 'Base') });
    },
    equity: (t) => parseAmount(t, 'Stock grant'),
    vesting: (t, soFar) => {
      const vesting = parseVesting(t, vestingPresets, 'Vesting');
      // A --sign-on given as a flag is paid within the schedule's years too.
      if (flags.signOn !== undefined && soFar.signOn !== undefined) {
        const signOn = parseAmountList(soFar.signOn, OFFER_FLAGS.signOn);
        checkSignOnYears(signOn, vesting, { signOn: OFFER_FLAGS.signOn, vesting: 'Vesting' });
      }
    },
    signOn: (t, soFar) => {
      const signOn = parseAmountList(t, 'Sign-on');
      // The schedule the offer will have: the one chosen or given, `even` without a grant.
      const grant = soFar.equity !== undefined && soFar.equity.trim() !== '';
      const vesting =
        grant && soFar.vesting !== undefined
          ? parseVesting(soFar.vesting, vestingPresets, name('vesting', 'Vesting'))
          : vestingPresets.find((p) => p.id === 'even')!;
      checkSignOnYears(signOn, vesting, { signOn: 'Sign-on', vesting: name('vesting', 'Vesting') });
    },
  };
}

/** One offer against the estimate for its profile. */
function judge(
  rawProfile: RawProfile,
  rawOffer: RawOffer,
  market: Market,
  names: {
    profileNames: typeof flagName;
    offerNames: typeof OFFER_FLAGS;
    label?: string;
    /** Where a note about the input goes (an old name that still works). */
    note: (notes: readonly string[]) => void;
  },
): OfferDocument {
  const { profile, defaulted, notes } = resolveProfile(rawProfile, market, names.profileNames);
  names.note(notes);
  const terms = resolveOffer(rawOffer, names.offerNames);
  return toOfferDocument(
    terms,
    estimate(profile, market),
    defaulted,
    market.dataVersion,
    names.label,
  );
}
