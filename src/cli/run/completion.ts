// The work of `ml-salary completion bash|zsh|fish`: a completion script generated from the
// program itself (every command, every visible flag, whether it takes a value, its choices) and
// from the catalogues the flags are checked against (cities, industries, skills, degrees, levels,
// states, localities, vesting presets), so a new flag, metro or state appears in the script by
// itself.
import type { Command } from 'commander';
import { catalog, type CatalogKind } from '../../input/names.js';
import { LIST_KINDS } from '../../render/list.js';
import { vestingPresets } from '../../model/offer.js';
import { STAGES } from '../../model/equity.js';
import { localityIndex, stateCodes } from '../../model/take-home.js';
import type { Market } from '../../model/types.js';
import { VERSION } from '../version.js';

/** What a value is completed from: words, a file name, or a comma list of skills. */
type Values = string[] | 'files' | 'skills';

/** A flag; `takesValue` is false for `--json [fields]`, whose value is optional. */
type Flag = { flag: string; description: string; takesValue: boolean; values?: Values };

/** A command's flags, operands and subcommands ('' is the program, then 'offer', 'profile save'). */
interface Scope {
  id: string;
  flags: Flag[];
  operands?: Values;
  commands: { name: string; description: string }[];
}

/** Catalogue words a shell can offer: the ids, and the aliases that are one plain word. */
function names(market: Market, kind: CatalogKind): string[] {
  const words = catalog(market, kind).flatMap((e) => [e.id, ...e.aliases]);
  return [...new Set(words.filter((w) => /^[a-z0-9][a-z0-9.+_-]*$/.test(w)))];
}

/** Every scope of the program, the program first. */
function scopes(program: Command, market: Market): Scope[] {
  const known: Record<string, Values> = {
    '--city': names(market, 'city'),
    '--industry': names(market, 'industry'),
    '--degree': names(market, 'degree'),
    '--level': names(market, 'level'),
    '--skills': 'skills',
    '--vesting': vestingPresets.map((p) => p.id),
    '--stage': [...STAGES],
    '--option-type': ['iso', 'nso'],
    '--vest-every': ['1', '3', '6', '12', 'monthly', 'quarterly'],
    '--state': [...stateCodes(), 'none'],
    '--locality': [...localityIndex().keys(), 'none'],
    '--data': 'files',
  };
  const operandWords: Record<string, string[]> = {
    list: Object.keys(LIST_KINDS),
    help: program.commands.map((c) => c.name()).filter((n) => n !== 'help'),
    completion: ['bash', 'zsh', 'fish'],
  };
  const out: Scope[] = [];
  const visit = (cmd: Command, id: string): void => {
    const flags: Flag[] = cmd.options
      .filter((o) => !o.hidden && o.long !== undefined)
      .map((o) => ({
        flag: o.long!,
        description: o.description,
        takesValue: o.required,
        values: o.argChoices ? [...o.argChoices] : known[o.long!],
      }));
    flags.push({ flag: '--help', description: 'show help', takesValue: false });
    const arg = cmd.registeredArguments[0]?.name();
    out.push({
      id,
      flags,
      commands: cmd.commands.map((c) => ({ name: c.name(), description: c.description() })),
      operands: arg === 'file' || arg === 'files' ? 'files' : operandWords[id],
    });
    for (const sub of cmd.commands) visit(sub, id === '' ? sub.name() : `${id} ${sub.name()}`);
  };
  visit(program, '');
  return out;
}

/** Single-quoted for sh, bash, zsh and fish alike (fish: no `\'` inside, so `'\''` is avoided). */
const quote = (text: string): string => `'${text.replace(/'/g, '')}'`;
/** One line of a description: the first clause, short. */
const short = (text: string): string => text.replace(/\s+/g, ' ').split('; ')[0]!.slice(0, 70);
const words = (v: Values | undefined): string[] => (Array.isArray(v) ? v : []);

/**
 * The case patterns that walk the words before the cursor (bash and zsh): a value-taking flag
 * skips its value (and `=` when bash split `--flag=value`), a command name enters its scope.
 */
function walkCases(all: Scope[], equalsWord: boolean): string[] {
  const skip = all.flatMap((s) =>
    s.flags.filter((f) => f.takesValue).map((f) => `"${s.id}:${f.flag}"`),
  );
  const next = equalsWord ? '[[ ${COMP_WORDS[j+1]} == = ]] && ((j++)); ((j++))' : '((j++))';
  return [
    ...(skip.length > 0 ? [`      ${skip.join('|')}) ${next} ;;`] : []),
    ...all.flatMap((s) =>
      s.commands.map(
        (c) => `      "${s.id}:${c.name}") cmd="${s.id === '' ? c.name : `${s.id} ${c.name}`}" ;;`,
      ),
    ),
  ];
}

/** The value-taking flags of every scope, `"scope:--flag"` patterns grouped by their values. */
function valueGroups(all: Scope[], body: (v: Values) => string): string[] {
  const groups = new Map<string, { patterns: string[]; values: Values }>();
  for (const s of all) {
    for (const f of s.flags.filter((f) => f.takesValue)) {
      const values = f.values ?? [];
      const key = JSON.stringify(values);
      const group = groups.get(key) ?? { patterns: [], values };
      group.patterns.push(`"${s.id}:${f.flag}"`);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(
    ({ patterns, values }) => `${patterns.join('|')}) ${body(values)}; return ;;`,
  );
}

function bash(all: Scope[], skills: string[]): string {
  const files = 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))';
  const values = valueGroups(all, (v) =>
    v === 'files'
      ? files
      : v === 'skills'
        ? `local pre=; [[ $cur == *,* ]] && pre=\${cur%,*},; compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -P "$pre" -W ${quote(skills.join(' '))} -- "\${cur##*,}"))`
        : `COMPREPLY=($(compgen -W ${quote(v.join(' '))} -- "$cur"))`,
  );
  const flags = all.map(
    (s) => `"${s.id}") words=${quote(s.flags.map((f) => f.flag).join(' '))} ;;`,
  );
  const operands = all.flatMap((s) => {
    if (s.operands === 'files') return [`"${s.id}") ${files}; return ;;`];
    const w = [...s.commands.map((c) => c.name), ...words(s.operands)];
    return w.length ? [`"${s.id}") words=${quote(w.join(' '))} ;;`] : [];
  });
  return `# ml-salary ${VERSION} completion for bash: generated by 'ml-salary completion bash'.
# Load it in ~/.bashrc:  eval "$(ml-salary completion bash)"
# or save it once:       ml-salary completion bash > ~/.local/share/bash-completion/completions/ml-salary
_ml_salary() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd= words= j
  # bash splits --flag=value at '=' (COMP_WORDBREAKS): complete the value of --flag.
  if [[ $cur == = ]]; then cur=
  elif [[ $prev == = ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  for ((j = 1; j < COMP_CWORD; j++)); do
    [[ \${COMP_WORDS[j]} == -- ]] && break
    case "$cmd:\${COMP_WORDS[j]}" in
${walkCases(all, true).join('\n')}
    esac
  done
  COMPREPLY=()
  case "$cmd:$prev" in
${indent(values)}
  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
${indent(flags)}
    esac
  else
    case "$cmd" in
${indent(operands)}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _ml_salary ml-salary
`;
}

const indent = (lines: string[]): string => lines.map((l) => `    ${l}`).join('\n');

/** A zsh `_describe` entry: `name:description`, colons in the name escaped. */
const describe = (name: string, description: string): string =>
  quote(`${name.replace(/:/g, '\\:')}:${short(description)}`);

function zsh(all: Scope[], skills: string[]): string {
  const values = valueGroups(all, (v) =>
    v === 'files'
      ? '_files'
      : v === 'skills'
        ? `compset -P '*,'; compadd -S '' -- ${skills.join(' ')}`
        : v.length
          ? `compadd -- ${v.join(' ')}`
          : ':',
  ).map((l) => `(${l}`);
  const flags = all.map(
    (s) =>
      `("${s.id}") items=(${s.flags.map((f) => describe(f.flag, f.description)).join(' ')}) ;;`,
  );
  const operands = all.flatMap((s) => {
    if (s.operands === 'files') return [`("${s.id}") _files; return ;;`];
    const items = [
      ...s.commands.map((c) => describe(c.name, c.description)),
      ...words(s.operands).map(quote),
    ];
    return items.length ? [`("${s.id}") items=(${items.join(' ')}) ;;`] : [];
  });
  return `#compdef ml-salary
# ml-salary ${VERSION} completion for zsh: generated by 'ml-salary completion zsh'.
# Load it in ~/.zshrc, after compinit:  eval "$(ml-salary completion zsh)"
# or save it as _ml_salary in a folder of $fpath.
_ml_salary() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmd= j
  local -a items
  for ((j = 2; j < CURRENT; j++)); do
    [[ \${words[j]} == -- ]] && break
    case "$cmd:\${words[j]}" in
${walkCases(all, false).join('\n')}
    esac
  done
  if [[ $cur == --*=* ]]; then
    prev=\${cur%%=*}
    compset -P '*='
  fi
  case "$cmd:$prev" in
${indent(values)}
  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
${indent(flags)}
    esac
    _describe -t options option items
    return
  fi
  case "$cmd" in
${indent(operands)}
  esac
  _describe -t values value items
}
if [[ $funcstack[1] == _ml_salary ]]; then _ml_salary "$@"; else compdef _ml_salary ml-salary; fi
`;
}

function fish(all: Scope[], skills: string[]): string {
  const skip = all.flatMap((s) =>
    s.flags.filter((f) => f.takesValue).map((f) => quote(`${s.id}:${f.flag}`)),
  );
  const enter = all.flatMap((s) =>
    s.commands.map(
      (c) =>
        `      case ${quote(`${s.id}:${c.name}`)}\n        set cmd ${quote(s.id === '' ? c.name : `${s.id} ${c.name}`)}`,
    ),
  );
  const lines = all.flatMap((s) => {
    const when = `complete -c ml-salary -n '__ml_salary_in "${s.id}"'`;
    const value = ({ takesValue, values: v }: Flag): string =>
      !takesValue
        ? ''
        : v === undefined
          ? ' -x'
          : v === 'files'
            ? ' -r -F'
            : ` -x -a ${quote(v === 'skills' ? '(__ml_salary_skills)' : v.join(' '))}`;
    return [
      ...s.commands.map((c) => `${when} -a ${c.name} -d ${quote(short(c.description))}`),
      ...(s.operands === 'files' ? [`${when} -F`] : []),
      ...(Array.isArray(s.operands) ? [`${when} -a ${quote(s.operands.join(' '))}`] : []),
      ...s.flags.map(
        (f) => `${when} -l ${f.flag.slice(2)}${value(f)} -d ${quote(short(f.description))}`,
      ),
    ];
  });
  return `# ml-salary ${VERSION} completion for fish: generated by 'ml-salary completion fish'.
# Save it once:  ml-salary completion fish > ~/.config/fish/completions/ml-salary.fish
function __ml_salary_cmd
    set -l cmd ''
    set -l skip 0
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for w in $tokens
        if test $skip = 1
            set skip 0
            continue
        end
        test "$w" = -- && break
        switch "$cmd:$w"
${skip.length ? `      case ${skip.join(' ')}\n        set skip 1\n` : ''}${enter.join('\n')}
        end
    end
    echo $cmd
end
function __ml_salary_in
    set -l cmd (__ml_salary_cmd)
    test "$cmd" = "$argv[1]"
end
function __ml_salary_skills
    set -l token (commandline -ct)
    set -l pre (string match -r '^.*,' -- $token)
    for skill in ${skills.join(' ')}
        echo "$pre$skill"
    end
end
complete -c ml-salary -f
${lines.join('\n')}
`;
}

/** The completion script for `shell`. */
export function completionScript(shell: string, program: Command, market: Market): string {
  const make = shell === 'bash' ? bash : shell === 'zsh' ? zsh : fish;
  return make(scopes(program, market), names(market, 'skill'));
}
