// `ml-salary market [--json]`: the market data the estimate reads, to read or to start your own.
import { outputWidth, print, type Io } from '../io.js';
import { pickFields } from '../json-fields.js';
import { wrap } from '../../render/text.js';
import { marketFileSource } from '../../model/reasons.js';
import { MARKET_FILE_SOURCE, type Market } from '../../model/types.js';
import type { Command } from 'commander';
import { addJsonOptions, NEVER_ASKS, exactArguments } from '../options.js';
import type { CommandContext } from '../options.js';
import { hideProfileFlags } from '../root-flags.js';

export function defineMarket(program: Command, ctx: CommandContext): void {
  const cmd = exactArguments(program.command('market')).description(
    'the market data the estimate reads: a summary, or --json to start your own file',
  );
  addJsonOptions(cmd, 'print the whole market file (data/market.json, or --data) as JSON')
    .option('--data <file>', 'check this market file and print it (with --json) or its summary')
    .option('--no-input', NEVER_ASKS);
  hideProfileFlags(cmd);
  cmd.action(async (opts: { json?: boolean; jsonFields?: string; data?: string }) => {
    marketCommand(
      opts.json === true ? (opts.jsonFields ?? '') : undefined,
      await ctx.market(opts),
      ctx.io,
    );
  });
}

/** `json`: the fields to print (all for ''), or undefined for the summary. */
function marketCommand(json: string | undefined, market: Market, io: Io): void {
  // The source entry naming a --data file is ml-salary's, not the file's: leave it out.
  const own = { ...market, sources: market.sources.filter((s) => s.id !== MARKET_FILE_SOURCE) };
  if (json !== undefined) return print(io, `${JSON.stringify(pickFields(own, json), null, 2)}\n`);
  const file = marketFileSource(market)?.file;
  const width = outputWidth(io);
  const lines = [
    ...(file
      ? [`${file} (--data) passed every check of the market file (docs/market-data.md).`]
      : []),
    `Market data ${market.dataVersion}: ${market.locations.length} locations, ${market.industries.length} industries, ${market.skills.list.length} skills, ${market.degrees.list.length} degrees, ${Object.keys(market.payMix.kinds).length} pay mixes.`,
  ].map((line) => wrap(line, width));
  lines.push(
    'Sources:',
    ...own.sources.map((s) => `  ${wrap(`[${s.id}] ${s.title}`, width, '    ')}`),
    '',
    wrap(
      'To use your own figures (your company bands, a newer guide): write this file, edit it (schemas/market.schema.json), and give it to any command with --data:',
      width,
    ),
    '  ml-salary market --json > my-market.json',
    '  ml-salary --data my-market.json --years 5',
  );
  print(io, `${lines.join('\n')}\n`);
}
