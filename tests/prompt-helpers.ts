// Driving the real prompts in-process (@inquirer/testing's screen), safely with the renderer's
// timing. screen.next() waits for the NEXT render: when the prompt we wait for has already
// drawn (our answer checks are synchronous, so a prompt can settle and the next one draw in the
// same run of microtasks, or after a lazily imported module in a later task), it waits in vain
// and the test hangs until its timeout. `shows` instead waits in short steps and looks at the
// screen each time, so a render before, during or after the wait is never missed.
// Import this module before the program, so the real prompts draw on the test screen.
import { screen } from '@inquirer/testing/vitest';
import { run } from '../src/cli/program.js';
import { fakeIo } from './helpers.js';

export { screen };

/** Wait until the screen shows `text` (at most `ms`); returns the screen. */
export async function shows(text: string | RegExp, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const now = screen.getScreen();
    if (typeof text === 'string' ? now.includes(text) : text.test(now)) return now;
    if (Date.now() > deadline) {
      throw new Error(`the screen never showed ${String(text)}; it shows:\n${now}`);
    }
    await Promise.race([screen.next(), new Promise((resolve) => setTimeout(resolve, 20))]);
  }
}

/** Wait for `question`, then type `typed` (if any) and press enter. */
export async function answer(question: string | RegExp, typed = ''): Promise<void> {
  await shows(question);
  if (typed !== '') screen.type(typed);
  screen.keypress('enter');
}

/** Fake streams of a terminal, 200 columns, no colour: for a run that prompts (or could). */
export const terminal = () => fakeIo({ tty: true, columns: 200, env: { NO_COLOR: '1' } });

/**
 * `ml-salary ...argv` in a fake terminal (200 columns, no colour unless `env` says), its prompts
 * on the test screen: the run's promise (its exit code) and what it wrote.
 */
export function inTerminal(
  argv: readonly string[],
  opts: { env?: Record<string, string>; columns?: number } = {},
): { done: Promise<number>; stdout: () => string; stderr: () => string } {
  const t = fakeIo({ tty: true, columns: opts.columns ?? 200, env: opts.env ?? { NO_COLOR: '1' } });
  return { done: run(argv, t.io), stdout: t.stdout, stderr: t.stderr };
}
