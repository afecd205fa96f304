import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    // test/postgres holds races only a real PostgreSQL server can have (more than one connection);
    // `npm run test:pg` runs them, the PGlite run has nothing to run them against.
    // test/drills stop and start the PostgreSQL server: only `npm run test:drills` runs them, alone.
    exclude: [
      'test/e2e/**',
      'test/drills/**',
      'node_modules/**',
      ...(process.env.DATABASE_URL ? [] : ['test/postgres/**']),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker keeps its loaded modules from one test file to the next instead of importing the
    // whole app again per file (import time: 94 s -> 17 s of a run). Each file still builds its
    // own app on its own database copy. Module scope in src/ holds only caches of pure lookups
    // (time-zone offsets, date formatters, the ZIP table, remote key sets by URL), so nothing
    // about a request, a patient or a clock leaks from one file to the next.
    isolate: false,
    // One migrated database per run, copied by each test file (test/support/global-setup.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // The Request and Response classes of the production server, in every file (see the file).
    setupFiles: ['test/support/production-globals.ts'],
    // Test files wait on their embedded databases more than on each other: both cores, and a third for files that wait on child processes.
    maxWorkers: 3,
  },
});
