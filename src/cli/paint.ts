import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance at a fixed level (0 = no colour; decide it with colorLevel in color.ts). */
export function painter(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
