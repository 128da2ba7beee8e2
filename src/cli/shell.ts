// Writing a command line that a POSIX shell (sh, bash, zsh, dash) reads back word for word.

/** Characters that mean nothing to a shell anywhere in a word ('=' is left out: zsh's =cmd). */
const PLAIN = /^[A-Za-z0-9_@%+:,./-]+$/;

/**
 * `word` as one shell word: as it is when every character is plain, else in single quotes,
 * inside which nothing is special, with each `'` written as `'\''` (close, escaped quote, open).
 * The empty word is `''`.
 */
export function shellQuote(word: string): string {
  if (PLAIN.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** Words joined into one command line, each quoted as needed. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
