import { defineConfig } from 'vitest/config';

/**
 * Tests of test/reliability/ that take over a minute on a loaded machine (1,000 posts with a kill -9,
 * 50 users posting at once): left out of `vitest run`, run by `npm run test:reliability` with the rest.
 */
export const SLOW_RELIABILITY_TESTS = ['test/reliability/durability.test.ts', 'test/reliability/concurrency.test.ts'];

/** The whole reliability and security suite (test/reliability/): `npm run test:reliability`. */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
