// A JSON Schema (2020-12) check of a user's file, for the keywords our schemas use (schemas/*.json
// are the one statement of each format; tests check them against ajv). It returns the first
// problem found, in ajv's words ("/locations/0/multiplier/mid: must be > 0"), or undefined.

/** A schema, or the part of one that applies at some place in a document. */
export type Schema = Keywords | boolean;
type Keywords = { [keyword: string]: unknown };
/** "<place>: <message>" for a problem where the check is. */
type Fail = (message: string) => string;

/** The first place `value` breaks `schema`, as "<JSON pointer>: <what is wrong>". */
export function schemaProblem(schema: Schema, value: unknown): string | undefined {
  return check(schema, value, '', schema);
}

const TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

function check(schema: Schema, value: unknown, at: string, root: Schema): string | undefined {
  if (schema === true) return undefined;
  if (schema === false) return `${at}: must not be present`;
  const s = schema;
  const fail = (message: string) => `${at || '(the whole file)'}: ${message}`;
  if (typeof s.$ref === 'string') {
    const found = resolve(root, s.$ref);
    const problem = check(found, value, at, root);
    if (problem) return problem;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => TYPES[t]?.(value))) {
      // JSON's 1e400 parses to Infinity: a number, too large for one (review2 M24).
      if (typeof value === 'number' && !Number.isNaN(value))
        return fail('is too large a number (JSON reads it as infinity)');
      return fail(`must be ${types.join(',')}`);
    }
  }
  if (Array.isArray(s.enum) && !s.enum.some((e) => e === value))
    return fail(`must be equal to one of the allowed values (${s.enum.map(String).join(', ')})`);
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) {
    const problem = check(sub, value, at, root);
    if (problem) return problem;
  }
  if (Array.isArray(s.oneOf)) {
    const passing = (s.oneOf as Schema[]).filter((sub) => !check(sub, value, at, root)).length;
    if (passing !== 1) return fail('must match exactly one schema in oneOf');
  }
  const problem = checkScalar(s, value, fail);
  if (problem) return problem;
  if (Array.isArray(value)) return checkArray(s, value, at, root, fail);
  if (TYPES.object!(value)) return checkObject(s, value as Keywords, at, root, fail);
  return undefined;
}

/** The keywords of numbers and strings: bounds, length, pattern. */
function checkScalar(s: Keywords, value: unknown, fail: Fail): string | undefined {
  if (typeof value === 'number') {
    const bound = (keyword: string, ok: (limit: number) => boolean, word: string) => {
      const limit = s[keyword];
      return typeof limit === 'number' && !ok(limit) ? fail(`must be ${word} ${limit}`) : undefined;
    };
    const problem =
      bound('minimum', (l) => value >= l, '>=') ??
      bound('maximum', (l) => value <= l, '<=') ??
      bound('exclusiveMinimum', (l) => value > l, '>') ??
      bound('exclusiveMaximum', (l) => value < l, '<');
    if (problem) return problem;
  }
  if (typeof value === 'string') {
    if (typeof s.minLength === 'number' && [...value].length < s.minLength)
      return fail(`must NOT have fewer than ${s.minLength} characters`);
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value))
      return fail(`must match pattern "${s.pattern}"`);
  }
  return undefined;
}

function checkArray(s: Keywords, value: unknown[], at: string, root: Schema, fail: Fail) {
  if (typeof s.minItems === 'number' && value.length < s.minItems)
    return fail(`must NOT have fewer than ${s.minItems} items`);
  if (typeof s.maxItems === 'number' && value.length > s.maxItems)
    return fail(`must NOT have more than ${s.maxItems} items`);
  const prefix = (s.prefixItems as Schema[] | undefined) ?? [];
  for (let i = 0; i < value.length; i++) {
    const sub = i < prefix.length ? prefix[i] : (s.items as Schema | undefined);
    const problem = sub === undefined ? undefined : check(sub, value[i], `${at}/${i}`, root);
    if (problem) return problem;
  }
  return undefined;
}

function checkObject(s: Keywords, value: Keywords, at: string, root: Schema, fail: Fail) {
  const keys = Object.keys(value);
  for (const key of (s.required as string[] | undefined) ?? [])
    if (!Object.hasOwn(value, key)) return fail(`must have required property '${key}'`);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties)
    return fail(`must NOT have fewer than ${s.minProperties} properties`);
  const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
  for (const key of keys) {
    const sub = Object.hasOwn(properties, key) ? properties[key] : s.additionalProperties;
    if (sub === false) return fail(`must NOT have additional properties '${key}'`);
    const problem =
      sub === undefined ? undefined : check(sub as Schema, value[key], `${at}/${key}`, root);
    if (problem) return problem;
  }
  return undefined;
}

/** The schema a "#/$defs/name" reference points to. */
function resolve(root: Schema, ref: string): Schema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\/?/, '').split('/')) {
    if (part === '') continue;
    node = (node as Record<string, unknown> | undefined)?.[
      part.replace(/~1/g, '/').replace(/~0/g, '~')
    ];
  }
  if (node === undefined) throw new Error(`schema: no ${ref}`);
  return node as Schema;
}
