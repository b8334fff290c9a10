import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Ink draws only the final frame when it believes it runs in CI (is-in-ci reads CI at import).
    // The end-to-end dashboard tests check what a person sees on a terminal, so they run as on one.
    env: { CI: 'false' },
  },
});
