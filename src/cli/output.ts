// The one output switch: every command's document printed as JSON, CSV, markdown or the table.
import { renderJson } from '../documents/estimate.js';
import type { Look } from '../render/text.js';
import { print, type Io } from './io.js';
import { pickFields } from './json-fields.js';
import { tableLook, type Format } from './options.js';

/** A document's renderers but JSON's; the table's module loads only when the table is asked. */
export interface Renderers<D> {
  csv(doc: D): string;
  markdown(doc: D): string;
  table(): Promise<(doc: D, look: Look) => string>;
}

/**
 * `doc` in `format`: JSON with the fields after --json, CSV, markdown, or the table report
 * (chalk and cli-table3 load only for it, keeping scripted runs lean). Returns the table's look,
 * for what a command says after its report.
 */
export async function printAs<D extends object>(
  io: Io,
  format: Format,
  doc: D,
  opts: { jsonFields?: string; color?: boolean },
  ways: Renderers<D>,
): Promise<Look | undefined> {
  if (format === 'json') print(io, renderJson(pickFields(doc, opts.jsonFields)));
  else if (format === 'csv') print(io, ways.csv(doc));
  else if (format === 'markdown') print(io, ways.markdown(doc));
  else {
    const [look, render] = await Promise.all([tableLook(io, opts.color), ways.table()]);
    print(io, render(doc, look));
    return look;
  }
  return undefined;
}
