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
  return colons > shape(value).keys ? scan(text) : undefined;
}

/**
 * How many keys a parsed value's objects hold in all, and how deep it is nested: walked with a
 * list, not by recursion, so [[[[...]]]] 100,000 deep is measured rather than overflowing the stack.
 */
function shape(value: unknown): { keys: number; depth: number } {
  let keys = 0;
  let depth = 0;
  const todo: [unknown, number][] = [[value, 0]];
  while (todo.length > 0) {
    const [v, d] = todo.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > depth) depth = d + 1;
    const values: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (!Array.isArray(v)) keys += values.length;
    for (const child of values) todo.push([child, d + 1]);
  }
  return { keys, depth };
}

/** The deepest nesting a user's JSON may have (an offer file has 2 levels, a market file 6). */
const MAX_DEPTH = 64;

/** An object or array being read, its path, and (for an object) its keys so far. */
type Frame = { path: string; keys?: Set<string>; index: number; key?: string };

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
      const path = childPath(stack[stack.length - 1]);
      stack.push(c === '{' ? { path, keys: new Set(), index: 0 } : { path, index: 0 });
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
    // "at position 43958" as a line and column a reader can find (review2 M24).
    const why = (error as Error).message
      .replace(/\s+/g, ' ')
      .replace(/ \(line \d+ column \d+\)/, '');
    const at = (_: string, n: string) => {
      const before = text.slice(0, Number(n)).split('\n');
      return `at line ${before.length}, column ${before.at(-1)!.length + 1}`;
    };
    throw new InputError(
      `${name}: not valid JSON (${clip(why.replace(/at position (\d+)/, at), 120)})`,
      field,
    );
  }
  const { depth } = shape(value);
  if (depth > MAX_DEPTH) {
    throw new InputError(
      `${name}: nested ${depth} levels deep, more than the ${MAX_DEPTH} any file ml-salary reads has`,
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
