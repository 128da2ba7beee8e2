// The JSON of estimate documents written by hand, for batch: one document per record, the same
// text JSON.stringify makes (tests/perf-equivalence.test.ts), several times faster. A module of
// its own so that a single estimate's start-up does not load it.
import type { Estimate, GuideView, ProfileField, Range, SourceRef } from '../types.js';
import { SCHEMA_VERSION, type EstimateDocument } from './document.js';

// ---- the same JSON, written by hand (batch writes one document per record) ----

/** JSON text of deeply frozen plain data (an estimate's shared parts), made once per object. */
const frozenJson = new WeakMap<object, string>();
/** JSON text of strings seen lately: labels and ids repeat from record to record. */
const stringJson = new Map<string, string>();
const STRING_CACHE = 4096;

/**
 * `JSON.stringify(doc)` plus a newline, optionally with `"line":N` as the first field (a batch
 * record), byte for byte the same for any document `toDocument` builds, several times faster:
 * the parts `estimate()` shares and freezes are serialised once, the rest piece by piece.
 */
export function renderJsonLine(doc: EstimateDocument, line?: number): string {
  const p = doc.profile;
  let out = line === undefined ? '{' : `{"line":${num(line)},`;
  out += `"schemaVersion":${num(doc.schemaVersion)},"currency":${str(doc.currency)},"period":${str(doc.period)},"dataVersion":${str(doc.dataVersion)}`;
  out += `,"profile":{"years":${num(p.years)},"city":${str(p.city)},"industry":${str(p.industry)},"skills":${strings(p.skills)},"degree":${str(p.degree)}}`;
  out += `,"defaulted":${strings(doc.defaulted)},"level":${str(doc.level)}`;
  out += `,"base":${range(doc.base)},"bonus":${range(doc.bonus)},"equity":${range(doc.equity)},"total":${range(doc.total)}`;
  out += ',"factors":[';
  const factors = doc.factors;
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i]!;
    if (i > 0) out += ',';
    out += factorHead(f.id, f.label) + num(f.effect) + factorTail(f.sources);
  }
  return `${out}],"sources":${json(doc.sources)},"guides":${json(doc.guides)}}\n`;
}

/** A factor's `{"id":...,"label":...,"effect":`, by label (the ids that go with a label repeat). */
const factorHeads = new Map<string, { id: string; text: string }>();
/** A factor's `,"sources":[...]}`, by its frozen `sources` array. */
const factorTails = new WeakMap<object, string>();

function factorHead(id: string, label: string): string {
  const hit = factorHeads.get(label);
  if (hit !== undefined && hit.id === id) return hit.text;
  const text = `{"id":${str(id)},"label":${str(label)},"effect":`;
  if (factorHeads.size >= STRING_CACHE) factorHeads.clear();
  factorHeads.set(label, { id, text });
  return text;
}

function factorTail(sources: readonly string[]): string {
  let text = factorTails.get(sources);
  if (text === undefined) {
    text = `,"sources":${JSON.stringify(sources)}}`;
    if (isFrozenData(sources)) factorTails.set(sources, text);
  }
  return text;
}

function num(n: number): string {
  return Number.isFinite(n) ? `${n}` : 'null';
}

function str(s: string): string {
  let text = stringJson.get(s);
  if (text === undefined) {
    text = JSON.stringify(s);
    if (stringJson.size >= STRING_CACHE) stringJson.clear();
    stringJson.set(s, text);
  }
  return text;
}

function strings(list: readonly string[]): string {
  if (Object.isFrozen(list)) return json(list);
  let out = '[';
  for (let i = 0; i < list.length; i++) out += i === 0 ? str(list[i]!) : `,${str(list[i]!)}`;
  return `${out}]`;
}

function range(r: Range): string {
  return `{"low":${num(r.low)},"mid":${num(r.mid)},"high":${num(r.high)}}`;
}

/** `JSON.stringify(value)`, remembered when the value is deeply frozen plain data. */
function json(value: object): string {
  let text = frozenJson.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (isFrozenData(value)) frozenJson.set(value, text);
  }
  return text;
}

/** Frozen all the way down, with only plain data (no getters, no toJSON), so its JSON is fixed. */
function isFrozenData(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  if (!Object.isFrozen(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in d) || key === 'toJSON') return false;
    if (!isFrozenData(d.value)) return false;
  }
  return true;
}

// ---- the same JSON lines, straight into bytes (batch output) ----

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const B = {
  line: ascii('{"line":'),
  schema: ascii(',"schemaVersion":'),
  open: ascii('{"schemaVersion":'),
  degree: '],"degree":',
  defaulted: '},"defaulted":[',
  level: '],"level":',
  base: ',"base":{"low":',
  bonus: ascii('},"bonus":{"low":'),
  equity: ascii('},"equity":{"low":'),
  total: ascii('},"total":{"low":'),
  factors: ascii('},"factors":['),
};
const COMMA = 0x2c;
/** Pieces up to this long are copied byte by byte: set() costs about as much as 30 bytes. */
const SHORT = 16;
/** `PAIRS[2n]`, `PAIRS[2n + 1]`: the two ASCII digits of n, for 0 <= n < 100. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) =>
  i % 2 === 0 ? 0x30 + Math.floor(i / 20) : 0x30 + (((i - 1) / 2) % 10),
);

/** Decimal digits of a whole number from 0 to 2**31 - 1. */
function digitsOf(v: number): number {
  if (v < 100000) return v < 100 ? (v < 10 ? 1 : 2) : v < 1000 ? 3 : v < 10000 ? 4 : 5;
  if (v < 10000000) return v < 1000000 ? 6 : 7;
  return v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
}

/** Longer values than this are written without being remembered (a market's own names are short). */
const CACHEABLE = 256;

/**
 * `prefix` + the JSON of `value` + `suffix` as bytes, remembered by value in `cache` (cleared when
 * full, so memory stays flat whatever the input).
 */
function piece(cache: Map<string, Buffer>, prefix: string, value: string, suffix = ''): Buffer {
  let b = cache.get(value);
  if (b === undefined) {
    b = Buffer.from(`${prefix}${JSON.stringify(value)}${suffix}`);
    if (value.length <= CACHEABLE) {
      if (cache.size >= STRING_CACHE) cache.clear();
      cache.set(value, b);
    }
  }
  return b;
}

/**
 * The bytes that lead up to one factor's effect, remembered by the factor's label (its id comes
 * with it): `},"factors":[{"id":...,"label":...,"effect":` when it is the first factor, and when
 * it follows another, the end of that one (`,"sources":[...]}`) with `,{"id":...,"effect":`. The
 * sources of the factor before it are few and shared (frozen), so those joins are found by
 * comparing the arrays themselves.
 */
interface FactorBytes {
  id: string;
  label: string;
  /** `{"id":...,"label":...,"effect":` */
  text: string;
  opening: Buffer;
  joins: Join[];
}

interface Join {
  after: readonly string[];
  bytes: Buffer;
}

/**
 * Joins kept per factor: a factor follows only a few kinds of factor (the bonus follows any
 * skill, degree or industry: about 20 with the bundled market), so this is never reached by a
 * market of the bundled size, and a bigger one only makes more joins on the fly.
 */
const JOINS = 48;

/**
 * The end of a document: the last factor's sources (if any), the `sources` and `guides` lists
 * and the newline, for one trio of (frozen, shared) lists.
 */
interface TailBytes {
  last: readonly string[] | undefined;
  sources: readonly SourceRef[];
  guides: readonly GuideView[];
  bytes: Buffer;
}
/** Tails by their `guides` list, then found by comparing the other two lists themselves. */
const tailsByGuides = new WeakMap<object, TailBytes[]>();
/** Tails kept per `guides` list (a list goes with a few source lists and last factors). */
const TAILS = 32;

const stringBytes = new Map<string, Buffer>();
/** Cities seen, and per city the industries seen with it and their bytes (see `cityIndustry`). */
const cityKeys: string[] = [];
const industryLists: { industry: string; bytes: Buffer }[][] = [];
/** Cities, and industries per city, kept by `cityIndustry` (beyond: made afresh, or started over). */
const PAIRS_KEPT = 64;
const degreeBytes = new Map<string, Buffer>();
const levelBytes = new Map<string, Buffer>();
const factorBytes = new Map<string, FactorBytes>();

/**
 * Writes documents as JSON lines into a growing byte buffer: the bytes of
 * `renderJsonLine(doc, line)` encoded as UTF-8, without building the string. Pieces that repeat
 * from record to record (a field's name with its value, a factor's id and label, the frozen shared
 * parts) are made once and copied as bytes; numbers are written digit by digit. For batch output:
 * `take()` hands over what was written, to pass to a stream.
 */
export class JsonLineWriter {
  private buf: Buffer;
  private pos = 0;
  private lastHead:
    | {
        schemaVersion: number;
        currency: string;
        period: string;
        dataVersion: string;
        bytes: Buffer;
      }
    | undefined;

  constructor(private readonly capacity = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far (a buffer of their own); the writer starts empty again. */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(Math.max(this.capacity, this.pos));
    this.pos = 0;
    return out;
  }

  /** Append one document as a line; nothing is appended if it throws. */
  write(doc: EstimateDocument, line?: number): void {
    const head = this.head(doc.schemaVersion, doc.currency, doc.period, doc.dataVersion);
    this.record(doc, doc.defaulted, head, line);
  }

  /**
   * Append the document `toDocument(estimate, defaulted, dataVersion)` would make, without making
   * it (batch writes one per record); nothing is appended if it throws.
   */
  writeEstimate(
    estimate: Estimate,
    defaulted: readonly ProfileField[],
    dataVersion: string,
    line?: number,
  ): void {
    this.record(estimate, defaulted, this.head(SCHEMA_VERSION, 'USD', 'year', dataVersion), line);
  }

  private record(
    e: Estimate,
    defaulted: readonly ProfileField[],
    head: Buffer,
    line: number | undefined,
  ): void {
    const start = this.pos;
    try {
      this.document(e, defaulted, head, line);
    } catch (error) {
      this.pos = start;
      throw error;
    }
  }

  private document(
    e: Estimate,
    defaulted: readonly ProfileField[],
    head: Buffer,
    line: number | undefined,
  ): void {
    const p = e.profile;
    if (line === undefined) this.bytes(B.open);
    else {
      this.bytes(B.line);
      this.num(line);
      this.bytes(B.schema);
    }
    this.bytes(head);
    this.num(p.years);
    this.bytes(cityIndustry(p.city, p.industry));
    this.strings(p.skills);
    this.bytes(piece(degreeBytes, B.degree, p.degree, B.defaulted));
    this.strings(defaulted);
    this.bytes(piece(levelBytes, B.level, e.level, B.base));
    this.range(e.base);
    this.bytes(B.bonus);
    this.range(e.bonus);
    this.bytes(B.equity);
    this.range(e.equity);
    this.bytes(B.total);
    this.range(e.total);
    const factors = e.factors;
    let last: readonly string[] | undefined;

    for (let i = 0; i < factors.length; i++) {
      const f = factors[i]!;
      const fb = factor(f.id, f.label);
      this.bytes(last === undefined ? fb.opening : join(fb, last));
      this.num(f.effect);
      last = f.sources;
    }
    if (last === undefined) this.bytes(B.factors);
    this.tail(last, e.sources, e.guides);
  }

  /** From the schema version to `"years":`, the same in every document of a run. */
  private head(
    schemaVersion: number,
    currency: string,
    period: string,
    dataVersion: string,
  ): Buffer {
    const last = this.lastHead;
    if (
      last !== undefined &&
      Object.is(schemaVersion, last.schemaVersion) &&
      currency === last.currency &&
      period === last.period &&
      dataVersion === last.dataVersion
    ) {
      return last.bytes;
    }
    const text =
      `${num(schemaVersion)},"currency":${JSON.stringify(currency)},"period":` +
      `${JSON.stringify(period)},"dataVersion":${JSON.stringify(dataVersion)},"profile":{"years":`;
    const bytes = Buffer.from(text);
    this.lastHead = { schemaVersion, currency, period, dataVersion, bytes };
    return bytes;
  }

  /** The end of the document, from the last factor's sources to the newline (see TailBytes). */
  private tail(
    last: readonly string[] | undefined,
    sources: readonly SourceRef[],
    guides: readonly GuideView[],
  ): void {
    const tails = tailsByGuides.get(guides);
    if (tails !== undefined) {
      for (let i = 0; i < tails.length; i++) {
        const t = tails[i]!;
        if (t.last === last && t.sources === sources) return this.bytes(t.bytes);
      }
    }
    const end = last === undefined ? '' : `,"sources":${JSON.stringify(last)}}`;
    const bytes = Buffer.from(
      `${end}],"sources":${JSON.stringify(sources)},"guides":${JSON.stringify(guides)}}\n`,
    );
    if (
      (last === undefined || isFrozenData(last)) &&
      isFrozenData(sources) &&
      isFrozenData(guides)
    ) {
      if (tails === undefined) tailsByGuides.set(guides, [{ last, sources, guides, bytes }]);
      else {
        if (tails.length >= TAILS) tails.shift();
        tails.push({ last, sources, guides, bytes });
      }
    }
    this.bytes(bytes);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  private bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    const at = this.pos;
    if (n > SHORT) buf.set(b, at);
    else for (let i = 0; i < n; i++) buf[at + i] = b[i]!; // a loop beats set() on short pieces
    this.pos = at + n;
  }

  private num(n: number): void {
    if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
      // Small whole numbers (nearly all of them): integer arithmetic, two digits at a time from
      // a table; -0 prints as 0.
      this.room(10);
      const buf = this.buf;
      let v = n | 0;
      let at = this.pos + digitsOf(v);
      this.pos = at;
      while (v >= 100) {
        const q = (v / 100) | 0;
        const r = (v - q * 100) << 1;
        buf[--at] = PAIRS[r + 1]!;
        buf[--at] = PAIRS[r]!;
        v = q;
      }
      if (v >= 10) {
        buf[--at] = PAIRS[(v << 1) + 1]!;
        buf[--at] = PAIRS[v << 1]!;
      } else {
        buf[--at] = 0x30 + v;
      }
      return;
    }
    if (Number.isSafeInteger(n)) {
      // Digits by hand: 0 and -0 both print as 0, as JSON.stringify has them.
      this.room(17);
      const buf = this.buf;
      let v = n;
      if (v < 0) {
        buf[this.pos++] = 0x2d;
        v = -v;
      }
      let digits = 1;
      for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
      let at = this.pos + digits;
      this.pos = at;
      do {
        buf[--at] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
      return;
    }
    const text = num(n); // ASCII: digits, '.', 'e', '+', '-', or null
    this.room(text.length);
    for (let i = 0; i < text.length; i++) this.buf[this.pos++] = text.charCodeAt(i);
  }

  /** The items of a list of strings, comma-separated (the brackets are in the pieces around). */
  private strings(list: readonly string[]): void {
    for (let i = 0; i < list.length; i++) {
      if (i > 0) {
        this.room(1);
        this.buf[this.pos++] = COMMA;
      }
      this.bytes(piece(stringBytes, '', list[i]!));
    }
  }

  /** `LOW,"mid":MID,"high":HIGH`: the separators stored byte by byte (cheaper than copying). */
  private range(r: Range): void {
    this.num(r.low);
    this.room(7);
    const b = this.buf;
    let p = this.pos;
    b[p++] = 0x2c; // ,"mid":
    b[p++] = 0x22;
    b[p++] = 0x6d;
    b[p++] = 0x69;
    b[p++] = 0x64;
    b[p++] = 0x22;
    b[p++] = 0x3a;
    this.pos = p;
    this.num(r.mid);
    this.room(8);
    const c = this.buf;
    let q = this.pos;
    c[q++] = 0x2c; // ,"high":
    c[q++] = 0x22;
    c[q++] = 0x68;
    c[q++] = 0x69;
    c[q++] = 0x67;
    c[q++] = 0x68;
    c[q++] = 0x22;
    c[q++] = 0x3a;
    this.pos = q;
    this.num(r.high);
  }
}

/** A factor's bytes by its label (see FactorBytes). */
function factor(id: string, label: string): FactorBytes {
  const hit = factorBytes.get(label);
  if (hit !== undefined && hit.id === id) return hit;
  const text = `{"id":${JSON.stringify(id)},"label":${JSON.stringify(label)},"effect":`;
  const made: FactorBytes = {
    id,
    label,
    text,
    opening: Buffer.from(`},"factors":[${text}`),
    joins: [],
  };
  if (label.length <= CACHEABLE) {
    if (factorBytes.size >= STRING_CACHE) factorBytes.clear();
    factorBytes.set(label, made);
  }
  return made;
}

/** `,"city":...,"industry":...,"skills":[`, by the two ids (a market has a few of each). */
function cityIndustry(city: string, industry: string): Buffer {
  let i = 0;
  const cities = cityKeys;
  while (i < cities.length && cities[i] !== city) i++;
  if (i === cities.length) {
    if (i >= PAIRS_KEPT) {
      cities.length = 0;
      industryLists.length = 0;
      i = 0;
    }
    cities.push(city);
    industryLists.push([]);
  }
  const list = industryLists[i]!;
  for (let k = 0; k < list.length; k++) if (list[k]!.industry === industry) return list[k]!.bytes;
  const bytes = Buffer.from(
    `,"city":${JSON.stringify(city)},"industry":${JSON.stringify(industry)},"skills":[`,
  );
  if (list.length < PAIRS_KEPT && city.length <= CACHEABLE && industry.length <= CACHEABLE) {
    list.push({ industry, bytes });
  }
  return bytes;
}

/** The bytes from the end of a factor with sources `after` to `fb`'s effect (see FactorBytes). */
function join(fb: FactorBytes, after: readonly string[]): Buffer {
  const joins = fb.joins;
  for (let i = 0; i < joins.length; i++) {
    const j = joins[i]!;
    if (j.after === after) return j.bytes;
  }
  const bytes = Buffer.from(`,"sources":${JSON.stringify(after)}},${fb.text}`);
  if (isFrozenData(after)) {
    if (joins.length >= JOINS) joins.shift();
    joins.push({ after, bytes });
  }
  return bytes;
}
