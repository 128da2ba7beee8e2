import { toBatchRecord, toDocument } from '../documents/estimate.js';
import { DataError, InputError } from '../errors.js';
import { estimate, price, type Price } from '../model/estimate.js';
import { clip, fail, kindOf } from '../input/numbers.js';
import { OFFER_FIELDS, offerKeys, resolveOffer } from '../input/offer.js';
import { offerPosition, type OfferPosition } from '../model/offer-position.js';
import { fieldName, resolveProfile } from '../input/profile.js';
import { csvRecord } from '../render/csv.js';
import { marketFileSource, uncertainIds } from '../model/reasons.js';
import type { Estimate, Market, Profile, ProfileField } from '../model/types.js';
import type { Line } from './lines.js';
import {
  isBlank,
  parseCsvHeader,
  profileFromCsv,
  profileFromJson,
  type RawRecord,
} from './records.js';

/** NDJSON or CSV, the input's and the output's. */
type Format = 'ndjson' | 'csv';

/** What estimating a record needs to know about the input and the output. */
export interface Settings {
  /** undefined until the first non-blank line shows it (or --input-format says). */
  inputFormat: Format | undefined;
  format: Format;
  /** NDJSON: the whole --json document per record (with `line`), not the compact record. */
  explain: boolean;
  /** NDJSON: only these top-level fields of each record (`--json a,b`), checked by recordFields. */
  fields?: readonly string[];
}

/**
 * The top-level fields an NDJSON record can have (`paper` only where the equity is private paper,
 * `uncertain` only where a figure is, `position` only with an offer): what a field
 * list after --json is checked against before any record is read.
 */
export function recordFields(market: Market, explain: boolean): string[] {
  const { city, industry, skills, degree } = market.defaults;
  const profile = { years: 0, city, industry, skills: [...skills], degree };
  const sample = explain
    ? { line: 1, ...toDocument(estimate(profile, market), [], market) }
    : toBatchRecord(1, price(profile, market), []);
  return [
    ...new Set([
      'schemaVersion',
      'line',
      ...Object.keys(sample),
      'paper',
      ...(explain ? [] : ['uncertain']),
      'marketFile',
      'position',
    ]),
  ];
}

/** A record with only the fields asked for that it has. */
function pick(record: object, fields: readonly string[]): object {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(
    fields.filter((f) => Object.hasOwn(values, f)).map((f) => [f, values[f]]),
  );
}

/**
 * Turns input lines into output, record by record: `out` holds the output not yet written (the
 * caller writes it and empties it), `onBad` gets one `line N: ...` message per bad record.
 * Holds no stream (run/batch.ts reads and writes).
 */
export class RecordWork {
  private readonly settings: Settings;
  /** The CSV header's columns, once read. */
  private columns: ProfileField[] = [];
  out = '';
  /** Records read (not blank lines or the CSV header), estimated, and bad. */
  records = 0;
  good = 0;
  bad = 0;
  /** A record has been read. */
  private recordSeen = false;

  /** With --data, the market file every record's figures come from (`marketFile`). */
  private readonly marketFile: string | undefined;
  /** The cities and employers whose figures are uncertain (a record's `uncertain`). */
  private readonly doubts: ReturnType<typeof uncertainIds>;

  constructor(
    private readonly market: Market,
    settings: Settings,
    private readonly onBad: (message: string) => void,
  ) {
    this.settings = { ...settings };
    this.marketFile = marketFileSource(market)?.file;
    this.doubts = uncertainIds(market);
  }

  /** The profile's fields whose figures are uncertain, or undefined for none. */
  private uncertain({ city, industry }: Profile): ('city' | 'industry')[] | undefined {
    const [c, i] = [this.doubts.city.has(city), this.doubts.industry.has(industry)];
    return c && i ? ['city', 'industry'] : c ? ['city'] : i ? ['industry'] : undefined;
  }

  /** One line, or a line that could not be read. */
  line(line: Line): void {
    if (line.problem !== undefined) {
      this.records++;
      this.report(line.lineNo, line.problem);
    } else {
      this.record(line.lineNo, line.text);
    }
  }

  /**
   * One line of text: blank lines are skipped, the first non-blank one settles the format, a CSV
   * header is read, anything else is a record. A whole-input problem (a JSON array, a bad CSV
   * header) throws DataError; a bad record is reported and the work goes on.
   */
  private record(lineNo: number, text: string): void {
    if (isBlank(text) || this.settle(lineNo, text)) return;
    this.records++;
    // Set before anything can refuse the record: a '{' alone after any record (even one
    // refused, as a line with a stray byte-order mark is) is a bad record, not a whole input
    // that looks pretty-printed.
    const first = !this.recordSeen;
    this.recordSeen = true;
    if (text.charCodeAt(0) === 0xfeff) {
      // The input's own mark is dropped as it is read (LineSplitter); this one is elsewhere.
      this.report(lineNo, MID_BOM);
      return;
    }
    if (first && this.settings.inputFormat === 'ndjson' && text.trim() === '{') {
      throw new DataError(
        `line ${lineNo}: a '{' alone: the input looks like pretty-printed JSON (an object over several lines), not NDJSON (one object per line); convert it with: jq -c .`,
      );
    }
    try {
      this.estimateRecord(lineNo, text);
      this.good++;
    } catch (error) {
      if (error instanceof InputError) {
        this.report(lineNo, error.message);
      } else {
        throw error;
      }
    }
  }

  /**
   * The first non-blank line settles the format, and a CSV header is read: true when `text` was
   * such a line rather than a record.
   */
  private settle(lineNo: number, text: string): boolean {
    const s = this.settings;
    if (s.inputFormat === undefined) {
      s.inputFormat = detect(text, lineNo);
      if (s.inputFormat !== 'csv') return false;
      this.columns = header(text, lineNo, true);
      return true;
    }
    if (s.inputFormat === 'csv' && this.columns.length === 0) {
      this.columns = header(text, lineNo, false);
      return true;
    }
    return false;
  }

  /** One record's output, in the format asked for; an InputError for a bad record. */
  private estimateRecord(lineNo: number, text: string): void {
    const s = this.settings;
    const raw: RawRecord =
      s.inputFormat === 'ndjson' ? profileFromJson(text) : profileFromCsv(text, this.columns);
    // CSV output has no columns for an offer's position: refused, not dropped.
    if (raw.offer !== undefined && s.format === 'csv')
      throw new InputError(
        "an offer's position is written in NDJSON output only (--format ndjson); --format csv has no columns for it",
        'offer',
      );
    const { profile, defaulted, title } = resolveProfile(raw, this.market, fieldName);
    // The reasons are written only with --explain: the other outputs need the figures alone.
    const est =
      s.explain && s.format !== 'csv'
        ? estimate(profile, this.market)
        : price(profile, this.market);
    // An offer in the record: where it sits against this estimate (NDJSON output only).
    const position = raw.offer === undefined ? undefined : offerPositionOf(raw.offer, est);
    if (s.format === 'csv') {
      // `paper`: whether the equity is private paper (its value is not cash), as a column.
      const file = this.marketFile === undefined ? [] : [this.marketFile];
      const doubt = this.uncertain(est.profile)?.join(';') ?? '';
      this.out += csvRecord(
        est,
        defaulted,
        [lineNo],
        [est.paper ? 'true' : 'false', doubt, ...file],
      );
      return;
    }
    let record: object = toBatchRecord(lineNo, est, defaulted, this.uncertain(est.profile));
    if (s.explain) {
      // The --json document with the input line number after its version.
      const { schemaVersion, ...doc } = toDocument(est as Estimate, defaulted, this.market, title);
      record = { schemaVersion, line: lineNo, ...doc };
    }
    if (this.marketFile !== undefined && !s.explain)
      record = { ...record, marketFile: this.marketFile };
    if (position) record = { ...record, position };
    this.out += `${JSON.stringify(s.fields ? pick(record, s.fields) : record)}\n`;
  }

  private report(lineNo: number, message: string): void {
    this.bad++;
    this.onBad(`line ${lineNo}: ${message}`);
  }
}

/** Names of a record's offer fields in messages: `offer.base`, `offer.signOn`, ... */
const RECORD_OFFER_NAMES = offerKeys('offer.');

/** Where a record's offer sits against its estimate, or an InputError naming the offer field. */
function offerPositionOf(value: unknown, est: Price): OfferPosition {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('offer', `must be an object with base, bonus, equity, ..., got ${kindOf(value)}`);
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!(OFFER_FIELDS as readonly string[]).includes(key)) {
      throw new InputError(
        `unknown field 'offer.${clip(key)}'; accepted: ${Object.values(RECORD_OFFER_NAMES).join(', ')}`,
        'offer',
      );
    }
  }
  const raw = Object.fromEntries(
    OFFER_FIELDS.map((k) => [k, Object.hasOwn(given, k) ? given[k] : undefined]),
  );
  return offerPosition(resolveOffer(raw, RECORD_OFFER_NAMES), est);
}

const MID_BOM =
  'starts with a byte-order mark (U+FEFF), which belongs only at the start of a file (were two files joined, as by cat a b?); remove it';

function detect(text: string, lineNo: number): Format {
  const start = text.trimStart()[0];
  if (start === '{') return 'ndjson';
  if (start === '[') {
    throw new DataError(
      `line ${lineNo}: the input is a JSON array, not NDJSON (one object per line); convert it with: jq -c '.[]'`,
    );
  }
  return 'csv';
}

function header(text: string, lineNo: number, detected: boolean): ProfileField[] {
  try {
    return parseCsvHeader(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const why = detected
      ? ' (read as CSV because it does not start with "{"; pass --input-format to choose)'
      : '';
    throw new DataError(`line ${lineNo}: ${error.message}${why}`);
  }
}
