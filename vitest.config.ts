import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Records executed assertions when ASSERTION_COUNT_FILE is set (npm run count-assertions).
    setupFiles: ['test/support/assertion-count.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
