import { defineConfig } from 'vitest/config';

// Database-backed tests run twice: on embedded PostgreSQL (PGlite) and on the PostgreSQL server.
const dbTests = ['test/api/**/*.test.ts', 'src/**/*.db.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: dbTests,
          env: { NANDUTI_TEST_DB: 'pglite' },
          globalSetup: ['test/setup/global-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: dbTests,
          env: { NANDUTI_TEST_DB: 'postgres' },
          globalSetup: ['test/setup/global-db.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/process/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A screen answers after a server round trip: on a loaded machine that exceeds poll's
          // default second (a status message seen only after 1 s failed the protection journey).
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
