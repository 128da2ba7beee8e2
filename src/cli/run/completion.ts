// The work of `ml-salary completion bash|zsh|fish`: a completion script generated from the
// program itself (every command, every visible flag, whether it takes a value, its choices) and
// from the catalogues the flags are checked against (cities, industries, skills, degrees, states,
// localities, vesting presets), so a new flag, metro or state appears in the script by itself.
import type { Command } from 'commander';
import { catalog, type CatalogKind } from '../../input/names.js';
import { LIST_KINDS } from '../../render/list.js';
import { vestingPresets } from '../../model/offer.js';
import { localityIndex, stateCodes } from '../../model/take-home.js';
import type { Market } from '../../model/types.js';
import { VERSION } from '../version.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value is completed from: words, a file name, or a comma list of skills. */
type Values = { words: string[] } | { files: true } | { skills: string[] };

interface Flag {
  flag: string;
  description: string;
  /** The next word is this flag's value (`--json [fields]` is not counted: its value is optional). */
  takesValue: boolean;
  values?: Values;
}

interface Scope {
  /** '' for the program, 'offer', 'profile save'. */
  id: string;
  flags: Flag[];
  /** Words the scope takes where an option is not (a command name, a kind), or files. */
  operands?: Values;
  /** The subcommands' names and descriptions (switching scope). */
  commands: { name: string; description: string }[];
}

/** Catalogue words a shell can offer: the ids, and the aliases that are one plain word. */
function names(market: Market, kind: CatalogKind): string[] {
  const words = catalog(market, kind).flatMap((e) => [e.id, ...e.aliases]);
  return [...new Set(words.filter((w) => /^[a-z0-9][a-z0-9.+_-]*$/.test(w)))];
}

/** What the values of each catalogue flag are, from the data the CLI checks them against. */
function catalogues(market: Market): Map<string, Values> {
  return new Map<string, Values>([
    ['--city', { words: names(market, 'city') }],
    ['--industry', { words: names(market, 'industry') }],
    ['--degree', { words: names(market, 'degree') }],
    ['--skills', { skills: names(market, 'skill') }],
    ['--vesting', { words: vestingPresets.map((p) => p.id) }],
    ['--state', { words: [...stateCodes(), 'none'] }],
    ['--locality', { words: [...localityIndex().keys(), 'none'] }],
    ['--data', { files: true }],
  ]);
}

/** Every scope of the program, the program first. */
async function scopes(program: Command, market: Market): Promise<Scope[]> {
  const known = catalogues(market);
  const commandNames = program.commands.map((c) => c.name());
  const operandWords: Record<string, string[]> = {
    list: Object.keys(LIST_KINDS),
    help: commandNames.filter((n) => n !== 'help'),
    completion: [...SHELLS],
  };
  const out: Scope[] = [];
  const visit = (cmd: Command, id: string): void => {
    const flags: Flag[] = cmd.options
      .filter((o) => !o.hidden && o.long !== undefined)
      .map((o) => {
        const flag = o.long!;
        const values: Values | undefined = o.argChoices
          ? { words: [...o.argChoices] }
          : known.get(flag);
        return { flag, description: o.description, takesValue: o.required, values };
      });
    flags.push({ flag: '--help', description: 'show help', takesValue: false });
    const commands = cmd.commands.map((c) => ({ name: c.name(), description: c.description() }));
    const arg = cmd.registeredArguments[0]?.name();
    const operands: Values | undefined =
      arg === 'file' || arg === 'files'
        ? { files: true }
        : operandWords[id]
          ? { words: operandWords[id] }
          : undefined;
    out.push({ id, flags, commands, operands });
    for (const sub of cmd.commands) visit(sub, id === '' ? sub.name() : `${id} ${sub.name()}`);
  };
  visit(program, '');
  return out;
}

/** Single-quoted for sh, bash, zsh and fish alike (fish: no `\'` inside, so `'\''` is avoided). */
const quote = (text: string): string => `'${text.replace(/'/g, '')}'`;
/** One line of a description: the first clause, short. */
const short = (text: string): string => text.replace(/\s+/g, ' ').split('; ')[0]!.slice(0, 70);

/**
 * The case patterns that walk the words before the cursor (bash and zsh): a value-taking flag
 * skips its value (and `=` when bash split `--flag=value`), a command name enters its scope.
 */
function walkCases(all: Scope[], equalsWord: boolean): string[] {
  const lines: string[] = [];
  const skip = all.flatMap((s) =>
    s.flags.filter((f) => f.takesValue).map((f) => `"${s.id}:${f.flag}"`),
  );
  const next = equalsWord ? '[[ ${COMP_WORDS[j+1]} == = ]] && ((j++)); ((j++))' : '((j++))';
  if (skip.length > 0) lines.push(`      ${skip.join('|')}) ${next} ;;`);
  for (const s of all) {
    for (const c of s.commands) {
      const inner = s.id === '' ? c.name : `${s.id} ${c.name}`;
      lines.push(`      "${s.id}:${c.name}") cmd="${inner}" ;;`);
    }
  }
  return lines;
}

/** The flags of each scope whose values come from a list, grouped by the same values. */
function valueGroups(all: Scope[]): { patterns: string[]; values: Values }[] {
  const groups = new Map<string, { patterns: string[]; values: Values }>();
  for (const s of all) {
    for (const f of s.flags) {
      if (!f.takesValue) continue;
      const values = f.values ?? { words: [] };
      const key = JSON.stringify(values);
      const group = groups.get(key) ?? { patterns: [], values };
      group.patterns.push(`"${s.id}:${f.flag}"`);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

function bash(all: Scope[]): string {
  const values = valueGroups(all).map(({ patterns, values: v }) => {
    const body =
      'files' in v
        ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
        : 'skills' in v
          ? `local pre=; [[ $cur == *,* ]] && pre=\${cur%,*},; compopt -o nospace 2>/dev/null; COMPREPLY=($(compgen -P "$pre" -W ${quote(v.skills.join(' '))} -- "\${cur##*,}"))`
          : `COMPREPLY=($(compgen -W ${quote(v.words.join(' '))} -- "$cur"))`;
    return `    ${patterns.join('|')}) ${body}; return ;;`;
  });
  const flags = all.map(
    (s) => `    "${s.id}") words=${quote(s.flags.map((f) => f.flag).join(' '))} ;;`,
  );
  const operands = all.flatMap((s) => {
    const words = [
      ...s.commands.map((c) => c.name),
      ...(s.operands && 'words' in s.operands ? s.operands.words : []),
    ];
    if (s.operands && 'files' in s.operands) {
      return [
        `    "${s.id}") compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;`,
      ];
    }
    return words.length ? [`    "${s.id}") words=${quote(words.join(' '))} ;;`] : [];
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
${values.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
${flags.join('\n')}
    esac
  else
    case "$cmd" in
${operands.join('\n')}
    esac
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _ml_salary ml-salary
`;
}

/** A zsh `_describe` entry: `name:description`, colons in the name escaped. */
const describe = (name: string, description: string): string =>
  quote(`${name.replace(/:/g, '\\:')}:${short(description)}`);

function zsh(all: Scope[]): string {
  const values = valueGroups(all).map(({ patterns, values: v }) => {
    const body =
      'files' in v
        ? '_files'
        : 'skills' in v
          ? `compset -P '*,'; compadd -S '' -- ${v.skills.join(' ')}`
          : v.words.length
            ? `compadd -- ${v.words.join(' ')}`
            : ':';
    return `    (${patterns.join('|')}) ${body}; return ;;`;
  });
  const flags = all.map(
    (s) =>
      `    ("${s.id}") items=(${s.flags.map((f) => describe(f.flag, f.description)).join(' ')}) ;;`,
  );
  const operands = all.flatMap((s) => {
    if (s.operands && 'files' in s.operands) return [`    ("${s.id}") _files; return ;;`];
    const items = [
      ...s.commands.map((c) => describe(c.name, c.description)),
      ...(s.operands && 'words' in s.operands ? s.operands.words.map((w) => quote(w)) : []),
    ];
    return items.length ? [`    ("${s.id}") items=(${items.join(' ')}) ;;`] : [];
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
${values.join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case "$cmd" in
${flags.join('\n')}
    esac
    _describe -t options option items
    return
  fi
  case "$cmd" in
${operands.join('\n')}
  esac
  _describe -t values value items
}
if [[ $funcstack[1] == _ml_salary ]]; then _ml_salary "$@"; else compdef _ml_salary ml-salary; fi
`;
}

function fish(all: Scope[]): string {
  const skip = all.flatMap((s) =>
    s.flags.filter((f) => f.takesValue).map((f) => quote(`${s.id}:${f.flag}`)),
  );
  const enter = all.flatMap((s) =>
    s.commands.map(
      (c) =>
        `      case ${quote(`${s.id}:${c.name}`)}\n        set cmd ${quote(s.id === '' ? c.name : `${s.id} ${c.name}`)}`,
    ),
  );
  const lines: string[] = [];
  for (const s of all) {
    const when = `-n '__ml_salary_in "${s.id}"'`;
    for (const c of s.commands) {
      lines.push(`complete -c ml-salary ${when} -a ${c.name} -d ${quote(short(c.description))}`);
    }
    if (s.operands && 'files' in s.operands) lines.push(`complete -c ml-salary ${when} -F`);
    if (s.operands && 'words' in s.operands) {
      lines.push(`complete -c ml-salary ${when} -a ${quote(s.operands.words.join(' '))}`);
    }
    for (const f of s.flags) {
      const v = f.values;
      const value = !f.takesValue
        ? ''
        : v === undefined
          ? ' -x'
          : 'files' in v
            ? ' -r -F'
            : 'skills' in v
              ? ` -x -a ${quote('(__ml_salary_skills)')}`
              : ` -x -a ${quote(v.words.join(' '))}`;
      lines.push(
        `complete -c ml-salary ${when} -l ${f.flag.slice(2)}${value} -d ${quote(short(f.description))}`,
      );
    }
  }
  const skills = all.flatMap((s) => s.flags).find((f) => f.values && 'skills' in f.values);
  const skillWords = skills?.values && 'skills' in skills.values ? skills.values.skills : [];
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
    for skill in ${skillWords.join(' ')}
        echo "$pre$skill"
    end
end
complete -c ml-salary -f
${lines.join('\n')}
`;
}

/** The completion script for `shell`. */
export async function completionScript(
  shell: Shell,
  program: Command,
  market: Market,
): Promise<string> {
  const all = await scopes(program, market);
  return shell === 'bash' ? bash(all) : shell === 'zsh' ? zsh(all) : fish(all);
}
