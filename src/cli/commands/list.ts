// `ml-salary list <kind>`: the accepted names and aliases of one kind of input.
import { UsageError } from '../../errors.js';
import { outputWidth, print, type Io } from '../io.js';
import { catalog, editDistanceSuggest } from '../../input/names.js';
import { LIST_KINDS, renderList, renderListJson, type ListKind } from '../../render/list.js';
import type { Market } from '../../model/types.js';
import { refuseProfileFlags, type EstimateOptions } from '../options.js';

export function listCommand(
  kindText: string | undefined,
  opts: { json?: boolean },
  top: EstimateOptions,
  io: Io,
  market: Market,
): void {
  refuseProfileFlags(top, 'list');
  if (top.format !== undefined && top.format !== 'json') {
    throw new UsageError(`list prints a table or --json, not --format ${top.format}`);
  }
  const kind = listKind(kindText);
  const entries = catalog(market, LIST_KINDS[kind].kind);
  const json = opts.json || top.json || top.format === 'json';
  print(io, json ? renderListJson(kind, entries) : renderList(kind, entries, outputWidth(io)));
}

// Maps and Object.hasOwn: the name is typed by the user, and `constructor` or `__proto__` is
// found on any plain object's prototype.
const SINGULAR = new Map<string, ListKind>([
  ['city', 'cities'],
  ['industry', 'industries'],
  ['skill', 'skills'],
  ['degree', 'degrees'],
]);

function listKind(text: string | undefined): ListKind {
  const names = Object.keys(LIST_KINDS);
  if (text === undefined) {
    throw new UsageError(
      `list what? pass one of: ${names.join(', ')} (e.g. ml-salary list cities)`,
    );
  }
  const t = text.trim().toLowerCase();
  if (Object.hasOwn(LIST_KINDS, t)) return t as ListKind;
  const singular = SINGULAR.get(t);
  if (singular !== undefined) return singular;
  const hint = editDistanceSuggest(t, names);
  throw new UsageError(
    `unknown list '${text}'${hint ? ` (did you mean '${hint}'?)` : ''}; accepted: ${names.join(', ')}`,
  );
}
