import { defineConfig } from 'vitest/config';

// Drills stop and start the PostgreSQL server: they run alone, one file at a time, after the
// PostgreSQL suite (`npm run test:drills`; CI runs them last).
export default defineConfig({
  test: {
    include: ['test/drills/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
