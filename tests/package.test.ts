import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

// The package ships data/ and schemas/ from dist/ (scripts/build.mjs): the data as it is, the
// schemas without their descriptions. Nothing a document is checked against may be lost.
type Json = Record<string, unknown>;
const read = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

/** Every place a schema names keys (properties, $defs) or requires them, with the names. */
function named(node: unknown, path = '#', out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((x, i) => named(x, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'properties' || k === '$defs') {
        out.push(`${path}/${k}: ${Object.keys(v as Json).join(',')}`);
        for (const [name, sub] of Object.entries(v as Json))
          named(sub, `${path}/${k}/${name}`, out);
      } else if (k === 'required') out.push(`${path}/required: ${String(v)}`);
      else named(v, `${path}/${k}`, out);
    }
  }
  return out;
}

describe('the package', () => {
  it('runs no script when installed: npm 11 warns of any (prepare too) it has not allowed', () => {
    const { scripts } = read('package.json') as { scripts: Json };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(scripts[hook], hook).toBeUndefined();
    expect(scripts.prepack).toBe('node scripts/build.mjs'); // npm pack and publish build dist/
  });
});

describe('the shipped data and schemas (dist/)', () => {
  it('ships every data file with the same content', () => {
    for (const name of readdirSync(join(ROOT, 'data')).filter((n) => n.endsWith('.json'))) {
      expect(read(`dist/data/${name}`), name).toEqual(read(`data/${name}`));
    }
  });

  it('ships every schema with the same names, requirements and checks, less its descriptions', () => {
    const names = readdirSync(join(ROOT, 'schemas')).filter((n) => n.endsWith('.json'));
    const ajv = new Ajv2020({ strict: true });
    for (const name of names) {
      const full = read(`schemas/${name}`);
      const shipped = read(`dist/schemas/${name}`) as Json;
      expect(named(shipped), name).toEqual(named(full));
      expect(JSON.stringify(shipped)).not.toMatch(/"description":"/);
      ajv.addSchema(shipped);
    }
    for (const name of names) expect(ajv.getSchema(name), name).toBeTypeOf('function');
  });
});
