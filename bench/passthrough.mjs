// The floor for `ml-salary batch`: stream an NDJSON file line by line, JSON.parse each record and
// write it back with JSON.stringify, with the same backpressure a real batch needs. Whatever batch
// does beyond this is the estimating.
//
//   node bench/passthrough.mjs profiles.ndjson > out.ndjson
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
let buffer = '';
for await (const line of lines) {
  if (line === '') continue;
  buffer += `${JSON.stringify(JSON.parse(line))}\n`;
  if (buffer.length > 1 << 16) {
    if (!process.stdout.write(buffer)) await once(process.stdout, 'drain');
    buffer = '';
  }
}
process.stdout.write(buffer);
