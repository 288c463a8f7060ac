import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ at / with a strict CSP (script-src 'self'): no inline scripts,
// hashed names under /assets so they can be cached for a year.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The shared API client from its TypeScript source: it imports types only, so nothing of
  // the schemas reaches the bundle, and the build does not wait for the package's own.
  resolve: {
    alias: {
      '@applydesk/api-contract/client': fileURLToPath(
        new URL('../../packages/api-contract/src/client.ts', import.meta.url),
      ),
      // The domain's lists of values (stages, levels, periods): plain constants, no zod.
      '@applydesk/domain/vocabulary': fileURLToPath(
        new URL('../../packages/domain/src/vocabulary.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:7070', '/healthz': 'http://127.0.0.1:7070' } },
});
