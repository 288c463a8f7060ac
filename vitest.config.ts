import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests (the `source` export
// condition), so tests never run against a stale build.
const resolve = { conditions: ['source'] };

// CI asks for a JSON report beside the console one (see .ci/run).
const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  resolve,
  test: {
    reporters: jsonReport === undefined ? ['default'] : ['default', 'json'],
    ...(jsonReport === undefined ? {} : { outputFile: { json: jsonReport } }),
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['{packages,apps}/*/src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.pg.test.ts', '**/*.browser.test.ts', '**/node_modules/**', '**/dist/**'],
          testTimeout: 20_000,
        },
      },
      {
        resolve,
        test: {
          name: 'pg',
          include: ['{packages,apps}/*/src/**/*.pg.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
