import pkg from '../../package.json' with { type: 'json' };

/** The package version, for --version. */
export const VERSION: string = pkg.version;
