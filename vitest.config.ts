import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Colour is deterministic without pinning env here: in-process tests pass their own env to
    // run(), and spawned tests start the CLI with only PATH plus what each test sets.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
