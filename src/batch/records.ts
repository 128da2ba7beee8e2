import { InputError } from '../errors.js';
import { repeatedKey } from '../input/json.js';
import { clip } from '../input/numbers.js';
import type { RawProfile } from '../input/profile.js';
import { PROFILE_FIELDS, type ProfileField } from '../model/types.js';

/** The fields a batch record may carry: those of the JSON `profile`, and an offer to judge. */
const ACCEPTED = [...PROFILE_FIELDS, 'offer'].join(', ');

/** One NDJSON record: a raw profile and, when given, the offer to judge against its estimate. */
export interface RawRecord extends RawProfile {
  offer?: unknown;
}

const isRecordField = (key: string): key is ProfileField =>
  (PROFILE_FIELDS as readonly string[]).includes(key);

/** A line is blank (skipped, not a record) when it holds only spaces and tabs. */
export const isBlank = (text: string): boolean => /^[ \t]*$/.test(text);

/**
 * One NDJSON line as a raw profile. Only the profile's own keys are read, every one must be a
 * known field, given once, and the result is a fresh object: `__proto__` or `constructor` keys
 * are rejected like any other unknown field and never touch a prototype.
 */
export function profileFromJson(text: string): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `not valid JSON: ${clip(why.replace(/\s+/g, ' '), 100)}${jsonHint(text)}`,
      'record',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    throw new InputError(`expected a JSON object with fields ${ACCEPTED}, got ${what}`, 'record');
  }
  const record = value as Record<string, unknown>;
  // Own keys only: each one is a known field or the record is rejected at the first that is not.
  const raw: RawRecord = {};
  for (const key of Object.keys(record)) {
    if (key !== 'offer' && !isRecordField(key))
      throw new InputError(`unknown field '${clip(key)}'; accepted fields: ${ACCEPTED}`, key);
    raw[key] = record[key];
  }
  // JSON.parse keeps the last of a repeated key without a word: a repeat is refused instead, as
  // a CSV header's is; in the record's offer too.
  const repeated = repeatedKey(text, record);
  if (repeated !== undefined) {
    throw new InputError(
      `field '${clip(repeated)}' is given twice (JSON would keep only the last); give each field once`,
      repeated,
    );
  }
  if (typeof raw.years === 'number' && !Number.isFinite(raw.years)) {
    // 1e400 parses to Infinity: say what the line says.
    raw.yearsText = /"years"\s*:\s*([-+\d.eE]+)/.exec(text)?.[1];
  }
  return raw;
}

/** What more to say when a line is not valid JSON: a byte-order mark, an object left open. */
function jsonHint(text: string): string {
  const bom = text.indexOf('\uFEFF');
  if (bom !== -1)
    return `; character ${bom + 1} is a byte-order mark (U+FEFF), which belongs only at the start of a file`;
  const t = text.trim();
  if (t.startsWith('{') && !t.endsWith('}'))
    return '; the object does not end on this line, and NDJSON is one whole object per line (for pretty-printed JSON: jq -c .)';
  return '';
}

/**
 * Split one CSV line into fields (RFC 4180 quoting: a field in double quotes may hold commas and
 * `""` for a quote). A record is one line: no field of a profile holds a line break, so a quote
 * left open at the end of the line is reported here rather than swallowing the lines after it.
 */
export function splitCsvLine(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          throw new InputError(
            `a quoted field opened at column ${i + 1} is not closed on this line (a record is one line)`,
            'record',
          );
        }
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      if (j < text.length && text[j] !== ',') {
        throw new InputError(
          `unexpected text after the closing quote at column ${j}; quote the whole field and double any quote inside it ("")`,
          'record',
        );
      }
      fields.push(value);
      if (j >= text.length) return fields;
      i = j + 1;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) {
        throw new InputError(
          `a quote inside an unquoted field at column ${i + value.indexOf('"') + 1}; quote the field and double the quote ("")`,
          'record',
        );
      }
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

/** The columns a CSV header names, checked: known fields, no repeats, `years` present. */
export function parseCsvHeader(text: string): ProfileField[] {
  const names = splitCsvLine(text).map((n) => n.trim().toLowerCase());
  const seen = new Set<string>();
  for (const name of names) {
    if (!isRecordField(name)) {
      // Excel writes ';' where the list separator is ';' (most of Europe); tab-separated text too.
      const sep = names.length === 1 ? [';', '\t'].find((c) => name.includes(c)) : undefined;
      const why = sep
        ? `; its columns look separated by ${sep === ';' ? "';'" : 'tabs'}, and batch reads commas`
        : '';
      throw new InputError(
        `the CSV header has an unknown column '${clip(name)}'${why}; the first line must name the columns, from: ${PROFILE_FIELDS.join(',')}`,
        name,
      );
    }
    if (seen.has(name)) throw new InputError(`the CSV header names '${name}' twice`, name);
    seen.add(name);
  }
  if (!seen.has('years')) {
    throw new InputError(
      `the CSV header has no 'years' column (years is required); columns: ${PROFILE_FIELDS.join(',')}`,
      'years',
    );
  }
  return names as ProfileField[];
}

/**
 * One CSV data line as a raw profile, by the header's columns. An empty cell is a missing value
 * (defaulted), except `years`, which is required and so reported as empty. Skills are separated
 * by `;` (a `,` inside a quoted cell works too).
 */
export function profileFromCsv(text: string, columns: readonly ProfileField[]): RawProfile {
  const cells = splitCsvLine(text);
  if (cells.length !== columns.length) {
    throw new InputError(
      `has ${cells.length} field${cells.length === 1 ? '' : 's'}, the header has ${columns.length} (${columns.join(',')}); quote a value that contains a comma`,
      'record',
    );
  }
  const raw: RawProfile = {};
  columns.forEach((column, i) => {
    const cell = cells[i]!;
    if (column === 'years') raw.years = cell;
    else if (cell.trim() !== '') raw[column] = cell;
  });
  return raw;
}
