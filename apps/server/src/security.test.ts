import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken, type OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { isLoopback } from './middleware/access.js';
import { access, emptyEngine, fromAddress } from './test-support/access.js';

const logger = createLogger('silent');
const EXTENSION = 'abcdefghijklmnopabcdefghijklmnop';

interface ProblemJson {
  status: number;
  code: string;
  detail: string;
}

let engine: OpenEngine;
beforeAll(async () => {
  engine = await emptyEngine();
});
afterAll(async () => engine.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function problem(res: Response, status: number): Promise<ProblemJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as ProblemJson;
}

describe('which addresses are loopback', () => {
  it('counts 127.0.0.0/8, ::1 and localhost, not every-interface binds', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'desk.example.com', '10.0.0.1'])
      expect(isLoopback(host), host).toBe(false);
  });
});

describe('the OpenAPI document', () => {
  it('describes pairing and the event stream', async () => {
    const app = createApp({ ctx: engine, logger });
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.paths['/api/pair']).toHaveProperty('post');
    expect(doc.paths['/api/events/stream']).toHaveProperty('get');
  });
});

describe('auth on a loopback bind', () => {
  it('needs no token by default', async () => {
    const app = createApp({ ctx: engine, logger });
    const res = await app.request('/api/jobs');
    expect(res.status).toBe(200);
  });

  it('needs one when server.auth is required', async () => {
    const app = createApp({ ctx: engine, logger, server: access({ auth: 'required' }) });
    expect((await problem(await app.request('/api/jobs'), 401)).code).toBe('UNAUTHORIZED');
  });
});

describe('auth on a non-loopback bind', () => {
  let app: ReturnType<typeof createApp>;
  let read: string;
  let write: string;
  beforeAll(async () => {
    app = createApp({ ctx: engine, logger, server: access({ host: '0.0.0.0' }) });
    read = (await createApiToken(engine, { name: 'reader', scope: 'read' })).secret;
    write = (await createApiToken(engine, { name: 'writer', scope: 'write' })).secret;
  });

  it('checks every documented route: without a token each answers 401, no-store, but /healthz and pairing', async () => {
    const doc = (await (
      await createApp({ ctx: engine, logger }).request('/api/openapi.json')
    ).json()) as { paths: Record<string, Record<string, unknown>> };
    const open = new Set(['GET /healthz', 'POST /api/pair']);
    const checked: string[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      const path = template.replace(/\{[^}]+\}/g, 'x_1');
      for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
        const route = `${method} ${template}`;
        if (open.has(route)) continue;
        const res = await app.request(path, {
          method,
          ...(method === 'GET'
            ? {}
            : { headers: { 'content-type': 'application/json' }, body: '{}' }),
        });
        expect(res.status, route).toBe(401);
        expect(res.headers.get('cache-control'), route).toBe('no-store');
        if (method !== 'GET') {
          // A read token may look, never change.
          const asReader = await app.request(path, {
            method,
            headers: { ...bearer(read), 'content-type': 'application/json' },
            body: '{}',
          });
          expect(asReader.status, route).toBe(403);
        }
        checked.push(route);
      }
    }
    // The document lists the routes added since, so this grows with them.
    expect(checked.length).toBeGreaterThan(30);
    expect(checked).toContain('POST /api/sources/{name}/run');
    expect(checked).toContain('PUT /api/profile');
  });

  it('lets /healthz through without a token', async () => {
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('answers 401 problem+json without a token, naming why, and never caches it', async () => {
    const res = await app.request('/api/jobs');
    const body = await problem(res, 401);
    expect(body.code).toBe('UNAUTHORIZED');
    expect(body.detail).toContain('none was sent');
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="applydesk"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/api/docs', '/api/openapi.json', '/metrics', '/api/events/stream'])
      expect((await app.request(path)).status, path).toBe(401);
  });

  it('takes the token in the address for the event stream only (EventSource sends no headers)', async () => {
    const controller = new AbortController();
    const stream = await app.request(`/api/events/stream?access_token=${read}`, {
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    controller.abort();
    await stream.body?.cancel().catch(() => undefined);
    expect((await app.request('/api/events/stream?access_token=adk_wrong')).status).toBe(401);
    expect((await app.request(`/api/jobs?access_token=${read}`)).status).toBe(401);
  });

  it('serves the dashboard page without a token (it holds no data) but none of its data', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await app.request('/pipeline')).status).not.toBe(401);
    expect((await app.request('/api/jobs?limit=1')).status).toBe(401);
    const write = await app.request('/', { method: 'POST' });
    expect(write.status).toBe(401);
  });

  it('tells a malformed header from an unknown token', async () => {
    const basic = await app.request('/api/jobs', { headers: { authorization: 'Basic eDp5' } });
    expect((await problem(basic, 401)).detail).toContain('not "Bearer <token>"');
    const unknown = await app.request('/api/jobs', { headers: bearer('adk_nope') });
    expect((await problem(unknown, 401)).detail).toBe('the API token is unknown or was revoked');
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('lets a read token GET but not POST, with 403 naming the scope', async () => {
    expect((await app.request('/api/jobs', { headers: bearer(read) })).status).toBe(200);
    const res = await app.request('/api/rank', { method: 'POST', headers: bearer(read) });
    const body = await problem(res, 403);
    expect(body.code).toBe('FORBIDDEN');
    expect(body.detail).toContain('"reader" has read scope');
    expect(body.detail).toContain('POST needs a write token');
  });

  it('lets a write token POST', async () => {
    // Through auth to the handler: there is no profile yet, so ranking answers 404.
    const res = await app.request('/api/rank', { method: 'POST', headers: bearer(write) });
    expect((await problem(res, 404)).code).toBe('NOT_FOUND');
  });

  it('refuses a token once it is revoked', async () => {
    const { secret } = await createApiToken(engine, { name: 'short-lived', scope: 'write' });
    expect((await app.request('/api/jobs', { headers: bearer(secret) })).status).toBe(200);
    await revokeApiToken(engine, 'short-lived');
    const res = await app.request('/api/jobs', { headers: bearer(secret) });
    expect((await problem(res, 401)).detail).toContain('revoked');
  });

  it('trades a pairing code for a working token once, without a token itself', async () => {
    const created = await createApiToken(engine, { name: 'chrome', scope: 'write', pair: true });
    const pair = (code: string) =>
      app.request('/api/pair', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
    const res = await pair(created.pairing!.code);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; name: string; scope: string };
    expect(body.token).toMatch(/^adk_/);
    expect(body.token).not.toBe(created.secret);
    expect(body).toMatchObject({ scope: 'write' });
    expect(body.name).toMatch(/^chrome:paired-/);
    expect((await app.request('/api/jobs', { headers: bearer(body.token) })).status).toBe(200);

    expect((await problem(await pair(created.pairing!.code), 401)).detail).toContain(
      'wrong, used or expired',
    );
    expect((await problem(await pair('x'), 400)).code).toBe('INVALID_INPUT');
  });
});

describe('CORS', () => {
  const app = () =>
    createApp({
      ctx: engine,
      logger,
      server: access({
        host: '0.0.0.0',
        corsOrigins: ['https://desk.example.com'],
        extensionIds: [EXTENSION],
      }),
    });

  it('echoes an allowed origin, never *, and no credentials', async () => {
    const res = await app().request('/healthz', {
      headers: { origin: 'https://desk.example.com' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
    const ext = await app().request('/healthz', {
      headers: { origin: `chrome-extension://${EXTENSION}` },
    });
    expect(ext.headers.get('access-control-allow-origin')).toBe(`chrome-extension://${EXTENSION}`);
  });

  it('adds CORS headers to refusals too, so the page can read why', async () => {
    const res = await app().request('/api/jobs', {
      headers: { origin: 'https://desk.example.com' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://desk.example.com');
  });

  it('gives a refused origin no CORS header', async () => {
    for (const origin of [
      'https://evil.example',
      'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba',
      'null',
    ]) {
      const res = await app().request('/healthz', { headers: { origin } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('answers a preflight before auth: allowed with methods and headers, refused without', async () => {
    const preflight = (origin: string) =>
      app().request('/api/captures', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
    const ok = await preflight(`chrome-extension://${EXTENSION}`);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(`chrome-extension://${EXTENSION}`);
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('access-control-allow-headers')).toContain('Authorization');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(204);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once an address has used its minute, and refills', async () => {
    let now = 1_000_000;
    const app = createApp({
      ctx: engine,
      logger,
      server: access({ rateLimit: { requestsPerMinute: 3 } }),
      now: () => now,
    });
    const get = (address: string) => app.request('/healthz', {}, fromAddress(address));
    for (let i = 0; i < 3; i++) expect((await get('203.0.113.7')).status).toBe(200);
    const limited = await get('203.0.113.7');
    const body = await problem(limited, 429);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.detail).toContain('203.0.113.7');
    // 3 a minute: one request's worth comes back every 20 s.
    expect(limited.headers.get('retry-after')).toBe('20');
    // Another address has its own bucket.
    expect((await get('203.0.113.8')).status).toBe(200);
    now += 20_000;
    expect((await get('203.0.113.7')).status).toBe(200);
    expect((await get('203.0.113.7')).status).toBe(429);
  });

  it('limits a token across the addresses it is used from', async () => {
    const now = 5_000_000;
    const { secret } = await createApiToken(engine, { name: 'busy', scope: 'read' });
    const app = createApp({
      ctx: engine,
      logger,
      server: access({ host: '0.0.0.0', rateLimit: { requestsPerMinute: 2 } }),
      now: () => now,
    });
    const get = (address: string) =>
      app.request('/api/jobs', { headers: bearer(secret) }, fromAddress(address));
    expect((await get('198.51.100.1')).status).toBe(200);
    expect((await get('198.51.100.2')).status).toBe(200);
    const limited = await get('198.51.100.3');
    expect((await problem(limited, 429)).detail).toContain('"busy"');
    expect(limited.headers.get('retry-after')).toBe('30');
  });
});

describe('request limits and headers', () => {
  it('answers 413 problem+json for a body over the limit', async () => {
    const app = createApp({ ctx: engine, logger, server: access({ bodyLimitBytes: 100 }) });
    const res = await app.request('/api/captures', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'x', padding: 'y'.repeat(200) }),
    });
    const body = await problem(res, 413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.detail).toContain('100 bytes');
  });

  it('sends security headers on pages and API answers', async () => {
    const app = createApp({ ctx: engine, logger });
    for (const path of ['/', '/api/docs', '/api/jobs', '/api/nothing']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});
