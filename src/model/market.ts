import data from '../../data/market.json' with { type: 'json' };
import type { Market } from './types.js';

/**
 * The market data built from two salary guides and an open salary dataset (see
 * data/market.json). The library exports it deeply frozen (src/index.ts); the command line
 * never changes it and skips the freezing (~1.5 ms of a --json run).
 */
// JSON imports widen tuples to arrays; tests/model/market.test.ts checks the data really has this shape.
export const market: Market = data as unknown as Market;
