// Where the saved profile lives, and how messages show that path.
import { posix, win32 } from 'node:path';

/**
 * The profile's path: `$XDG_CONFIG_HOME/ml-salary/profile.json` (an absolute XDG_CONFIG_HOME
 * only, as the XDG spec says), else `$HOME/.config/...`; on Windows `%APPDATA%\ml-salary\...`.
 * Only the environment given is read (tests pass their own), so no home: no profile.
 */
export function profilePath(
  env: Record<string, string | undefined>,
  platform: string = process.platform,
): string | undefined {
  if (platform === 'win32') {
    const appData = env.APPDATA;
    return appData ? win32.join(appData, 'ml-salary', 'profile.json') : undefined;
  }
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && posix.isAbsolute(xdg)) return posix.join(xdg, 'ml-salary', 'profile.json');
  const home = env.HOME;
  return home ? posix.join(home, '.config', 'ml-salary', 'profile.json') : undefined;
}

/** The path as messages show it: `~/...` for a path under $HOME (shorter, and the same for all). */
export function shownPath(path: string, env: Record<string, string | undefined>): string {
  const home = env.HOME;
  if (home === undefined || home === '' || home === '/') return path;
  const prefix = home.endsWith('/') ? home : `${home}/`;
  return path.startsWith(prefix) ? `~/${path.slice(prefix.length)}` : path;
}
