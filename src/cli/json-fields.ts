// `--json total,level`: gh's convention, the top-level fields of the JSON document to print.
// Commander's --json stays a boolean: before parsing, a field list after --json moves to the
// hidden --json-fields, and only when the word reads as one. A word the command takes as its
// argument (a command name before the command, a list kind after `list`, an offer or batch file
// that exists) is left where it is, as it always was.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { meant } from './options.js';
import { LIST_KINDS } from '../render/list.js';

const FIELD_LIST = /^(?:[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s*,?|[\s,]*)$/;

function takesAsArgument(cmd: Command, word: string, isFile: (path: string) => boolean): boolean {
  if (cmd.commands.some((c) => c.name() === word)) return true;
  if (cmd.registeredArguments.length === 0) return false;
  // List kinds are `list`'s argument only: `offer --json level` is the offer's level field.
  const kinds = Object.entries(LIST_KINDS).flatMap(([plural, k]) => [plural, k.kind as string]);
  return (cmd.name() === 'list' && kinds.includes(word.toLowerCase())) || isFile(word);
}

/**
 * The fields of the --json at argv[i] (none for a plain one), and whether they are the next word;
 * `--json ,` (or '') names no field: refused, where it read as a command or the whole document.
 */
function jsonAt(argv: readonly string[], i: number, cmd: Command, isFile: (p: string) => boolean) {
  const [arg, next] = [argv[i]!, argv[i + 1]];
  const took =
    arg === '--json' &&
    next !== undefined &&
    FIELD_LIST.test(next) &&
    !takesAsArgument(cmd, next, isFile);
  const fields = took ? next : arg === '--json' ? undefined : arg.slice('--json='.length);
  if (fields !== undefined && /^[\s,]*$/.test(fields) && (fields || took)) {
    throw new UsageError(
      `--json: '${fields}' names no field; give a comma list such as --json total,level, or --json alone for the whole document`,
    );
  }
  return { fields, took };
}

/**
 * `argv` with each `--json FIELDS` / `--json=FIELDS` written as `--json= --json-fields FIELDS`
 * (and a plain `--json` as `--json=`); a repeated --json adds its fields, as gh's does.
 * Option values are skipped (`--city --json` keeps --json as the city, as commander reads it),
 * and a command word switches to that command's options, as commander does.
 */
export function moveJsonFields(
  argv: readonly string[],
  program: Command,
  isFile: (path: string) => boolean,
): string[] {
  const out: string[] = [];
  let cmd = program;
  let operands = 0;
  let joined = -1; // where the fields so far are in `out`
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (arg === '--json' || arg.startsWith('--json=')) {
      const at = jsonAt(argv, i, cmd, isFile);
      let fields = at.fields;
      if (at.took) i++;
      out.push('--json=');
      if (fields) {
        if (joined >= 0) fields = `${out.splice(joined, 2)[1]!},${fields}`;
        joined = out.push('--json-fields', fields) - 2;
      }
      continue;
    }
    out.push(arg);
    if (arg.startsWith('-') && arg !== '-') {
      const option = cmd.options.find((o) => o.long === arg || o.short === arg);
      if (option?.required && i + 1 < argv.length) out.push(argv[++i]!);
      continue;
    }
    const sub = operands === 0 ? cmd.commands.find((c) => c.name() === arg) : undefined;
    if (sub) cmd = sub;
    else operands++;
  }
  return out;
}

/** What adds a field a document has only sometimes, by the document's kind (the estimate's has none). */
const ADDED_BY = new Map([
  ['estimate takeHome', '--take-home adds it'],
  ['estimate paper', "only an AI startup's paper equity has it"],
  ['offer equity', 'only an offer with stock has it'],
  ['offer leave', '--leave-at adds it'],
  ['offer benefits', '--match or --espp adds it'],
  ['offer counter', '--counter adds it'],
  ['offers breakEven', '--break-even adds it'],
  ['career scenarios', '--vs adds it'],
  ...'estimate offer offers compare career cities industries skills degrees levels'
    .split(' ')
    .map((kind) => [`${kind} marketFile`, '--data adds it'] as const),
]);

/**
 * The document with only the fields asked for, in the order asked; a field the document does
 * not have is a usage error that lists the ones it has, but for `notes`, which an offer, compare
 * or career document has only where there is something to note (left out, so one script serves
 * every city). `of` names the kind of a document without one (`batch`: its records).
 */
export function pickFields(doc: object, fields: string | undefined, of?: string): object {
  if (fields === undefined) return doc;
  const names = [...new Set(fields.split(',').map((f) => f.trim()))].filter((f) => f !== '');
  if (names.length === 0) return doc;
  const known = Object.keys(doc);
  const record = doc as Record<string, unknown>;
  const kind = of ?? (typeof record.kind === 'string' ? record.kind : 'estimate');
  for (const name of names) {
    if (name === 'notes' && ['offer', 'compare', 'career'].includes(kind)) continue;
    if (!Object.hasOwn(record, name)) {
      const adds = ADDED_BY.get(`${kind} ${name}`);
      const why = adds
        ? `no field '${name}' here (${adds})`
        : `unknown field '${name.slice(0, 40)}'`;
      throw new UsageError(
        `--json: ${why}${adds ? '' : meant(name, known)}; the fields are: ${known.join(', ')}`,
      );
    }
  }
  return Object.fromEntries(
    names.filter((name) => Object.hasOwn(record, name)).map((name) => [name, record[name]]),
  );
}
