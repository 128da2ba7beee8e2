// Deciding colour needs no colour library: this is bundled into the CLI's start-up file, while
// chalk (src/paint.ts) loads only when a table is painted, not before the first prompt.
import type { Charset } from '../render/chart.js';

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

/**
 * The charset a terminal with this environment can show. ASCII when `TERM=dumb`, or when the
 * locale (the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`, the order in which POSIX applies
 * them to character handling) is set and is not UTF-8 (`C`, `POSIX`, `en_US.ISO-8859-1`, ...).
 * Unicode otherwise, including when no locale is set at all: most terminals today are UTF-8
 * (Windows Terminal and the macOS and Linux defaults), and an unset locale is more often a
 * stripped-down environment (a container, a CI runner, Windows) than a Latin-1 terminal.
 */
export function charsetFor(env: Record<string, string | undefined>): Charset {
  if (env.TERM === 'dumb') return 'ascii';
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return 'unicode';
  return /utf-?8/i.test(locale) ? 'unicode' : 'ascii';
}
