// `ml-salary list <kind>`: the accepted names and aliases of one kind of input.
import { UsageError } from '../../errors.js';
import { outputWidth, print, type Io } from '../io.js';
import { catalog } from '../../input/names.js';
import {
  LIST_KINDS,
  listDocument,
  localitiesDocument,
  renderList,
  renderLocalities,
  type ListKind,
} from '../../render/list.js';
import { pickFields } from '../json-fields.js';
import { marketFileSource } from '../../model/reasons.js';
import type { CatalogEntry, Market } from '../../model/types.js';
import { Option, type Command } from 'commander';
import {
  addJsonOptions,
  DATA_HELP,
  meant,
  NEVER_ASKS,
  type CommandContext,
  exactArguments,
} from '../options.js';
import { hideProfileFlags } from '../root-flags.js';

type ListOptions = { json?: boolean; jsonFields?: string; format?: string; data?: string };

export function defineList(program: Command, ctx: CommandContext): void {
  const cmd = exactArguments(program.command('list'))
    .description('show the accepted values and aliases for a kind of input')
    // Optional to commander only so that a missing kind gets our message (the kinds) rather
    // than "missing required argument"; the usage shows it as required.
    .argument('[kind]', `one of: ${Object.keys(LIST_KINDS).join(', ')}`)
    .usage('[options] <kind>');
  addJsonOptions(cmd, 'print JSON')
    .option('--data <file>', DATA_HELP)
    .option('--no-input', NEVER_ASKS)
    // --format after the kind means what it means before `list` (json, or a usage error).
    .addOption(new Option('--format <format>').hideHelp());
  hideProfileFlags(cmd);
  cmd.action(async (kind: string | undefined, opts: ListOptions) => {
    await listCommand(kind, opts, ctx.io, await ctx.market(opts));
  });
}

async function listEntries(kind: ListKind, market: Market): Promise<readonly CatalogEntry[]> {
  const what = LIST_KINDS[kind].kind;
  if (what !== 'state' && what !== 'locality') return catalog(market, what);
  const { stateList } = await import('../../model/take-home.js');
  return stateList().map((s) => ({
    id: s.code,
    label: s.incomeTax ? s.name : `${s.name} (no income tax on wages)`,
    aliases: [],
  }));
}

async function listCommand(
  kindText: string | undefined,
  opts: ListOptions,
  io: Io,
  market: Market,
): Promise<void> {
  if (opts.format !== undefined && opts.format !== 'json') {
    throw new UsageError(`list prints a table or --json, not --format ${opts.format}`);
  }
  const kind = listKind(kindText);
  const json = opts.json || opts.format === 'json';
  const fields = opts.jsonFields;
  if (kind === 'localities') {
    const { localityGroups } = await import('../../model/take-home.js');
    const groups = localityGroups();
    if (!json) return print(io, renderLocalities(groups, outputWidth(io)));
    return print(io, `${JSON.stringify(pickFields(localitiesDocument(groups), fields))}\n`);
  }
  const entries = await listEntries(kind, market);
  const titles = kind === 'levels' ? market.levels.titles : [];
  // States come from the tax tables, the other kinds from the market: a --data file's, say so.
  const file = LIST_KINDS[kind].kind === 'state' ? undefined : marketFileSource(market);
  if (!json) {
    const list = renderList(kind, entries, outputWidth(io), titles);
    return print(io, file ? `${list}${file.title}.\n` : list);
  }
  const doc = { ...listDocument(kind, entries, titles), ...(file && { marketFile: file.file }) };
  print(io, `${JSON.stringify(pickFields(doc, fields))}\n`);
}

function listKind(text: string | undefined): ListKind {
  const names = Object.keys(LIST_KINDS) as ListKind[];
  if (text === undefined) {
    throw new UsageError(
      `list what? pass one of: ${names.join(', ')} (e.g. ml-salary list cities)`,
    );
  }
  const t = text.trim().toLowerCase();
  if (Object.hasOwn(LIST_KINDS, t)) return t as ListKind;
  // The singular too (`list city`); Object.hasOwn above: `constructor` is on every prototype.
  const singular = names.find((n) => LIST_KINDS[n].kind === t);
  if (singular !== undefined) return singular;
  throw new UsageError(`unknown list '${text}'${meant(t, names)}; accepted: ${names.join(', ')}`);
}
