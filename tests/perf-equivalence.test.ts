// The fast paths (estimate()'s per-market caches, the hand-written JSON of renderJsonLine) must
// give exactly what the straightforward code gave: the estimator before the caching rewrite is
// kept in tests/reference/estimate.ts and compared field by field over many random profiles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachLine, LineSplitter, type Line } from '../src/batch/lines.js';
import { estimate, EstimateInputError, stackSkillPremiums } from '../src/estimate.js';
import { market } from '../src/market.js';
import { catalog, foldName, lookup, resolveSkills, type CatalogKind } from '../src/normalise.js';
import { renderJson, toDocument, type EstimateDocument } from '../src/render/document.js';
import { JsonLineWriter, renderJsonLine } from '../src/render/json-lines.js';
import { PROFILE_FIELDS, type Market, type Profile } from '../src/types.js';
import {
  estimate as referenceEstimate,
  stackSkillPremiums as referenceStack,
} from './reference/estimate.js';

const cities = market.locations.map((l) => l.id);
const industries = market.industries.map((i) => i.id);
const skillIds = market.skills.list.map((s) => s.id);
const degrees = market.degrees.list.map((d) => d.id);
const maxYears = market.experience.maxYears;

/** Years as users and generators give them: whole, tenths, any double, and the band edges. */
const yearsArb = fc.oneof(
  fc.integer({ min: 0, max: maxYears }),
  fc.integer({ min: 0, max: maxYears * 10 }).map((t) => t / 10),
  fc.double({ min: 0, max: maxYears, noNaN: true }),
  fc.constantFrom(0, -0, 2.999999, 3, 6.5, 11, maxYears),
);

export const profileArb: fc.Arbitrary<Profile> = fc.record({
  years: yearsArb,
  city: fc.constantFrom(...cities),
  industry: fc.constantFrom(...industries),
  // Repeats and any order: estimate() takes each skill once, in first-seen order.
  skills: fc.array(fc.constantFrom(...skillIds), { maxLength: skillIds.length + 2 }),
  degree: fc.constantFrom(...degrees),
});

/** What estimate() does with a profile: its result, or the error's class, field and message. */
function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return {
      error: error.constructor.name,
      message: error.message,
      field: (error as Partial<EstimateInputError>).field,
    };
  }
}

describe('estimate() with its caches equals the reference estimator', () => {
  it('on random profiles: same figures, labels, sources and guides, same key order', () => {
    fc.assert(
      fc.property(profileArb, (p) => {
        const fast = estimate(p, market);
        const slow = referenceEstimate(p, market);
        expect(fast).toStrictEqual(slow);
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }),
      { numRuns: 5000 },
    );
  });

  it('on a fresh copy of the market (its own caches) and after many other calls', () => {
    const copy: Market = structuredClone(market);
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 20 }), (ps) => {
        for (const p of ps) {
          expect(JSON.stringify(estimate(p, copy))).toBe(
            JSON.stringify(referenceEstimate(p, market)),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects the same profiles with the same errors', () => {
    const anyId = fc.oneof(
      fc.string(),
      fc.constantFrom(
        ...cities,
        ...industries,
        ...skillIds,
        ...degrees,
        '__proto__',
        'constructor',
      ),
    );
    const bad = fc.record({
      years: fc.oneof(yearsArb, fc.double(), fc.constantFrom(-1, maxYears + 0.1, NaN, Infinity)),
      city: fc.oneof(fc.constantFrom(...cities), anyId),
      industry: fc.oneof(fc.constantFrom(...industries), anyId),
      skills: fc.array(fc.oneof(fc.constantFrom(...skillIds), anyId), { maxLength: 4 }),
      degree: fc.oneof(fc.constantFrom(...degrees), anyId),
    });
    fc.assert(
      fc.property(bad, (p) => {
        expect(outcome(() => estimate(p, market))).toStrictEqual(
          outcome(() => referenceEstimate(p, market)),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('stacks skill premiums the same way (any skills, any weight)', () => {
    const skill = fc.record({
      premium: fc.record({ low: fc.double(), mid: fc.double(), high: fc.double() }),
    });
    fc.assert(
      fc.property(fc.array(skill, { maxLength: 8 }), fc.double(), (skills, d) => {
        const list = skills as unknown as Market['skills']['list'];
        expect(stackSkillPremiums(list, d)).toStrictEqual(referenceStack(list, d));
      }),
      { numRuns: 3000 },
    );
  });

  it('shares the parts that never change, frozen, so a caller cannot change another result', () => {
    const a = estimate(
      { years: 5, city: 'sf', industry: 'big-tech', skills: ['nlp-llm', 'mlops'], degree: 'phd' },
      market,
    );
    const b = estimate(
      { years: 5, city: 'sf', industry: 'big-tech', skills: ['nlp-llm', 'mlops'], degree: 'phd' },
      market,
    );
    expect(b.sources).toBe(a.sources);
    expect(b.guides).toBe(a.guides);
    expect(Object.isFrozen(a.sources) && Object.isFrozen(a.sources[0])).toBe(true);
    expect(Object.isFrozen(a.guides) && Object.isFrozen(a.guides[0]!.base)).toBe(true);
    expect(a.factors.every((f) => Object.isFrozen(f.sources))).toBe(true);
    // What varies per call is fresh.
    expect(b.factors).not.toBe(a.factors);
    expect(b.profile).not.toBe(a.profile);
    expect(b.base).not.toBe(a.base);
  });
});

describe('renderJsonLine() writes what JSON.stringify writes', () => {
  const defaultedArb = fc.subarray([...PROFILE_FIELDS]);

  it('for random estimates, with and without a line number', () => {
    fc.assert(
      fc.property(profileArb, defaultedArb, fc.nat(), (p, defaulted, line) => {
        const doc = toDocument(estimate(p, market), defaulted, market.dataVersion);
        const json = JSON.stringify(doc);
        expect(renderJsonLine(doc)).toBe(`${json}\n`);
        expect(renderJsonLine(doc)).toBe(renderJson(doc));
        expect(renderJsonLine(doc, line)).toBe(`{"line":${line},${json.slice(1)}\n`);
      }),
      { numRuns: 5000 },
    );
  });

  it('for documents whose parts are not frozen or shared (a copy), and for odd strings', () => {
    const oddText = fc.string({ unit: 'binary', maxLength: 12 });
    fc.assert(
      fc.property(profileArb, oddText, oddText, (p, id, label) => {
        // A deep copy is ours to change: drop the read-only marks the shared parts carry.
        const doc = structuredClone(
          toDocument(estimate(p, market), [], market.dataVersion),
        ) as unknown as Mutable<EstimateDocument>;
        doc.factors[0]!.id = id;
        doc.factors[0]!.label = label;
        doc.dataVersion = label;
        doc.sources[0]!.title = id;
        doc.guides[0]!.base[0] = 0.1 + id.length;
        expect(renderJsonLine(doc as unknown as EstimateDocument, 7)).toBe(
          `{"line":7,${JSON.stringify(doc).slice(1)}\n`,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('JsonLineWriter writes the UTF-8 bytes of renderJsonLine', () => {
  const defaultedArb = fc.subarray([...PROFILE_FIELDS]);
  const oddText = fc.string({ unit: 'binary', maxLength: 12 });
  const oddNumber = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -0, 2 ** 31, -(2 ** 31), 2 ** 53, 1e21, 1e-7, NaN, Infinity),
  );

  it('for many documents in a row, taken at random points, with a small starting buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(profileArb, defaultedArb, fc.nat(), fc.boolean()), { maxLength: 30 }),
        (records) => {
          const writer = new JsonLineWriter(64);
          const parts: Uint8Array[] = [];
          let expected = '';
          for (const [p, defaulted, line, takeNow] of records) {
            const doc = toDocument(estimate(p, market), defaulted, market.dataVersion);
            writer.write(doc, line);
            expected += `{"line":${line},${JSON.stringify(doc).slice(1)}\n`;
            if (takeNow) parts.push(writer.take());
          }
          parts.push(writer.take());
          expect(Buffer.concat(parts).toString('utf8')).toBe(expected);
          expect(writer.length).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('for unshared copies with odd strings and numbers', () => {
    fc.assert(
      fc.property(profileArb, oddText, oddText, oddNumber, oddNumber, (p, id, label, x, y) => {
        // A deep copy is ours to change: drop the read-only marks the shared parts carry.
        const doc = structuredClone(
          toDocument(estimate(p, market), [], market.dataVersion),
        ) as unknown as Mutable<EstimateDocument>;
        doc.factors[0]!.id = id;
        doc.factors[0]!.label = label;
        doc.factors[0]!.effect = x;
        doc.base.mid = y;
        doc.profile.years = x;
        doc.dataVersion = label;
        doc.sources[0]!.title = id;
        const writer = new JsonLineWriter();
        writer.write(doc);
        expect(writer.take()).toEqual(Buffer.from(renderJsonLine(doc)));
        expect(renderJsonLine(doc)).toBe(`${JSON.stringify(doc)}\n`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('name lookups with the spelling cache equal folding every time', () => {
  const kinds: CatalogKind[] = ['city', 'industry', 'skill', 'degree'];
  const names = kinds.flatMap((k) =>
    catalog(market, k).flatMap((e) => [e.id, e.label, ...e.aliases]),
  );
  const spelling = fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom(...names).map((n) => `  ${n.toUpperCase()} `),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ minLength: 60, maxLength: 80 }),
  );

  it('lookup() and resolveSkills()', () => {
    // The rule, by brute force: names match when folded and stripped of spaces.
    const key = (x: string): string => foldName(x).replace(/ /g, '');
    const folded = (kind: CatalogKind, text: string): string | undefined => {
      let id: string | undefined;
      for (const e of catalog(market, kind)) {
        for (const n of [e.id, e.label, ...e.aliases]) if (key(n) === key(text)) id = e.id;
      }
      return id;
    };
    fc.assert(
      fc.property(fc.constantFrom(...kinds), spelling, (kind, text) => {
        expect(lookup(market, kind, text)).toBe(folded(kind, text));
        expect(lookup(market, kind, text)).toBe(folded(kind, text));
      }),
      { numRuns: 3000 },
    );
    const skillText = fc.oneof(
      spelling,
      fc.array(spelling, { maxLength: 3 }).map((xs) => xs.join(',')),
      fc.array(spelling, { maxLength: 3 }).map((xs) => xs.join(' ; ')),
    );
    fc.assert(
      fc.property(skillText, (text) => {
        const each = text
          .split(/[,;]/)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        const expected = outcome(() => [
          ...new Set(each.map((s) => folded('skill', s) ?? `unknown:${s}`)),
        ]);
        const got = outcome(() => resolveSkills(market, text, 'skills'));
        if ((expected as { ok: string[] }).ok.some((x) => x.startsWith('unknown:'))) {
          expect(got).toMatchObject({ error: 'InputError' });
        } else {
          expect(got).toStrictEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('LineSplitter gives the same lines however the input is cut into chunks', () => {
  const piece = fc.oneof(
    fc.constantFrom('\n', '\r\n', '\ufeff', '{"years": 5}', 'é', '', ' '),
    fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  /** The lines, through push's onLine only, or with runs of whole lines as well (`runs`). */
  const split = (bytes: Buffer, cuts: number[], max: number, runs = false): Line[] => {
    const splitter = new LineSplitter(max);
    const lines: Line[] = [];
    const onRun = (text: string, first: number): void => {
      const next = eachLine(text, first, (lineNo, line) => lines.push({ lineNo, text: line }));
      expect(next).toBeGreaterThan(first); // a run holds at least one line
    };
    let at = 0;
    for (const cut of [
      ...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b),
      bytes.length,
    ]) {
      splitter.push(
        bytes.subarray(at, Math.max(at, cut)),
        (l) => lines.push(l),
        runs ? onRun : undefined,
      );
      at = Math.max(at, cut);
    }
    splitter.end((l) => lines.push(l));
    return lines;
  };

  it('whole, in random pieces, and one byte at a time (the copying path)', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (pieces, latin1, cuts, max) => {
          const bytes = Buffer.from(pieces.join(''), latin1 ? 'latin1' : 'utf8');
          const byByte = split(bytes, [...bytes.keys()], max);
          expect(split(bytes, [], max)).toStrictEqual(byByte);
          expect(split(bytes, cuts, max)).toStrictEqual(byByte);
          // Runs of whole lines (what batch hands its workers) are the same lines.
          expect(split(bytes, [], max, true)).toStrictEqual(byByte);
          expect(split(bytes, cuts, max, true)).toStrictEqual(byByte);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('JsonLineWriter.writeEstimate writes what write(toDocument(...)) writes', () => {
  it('for random estimates and defaulted lists, many in a row, with and without line numbers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            profileArb,
            fc.subarray([...PROFILE_FIELDS]),
            fc.option(fc.nat(), { nil: undefined }),
          ),
          { maxLength: 30 },
        ),
        (records) => {
          const fast = new JsonLineWriter(64);
          const plain = new JsonLineWriter(64);
          let expected = '';
          for (const [p, defaulted, line] of records) {
            const e = estimate(p, market);
            fast.writeEstimate(e, defaulted, market.dataVersion, line);
            const doc = toDocument(e, defaulted, market.dataVersion);
            plain.write(doc, line);
            const json = JSON.stringify(doc);
            expected += line === undefined ? `${json}\n` : `{"line":${line},${json.slice(1)}\n`;
          }
          const bytes = Buffer.from(fast.take());
          expect(bytes.toString('utf8')).toBe(expected);
          expect(bytes.equals(plain.take())).toBe(true); // not toEqual: slow on 60 kB
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** T with every read-only mark removed, tuples kept (homomorphic mapped type). */
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
