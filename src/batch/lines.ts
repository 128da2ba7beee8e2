import { isUtf8 } from 'node:buffer';
import { formatBytes, utf8Problem } from '../input/files.js';

/** The longest line taken as one record. A profile is a few hundred bytes; this is generous. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One physical input line: its 1-based number and its text, or why it cannot be read. */
export type Line =
  | { lineNo: number; text: string; problem?: undefined }
  | { lineNo: number; text?: undefined; problem: string };

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Split a byte stream into lines without ever holding more than one line (capped at
 * `maxLineBytes`): LF or CRLF ends, a UTF-8 byte-order mark dropped, a last line without a newline
 * kept. Each line is checked to be valid UTF-8; a line that is not, or is too long, comes out as a
 * `problem` so the caller can report it and go on.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private overflow = false;
  private lineNo = 0;
  private started = false;

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Bytes of the current (unfinished) line held in memory. */
  get held(): number {
    return this.size;
  }

  /**
   * Feed one chunk; `onLine` is called for every line it completes, in order. With `onRun`, the
   * lines that lie whole in the chunk and are valid UTF-8 (nearly all) come instead as one text
   * run (see `eachLine`) with the number of its first line: a batch hands runs to its workers.
   */
  push(chunk: Buffer, onLine: (line: Line) => void, onRun?: RunHandler): void {
    let start = 0;
    if (this.size > 0 || this.overflow) {
      // First the end of the line the last chunk left open.
      const lf = chunk.indexOf(LF);
      if (lf === -1) {
        this.keep(chunk);
        return;
      }
      this.keep(chunk.subarray(0, lf));
      onLine(this.take());
      start = lf + 1;
    }
    start = this.whole(chunk, start, onLine, onRun);
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      if (lf === -1) {
        this.keep(chunk.subarray(start));
        return;
      }
      if (this.size === 0 && !this.overflow && lf - start <= this.maxLineBytes) {
        // The whole line is in this chunk: read it from there, without copying it first.
        onLine(this.line(chunk.subarray(start, lf), false));
      } else {
        this.keep(chunk.subarray(start, lf));
        onLine(this.take());
      }
      start = lf + 1;
    }
  }

  /**
   * The fast path for the lines that lie whole in `chunk` (nearly all of them): when they are
   * valid UTF-8 and short enough, decode them together and cut the text at each LF, instead of
   * checking and decoding line by line (a newline byte never occurs inside a UTF-8 sequence, so
   * the lines are valid exactly when their run is). Returns where the lines it did not take begin.
   */
  private whole(
    chunk: Buffer,
    start: number,
    onLine: (line: Line) => void,
    onRun?: RunHandler,
  ): number {
    const last = chunk.lastIndexOf(LF);
    if (last < start || last - start > this.maxLineBytes) return start;
    let from = start;
    if (!this.started) {
      if (chunk[from] === BOM[0] && chunk[from + 1] === BOM[1] && chunk[from + 2] === BOM[2]) {
        if (last < from + 3) return start;
        from += 3;
      }
    }
    const run = chunk.subarray(from, last);
    if (!isUtf8(run)) return start;
    this.started = true;
    const text = run.toString('utf8');
    const first = this.lineNo + 1;
    if (onRun) {
      this.lineNo += countLines(text);
      onRun(text, first);
    } else {
      this.lineNo = eachLine(text, first, (lineNo, line) => onLine({ lineNo, text: line })) - 1;
    }
    return last + 1;
  }

  /** The input ended: emit the last line if it had no newline. */
  end(onLine: (line: Line) => void): void {
    if (this.size > 0 || this.overflow) onLine(this.take());
  }

  private keep(bytes: Buffer): void {
    if (bytes.length === 0 || this.overflow) return;
    if (this.size + bytes.length > this.maxLineBytes) {
      // Too long to be a record: stop holding it, skip to the next newline.
      this.overflow = true;
      this.parts = [];
      this.size = 0;
      return;
    }
    // Copy: the chunk's memory is reused by the stream once we return.
    this.parts.push(Buffer.from(bytes));
    this.size += bytes.length;
  }

  private take(): Line {
    const overflow = this.overflow;
    const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.overflow = false;
    return this.line(bytes, overflow);
  }

  /** The next line, from its bytes (without the LF), or the problem with it. */
  private line(bytes: Buffer, overflow: boolean): Line {
    const lineNo = ++this.lineNo;
    if (!this.started) {
      this.started = true;
      if (bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
    }
    if (overflow) {
      return {
        lineNo,
        problem: `line is longer than the ${formatBytes(this.maxLineBytes)} limit for one record (a profile takes a few hundred bytes); skipped`,
      };
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
    const bad = utf8Problem(bytes, ' of the line');
    if (bad !== undefined) return { lineNo, problem: bad };
    return { lineNo, text: bytes.toString('utf8') };
  }
}

/** Takes a run of whole lines: their text, LF-separated (no final LF), and the first's number. */
export type RunHandler = (text: string, firstLineNo: number) => void;

/**
 * Each line of a run (its text split at LF, a CR before the LF dropped) with its number, from
 * `firstLineNo`; returns the number after the last. A run holds at least one line (maybe empty).
 */
export function eachLine(
  text: string,
  firstLineNo: number,
  onLine: (lineNo: number, text: string) => void,
): number {
  return linesFrom(text, 0, firstLineNo, onLine).lineNo;
}

/**
 * `eachLine` from position `at` of a run (the start of line `lineNo`), stopping after a line for
 * which `onLine` returns true. Returns where to go on: `at` is -1 once the run is done, and
 * `lineNo` is then the number after the last line.
 */
export function linesFrom(
  text: string,
  at: number,
  lineNo: number,
  onLine: (lineNo: number, text: string) => boolean | void,
): { at: number; lineNo: number } {
  for (;;) {
    const lf = text.indexOf('\n', at);
    const end = lf === -1 ? text.length : lf;
    const cut = end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const stop = onLine(lineNo++, text.slice(at, cut));
    if (lf === -1) return { at: -1, lineNo };
    at = lf + 1;
    if (stop === true) return { at, lineNo };
  }
}

/** How many lines `eachLine` finds in a run. */
function countLines(text: string): number {
  let n = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
