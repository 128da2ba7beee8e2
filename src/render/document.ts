import type { Estimate, GuideView, ProfileField, Range, SourceRef } from '../types.js';

export const SCHEMA_VERSION = 1;

/** The JSON document printed by `--json` (schemas/estimate.schema.json). */
export interface EstimateDocument extends Estimate {
  schemaVersion: typeof SCHEMA_VERSION;
  currency: 'USD';
  period: 'year';
  dataVersion: string;
  defaulted: ProfileField[];
}

/** Build the versioned JSON document for one estimate. */
export function toDocument(
  estimate: Estimate,
  defaulted: readonly ProfileField[],
  dataVersion: string,
): EstimateDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    currency: 'USD',
    period: 'year',
    dataVersion,
    profile: estimate.profile,
    defaulted: [...defaulted],
    level: estimate.level,
    base: estimate.base,
    bonus: estimate.bonus,
    equity: estimate.equity,
    total: estimate.total,
    factors: estimate.factors,
    sources: estimate.sources,
    guides: estimate.guides,
  };
}

/** The document as one line of JSON. */
export function renderJson(doc: EstimateDocument): string {
  return `${JSON.stringify(doc)}\n`;
}

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
  city: ascii(',"city":'),
  industry: ascii(',"industry":'),
  skills: ascii(',"skills":'),
  degree: ascii(',"degree":'),
  defaulted: ascii('},"defaulted":'),
  level: ascii(',"level":'),
  base: ascii(',"base":{"low":'),
  bonus: ascii('},"bonus":{"low":'),
  equity: ascii('},"equity":{"low":'),
  total: ascii('},"total":{"low":'),
  mid: ascii(',"mid":'),
  high: ascii(',"high":'),
  factors: ascii('},"factors":['),
};
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const stringBytes = new Map<string, Buffer>();
const frozenBytes = new WeakMap<object, Buffer>();
const headBytes = new Map<string, { id: string; bytes: Buffer }>();
const tailBytes = new WeakMap<object, Buffer>();
const tailsBySources = new WeakMap<object, WeakMap<object, Buffer>>();

/**
 * Writes documents as JSON lines into a growing byte buffer: the bytes of
 * `renderJsonLine(doc, line)` encoded as UTF-8, without building the string. Cached pieces (ids,
 * labels, the frozen shared parts) are copied as bytes and numbers written digit by digit. For
 * batch output: `take()` hands over what was written, to pass to a stream.
 */
export class JsonLineWriter {
  private buf: Buffer;
  private pos = 0;

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
    const start = this.pos;
    try {
      this.document(doc, line);
    } catch (error) {
      this.pos = start;
      throw error;
    }
  }

  private document(doc: EstimateDocument, line: number | undefined): void {
    const p = doc.profile;
    if (line === undefined) this.bytes(B.open);
    else {
      this.bytes(B.line);
      this.num(line);
      this.bytes(B.schema);
    }
    this.head(doc);
    this.num(p.years);
    this.bytes(B.city);
    this.str(p.city);
    this.bytes(B.industry);
    this.str(p.industry);
    this.bytes(B.skills);
    this.strings(p.skills);
    this.bytes(B.degree);
    this.str(p.degree);
    this.bytes(B.defaulted);
    this.strings(doc.defaulted);
    this.bytes(B.level);
    this.str(doc.level);
    this.bytes(B.base);
    this.range(doc.base);
    this.bytes(B.bonus);
    this.range(doc.bonus);
    this.bytes(B.equity);
    this.range(doc.equity);
    this.bytes(B.total);
    this.range(doc.total);
    this.bytes(B.factors);
    const factors = doc.factors;
    for (let i = 0; i < factors.length; i++) {
      const f = factors[i]!;
      if (i > 0) this.byte(COMMA);
      this.factorHead(f.id, f.label);
      this.num(f.effect);
      this.factorTail(f.sources);
    }
    this.tail(doc.sources, doc.guides);
  }

  private lastHead:
    | (Pick<EstimateDocument, 'schemaVersion' | 'currency' | 'period' | 'dataVersion'> & {
        bytes: Buffer;
      })
    | undefined;

  /** From the schema version to `"years":`, the same in every document of a run. */
  private head(doc: EstimateDocument): void {
    const last = this.lastHead;
    if (
      last === undefined ||
      !Object.is(doc.schemaVersion, last.schemaVersion) ||
      doc.currency !== last.currency ||
      doc.period !== last.period ||
      doc.dataVersion !== last.dataVersion
    ) {
      const text =
        `${num(doc.schemaVersion)},"currency":${JSON.stringify(doc.currency)},"period":` +
        `${JSON.stringify(doc.period)},"dataVersion":${JSON.stringify(doc.dataVersion)},"profile":{"years":`;
      // Keep the four values, not the document (which would hold its record in memory).
      const { schemaVersion, currency, period, dataVersion } = doc;
      this.lastHead = { schemaVersion, currency, period, dataVersion, bytes: Buffer.from(text) };
    }
    this.bytes(this.lastHead!.bytes);
  }

  /** `],"sources":[...],"guides":[...]}` and the newline, by the two (frozen) lists. */
  private tail(sources: readonly SourceRef[], guides: readonly GuideView[]): void {
    let byGuides = tailsBySources.get(sources);
    let b = byGuides?.get(guides);
    if (b === undefined) {
      b = Buffer.from(
        `],"sources":${JSON.stringify(sources)},"guides":${JSON.stringify(guides)}}\n`,
      );
      if (isFrozenData(sources) && isFrozenData(guides)) {
        if (!byGuides) tailsBySources.set(sources, (byGuides = new WeakMap()));
        byGuides.set(guides, b);
      }
    }
    this.bytes(b);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  private byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  private bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    const at = this.pos;
    if (n > 16) buf.set(b, at);
    else for (let i = 0; i < n; i++) buf[at + i] = b[i]!; // a loop beats set() on short pieces
    this.pos = at + n;
  }

  private num(n: number): void {
    if (n >= 0 && n <= 0x7fffffff && (n | 0) === n) {
      // Small whole numbers (nearly all of them) with integer arithmetic; -0 prints as 0.
      this.room(10);
      const buf = this.buf;
      let v = n | 0;
      let digits = 1;
      for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
      let at = this.pos + digits;
      this.pos = at;
      do {
        buf[--at] = 0x30 + (v % 10);
        v = (v / 10) | 0;
      } while (v > 0);
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

  private str(s: string): void {
    let b = stringBytes.get(s);
    if (b === undefined) {
      b = Buffer.from(JSON.stringify(s));
      if (s.length <= 256) {
        if (stringBytes.size >= STRING_CACHE) stringBytes.clear();
        stringBytes.set(s, b);
      }
    }
    this.bytes(b);
  }

  private strings(list: readonly string[]): void {
    if (Object.isFrozen(list)) return this.json(list);
    this.byte(OPEN_BRACKET);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) this.byte(COMMA);
      this.str(list[i]!);
    }
    this.byte(CLOSE_BRACKET);
  }

  private range(r: Range): void {
    this.num(r.low);
    this.bytes(B.mid);
    this.num(r.mid);
    this.bytes(B.high);
    this.num(r.high);
  }

  private json(value: object): void {
    let b = frozenBytes.get(value);
    if (b === undefined) {
      b = Buffer.from(JSON.stringify(value));
      if (isFrozenData(value)) frozenBytes.set(value, b);
    }
    this.bytes(b);
  }

  private factorHead(id: string, label: string): void {
    const hit = headBytes.get(label);
    if (hit !== undefined && hit.id === id) return this.bytes(hit.bytes);
    const bytes = Buffer.from(
      `{"id":${JSON.stringify(id)},"label":${JSON.stringify(label)},"effect":`,
    );
    if (label.length <= 256) {
      if (headBytes.size >= STRING_CACHE) headBytes.clear();
      headBytes.set(label, { id, bytes });
    }
    this.bytes(bytes);
  }

  private factorTail(sources: readonly string[]): void {
    let b = tailBytes.get(sources);
    if (b === undefined) {
      b = Buffer.from(`,"sources":${JSON.stringify(sources)}}`);
      if (isFrozenData(sources)) tailBytes.set(sources, b);
    }
    this.bytes(b);
  }
}
