import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // FC_SEED / FC_PATH replay a failing property test (see the file).
    setupFiles: ['tests/fast-check-setup.ts'],
    // Colour is deterministic without pinning env here: in-process tests pass their own env to
    // run(), and spawned tests start the CLI with only PATH plus what each test sets.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every core: vitest's default leaves one free, which on a two-core machine runs the files
    // one at a time (about 66 s here, against 44 s on both cores).
    maxWorkers: availableParallelism(),
  },
});
