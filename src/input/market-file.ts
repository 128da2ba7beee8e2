// Your own market file (--data): read as every user file is, then checked (market-check.ts; the
// library's checkMarket imports that alone, without the file reader).
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
  const text = await readText(path, io, FIELD);
  const name = path === '-' ? 'stdin' : path;
  const json = parseJson(text, `${FIELD} ${clip(name, 200)}`, FIELD);
  return checkMarketFile(json, name, name, bundled);
}
