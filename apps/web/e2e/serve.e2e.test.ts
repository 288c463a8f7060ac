import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { registerWebApp, WEB_DIST } from '../../server/src/pages/web.js';
import { DIST } from './support.js';

// How the server hands out a build, on a stand-in dist so no browser or real build is needed.
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'applydesk-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>ApplyDesk</title><div id="root"></div>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'not an asset');
  return dir;
}

describe('registerWebApp', () => {
  it('finds apps/web/dist from the server package', () => {
    expect(WEB_DIST.replace(/\/$/, '')).toBe(DIST);
  });

  it('keeps the simple home page when there is no build', async () => {
    const app = new OpenAPIHono();
    registerWebApp(app, join(tmpdir(), 'applydesk-no-such-dist'));
    const res = await app.request('/');
    expect(await res.text()).toContain('/assets/home.js');
    expect((await app.request('/assets/home.js')).status).toBe(200);
  });

  it('serves hashed assets for a year, the shell for client routes, and nothing else', async () => {
    const app = new OpenAPIHono();
    app.get('/api/jobs', (c) => c.json({ items: [] }));
    registerWebApp(app, fakeDist());
    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');

    const html = { headers: { accept: 'text/html,application/xhtml+xml' } };
    for (const path of ['/', '/inbox', '/jobs/job_1', '/pipeline', '/insights', '/costs']) {
      const res = await app.request(path, html);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>ApplyDesk</title>');
    }
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/inbox')).status).toBe(404); // not a page request
    expect((await app.request('/api/jobs', html)).headers.get('content-type')).toContain('json');
    expect((await app.request('/api/other', html)).status).toBe(404);
    expect((await app.request('/healthz', html)).status).toBe(404);
    expect((await app.request('/assets/missing.js', html)).status).toBe(404);
    expect((await app.request('/assets/..%2Fsecret.txt')).status).toBe(404);
    expect((await app.request('/assets/../secret.txt')).status).toBe(404);
  });
});
