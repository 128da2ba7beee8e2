// The other half of the batch budget: write a document of the real one's size and make-up for
// every record, with no estimating at all. Reads the file as `ml-salary batch` does (64 KiB at a
// time, split at newlines), finds each record's shape (the line after its years) in a Map,
// JSON.parse-ing a line only the first time its shape is seen, and writes 26 pieces of text and
// 21 whole numbers made from the years: about 1,990 bytes a record, as the --json document has.
// A generous model of the writing alone: nothing is resolved or estimated, and every record
// copies the same 26 pieces, so they stay in the processor's cache (a real writer's pieces differ
// by city, industry, skills, degree and years). Set beside bench/batch-floor.mjs (everything but
// the writing), it shows that each half of the work alone takes most of a 250,000 records/s
// budget on one thread.
//
//   node bench/batch-write-only.mjs profiles.ndjson > /dev/null    (prints counts on stderr)

import { openSync, readSync, writeSync } from 'node:fs';

const PIECES = 26;
const NUMBERS = 21;
/** 26 pieces of 71 bytes and 21 numbers of about 6 digits with their commas: ~1,990 bytes. */
const PIECE_BYTES = 71;

const input = openSync(process.argv[2], 'r');
const chunk = Buffer.allocUnsafe(1 << 16);
const out = Buffer.allocUnsafe(1 << 20);
let at = 0;
/** The pieces every record copies. */
const pieces = Array.from({ length: PIECES }, (_, i) => Buffer.alloc(PIECE_BYTES, 0x61 + i));
/** Per shape (the line after the years): a scale for its numbers. */
const shapes = new Map();
let records = 0;

/** A first sight of a shape: parse the whole line, as a real batch must check it. */
function makeShape(line) {
  const profile = JSON.parse(line);
  return 1 + (profile.skills?.length ?? 0) / 10;
}

function writeWhole(v) {
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  let p = at + digits;
  at = p;
  do {
    out[--p] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
}

function record(line) {
  const comma = line.indexOf(',', 9); // after {"years":N
  const years = Number(line.slice(9, comma));
  const rest = line.slice(comma);
  let scale = shapes.get(rest);
  if (scale === undefined) {
    scale = makeShape(line);
    shapes.set(rest, scale);
  }
  if (at + 4096 > out.length) {
    writeSync(1, out, 0, at);
    at = 0;
  }
  for (let i = 0; i < PIECES; i++) {
    const piece = pieces[i];
    out.set(piece, at);
    at += piece.length;
    if (i < NUMBERS) {
      writeWhole(Math.round((100000 + years * 9000 + i * 1000) * scale));
      out[at++] = 0x2c;
    }
  }
  out[at++] = 0x0a;
  records++;
}

let carry = '';
for (;;) {
  const n = readSync(input, chunk, 0, chunk.length, null);
  if (n === 0) break;
  const text = carry + chunk.toString('latin1', 0, n);
  let start = 0;
  for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
    if (nl > start) record(text.slice(start, nl));
    start = nl + 1;
  }
  carry = text.slice(start);
}
if (carry !== '') record(carry);
writeSync(1, out, 0, at);
process.stderr.write(`${records} records, ${shapes.size} shapes\n`);
