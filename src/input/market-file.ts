// Your own market file (--data): read as every user file is, then checked (market-check.ts; the
// library's checkMarket imports that alone, without the file reader).
import { InputError, UsageError } from '../errors.js';
import { readText } from './files.js';
import { parseJson } from './json.js';
import { clip } from './numbers.js';
import { checkMarketFile } from './market-check.js';
import type { Market } from '../model/types.js';

const FIELD = '--data';

/**
 * Read and check a market file (--data), or stdin for `-`, as every user file is read
 * (input/files.ts: size, encoding, duplicate keys, signals); `bundled`: what its figures are
 * compared with, to cite a changed one to the file.
 */
export async function readMarketFile(
  path: string,
  io: { stdin: NodeJS.ReadableStream; signal?: AbortSignal },
  bundled?: Market,
): Promise<Market> {
  // Reading errors name the file; say which flag gave it, as the check's errors do (review2 M24).
  const text = await readText(path, io, FIELD).catch((error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError)
      error.message = `${FIELD}: ${error.message}`;
    throw error;
  });
  const name = path === '-' ? 'stdin' : path;
  const json = parseJson(text, `${FIELD} ${clip(name, 200)}`, FIELD);
  return checkMarketFile(json, name, name, bundled);
}
