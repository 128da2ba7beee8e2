// The commander definitions of the flags several commands share (what they mean: flags.ts).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { didYouMean } from '../input/names.js';
import { PROFILE_FIELDS } from '../model/types.js';
import { FORMATS } from './flags.js';

/**
 * A profile flag after `list`, `batch` or `market` gets the message it gets before them, not
 * "unknown option": each is there, hidden, only to be refused (refuseProfileFlags).
 */
export function hideProfileFlags(cmd: Command): void {
  for (const field of PROFILE_FIELDS) cmd.addOption(new Option(`--${field} <value>`).hideHelp());
}

/**
 * An option that takes one of `choices` (listed in --help, as commander's `.choices()` does),
 * matched case-insensitively, with a "did you mean" for a near miss.
 */
export function choiceOption(
  flags: string,
  description: string,
  choices: readonly string[],
): Option {
  return new Option(flags, description).choices(choices).argParser((value: string) => {
    const t = value.trim().toLowerCase();
    if (choices.includes(t)) return t;
    const hint = didYouMean(t, choices);
    throw new InvalidArgumentError(
      `${hint ? `Did you mean '${hint}'? ` : ''}Allowed choices are ${choices.join(', ')}.`,
    );
  });
}

/** The take-home flags, for a command that prints pay after tax. */
export function addTakeHomeOptions(cmd: Command): Command {
  return cmd
    .option('--take-home', 'also show pay after US taxes, and what it buys (docs/take-home.md)')
    .addOption(
      choiceOption('--filing <status>', 'with --take-home: single (default) or married (joint)', [
        'single',
        'married',
      ]),
    )
    .option(
      '--state <code>',
      'with --take-home, for remote and us (or a metro spanning states): the state you live in (a code, or DC; none: federal only)',
    )
    .option(
      '--locality <id>',
      'with --take-home: the city, county or district that taxes you where the city does not tell (e.g. yonkers, montgomery), or none (see: ml-salary list localities)',
    )
    .option(
      '--pretax <usd>',
      'with --take-home: 401(k)-type deferrals a year (2026 limit $24,500; more from 50 with --age)',
    )
    .option(
      '--hsa <usd>',
      'with --take-home: HSA contributions through payroll a year (2026 limit $4,400; $8,750 with --hsa-family)',
    )
    .option('--hsa-family', 'with --hsa: family HSA cover (the higher limit)')
    .option(
      '--age <years>',
      'with --take-home: your age at the end of the year, for the catch-up limits (401(k) from 50, HSA from 55)',
    )
    .option(
      '--itemized <usd>',
      'with --take-home: itemised deductions a year other than state and local taxes (mortgage interest, charity)',
    );
}

/** The profile flags of a command that estimates (the root, offer, compare, career). */
export function addProfileOptions(cmd: Command, maxYears: number, withYears = true): Command {
  if (withYears) {
    cmd.option('--years <n>', `years of experience, 0-${maxYears} (decimals allowed)`);
  }
  return cmd
    .option('--city <name>', "city or 'remote' (see: ml-salary list cities)")
    .option('--industry <name>', 'industry / employer type (see: ml-salary list industries)')
    .option(
      '--skills <list>',
      'comma-separated skills, e.g. mlops,nlp; may be repeated (see: ml-salary list skills)',
      // `--skills mlops --skills nlp` means both, not the last one only.
      (value: string, previous?: string) =>
        previous === undefined ? value : `${previous},${value}`,
    )
    .option('--degree <name>', 'highest degree: none, bachelors, masters, phd')
    .option(
      '--level <name>',
      "your level, if you know it: entry, mid, senior, staff, principal, or a title like 'google l5' (see: ml-salary list levels); overrides the level your years imply",
    )
    .option('--no-profile', 'ignore the saved profile (see: ml-salary profile --help)');
}

/** The output flags of a command that prints a report (a table, JSON, CSV or markdown). */
export function addOutputOptions(cmd: Command, jsonWhat: string): Command {
  cmd.addOption(choiceOption('--format <format>', 'output format', FORMATS));
  return addJsonOptions(
    cmd,
    `print only the JSON document (${jsonWhat}; same as --format json); never prompts`,
  )
    .option('--no-input', 'never prompt; missing values are required or defaulted')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR=1 works too)')
    .option('--debug', 'show stack traces for unexpected errors');
}

/**
 * `--json [fields]` (as --help shows it) and the hidden --json-fields that carries the fields.
 * moveJsonFields writes every --json as `--json=`, so commander never takes the next word as
 * its value; `opts.json` is true, as for a plain flag.
 */
export function addJsonOptions(cmd: Command, description: string): Command {
  return cmd
    .addOption(
      new Option(
        '--json [fields]',
        `${description}; --json a,b prints only those top-level fields`,
      ).argParser(() => true),
    )
    .addOption(new Option('--json-fields <list>').hideHelp());
}
