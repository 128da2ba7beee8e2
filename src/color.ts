// Deciding colour needs no colour library: this is bundled into the CLI's start-up file, while
// chalk (src/paint.ts) loads only when a table is painted, not before the first prompt.

export type ColorChoice = 'auto' | 'always' | 'never';

interface StreamLike {
  isTTY?: boolean;
}

/**
 * Decide colour for one stream. `--no-color`, a non-empty NO_COLOR or TERM=dumb turn it off;
 * `--color` or FORCE_COLOR (not "0") turn it on; otherwise on only for a terminal.
 * (chalk ignores NO_COLOR and fixes its level at import, so we decide here.)
 */
export function colorLevel(
  stream: StreamLike,
  env: Record<string, string | undefined>,
  choice: ColorChoice,
): 0 | 1 | 2 | 3 {
  if (choice === 'never') return 0;
  if (choice === 'always') return 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return 1;
  }
  if (env.TERM === 'dumb') return 0;
  return stream.isTTY ? 1 : 0;
}
