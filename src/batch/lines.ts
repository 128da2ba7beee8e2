import { formatBytes, utf8Problem } from '../input/files.js';

/** The longest line taken as one record. A profile is a few hundred bytes; this is generous. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One physical input line: its 1-based number and its text, or why it cannot be read. */
export type Line =
  | { lineNo: number; text: string; problem?: undefined }
  | { lineNo: number; text?: undefined; problem: string };

const LF = 0x0a;
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

  constructor(private readonly maxLineBytes = MAX_LINE_BYTES) {}

  /** Feed one chunk; `onLine` is called for every line it completes, in order. */
  push(chunk: Buffer, onLine: (line: Line) => void): void {
    let start = 0;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, start)) {
      const bytes = chunk.subarray(start, lf);
      // A line whole in this chunk is read from there, without copying it first.
      if (this.size === 0 && !this.overflow && bytes.length <= this.maxLineBytes) {
        onLine(this.line(bytes, false));
      } else {
        this.keep(bytes);
        onLine(this.take());
      }
      start = lf + 1;
    }
    this.keep(chunk.subarray(start));
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
    const bytes = Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.overflow = false;
    return this.line(bytes, overflow);
  }

  /** The next line, from its bytes (without the LF), or the problem with it. */
  private line(bytes: Buffer, overflow: boolean): Line {
    const lineNo = ++this.lineNo;
    if (lineNo === 1 && bytes.subarray(0, 3).equals(BOM)) bytes = bytes.subarray(3);
    if (overflow) {
      return {
        lineNo,
        problem: `line is longer than the ${formatBytes(this.maxLineBytes)} limit for one record (a profile takes a few hundred bytes); skipped`,
      };
    }
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const bad = utf8Problem(bytes, ' of the line');
    return bad === undefined ? { lineNo, text: bytes.toString('utf8') } : { lineNo, problem: bad };
  }
}
