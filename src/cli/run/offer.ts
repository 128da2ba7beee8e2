// `ml-salary offer [files...]`: judge an offer (or several, from offer files) year by year, against
// the market estimate for its profile.
import { printAs } from '../output.js';
import { basename } from 'node:path';
import type { TypedTerms } from '../rerun.js';
import { InputError, UsageError } from '../../errors.js';
import { readText } from '../../input/files.js';
import { parseJson } from '../../input/json.js';
import { estimate } from '../../model/estimate.js';
import { dataNotes } from '../../model/reasons.js';
import { printNotes, type Io } from '../io.js';
import { clip, kindOf } from '../../input/numbers.js';
import {
  toOfferDocument,
  toOffersDocument,
  type OfferDocument,
  type OffersDocument,
} from '../../documents/offer.js';
import { checkEachTerm, OFFER_FIELDS, OFFER_KEYS, type RawOffer } from '../../input/offer.js';
import type { OfferTerms } from '../../model/offer.js';
import type { TakeHomeRequest } from '../../model/take-home.js';
import { fieldName, flagName, resolveProfile, type RawProfile } from '../../input/profile.js';
import { hiddenCharacter } from '../../input/names.js';
import { askMissing, promptContext, promptPlan } from '../prompts.js';
import { askOffer } from '../offer-prompts.js';
import {
  addExerciseTaxes,
  addTakeHome,
  breakEvenHorizon,
  addCounter,
  labelled,
  taxPlaces,
  type EquityOptions,
} from '../offer-equity.js';
import { offerCsv, offerMarkdown } from '../../render/offer-formats.js';
import { lastQuestion } from '../offer-last.js';
import {
  BENEFIT_FIELDS,
  BENEFIT_FLAGS,
  BENEFIT_KEYS,
  resolveWithBenefits,
  type BenefitNames,
  type RawBenefits,
} from '../../input/benefits.js';
import { benefitsView } from '../../documents/benefits.js';
import { PROFILE_FIELDS, type Market } from '../../model/types.js';
import { OFFER_FLAGS, cityCheck, estimateFormat, takeHomeRequest } from '../options.js';
import type { Format, EstimateOptions, TakeHomeOptions } from '../options.js';

export interface OfferOptions extends EstimateOptions, TakeHomeOptions, EquityOptions {
  base?: string;
  bonus?: string;
  equity?: string;
  vesting?: string;
  signOn?: string;
  refresh?: string;
  growth?: string;
  private?: boolean;
  /** The profile fields the saved profile gave (an offer file's own value wins over these). */
  fromProfile?: readonly string[];
}

/** The values of `fields` that `get` gives (flags or a file's keys: what the user typed). */
const take = <T>(fields: readonly string[], get: (key: string) => unknown): T =>
  Object.fromEntries(fields.map((k) => [k, get(k)])) as T;
const flagsOf = <T>(opts: OfferOptions, fields: readonly string[]): T =>
  take(fields, (k) => (opts as unknown as Record<string, unknown>)[k]);
const offerFlags = (opts: OfferOptions): RawOffer => flagsOf(opts, OFFER_FIELDS);
const profileFlags = (opts: OfferOptions): RawProfile => flagsOf(opts, PROFILE_FIELDS);
const benefitFlags = (opts: OfferOptions): RawBenefits => flagsOf(opts, BENEFIT_FIELDS);

/** An offer file: `label`, the profile's fields and the offer's, and optionally `$schema`. */
interface OfferFile {
  label: string;
  profile: RawProfile;
  offer: RawOffer;
  benefits: RawBenefits;
  /** The state it is taxed in, for a location with none fixed (remote, us). */
  state?: string;
}

const FILE_KEYS = [
  '$schema',
  'label',
  ...PROFILE_FIELDS,
  'state',
  ...OFFER_FIELDS,
  ...BENEFIT_FIELDS,
] as readonly string[];

/** The longest label an offer may have: it heads a column of the side-by-side table. */
const MAX_LABEL = 80;

/**
 * Read one offer file (schemas/offer-file.schema.json), or stdin for `-`, as every user file is
 * read (input/files.ts: size, encoding, signals): a JSON object of known keys only, each given
 * once. The values are checked later by the same code as the flags, each message naming the file
 * and the key.
 */
export async function readOfferFile(path: string, io: Io): Promise<OfferFile> {
  const text = await readText(path, io, 'file');
  const name = path === '-' ? 'stdin' : clip(path, 200);
  const value = parseJson(text, name, 'file');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(
      `${name}: an offer file is a JSON object (see schemas/offer-file.schema.json), got ${kindOf(value)}`,
      'file',
    );
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FILE_KEYS.includes(key)) {
      throw new InputError(
        `${name}: unknown field '${clip(key)}'; accepted: ${FILE_KEYS.join(', ')}`,
        key,
      );
    }
  }
  const label = record.label;
  if (label !== undefined && (typeof label !== 'string' || label.trim() === ''))
    throw new InputError(`${name}: label must be a non-empty string`, 'label');
  const shown =
    typeof label === 'string'
      ? label
      : path === '-'
        ? 'stdin'
        : basename(path).replace(/\.json$/i, '');
  const odd = hiddenCharacter(shown);
  if (odd !== undefined || [...shown].length > MAX_LABEL) {
    const what =
      typeof label === 'string' ? `label '${clip(shown)}'` : `the file name (the label by default)`;
    const why =
      odd !== undefined
        ? `${odd}, which a label may not hold`
        : `${[...shown].length} characters long; a label is at most ${MAX_LABEL}`;
    throw new InputError(`${name}: ${what}: ${why}`, 'label');
  }
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  const state = own('state');
  if (state !== undefined && (typeof state !== 'string' || state.trim() === ''))
    throw new InputError(`${name}: state must be a state code like "CA", or "none"`, 'state');
  return {
    ...(typeof state === 'string' ? { state } : {}),
    label: shown,
    profile: take(PROFILE_FIELDS, own),
    offer: take(OFFER_FIELDS, own),
    benefits: take(BENEFIT_FIELDS, own),
  };
}

/**
 * Given flags fill what an offer file leaves out of its profile (e.g. --years for both); a flag
 * for a field the file gives too (--state too) is a usage error, not silently outvoted.
 */
function withDefaults(file: OfferFile, opts: OfferOptions, path: string): RawProfile {
  const both = (k: string) =>
    new UsageError(
      `--${k} and ${clip(path, 200)}'s ${k} both give it: a flag fills only what every file leaves out`,
    );
  if (file.state !== undefined && opts.state !== undefined && !opts.fromProfile?.includes('state'))
    throw both('state');
  const out: RawProfile = { ...file.profile };
  const flags = profileFlags(opts);
  for (const k of PROFILE_FIELDS) {
    if (out[k] === undefined) out[k] = flags[k];
    else if (flags[k] !== undefined && !opts.fromProfile?.includes(k)) throw both(k);
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
  const judged: Judged[] = [];
  /** The terms as typed and answered, when something was asked (for the re-run line). */
  let typed: TypedTerms | undefined;
  if (files.length > 0) judged.push(...(await offersFromFiles(files, opts, io, market)));
  else {
    const { offer, asked } = await offerFromFlags(opts, format, io, market, request);
    judged.push(offer);
    typed = asked;
  }
  const docs = judged.map((j) => j.doc);
  if (opts.counter) await addCounter(judged);
  const horizon = breakEvenHorizon(
    opts,
    files.length,
    docs.map((d) => d.years.length),
  );
  const places = request ? await taxPlaces(judged, request, market) : undefined;
  if (places) addTakeHome(judged, places);
  // Exercising options is taxed where the offer is: as a single filer without --take-home.
  await addExerciseTaxes(
    docs,
    async () => places ?? taxPlaces(judged, { filing: 'single', pretax: 0 }, market),
  );
  const result: OfferDocument | OffersDocument =
    files.length > 1
      ? toOffersDocument(
          docs,
          horizon === undefined ? undefined : { terms: judged.map((j) => j.terms), horizon },
        )
      : docs[0]!;
  const many = result.kind === 'offers' ? result : undefined;
  const look = await printAs(io, format, result, opts, {
    csv: () => offerCsv(docs, many),
    markdown: () => offerMarkdown(docs, many),
    table: async () => {
      const { renderOfferReport, renderOffersReport } = await import('../../render/offer.js');
      return (r, look) =>
        r.kind === 'offers' ? renderOffersReport(r, look) : renderOfferReport(r, look);
    },
  });
  // On stderr, where the questions were: stdout keeps the report alone.
  if (look && typed) await lastQuestion(judged[0]!, typed, opts, io, look);
}

/** An offer judged: its document, the terms it was built from, and a file's own state. */
export interface Judged {
  doc: OfferDocument;
  terms: OfferTerms;
  state?: string;
}

/** The offers of offer files, each judged against the estimate for its profile. */
async function offersFromFiles(
  files: readonly string[],
  opts: OfferOptions,
  io: Io,
  market: Market,
): Promise<Judged[]> {
  const flags = { ...offerFlags(opts), ...benefitFlags(opts) };
  const names: Record<string, string> = { ...OFFER_FLAGS, ...BENEFIT_FLAGS };
  const given = [...OFFER_FIELDS, ...BENEFIT_FIELDS].find((k) => flags[k] !== undefined);
  if (given !== undefined) {
    throw new UsageError(
      `${names[given]} with offer files: the terms come from the files (each gives its own)`,
    );
  }
  if (files.filter((f) => f === '-').length > 1)
    throw new UsageError("'-' (stdin) can be given once: stdin is read only once");
  const judged: Judged[] = [];
  for (const path of files) {
    const file = await readOfferFile(path, io);
    const one = await labelled(clip(path, 200), () =>
      judge(withDefaults(file, opts, path), { ...file.offer, ...file.benefits }, market, io, {
        profileNames: fieldName,
        offerNames: OFFER_KEYS,
        benefitNames: BENEFIT_KEYS,
        label: file.label,
      }),
    );
    judged.push(file.state === undefined ? one : { ...one, state: file.state });
  }
  return judged;
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
  request: TakeHomeRequest | undefined,
): Promise<{ offer: Judged; asked?: TypedTerms }> {
  const flags = offerFlags(opts);
  const plan = promptPlan(opts, format, io);
  let asked = false;
  let profile = profileFlags(opts);
  let offer = flags;
  if (plan.ask) {
    // Check what the flags gave before asking for the rest, so a typo fails at once.
    const first = resolveProfile({ ...profile, years: profile.years ?? 0 }, market, flagName);
    checkEachTerm(offer, OFFER_FLAGS);
    const check = await cityCheck(
      request,
      market,
      profile.city === undefined ? undefined : first.profile,
    );
    // The prompts draw straight on stderr; with colour off they write no colour code at all.
    const context = promptContext(io, opts.color);
    profile = await askMissing(profile, market, context, check);
    const answers = await askOffer(offer, context);
    const before = JSON.stringify([profileFlags(opts), offer]);
    offer = { ...offer, ...answers };
    asked = JSON.stringify([profile, offer]) !== before;
    // An empty answer is "none" (an empty flag is an error: resolveOffer says so).
    for (const k of OFFER_FIELDS) if (offer[k] === '' && flags[k] === undefined) delete offer[k];
  } else {
    const missing =
      profile.years === undefined ? '--years 5' : offer.base === undefined ? '--base 185000' : '';
    if (missing) {
      const [name] = missing.split(' ');
      throw new UsageError(`${name} is required here (${plan.because}); pass e.g. ${missing}`);
    }
  }
  const benefits = benefitFlags(opts);
  const judged = judge(profile, { ...offer, ...benefits }, market, io, {
    profileNames: flagName,
    offerNames: OFFER_FLAGS,
    benefitNames: BENEFIT_FLAGS,
  });
  return asked
    ? { offer: judged, asked: { ...offer, ...benefits } as TypedTerms }
    : { offer: judged };
}

/** One offer against the estimate for its profile. */
function judge(
  rawProfile: RawProfile,
  rawOffer: RawOffer & RawBenefits,
  market: Market,
  io: Io,
  names: {
    profileNames: typeof flagName;
    offerNames: typeof OFFER_FLAGS;
    benefitNames: BenefitNames;
    label?: string;
  },
): Judged {
  const { profile, defaulted, notes, title } = resolveProfile(
    rawProfile,
    market,
    names.profileNames,
  );
  printNotes(io, notes); // an old name that still works
  const { terms, benefits, growth } = resolveWithBenefits(
    rawOffer,
    names.offerNames,
    names.benefitNames,
  );
  const est = estimate(profile, market);
  // A named skill or degree that moves nothing (a given level prices it) says so (review4 N12).
  const unpriced = est.factors.filter((f) => f.effect === 0 && /^(skill|degree):/.test(f.id));
  const doc = toOfferDocument(
    terms,
    est,
    defaulted,
    market,
    names.label,
    [title ?? [], ...unpriced.map((f) => `${f.label}.`), ...dataNotes(market, [profile])].flat(),
  );
  const listed = listedNote(doc, terms, rawOffer.private, names.offerNames.private);
  if (listed) doc.notes = [listed, ...(doc.notes ?? [])];
  const view = benefitsView(benefits, doc.years, growth);
  return { doc: view ? { ...doc, benefits: view } : doc, terms };
}

/** Stock counted as listed where the industry's pay is private paper: say so, and how to mark it. */
function listedNote(doc: OfferDocument, t: OfferTerms, given: unknown, name: string) {
  if (!doc.market.paper || t.private || given === false || t.stage === 'public') return undefined;
  if (t.equity === 0 && !t.options) return undefined;
  const how = name.startsWith('--') ? `add ${name}` : `set "${name}": true`;
  return `The grant is counted as listed stock (sellable as it vests, taxed as wages then), while the market's figures for ${doc.labels.industry} count its stock as a private company's: ${how} if the company is not listed.`;
}
