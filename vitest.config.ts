import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Deterministic colour: tests decide colour explicitly; nothing leaks from the runner's env.
    env: { FORCE_COLOR: '', NO_COLOR: '' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
