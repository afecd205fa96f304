import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // test/postgres holds races only a real PostgreSQL server can have (more than one connection);
    // `npm run test:pg` runs them, the PGlite run has nothing to run them against.
    exclude: ['test/e2e/**', 'node_modules/**', ...(process.env.DATABASE_URL ? [] : ['test/postgres/**'])],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
