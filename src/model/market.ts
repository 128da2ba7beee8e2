import data from '../../data/market.json' with { type: 'json' };
import { deepFreeze } from './freeze.js';
import type { Market } from './types.js';

/**
 * The market data built from two salary guides and an open salary dataset (see
 * data/market.json). Deeply frozen:
 * estimate() remembers what it derives from a market object, so a market must never change once
 * used; to try other figures, pass a modified `structuredClone(market)` instead.
 */
// JSON imports widen tuples to arrays; tests/model/market.test.ts checks the data really has this shape.
export const market: Market = deepFreeze(data as unknown as Market);
