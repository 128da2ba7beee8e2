// Compact batch records written straight into bytes: exactly `JSON.stringify(toBatchRecord(...))`
// and a newline, without the strings in between. Building each line as a string (a template, or
// JSON.stringify) and joining the lines cost about 5 us a record, and kept `ml-salary batch` near
// three times the passthrough's time with a peak RSS over 100 MB; written as bytes, a record costs
// a fraction of that (npm run bench, and bench/README.md for the figures). A test checks the
// bytes against JSON.stringify over random records.
import type { Price } from '../model/estimate.js';
import { SCHEMA_VERSION } from '../documents/estimate.js';
import type { ProfileField, Range } from '../model/types.js';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const HEAD = bytes(`{"schemaVersion":${SCHEMA_VERSION},"line":`);
const YEARS = bytes(',"profile":{"years":');
const CITY = bytes(',"city":"');
const INDUSTRY = bytes('","industry":"');
const SKILLS = bytes('","skills":[');
const DEGREE = bytes('],"degree":"');
const PROFILE_LEVEL = bytes('","level":"');
const DEFAULTED = bytes('"},"defaulted":[');
const LEVEL = bytes('],"level":"');
const BASE = bytes('","base":');
const BONUS = bytes(',"bonus":');
const EQUITY = bytes(',"equity":');
const TOTAL = bytes(',"total":');
const LOW = bytes('{"low":');
const P25 = bytes(',"p25":');
const MID = bytes(',"mid":');
const P75 = bytes(',"p75":');
const HIGH = bytes(',"high":');
const BRACE = bytes('}');

/** The most bytes a record takes beyond its strings: the field names and 22 numbers. */
const FIXED_MOST = 260 + 22 * 24;

/**
 * A buffer of compact records, one per line. `add` appends a record, or returns false (writing
 * nothing) when it does not fit or holds a string that JSON would escape: the caller then cuts
 * a piece (`take`) and tries again, or writes `JSON.stringify` of it instead (`addText`).
 */
export class CompactBytes {
  private buf: Buffer;
  private at = 0;

  constructor(private readonly size: number) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Bytes written since the last take. */
  get length(): number {
    return this.at;
  }

  /** The bytes written since the last take (a buffer of their own, safe to hand to a stream). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(this.size);
    this.at = 0;
    return out;
  }

  /** Appends text (a line written some other way); false when it does not fit. */
  addText(text: string): boolean {
    if (this.at + Buffer.byteLength(text) > this.size) return false;
    this.at += this.buf.write(text, this.at);
    return true;
  }

  /** Appends the compact record of `price` as line `line` (see the class). */
  add(line: number, price: Price, defaulted: readonly ProfileField[]): boolean {
    const p = price.profile;
    let strings = p.city.length + p.industry.length + p.degree.length + price.level.length + 12;
    for (let i = 0; i < p.skills.length; i++) strings += p.skills[i]!.length + 3;
    for (let i = 0; i < defaulted.length; i++) strings += defaulted[i]!.length + 3;
    if (this.at + FIXED_MOST + strings > this.size) return false;
    const start = this.at;
    const plain = this.profilePart(line, p, defaulted) && this.figuresPart(price);
    if (!plain) {
      this.at = start;
      return false;
    }
    this.buf[this.at++] = 0x7d; // }
    this.buf[this.at++] = 0x0a; // newline
    return true;
  }

  /** The record up to its level: line, profile, defaulted fields. */
  private profilePart(line: number, p: Price['profile'], defaulted: readonly ProfileField[]) {
    return (
      this.put(HEAD) &&
      this.number(line) &&
      this.put(YEARS) &&
      this.number(p.years) &&
      this.put(CITY) &&
      this.ascii(p.city) &&
      this.put(INDUSTRY) &&
      this.ascii(p.industry) &&
      this.put(SKILLS) &&
      this.list(p.skills) &&
      this.put(DEGREE) &&
      this.ascii(p.degree) &&
      (p.level === undefined || (this.put(PROFILE_LEVEL) && this.ascii(p.level))) &&
      this.put(DEFAULTED) &&
      this.list(defaulted)
    );
  }

  /** The rest: the level and the four ranges. */
  private figuresPart(price: Price): boolean {
    return (
      this.put(LEVEL) &&
      this.ascii(price.level) &&
      this.put(BASE) &&
      this.range(price.base) &&
      this.put(BONUS) &&
      this.range(price.bonus) &&
      this.put(EQUITY) &&
      this.range(price.equity) &&
      this.put(TOTAL) &&
      this.range(price.total)
    );
  }

  private put(part: Uint8Array): true {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < part.length; i++) buf[at++] = part[i]!;
    this.at = at;
    return true;
  }

  /** A string JSON writes as it is (printable ASCII without `"` or `\`); false for any other. */
  private ascii(text: string): boolean {
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return false;
      buf[at++] = c;
    }
    this.at = at;
    return true;
  }

  /** `"a","b"` (the brackets are the caller's). */
  private list(items: readonly string[]): boolean {
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.buf[this.at++] = 0x2c; // ,
      this.buf[this.at++] = 0x22;
      if (!this.ascii(items[i]!)) return false;
      this.buf[this.at++] = 0x22;
    }
    return true;
  }

  private range(r: Range): boolean {
    return (
      this.put(LOW) &&
      this.number(r.low) &&
      this.put(P25) &&
      this.number(r.p25) &&
      this.put(MID) &&
      this.number(r.mid) &&
      this.put(P75) &&
      this.number(r.p75) &&
      this.put(HIGH) &&
      this.number(r.high) &&
      this.put(BRACE)
    );
  }

  /** A number as JSON writes it: whole numbers digit by digit, anything else as String() has it. */
  private number(n: number): boolean {
    if (!(n >= 0 && n <= Number.MAX_SAFE_INTEGER && Math.floor(n) === n)) {
      // Fractions (years like 6.5), negatives, -0 ("0"), NaN and Infinity (JSON's null).
      return this.ascii(Number.isFinite(n) ? String(n) : 'null');
    }
    const buf = this.buf;
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let at = this.at + digits;
    this.at = at;
    do {
      const q = Math.floor(n / 10);
      buf[--at] = 0x30 + (n - q * 10);
      n = q;
    } while (n > 0);
    return true;
  }
}
