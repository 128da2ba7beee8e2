// What every batch record costs before a byte of output: stream an NDJSON file line by line (as
// bench/passthrough.mjs does), JSON.parse each record, resolve its names and estimate it with the
// library (dist/index.js), and write nothing. `ml-salary batch` cannot be faster than this in one
// thread; the difference between the two is the writing.
//
//   npm run build && node bench/batch-floor.mjs profiles.ndjson    prints the record count
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { estimate, market, resolveProfile } from '../dist/index.js';

const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
let records = 0;
let sum = 0;
for await (const line of lines) {
  if (line === '') continue;
  const { profile } = resolveProfile(JSON.parse(line), market);
  sum += estimate(profile, market).total.mid;
  records++;
}
// The sum keeps the estimates from being optimised away; it is not printed.
process.stdout.write(`${records}${sum > 0 ? '' : ' (no estimates)'}\n`);
