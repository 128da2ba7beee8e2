import data from '../data/market.json' with { type: 'json' };
import type { Market } from './types.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The market data built from the two salary guides (see data/market.json). Deeply frozen:
 * estimate() remembers what it derives from a market object, so a market must never change once
 * used; to try other figures, pass a modified `structuredClone(market)` instead.
 */
// JSON imports widen tuples to arrays; tests/market.test.ts checks the data really has this shape.
export const market: Market = deepFreeze(data as unknown as Market);
