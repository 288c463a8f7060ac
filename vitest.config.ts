import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests, so a test never runs
// against a stale build (the `source` export condition, spelled out as aliases because
// Vitest resolves externalized packages with Node's own conditions).
const root = import.meta.dirname;
const alias = [
  {
    find: '@applydesk/sources/test-support',
    replacement: join(root, 'packages/sources/src/test-support/replay-server.ts'),
  },
  {
    find: '@applydesk/api-contract/client',
    replacement: join(root, 'packages/api-contract/src/client.ts'),
  },
  {
    find: '@applydesk/domain/vocabulary',
    replacement: join(root, 'packages/domain/src/vocabulary.ts'),
  },
  ...['packages', 'apps'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => existsSync(join(root, dir, name, 'src/index.ts')))
      .map((name) => ({
        find: new RegExp(`^@applydesk/${name}$`),
        replacement: join(root, dir, name, 'src/index.ts'),
      })),
  ),
];
const resolve = { alias };

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
          // The built dashboard (apps/web/e2e) and the built extension (apps/extension/e2e) in
          // Debian's Chromium against a real server.
          name: 'browser',
          include: ['apps/web/e2e/**/*.e2e.test.ts', 'apps/extension/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
