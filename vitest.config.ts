import { configDefaults, defineConfig } from 'vitest/config';
import { SLOW_RELIABILITY_TESTS } from './vitest.reliability.config.js';

export default defineConfig({
  test: {
    include: ['emulator/**/*.test.ts', 'handlers/**/*.test.ts', 'provision/**/*.test.ts', 'test/**/*.test.ts'],
    // The quick parts of test/reliability/ run here; its load and crash tests only in `npm run test:reliability`.
    exclude: [...configDefaults.exclude, ...SLOW_RELIABILITY_TESTS],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
