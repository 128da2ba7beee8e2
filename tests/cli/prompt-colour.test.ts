import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

// FORCE_COLOR before the prompt library loads: its default theme is coloured at import (through
// util.styleText, which honours FORCE_COLOR), so colour off must come from our plain theme.
vi.hoisted(() => {
  process.env.FORCE_COLOR = '1';
});
const { promptKit } = await import('../../src/cli/prompt-kit.js');
const { promptContext } = await import('../../src/cli/prompts.js');
const { fakeIo } = await import('../helpers.js');

// eslint-disable-next-line no-control-regex -- SGR: the escape codes of colour and style
const SGR = /\u001b\[[0-9;]*m/;

/**
 * One prompt of the kit drawn on a fresh terminal-like stream, answered with `keys`: each chunk
 * is typed, then the prompt's drawing is awaited (until it shows `until`, if given).
 */
async function drawn(
  colour: boolean,
  ask: (kit: ReturnType<typeof promptKit>) => Promise<unknown>,
  keys: [chunk: string, until?: string][],
  ascii = false,
): Promise<{ answer: unknown; screen: string }> {
  const input = new PassThrough();
  const seen: string[] = [];
  let wrote: (text: string) => void = () => {};
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer, _enc, done) {
        seen.push(chunk.toString());
        wrote(seen.join(''));
        done();
      },
    }),
    { isTTY: true, columns: 100, rows: 40 },
  );
  const answer = ask(promptKit({ input, output, colour, ascii }));
  for (const [chunk, until] of keys) {
    const from = seen.join('').length;
    const redrawn = new Promise<void>((resolve) => {
      wrote = (text) => {
        if (until === undefined || text.slice(from).includes(until)) resolve();
      };
    });
    input.write(chunk);
    await redrawn;
  }
  return { answer: await answer, screen: seen.join('') };
}

const ASKS: Record<
  string,
  [(kit: ReturnType<typeof promptKit>) => Promise<unknown>, [string, string?][]]
> = {
  input: [
    (kit) => kit.input({ message: 'Years:', validate: (v) => v === '3' || 'say 3' }),
    [['2\r', 'say 3'], ['\b'], ['3\r']],
  ],
  select: [
    (kit) =>
      kit.select({
        message: 'City:',
        choices: [
          { value: 'a' },
          { value: 'b', description: 'the second' },
          { value: 'c', disabled: true },
        ],
      }),
    [['\u001b[B\r']],
  ],
  checkbox: [
    (kit) =>
      kit.checkbox({
        message: 'Skills:',
        choices: [
          { value: 'x', checked: true },
          { value: 'y', description: 'why' },
          { value: 'z', disabled: 'no', checked: true },
        ],
      }),
    [['\u001b[B'], [' '], ['\r']],
  ],
};

describe('the prompt kit draws no colour code with colour off', () => {
  it('covers every prompt of the kit', () => {
    expect(Object.keys(promptKit({})).sort()).toEqual(Object.keys(ASKS).sort());
  });

  it.each(Object.entries(ASKS))('%s', async (_name, [ask, keys]) => {
    const on = await drawn(true, ask, keys);
    const off = await drawn(false, ask, keys);
    expect(off.answer).toEqual(on.answer);
    expect(SGR.test(on.screen)).toBe(true); // the control: the library does colour here
    expect(off.screen).not.toMatch(SGR);
    // The same characters drawn, less the colour.
    expect(off.screen).toBe(on.screen.replace(new RegExp(SGR.source, 'g'), ''));
  });
});

// eslint-disable-next-line no-control-regex -- any character past ASCII
const NON_ASCII = /[^\x00-\x7f]/;

describe('where the locale is not UTF-8 the prompts draw ASCII, as the report does (review7 T2)', () => {
  it.each(Object.entries(ASKS))('%s', async (_name, [ask, keys]) => {
    for (const colour of [true, false]) {
      const unicode = await drawn(colour, ask, keys);
      const ascii = await drawn(colour, ask, keys, true);
      expect(ascii.answer).toEqual(unicode.answer);
      expect(unicode.screen).toMatch(NON_ASCII); // the control: ✔ ❯ ◯ ↑↓ ⏎
      expect(ascii.screen).not.toMatch(NON_ASCII);
    }
  });

  it('the CLI asks for ASCII with LC_ALL=C, as charsetFor says', () => {
    const io = (env: Record<string, string>) => fakeIo({ tty: true, env }).io;
    expect(promptContext(io({ LC_ALL: 'C' }), undefined).ascii).toBe(true);
    expect(promptContext(io({ LANG: 'en_US.UTF-8' }), undefined).ascii).toBe(false);
  });
});
