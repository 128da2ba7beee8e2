import { toBatchRecord, toDocument } from '../document.js';
import { InputError } from '../errors.js';
import { estimate } from '../estimate.js';
import { DataError } from '../exit.js';
import { fieldName, resolveProfile, type RawProfile } from '../profile.js';
import { csvRecord } from '../render/csv.js';
import type { Market, ProfileField } from '../types.js';
import { linesFrom, type Line } from './lines.js';
import { isBlank, parseCsvHeader, profileFromCsv, profileFromJson } from './records.js';

export type InputFormat = 'ndjson' | 'csv';

/** Output is cut into pieces of about this many characters, each written as it is. */
const OUT_PIECE = 60 * 1024;

/** What estimating a record needs to know about the input and the output. */
export interface Settings {
  /** undefined until the first non-blank line shows it (or --input-format says). */
  inputFormat: InputFormat | undefined;
  /** The CSV header's columns, once read. */
  columns: ProfileField[];
  format: 'ndjson' | 'csv';
  /** NDJSON: the whole --json document per record (with `line`), not the compact record. */
  explain: boolean;
}

/** What a stretch of input lines came to: output for stdout, `line N: ...` lines for stderr. */
export interface Done {
  /** NDJSON or CSV text, in pieces of about OUT_PIECE characters. */
  out: string[];
  /** One message per bad record, without the newline. */
  errors: string[];
  /** Records read (not blank lines or the CSV header), estimated, and bad. */
  records: number;
  good: number;
  bad: number;
}

/**
 * Turns input lines into output, record by record, collecting what they come to until `take()`.
 * Holds no stream (commands/batch.ts reads and writes).
 */
export class RecordWork {
  private readonly settings: Settings;
  private text = '';
  private out: string[] = [];
  private errors: string[] = [];
  private records = 0;
  private good = 0;
  private bad = 0;
  /** A record has been read (take() does not reset this). */
  private recordSeen = false;

  constructor(
    private readonly market: Market,
    settings: Settings,
  ) {
    this.settings = { ...settings, columns: [...settings.columns] };
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
      this.record(n, line);
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
      this.record(line.lineNo, line.text);
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

  /** What is written so far becomes a piece of output. */
  private piece(): void {
    if (this.text !== '') {
      this.out.push(this.text);
      this.text = '';
    }
  }

  /**
   * One line of text: blank lines are skipped, the first non-blank one settles the format, a CSV
   * header is read, anything else is a record. A whole-input problem (a JSON array, a bad CSV
   * header) throws DataError; a bad record is reported and the work goes on.
   */
  private record(lineNo: number, text: string): void {
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
    if (text.charCodeAt(0) === 0xfeff) {
      // The input's own mark is dropped as it is read (LineSplitter); this one is elsewhere.
      this.report(lineNo, MID_BOM);
      return;
    }
    const first = !this.recordSeen;
    this.recordSeen = true;
    if (first && s.inputFormat === 'ndjson' && text.trim() === '{') {
      throw new DataError(
        `line ${lineNo}: a '{' alone: the input looks like pretty-printed JSON (an object over several lines), not NDJSON (one object per line); convert it with: jq -c .`,
      );
    }
    try {
      const raw: RawProfile =
        s.inputFormat === 'ndjson' ? profileFromJson(text) : profileFromCsv(text, s.columns);
      const { profile, defaulted } = resolveProfile(raw, this.market, fieldName);
      const est = estimate(profile, this.market);
      if (s.format === 'csv') {
        this.text += csvRecord(est, defaulted, [lineNo]);
      } else if (s.explain) {
        // The --json document with the input line number after its version.
        const { schemaVersion, ...doc } = toDocument(est, defaulted, this.market.dataVersion);
        this.text += `${JSON.stringify({ schemaVersion, line: lineNo, ...doc })}\n`;
      } else {
        this.text += `${JSON.stringify(toBatchRecord(lineNo, est, defaulted))}\n`;
      }
      if (this.text.length >= OUT_PIECE) this.piece();
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

const MID_BOM =
  'starts with a byte-order mark (U+FEFF), which belongs only at the start of a file (were two files joined, as by cat a b?); remove it';

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
