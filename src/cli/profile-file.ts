// Reading the saved profile's file: a size limit before reading it all, a regular file only,
// binary and UTF-16 named, a key given twice refused; every problem one line naming the file.
import { readFileSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { checkRepeats } from '../batch/records.js';
import { sniffBinary } from '../batch/lines.js';
import { fsReason } from '../input/files.js';
import { parseSavedProfile, type SavedProfile } from '../input/saved-profile.js';

export { savedProfileFlags } from '../input/saved-profile.js';
import type { Market } from '../model/types.js';

/** A profile file is a few hundred bytes: anything much larger is not one. */
const MAX_BYTES = 64 * 1024;

/**
 * Read and check the saved profile at `path` (its state against `states`, the tax tables' codes,
 * when given). Every problem is one line that names the file and says how to get past it.
 */
export function readSavedProfile(
  path: string,
  market: Market,
  states?: readonly string[],
): SavedProfile {
  const fail = (why: string): never => {
    throw new UsageError(
      `your saved profile ${path}: ${why}; fix it with 'ml-salary profile save', remove it with 'ml-salary profile clear', or ignore it with --no-profile`,
    );
  };
  let bytes: Buffer = Buffer.alloc(0);
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      fail(stat.isDirectory() ? 'it is a directory, not a file' : 'not a regular file');
    if (stat.size > MAX_BYTES) fail(`${stat.size} bytes, more than a profile's ${MAX_BYTES}`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    fail(`cannot read it: ${fsReason(error)}`);
  }
  const notText = sniffBinary(bytes, 'the file');
  if (notText !== undefined) fail(notText);
  try {
    const saved = parseSavedProfile(
      bytes.toString('utf8').replace(/^\uFEFF/, ''),
      market,
      checkRepeats,
    );
    const state = saved.state;
    if (states && state !== undefined && state !== 'none' && !states.includes(state)) {
      fail(`state '${state}' is not one the tax tables know (${states.join(', ')}, or none)`);
    }
    return saved;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof InputError) return fail(error.message);
    throw error;
  }
}
