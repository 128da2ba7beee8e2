// Reading the saved profile's file with the one reader of user files (input/files.ts): a
// regular file only (a FIFO there would make every command wait), UTF-8 text, a key given twice
// refused; every problem one line naming the file and the ways past it.
import { statSync } from 'node:fs';
import { InputError, UsageError } from '../errors.js';
import { readText } from '../input/files.js';
import { parseJson } from '../input/json.js';
import { checkSavedFile, type SavedProfile } from '../input/saved-profile.js';
import type { Market } from '../model/types.js';
import type { Io } from './io.js';
import { shownPath } from './profile-path.js';

export { savedProfileFlags } from '../input/saved-profile.js';

/**
 * Read and check the saved profile at `path` (its state against `states`, the tax tables' codes,
 * when given).
 */
export async function readSavedProfile(
  path: string,
  market: Market,
  io: Pick<Io, 'stdin' | 'signal' | 'env'>,
  states?: readonly string[],
): Promise<SavedProfile> {
  const fail = (why: string, data = false): never => {
    const shown = why.split(path).join(shownPath(path, io.env));
    // A name this market lacks may be one of the market file it was saved with (review2 R4).
    const file = data ? 'saved with a market file? pass it with --data; ' : '';
    throw new UsageError(
      `your saved profile ${shown}; ${file}remove it with 'ml-salary profile clear', or ignore it with --no-profile`,
    );
  };
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) fail(`${path}: it is a directory, not a file`);
    if (!stat.isFile()) fail(`${path}: not a regular file`);
    const text = await readText(path, io, 'profile');
    return checkSavedFile(parseJson(text, path, 'profile'), market, states);
  } catch (error) {
    if (error instanceof UsageError && error.message.startsWith('your saved profile')) throw error;
    // The reader's and parser's messages name the file; the checks' name only the field.
    if (error instanceof InputError || error instanceof UsageError) {
      const why = error.message.startsWith(path) ? error.message : `${path}: ${error.message}`;
      return fail(why, /^unknown (?!field)/.test(error.message));
    }
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      return fail(`${path}: cannot be read (${(error as Error).message})`);
    }
    throw error;
  }
}
