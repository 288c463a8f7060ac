import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { JOB_SITE_MATCHES } from './src/lib/content-matches.js';

// The manifest asks for as little as it can: storage, alarms and the side panel; the job
// sites the content script reads; the local ApplyDesk server. Another server's origin is
// asked for at run time (optional_host_permissions) when the user saves it.
export default defineConfig({
  srcDir: 'src',
  outDir: '.output',
  imports: false,
  manifestVersion: 3,
  zip: { artifactTemplate: 'applydesk-extension-{{version}}-{{browser}}.zip' },
  // The shared API client from its TypeScript source, as the dashboard takes it: it imports
  // types only, so the bundle gains the client alone, and the build needs no package build.
  vite: () => ({
    resolve: {
      alias: {
        '@applydesk/api-contract/client': fileURLToPath(
          new URL('../../packages/api-contract/src/client.ts', import.meta.url),
        ),
      },
    },
  }),
  manifest: {
    name: 'ApplyDesk',
    description:
      'Capture job postings into your own ApplyDesk, see their score, fill approved drafts in.',
    // activeTab + scripting: on a page outside the job sites, a click on the toolbar button
    // lets the reader look for a schema.org JobPosting there, on that tab only.
    permissions: ['storage', 'alarms', 'sidePanel', 'activeTab', 'scripting'],
    host_permissions: [...JOB_SITE_MATCHES, 'http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: 'ApplyDesk' },
  },
});
