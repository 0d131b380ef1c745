import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no database) and `db` (runs against the
// engine named by SIKLUS_TEST_DB: pglite or postgres). scripts/test-all.ts runs
// `db` once per engine.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file gets its own database; files run in parallel processes.
          pool: 'forks',
        },
      },
    ],
  },
});
