import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { registerHomePage } from './home.js';

/**
 * apps/web's build, found from this file: src/pages and dist/pages sit at the same depth, so
 * one relative path works whether the server runs from source (tests) or from its build.
 */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Built asset names are flat and hashed; anything else (a `..`, a slash) is not ours. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Paths the dashboard never owns, so a browser asking for them gets the API's own answer. */
const NOT_CLIENT = /^\/(api|healthz|metrics|assets)(\/|$)/;

/**
 * The React dashboard when apps/web has been built: hashed assets cached for a year, and
 * index.html for `/` and every client route a browser opens directly. Without a build,
 * today's home page keeps the server usable.
 */
export function registerWebApp(app: OpenAPIHono, distDir: string = WEB_DIST): void {
  const indexFile = join(distDir, 'index.html');
  if (!existsSync(indexFile)) {
    registerHomePage(app);
    return;
  }
  const assets = join(distDir, 'assets');

  app.get('/assets/:name', async (c, next) => {
    const name = c.req.param('name');
    if (!ASSET_NAME.test(name) || name.includes('..')) return next();
    const body = await readFile(join(assets, name)).catch(() => null);
    if (body === null) return next();
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      // Names change with content, so a cached copy is never stale.
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  // A middleware rather than a `GET *` route: registered last, it runs only when no route
  // answered, and a catch-all route would otherwise be reported as the matched route.
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const accept = c.req.header('accept') ?? '';
    // `/` is always the dashboard; deeper paths only when a browser asks for a page.
    const page = c.req.path === '/' || accept.includes('text/html');
    if (NOT_CLIENT.test(c.req.path) || !page) return next();
    const html = await readFile(indexFile, 'utf8');
    // The shell names the current hashed assets, so it is checked on every load.
    c.header('cache-control', 'no-cache');
    return c.html(html);
  });
}
