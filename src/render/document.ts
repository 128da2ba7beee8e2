import type {
  Estimate,
  Factor,
  GuideView,
  Level,
  Profile,
  ProfileField,
  Range,
  SourceRef,
} from '../types.js';

export const SCHEMA_VERSION = 1;

/** The JSON document printed by `--json` (schemas/estimate.schema.json). */
export interface EstimateDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  currency: 'USD';
  period: 'year';
  dataVersion: string;
  profile: Profile;
  defaulted: ProfileField[];
  level: Level;
  base: Range;
  bonus: Range;
  equity: Range;
  total: Range;
  factors: Factor[];
  sources: SourceRef[];
  guides: GuideView[];
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
    out += `{"id":${str(f.id)},"label":${str(f.label)},"effect":${num(f.effect)},"sources":${json(f.sources)}}`;
  }
  return `${out}],"sources":${json(doc.sources)},"guides":${json(doc.guides)}}\n`;
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
