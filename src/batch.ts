import { CliError, EXIT } from './errors.js';
import type { Io } from './program.js';
import type { Market } from './types.js';

export interface BatchOptions {
  file: string | undefined;
  inputFormat: 'ndjson' | 'csv' | undefined;
  format: 'ndjson' | 'csv';
  usage: string;
}

/** Estimate every record of a stream. (Being written: issue 3.) */
export async function runBatch(_opts: BatchOptions, _io: Io, _market: Market): Promise<number> {
  throw new CliError('batch is not available yet', EXIT.usage);
}
