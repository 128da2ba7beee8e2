import data from '../data/market.json' with { type: 'json' };
import type { Market } from './types.js';

/** The bundled market data, built from the two salary guides (see data/market.json). */
// JSON imports widen tuples to arrays; tests/market.test.ts checks the data really has this shape.
export const market: Market = data as unknown as Market;
