import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { attempt, problemText, scoresFor } from './api.js';
import { disposition } from './queue.js';

// A loopback server answering as ApplyDesk does (problem+json with `detail`), and as things
// that are not ApplyDesk do, so the wrapping of the typed client is tested over real HTTP.
let server: Server;
let base: string;
const seen: IncomingMessage[] = [];
const GH = 'https://boards.greenhouse.io/acme/jobs/1';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const path = req.url ?? '';
    if (path.startsWith('/api/jobs?')) {
      const searched = new URL(path, 'http://x').searchParams.has('q');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: searched
            ? [{ id: 'job_9', url: 'https://example.com/apply?id=1', canonicalUrl: GH, score: 64 }]
            : [
                {
                  id: 'job_1',
                  url: 'https://www.upwork.com/jobs/~01abcdef/',
                  canonicalUrl: null,
                  score: 81,
                },
                {
                  id: 'job_2',
                  url: 'https://www.upwork.com/jobs/~02abcdef',
                  canonicalUrl: null,
                  score: null,
                },
              ],
          total_count: 2,
          next_cursor: null,
        }),
      );
    } else if (path === '/api/captures') {
      res.writeHead(400, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'https://applydesk.dev/problems/invalid-input',
          title: 'Invalid input',
          status: 400,
          code: 'INVALID_INPUT',
          detail: 'capture kind "nope" is not supported',
        }),
      );
    } else if (path === '/api/pair') {
      res.writeHead(502);
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Sign in to the hotel wifi</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
  vi.restoreAllMocks();
});

const capture = { kind: 'nope', pageUrl: 'https://example.com/job', capturedAt: '2026-12-07' };

describe('the extension over the typed client', () => {
  it('sends the token as a bearer header and never the browser cookies', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const answer = await attempt({ server: base, token: 'tok-123' }, (client) =>
      client.jobs.list({ limit: 1 }),
    );
    expect(answer.ok).toBe(true);
    expect(seen[0]?.headers.authorization).toBe('Bearer tok-123');
    expect(spy.mock.calls[0]?.[1]?.credentials).toBe('omit');
  });

  it('turns a problem answer into its status and detail, which refuses a capture', async () => {
    const answer = await attempt({ server: base, token: null }, (client) =>
      client.capture(capture),
    );
    expect(answer).toEqual({
      ok: false,
      status: 400,
      detail: 'capture kind "nope" is not supported',
    });
    if (answer.ok) return;
    expect(problemText(answer)).toBe('HTTP 400: capture kind "nope" is not supported');
    expect(seen[0]?.headers.authorization).toBeUndefined();
    expect(disposition(answer.status)).toBe('refused');
  });

  it('says only the status when the answer has no problem body, and retries a 502', async () => {
    const answer = await attempt({ server: base, token: null }, (client) =>
      client.pair('7K3M-Q9TX'),
    );
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(problemText(answer)).toBe('HTTP 502');
    expect(disposition(answer.status)).toBe('retry');
  });

  it('keeps a capture for later when something other than ApplyDesk answers', async () => {
    const answer = await attempt({ server: base, token: null }, (client) => client.health());
    expect(answer).toMatchObject({ ok: false, status: 'unreadable' });
    if (answer.ok) return;
    expect(disposition(answer.status)).toBe('retry');
  });

  it('keeps a capture for later when nothing answers, and never throws', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const answer = await attempt({ server: `http://127.0.0.1:${port}`, token: null }, (client) =>
      client.capture(capture),
    );
    expect(answer).toEqual({ ok: false, status: 'network', detail: '' });
    if (answer.ok) return;
    expect(problemText(answer)).toBe('the server is unreachable');
    expect(disposition(answer.status)).toBe('retry');
    expect(await scoresFor({ server: `http://127.0.0.1:${port}`, token: null }, ['x'])).toEqual({
      x: null,
    });
  });

  it('reads the scores of Upwork tiles by url, a trailing slash aside', async () => {
    const scores = await scoresFor({ server: base, token: null }, [
      'https://www.upwork.com/jobs/~01abcdef',
      'https://www.upwork.com/jobs/~02abcdef/',
      'https://www.upwork.com/jobs/~03abcdef',
    ]);
    expect(scores).toEqual({
      'https://www.upwork.com/jobs/~01abcdef': 81,
      'https://www.upwork.com/jobs/~02abcdef/': null,
      'https://www.upwork.com/jobs/~03abcdef': null,
    });
    const query = new URL(seen[0]?.url ?? '', base).searchParams;
    expect(query.getAll('source')).toEqual(['upwork']);
    expect(query.get('rejected')).toBe('include');
  });

  it('finds the stored posting of a page by its url or canonical url, title search first', async () => {
    const settings = { server: base, token: null };
    const byTitle = await attempt(settings, (client) =>
      client.jobs.findByUrl(`${GH}/`, { title: 'Platform engineer' }),
    );
    expect(byTitle).toMatchObject({ ok: true, value: { id: 'job_9', score: 64 } });
    expect(seen).toHaveLength(1);

    seen.length = 0;
    const newest = await attempt(settings, (client) =>
      client.jobs.findByUrl('https://www.upwork.com/jobs/~01abcdef', { title: 'Scraper' }),
    );
    expect(newest).toMatchObject({ ok: true, value: { id: 'job_1' } });
    const queries = seen.map((req) => new URL(req.url ?? '', base).searchParams);
    expect(queries.map((q) => q.get('q'))).toEqual(['Scraper', null]);
    // Held-back and closed postings count: the page may be one of them.
    expect(queries.every((q) => q.get('rejected') === 'include' && q.get('status') === 'all')).toBe(
      true,
    );

    const missing = await attempt(settings, (client) =>
      client.jobs.findByUrl('https://example.com/elsewhere'),
    );
    expect(missing).toEqual({ ok: true, value: null });
  });
});
