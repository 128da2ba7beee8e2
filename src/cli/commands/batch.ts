// `ml-salary batch [file]`: many profiles from NDJSON or CSV (the work: run/batch.ts).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import {
  addJsonOptions,
  choiceOption,
  DATA_HELP,
  NEVER_ASKS,
  oneFormat,
  type CommandContext,
  exactArguments,
} from '../options.js';
import { hideProfileFlags } from '../root-flags.js';

const HELP_AFTER = `
Input: NDJSON, one profile object per line ({"years": 4, "city": "austin",
"skills": ["mlops"]}), or CSV with a header row
(years,city,industry,skills,degree,level; skills separated by ';'). Detected
from the first line. Missing fields default as in non-interactive mode; years is
required.

Output: one line per good record, in input order: a compact JSON record (line,
profile, defaulted, level, base, bonus, equity, total; --explain: the whole
--json document plus "line"), or a CSV row starting with the line number. A bad
record is reported on stderr as "line N: ..." and the run goes on; then a
summary line, and exit 1.

Examples:
  $ ml-salary batch profiles.ndjson > estimates.ndjson
  $ ml-salary batch profiles.csv --format csv > estimates.csv
  $ cat profiles.ndjson | ml-salary batch | jq -c '{line, total: .total.mid}'

Exit codes: 0 all estimated; 1 some records bad, or the input is not NDJSON/CSV
text; 2 usage (unknown option, a second file, a profile flag such as --city,
--json and --format that disagree, unreadable file); 130 SIGINT; 143 SIGTERM.`;

export function defineBatch(program: Command, ctx: CommandContext): void {
  const cmd = exactArguments(program.command('batch'))
    .description('estimate many profiles: NDJSON or CSV from a file, - or piped stdin')
    .argument('[file]', "input file, or '-' for stdin (default: stdin when piped)")
    .addOption(
      choiceOption(program, '--input-format <format>', 'input format (default: detected)', [
        'ndjson',
        'csv',
      ]),
    )
    .addOption(
      choiceOption(program, '--format <format>', 'output format (default: ndjson)', [
        'ndjson',
        'json',
        'csv',
      ]),
    );
  addJsonOptions(cmd, 'same as --format ndjson')
    .option('--explain', 'NDJSON: the whole --json document per record, with its reasons')
    .option('--no-input', NEVER_ASKS)
    .option('--data <file>', DATA_HELP)
    .option('--debug', 'show stack traces for unexpected errors')
    .addHelpText('after', HELP_AFTER);
  hideProfileFlags(cmd);
  cmd.action(
    async (
      file: string | undefined,
      opts: {
        inputFormat?: 'ndjson' | 'csv';
        format?: string;
        json?: boolean;
        jsonFields?: string;
        explain?: boolean;
        data?: string;
      },
    ) => {
      const asked = oneFormat([
        [`--format ${opts.format}`, opts.format],
        ['--json', opts.json ? 'json' : undefined],
      ]);
      if (asked === 'table' || asked === 'markdown') {
        throw new UsageError(
          `batch writes ndjson or csv, not ${asked}; pass --format ndjson or csv`,
        );
      }
      const format = asked === 'csv' ? 'csv' : 'ndjson';
      if (opts.explain && format === 'csv') {
        throw new UsageError(
          '--explain adds the reasons to NDJSON records; CSV has only the figures',
        );
      }
      const { runBatch } = await import('../run/batch.js');
      ctx.state.code = await runBatch(
        {
          file,
          inputFormat: opts.inputFormat,
          format,
          explain: opts.explain === true,
          jsonFields: opts.jsonFields,
          usage: cmd.helpInformation(),
        },
        ctx.io,
        await ctx.market(opts),
      );
    },
  );
}
