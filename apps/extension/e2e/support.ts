/**
 * What the extension's browser tests need: the built unpacked extension, a real ApplyDesk
 * server, the saved job pages served over https under their real host names (Chromium maps
 * the names to a loopback server and accepts its self-signed certificate), and Debian's
 * Chromium with the extension loaded, driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { JobInputDraft } from '@applydesk/domain';
import { createApiToken, type OpenEngine } from '@applydesk/engine';
import { createApp } from '../../server/src/app.js';
import { createLogger } from '../../server/src/logger.js';
import { DEFAULT_ACCESS } from '../../server/src/middleware/access.js';
import { seededEngine } from '../../server/src/test-support/seeded-engine.js';

export const EXTENSION_ROOT = join(import.meta.dirname, '..');
export const UNPACKED = join(EXTENSION_ROOT, '.output/chrome-mv3');
const PAGES = join(EXTENSION_ROOT, 'test/pages');
const REPO = join(EXTENSION_ROOT, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The host names the saved pages stand for; Chromium resolves them to the page server. */
export const HOSTS = ['www.upwork.com', 'boards.greenhouse.io', 'www.linkedin.com'];

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/** Why the tests cannot run here, or null. */
export function browserMissing(): string | null {
  if (!existsSync(CHROMIUM)) {
    return `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  }
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    return 'openssl is needed to make the test pages a certificate';
  }
  return null;
}

function newestMtime(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the extension when the unpacked build is missing or older than its sources. */
export function ensureExtensionBuilt(): void {
  const manifest = join(UNPACKED, 'manifest.json');
  const sources = Math.max(
    newestMtime(join(EXTENSION_ROOT, 'src')),
    newestMtime(join(EXTENSION_ROOT, 'public')),
    statSync(join(EXTENSION_ROOT, 'wxt.config.ts')).mtimeMs,
    // The typed client is bundled from its source.
    statSync(join(REPO, 'packages/api-contract/src/client.ts')).mtimeMs,
  );
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(REPO, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: EXTENSION_ROOT,
    stdio: 'inherit',
  });
}

export interface PageServer {
  port: number;
  /** Pages by host and path; the forged-message page is added by the tests. */
  pages: Map<string, string>;
  close(): Promise<void>;
}

/** An https server for the saved pages, with a certificate made for the mapped host names. */
export async function startPageServer(): Promise<PageServer> {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-ext-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=applydesk-test',
      '-addext',
      `subjectAltName=${HOSTS.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const pages = new Map<string, string>([
    ['www.upwork.com/nx/search/jobs/', readFileSync(join(PAGES, 'upwork-search.html'), 'utf8')],
    [
      'www.upwork.com/jobs/~021861234567890123456',
      readFileSync(join(PAGES, 'upwork-job.html'), 'utf8'),
    ],
    [
      'boards.greenhouse.io/northwind/jobs/5123456',
      readFileSync(join(PAGES, 'greenhouse-job.html'), 'utf8'),
    ],
    [
      'www.linkedin.com/jobs/view/4012345678/',
      readFileSync(join(PAGES, 'linkedin-job.html'), 'utf8'),
    ],
    ['www.linkedin.com/feed/', '<!doctype html><title>Feed | LinkedIn</title><main>Feed</main>'],
    // Search results as Upwork's markup draws them, fetched by a page that moves in place.
    ['www.upwork.com/search-markup', readFileSync(join(PAGES, 'upwork-search-dom.html'), 'utf8')],
  ]);
  const server: Server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      const body = pages.get(`${host}${path}`);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    pages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ApplyDeskServer {
  url: string;
  engine: OpenEngine;
  /** A write token for the tests' own look-ups. */
  token: string;
  /** A fresh pairing code, as `applydesk token create --pair` prints it. */
  pairingCode(): Promise<string>;
  close(): Promise<void>;
}

/**
 * A posting a source (not the extension) brought in: the Greenhouse page's, so the panel
 * finds it on that page even though the server does not take captures from Greenhouse yet.
 */
const GREENHOUSE_POSTING: JobInputDraft = {
  sourceType: 'greenhouse',
  sourceId: 'greenhouse:northwind',
  externalId: '5123456',
  url: 'https://boards.greenhouse.io/northwind/jobs/5123456',
  title: 'Platform Engineer',
  company: 'Northwind',
  location: 'Remote (US)',
  remote: 'remote',
  descriptionHtml: '<p>Own our Kubernetes platform. Write Go and TypeScript services.</p>',
  descriptionText: 'Own our Kubernetes platform. Write Go and TypeScript services.',
  skills: ['Kubernetes', 'Go', 'TypeScript'],
  postedAt: '2026-11-19T10:00:00.000Z',
  fetchedAt: '2026-11-20T10:00:00.000Z',
  raw: {},
};

/** createApp over a seeded SQLite engine, tokens required, on 127.0.0.1. */
export async function startApplyDesk(): Promise<ApplyDeskServer> {
  const engine = await seededEngine({ count: 20, extra: [GREENHOUSE_POSTING] });
  const app = createApp({
    ctx: engine,
    logger: createLogger('silent'),
    server: { ...DEFAULT_ACCESS, auth: 'required' },
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const own = await createApiToken(engine, { name: 'e2e', scope: 'write' });
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    token: own.secret,
    pairingCode: async () => {
      const created = await createApiToken(engine, {
        name: `extension-${Date.now()}`,
        scope: 'write',
        pair: true,
      });
      return created.pairing?.code ?? '';
    },
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.close();
    },
  };
}

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
}

/** Chromium (new headless mode) with the unpacked extension, job hosts mapped to the page server. */
export async function launchWithExtension(pagePort: number): Promise<LoadedExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'applydesk-ext-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    // The new headless mode is the one that runs extensions; it is asked for by flag.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new',
      ...FLAGS,
      `--disable-extensions-except=${UNPACKED}`,
      `--load-extension=${UNPACKED}`,
      `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1:${pagePort}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return { context, worker, id };
}
