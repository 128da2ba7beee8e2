// `ml-salary completion bash|zsh|fish`: a shell completion script (the work: run/completion.ts).
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { print } from '../io.js';
import { exactArguments, meant, NEVER_ASKS, type CommandContext } from '../options.js';

const SHELLS = ['bash', 'zsh', 'fish'];

const HELP_AFTER = `
The script completes commands, flags and the names they accept (cities,
industries, skills, degrees, states, vesting presets, formats), from the data
this version checks them against.

Install:
  bash  in ~/.bashrc:  eval "$(ml-salary completion bash)"
        or once:  ml-salary completion bash \\
                    > ~/.local/share/bash-completion/completions/ml-salary
  zsh   in ~/.zshrc, after compinit:  eval "$(ml-salary completion zsh)"
        or once (with ~/.zfunc in $fpath):
                  ml-salary completion zsh > ~/.zfunc/_ml_salary
  fish  once:  ml-salary completion fish \\
                 > ~/.config/fish/completions/ml-salary.fish
A script saved once is that version's: save it again after upgrading ml-salary.`;

export function defineCompletion(program: Command, ctx: CommandContext): void {
  exactArguments(program.command('completion'))
    .description('print a shell completion script: bash, zsh or fish')
    .argument('[shell]', `one of: ${SHELLS.join(', ')}`)
    .usage('<shell>')
    .option('--no-input', NEVER_ASKS)
    .addHelpText('after', HELP_AFTER)
    .action(async (shell: string | undefined) => {
      const t = shell?.trim().toLowerCase() ?? '';
      if (!SHELLS.includes(t)) {
        throw new UsageError(
          `${shell === undefined ? 'which shell?' : `no completion for '${shell}'${meant(t, SHELLS)};`} pass one of: ${SHELLS.join(', ')} (e.g. ml-salary completion bash)`,
        );
      }
      const { completionScript } = await import('../run/completion.js');
      print(ctx.io, completionScript(t, program, await ctx.market({})));
    });
}
