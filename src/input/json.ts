// JSON from a user: parsed, and a key given twice refused (JSON.parse keeps the last without a
// word), at any depth. Offer files, --data and batch records all parse with this.
import { InputError } from '../errors.js';
import { clip } from './numbers.js';

/**
 * The first key that an object in `text` (valid JSON) gives twice, as a path (`offer.base`,
 * `locations[2].id`), or undefined. Only a text that may repeat one is scanned: each member has
 * one ':' outside strings, so a text with no more ':' than the parsed value has keys has none.
 */
export function repeatedKey(text: string, value: unknown): string | undefined {
  let colons = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) colons++;
  return colons > keyCount(value) ? scan(text) : undefined;
}

function keyCount(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const values: unknown[] = Array.isArray(value) ? value : Object.values(value);
  let n = Array.isArray(value) ? 0 : values.length;
  for (const v of values) n += keyCount(v);
  return n;
}

/** An object or array being read, its path, and (for an object) its keys so far. */
interface Frame {
  path: string;
  keys?: Set<string>;
  index: number;
  key?: string;
}

/** Walk valid JSON, keeping each open object's keys: the first repeat's path. */
function scan(text: string): string | undefined {
  const stack: Frame[] = [];
  const childPath = (top: Frame | undefined): string => {
    if (top === undefined) return '';
    if (top.keys) return top.path === '' ? top.key! : `${top.path}.${top.key!}`;
    return `${top.path}[${top.index}]`;
  };
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (top.keys.has(key)) return top.path === '' ? key : `${top.path}.${key}`;
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
    } else if (c === '{' || c === '[') {
      const top = stack[stack.length - 1];
      stack.push(
        c === '{'
          ? { path: childPath(top), keys: new Set(), index: 0 }
          : { path: childPath(top), index: 0 },
      );
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}

/**
 * Parse a user's JSON: `name` says whose it is in messages ("acme.json"). Not JSON, or a key
 * given twice, is an InputError on `field`.
 */
export function parseJson(text: string, name: string, field: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${name}: not valid JSON (${clip((error as Error).message.replace(/\s+/g, ' '), 120)})`,
      field,
    );
  }
  const repeated = repeatedKey(text, value);
  if (repeated !== undefined) {
    throw new InputError(
      `${name}: field '${clip(repeated)}' is given twice (JSON would keep only the last); give each field once`,
      repeated,
    );
  }
  return value;
}
