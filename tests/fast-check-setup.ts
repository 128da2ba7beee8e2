// Property tests replay: a failing fast-check property prints its seed and path
// ("{ seed: -1988587844, path: "370:6" }"); run it again with exactly that case first:
//   FC_SEED=-1988587844 FC_PATH=370:6 npx vitest run tests/fuzz.test.ts -t 'NDJSON'
// Keep every counterexample found this way as a fixed test beside its property.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  const path = process.env.FC_PATH;
  fc.configureGlobal({ seed: Number(seed), ...(path ? { path } : {}) });
}
