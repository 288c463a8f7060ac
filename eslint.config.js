// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Each layer may import only the layers inside it (see docs/architecture.md). */
const LAYERS = {
  'packages/domain': [],
  'packages/config': ['domain'],
  'packages/store': ['domain'],
  'packages/llm': ['domain'],
  'packages/sources': ['domain'],
  'packages/api-contract': ['domain'],
  'packages/documents': ['domain'],
  'packages/engine': ['domain', 'config', 'store', 'llm', 'sources', 'documents'],
  'apps/server': ['domain', 'config', 'engine', 'api-contract'],
  'apps/cli': ['domain', 'config', 'engine', 'api-contract', 'server', 'sources'],
};
const ALL = [
  'domain',
  'config',
  'store',
  'llm',
  'api-contract',
  'engine',
  'server',
  'sources',
  'documents',
  'integrations',
];

/** Node built-ins and globals that do I/O: the domain is pure and may touch none of them. */
const NODE_IO = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'http',
  'https',
  'net',
  'child_process',
  'crypto',
  'worker_threads',
  'dns',
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'bench/results/**',
      'apps/cli/bin/**',
      'eslint.config.js',
      'packages/*/scripts/**',
      '**/.output/**',
      '**/.wxt/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One program over sources, tests and bench, resolving workspace packages to source.
      parserOptions: { project: ['./tsconfig.check.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  ...Object.entries(LAYERS).map(([folder, allowed]) => ({
    files: [`${folder}/src/**/*.ts`],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ALL.filter((name) => !allowed.includes(name))
                .map((name) => `@applydesk/${name}`)
                .concat(folder.startsWith('apps') ? [] : ['applydesk']),
              message: `${folder} may import only ${allowed.length === 0 ? 'no workspace package' : allowed.map((a) => `@applydesk/${a}`).join(', ')}: dependencies point inward.`,
            },
            ...(folder === 'packages/domain'
              ? [{ group: NODE_IO, message: 'packages/domain is pure: no I/O, no Node built-ins.' }]
              : []),
          ],
        },
      ],
      ...(folder === 'packages/domain'
        ? {
            'no-restricted-globals': [
              'error',
              { name: 'fetch', message: 'packages/domain does no I/O.' },
              { name: 'process', message: 'packages/domain reads no environment; config does.' },
              { name: 'require', message: 'ESM only.' },
            ],
          }
        : {}),
      ...(folder !== 'packages/config'
        ? {
            'no-restricted-properties': [
              'error',
              {
                object: 'process',
                property: 'env',
                message: 'Only packages/config reads the environment.',
              },
            ],
          }
        : {}),
    },
  })),
  {
    // The dashboard runs in the browser, with its own program (DOM lib, JSX), and reaches
    // the system only through the HTTP API: types from api-contract, nothing else of ours.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        project: ['./apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Every package but api-contract, and but the domain's lists of values: plain
              // constants, shared so the forms offer exactly what the server accepts.
              regex: '^@applydesk/(?!api-contract(/|$)|domain/vocabulary$)',
              message:
                'apps/web reaches the system only through the HTTP API (api-contract types).',
            },
            {
              // The typed client is the exception: it imports types only itself.
              regex: '^@applydesk/api-contract(?!/client$)',
              allowTypeImports: true,
              message:
                'import types only (or the client): a value import would bundle zod and hono.',
            },
          ],
        },
      ],
    },
  },
  {
    // The extension runs in the browser with its own program (DOM lib, WXT) and reaches the
    // system only through the HTTP API; its browser tests drive it against a real server.
    files: ['apps/extension/**/*.ts'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        project: ['./apps/extension/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['apps/extension/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ALL.filter((name) => name !== 'api-contract').map(
                (name) => `@applydesk/${name}`,
              ),
              message:
                'apps/extension reaches the system only through the HTTP API (api-contract types).',
            },
            {
              // The typed client is the exception: it imports types only itself.
              regex: '^@applydesk/api-contract(?!/client$)',
              allowTypeImports: true,
              message:
                'import types only (or the client): a value import would bundle zod and hono.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/test-support/**/*.ts',
      'bench/**/*.ts',
      'apps/web/e2e/**/*.ts',
      'apps/extension/e2e/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      'no-console': 'off',
    },
  },
);
