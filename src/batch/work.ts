import { InputError } from '../errors.js';
import { DataError } from '../exit.js';
import { estimate } from '../estimate.js';
import { fieldName, resolveProfile, type RawProfile } from '../profile.js';
import { csvRecord } from '../render/csv.js';
import { toDocument } from '../render/document.js';
import { JsonLineWriter } from '../render/json-lines.js';
import type { Market, ProfileField } from '../types.js';
import { eachLine, linesFrom, type Line } from './lines.js';
import { isBlank, parseCsvHeader, profileFromCsv, profileFromJson } from './records.js';

export type InputFormat = 'ndjson' | 'csv';

/**
 * Output is cut into pieces of about this many bytes (NDJSON) or characters (CSV): each is
 * written as it is, and buffers this small are reused by the allocator rather than mapped afresh.
 */
const OUT_PIECE = 60 * 1024;

/** What estimating a record needs to know about the input and the output: a worker gets a copy. */
export interface Settings {
  /** undefined until the first non-blank line shows it (or --input-format says). */
  inputFormat: InputFormat | undefined;
  /** The CSV header's columns, once read. */
  columns: ProfileField[];
  format: 'ndjson' | 'csv';
}

/** What a stretch of input lines came to: output for stdout, `line N: ...` lines for stderr. */
export interface Done {
  /** NDJSON bytes, or CSV text, in pieces of about OUT_PIECE. */
  out: (Uint8Array | string)[];
  /** One message per bad record, without the newline. */
  errors: string[];
  /** Records read (not blank lines or the CSV header), estimated, and bad. */
  records: number;
  good: number;
  bad: number;
}

/**
 * Turns input lines into output, record by record, collecting what they come to until `take()`.
 * Holds no stream: the batch's main thread and its worker threads each run one.
 */
export class RecordWork {
  private readonly settings: Settings;
  private readonly json: JsonLineWriter;
  private csv = '';
  private out: (Uint8Array | string)[] = [];
  private errors: string[] = [];
  private records = 0;
  private good = 0;
  private bad = 0;

  constructor(
    private readonly market: Market,
    settings: Settings,
  ) {
    this.settings = { ...settings, columns: [...settings.columns] };
    this.json = new JsonLineWriter(OUT_PIECE + 4096);
  }

  /** Whether the input format (and for CSV the header) is known, so records can be farmed out. */
  get ready(): boolean {
    const s = this.settings;
    return s.inputFormat === 'ndjson' || (s.inputFormat === 'csv' && s.columns.length > 0);
  }

  /** A copy of the settings as they stand (for a worker). */
  get current(): Settings {
    return { ...this.settings, columns: [...this.settings.columns] };
  }

  /** Lines in a run of whole lines (see `eachLine`). */
  run(text: string, firstLineNo: number): void {
    eachLine(text, firstLineNo, (lineNo, line) => this.text(lineNo, line));
  }

  /**
   * The lines of a run from `at` (a position in `text`, the start of line `lineNo`), stopping
   * after the line that completes a piece of output: returns where to go on, or undefined at the
   * end of the run. The main thread writes each piece before going on, so its output stays in
   * one small buffer that the allocator reuses (and in the processor's cache).
   */
  runFrom(text: string, at: number, lineNo: number): { at: number; lineNo: number } | undefined {
    const pieces = this.out.length;
    const next = linesFrom(text, at, lineNo, (n, line) => {
      this.text(n, line);
      return this.out.length > pieces;
    });
    return next.at === -1 ? undefined : next;
  }

  /** One line, or a line that could not be read. */
  line(line: Line): void {
    if (line.problem !== undefined) {
      this.records++;
      this.report(line.lineNo, line.problem);
    } else {
      this.text(line.lineNo, line.text);
    }
  }

  /** What the lines since the last take came to; starts afresh. */
  take(): Done {
    this.piece();
    const done: Done = {
      out: this.out,
      errors: this.errors,
      records: this.records,
      good: this.good,
      bad: this.bad,
    };
    this.out = [];
    this.errors = [];
    this.records = this.good = this.bad = 0;
    return done;
  }

  /** Records read since the last take (good and bad). */
  get count(): number {
    return this.records;
  }

  /** What is written so far becomes a piece of output. */
  private piece(): void {
    if (this.json.length > 0) this.out.push(this.json.take());
    if (this.csv !== '') {
      this.out.push(this.csv);
      this.csv = '';
    }
  }

  /**
   * One line of text: blank lines are skipped, the first non-blank one settles the format, a CSV
   * header is read, anything else is a record. A whole-input problem (a JSON array, a bad CSV
   * header) throws DataError; a bad record is reported and the work goes on.
   */
  private text(lineNo: number, text: string): void {
    if (isBlank(text)) return;
    const s = this.settings;
    if (s.inputFormat === undefined) {
      s.inputFormat = detect(text, lineNo);
      if (s.inputFormat === 'csv') {
        s.columns = header(text, lineNo, true);
        return;
      }
    } else if (s.inputFormat === 'csv' && s.columns.length === 0) {
      s.columns = header(text, lineNo, false);
      return;
    }
    this.records++;
    try {
      const raw: RawProfile =
        s.inputFormat === 'ndjson' ? profileFromJson(text) : profileFromCsv(text, s.columns);
      const { profile, defaulted } = resolveProfile(raw, this.market, fieldName);
      const est = estimate(profile, this.market);
      const dataVersion = this.market.dataVersion;
      if (s.format === 'csv') {
        this.csv += csvRecord(toDocument(est, defaulted, dataVersion), [lineNo]);
        if (this.csv.length >= OUT_PIECE) this.piece();
      } else {
        this.json.writeEstimate(est, defaulted, dataVersion, lineNo);
        if (this.json.length >= OUT_PIECE) this.piece();
      }
      this.good++;
    } catch (error) {
      if (error instanceof InputError) {
        this.report(lineNo, error.message);
      } else {
        throw error;
      }
    }
  }

  private report(lineNo: number, message: string): void {
    this.bad++;
    this.errors.push(`line ${lineNo}: ${message}`);
  }
}

function detect(text: string, lineNo: number): InputFormat {
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
