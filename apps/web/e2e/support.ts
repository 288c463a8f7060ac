/**
 * What the browser tests and the dashboard bench share: the built dashboard, a real server
 * (createApp on a seeded SQLite engine, on a real socket) and Debian's Chromium driven by
 * playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import type { JobInputDraft } from '@applydesk/domain';
import type { OpenEngine } from '@applydesk/engine';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import { seededEngine } from '../../server/src/test-support/seeded-engine.js';

export const WEB_ROOT = join(import.meta.dirname, '..');
export const DIST = join(WEB_ROOT, 'dist');
const REPO = join(WEB_ROOT, '../..');
export const SCREENSHOTS = join(REPO, 'test-results/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this machine's Chromium needs: no sandbox as root, no network of its own. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests cannot run here, or null when they can. CI must run them, so a
 * missing browser there is a failure rather than a skip.
 */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds apps/web when dist is missing or older than its sources, so tests see today's code. */
export function ensureDashboardBuilt(): void {
  const index = join(DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(WEB_ROOT, 'src')),
    statSync(join(WEB_ROOT, 'index.html')).mtimeMs,
    statSync(join(WEB_ROOT, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: WEB_ROOT,
      stdio: 'inherit',
    },
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface RunningServer {
  url: string;
  engine: OpenEngine;
  close(): Promise<void>;
}

/** createApp on a freshly seeded SQLite engine, listening on 127.0.0.1 at a free port. */
export async function startServer(
  options: { count?: number; extra?: JobInputDraft[] } = {},
): Promise<RunningServer> {
  const engine = await seededEngine(options);
  const app = createApp({ ctx: engine, logger: createLogger('silent') });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    close: async () => {
      // Event streams stay open until closed: end them so close() does not wait on them.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}
