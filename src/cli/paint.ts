import { Chalk, type ChalkInstance } from 'chalk';
import type { Look } from '../render/text.js';
import { charsetFor, colorLevel } from './color.js';
import { outputWidth, type Io } from './io.js';
import { colorChoice } from './options.js';

/** A chalk instance at a fixed level (0 = no colour; decide it with colorLevel in color.ts). */
export function painter(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}

/** How a table report looks on this stdout: its colour (--color/--no-color), width, glyphs. */
export function tableLook(io: Io, color: boolean | undefined): Look {
  return {
    paint: painter(colorLevel(io.stdout, io.env, colorChoice(color))),
    width: outputWidth(io),
    charset: charsetFor(io.env),
  };
}
