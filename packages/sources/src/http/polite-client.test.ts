import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import {
  startReplayServer,
  type Recorded,
  type ReplayServer,
  type Route,
} from '../test-support/replay-server.js';
import {
  DEFAULT_USER_AGENT,
  failureKind,
  createPoliteHttpClient,
  createMemoryConditionalCache,
  type HttpEvent,
  type PoliteHttpOptions,
} from './index.js';
import { CLOCK_START, fakeClock, type FakeClock } from './test-support/fake-clock.js';

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(routes: Record<string, Route>): Promise<ReplayServer> {
  const s = await startReplayServer(routes);
  servers.push(s);
  return s;
}

/** A polite client on a fake clock, with jitter pinned (backoff = 75% of its ceiling) and events recorded. */
function politeClient(overrides: PoliteHttpOptions = {}): {
  clock: FakeClock;
  events: HttpEvent[];
  http: ReturnType<typeof createPoliteHttpClient>;
} {
  const clock = fakeClock();
  const events: HttpEvent[] = [];
  const http = createPoliteHttpClient({
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { clock, events, http };
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

/** How a promise settles within 2 s: 'resolved', the error's name, or 'still waiting'. */
async function settled(promise: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    promise.then(
      () => 'resolved',
      (error: unknown) => (error instanceof Error ? error.name : String(error)),
    ),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still waiting'), 2000))),
  ]);
  clearTimeout(timer);
  return outcome;
}

const ofType = <T extends HttpEvent['type']>(events: HttpEvent[], type: T) =>
  events.filter((e): e is Extract<HttpEvent, { type: T }> => e.type === type);

describe('createPoliteHttpClient: retries', () => {
  it('honours Retry-After in seconds: one retry after waiting 1 s of (fake) time', async () => {
    const s = await server({
      '/jobs': [
        { status: 429, headers: { 'retry-after': '1' }, body: '{}' },
        { status: 200, body: '{"ok":true}' },
      ],
    });
    const { clock, events, http } = politeClient();
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ ok: true });
    expect(s.seen).toHaveLength(2);
    expect(clock.sleeps).toEqual([1000]); // the Retry-After, not the 750 ms backoff
    expect(ofType(events, 'retry')).toEqual([
      expect.objectContaining({
        kind: 'rate_limited',
        status: 429,
        attempt: 1,
        delayMs: 1000,
        retryAfter: true,
      }),
    ]);
  });

  it('does not wait for a Retry-After beyond the cap: throws rate_limited with retryAt, and keeps off the host until then', async () => {
    const s = await server({
      '/jobs': { status: 429, headers: { 'retry-after': '3600' }, body: '{}' },
    });
    const { clock, events, http } = politeClient();
    const error = await failure(http.getJson(`${s.url}/jobs`));
    expect(failureKind(error)).toBe('rate_limited');
    expect(error.details?.retryAt).toBe(new Date(CLOCK_START + 3600_000).toISOString());
    expect(s.seen).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect(ofType(events, 'retry_later')).toHaveLength(1);

    // Another request to the same host fails at once, without asking the host again.
    const again = await failure(http.getJson(`${s.url}/other`));
    expect(failureKind(again)).toBe('rate_limited');
    expect(again.details?.retryAt).toBe(new Date(CLOCK_START + 3600_000).toISOString());
    expect(s.seen).toHaveLength(1);
    clock.advance(3600_000);
    s.route('/jobs', { status: 200, body: '[]' });
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual([]);
  });

  it('reads a Retry-After HTTP date against the injected clock, and honours the cap option', async () => {
    const at = new Date(CLOCK_START + 2 * 3600_000);
    const s = await server({
      '/jobs': { status: 503, headers: { 'retry-after': at.toUTCString() }, body: 'down' },
    });
    const { clock, http } = politeClient();
    const error = await failure(http.getText(`${s.url}/jobs`));
    expect(failureKind(error)).toBe('server');
    expect(error.details?.retryAt).toBe(at.toISOString());
    expect(s.seen).toHaveLength(1);

    // With a cap of 3 h the same answer is waited for.
    const s2 = await server({
      '/jobs': [
        { status: 503, headers: { 'retry-after': at.toUTCString() }, body: 'down' },
        { status: 200, body: 'up' },
      ],
    });
    const patient = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      maxRetryAfterMs: 3 * 3600_000,
    });
    const before = clock.sleeps.length;
    await expect(patient.getText(`${s2.url}/jobs`)).resolves.toBe('up');
    expect(clock.sleeps.slice(before)).toEqual([2 * 3600_000]);
  });

  it('retries 500, 500 and succeeds on the third attempt, backing off exponentially', async () => {
    const s = await server({
      '/jobs': [{ status: 500 }, { status: 500 }, { status: 200, body: '{"page":1}' }],
    });
    const { events, http } = politeClient();
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ page: 1 });
    expect(s.seen).toHaveLength(3);
    // Ceilings 1 s then 2 s; half of each is jittered (random pinned at 0.5).
    expect(ofType(events, 'retry').map((e) => e.delayMs)).toEqual([750, 1500]);
  });

  it('applies jitter: the same ceiling gives different waits for different random draws', async () => {
    const s = await server({ '/jobs': [{ status: 500 }, { status: 200, body: '1' }] });
    const low = politeClient({ random: () => 0, minIntervalMs: 0 });
    await low.http.getJson(`${s.url}/jobs`);
    const s2 = await server({ '/jobs': [{ status: 500 }, { status: 200, body: '1' }] });
    const high = politeClient({ random: () => 0.999, minIntervalMs: 0 });
    await high.http.getJson(`${s2.url}/jobs`);
    expect(low.clock.sleeps).toEqual([500]);
    expect(high.clock.sleeps[0]).toBeGreaterThan(990);
  });

  it('gives up after maxAttempts on persistent 500s with kind server', async () => {
    const s = await server({
      '/jobs': [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }],
    });
    const { events, http } = politeClient();
    const error = await failure(http.getJson(`${s.url}/jobs`));
    expect(failureKind(error)).toBe('server');
    expect(s.seen).toHaveLength(3); // default maxAttempts
    expect(ofType(events, 'gave_up')).toEqual([
      expect.objectContaining({ attempts: 3, kind: 'server', status: 500 }),
    ]);

    const s2 = await server({ '/jobs': { status: 500 } });
    const { http: twice } = politeClient({ maxAttempts: 2 });
    await failure(twice.getJson(`${s2.url}/jobs`));
    expect(s2.seen).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const s = await server({ '/gone': { status: 404, body: 'nope' } });
    const { events, http } = politeClient();
    expect(failureKind(await failure(http.getJson(`${s.url}/gone`)))).toBe('not_found');
    expect(s.seen).toHaveLength(1);
    expect(ofType(events, 'retry')).toEqual([]);
  });

  it('does not retry an unexpected 4xx, though the plain client calls it network', async () => {
    const s = await server({ '/bad': { status: 400, body: 'bad request' } });
    const { http } = politeClient();
    const error = await failure(http.getJson(`${s.url}/bad`));
    expect(error.details?.status).toBe(400);
    expect(s.seen).toHaveLength(1);
  });

  it('retries a timeout, then fails with kind timeout', async () => {
    const s = await server({ '/slow': { status: 200, body: '{}', delayMs: 1500 } });
    const { http } = politeClient({ timeoutMs: 100, maxAttempts: 2 });
    expect(failureKind(await failure(http.getJson(`${s.url}/slow`)))).toBe('timeout');
    expect(s.seen).toHaveLength(2);
  });

  it('retries a refused connection, then fails with kind network', async () => {
    const s = await server({});
    const url = `${s.url}/jobs`;
    await servers.pop()?.close();
    const { events, http } = politeClient();
    expect(failureKind(await failure(http.getJson(url)))).toBe('network');
    expect(ofType(events, 'request')).toHaveLength(3);
  });

  it('does not retry malformed JSON', async () => {
    const s = await server({ '/jobs': { status: 200, body: '{"jobs": [' } });
    const { http } = politeClient();
    expect(failureKind(await failure(http.getJson(`${s.url}/jobs`)))).toBe('malformed');
    expect(s.seen).toHaveLength(1);
  });
});

const CHALLENGE_PAGE =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><div id="cf-chl-widget"></div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>';

describe('createPoliteHttpClient: bot walls', () => {
  it('reports a 403 challenge page as blocked and does not retry it', async () => {
    const s = await server({
      '/jobs': { status: 403, headers: { 'content-type': 'text/html' }, body: CHALLENGE_PAGE },
    });
    const { events, http } = politeClient();
    expect(failureKind(await failure(http.getJson(`${s.url}/jobs`)))).toBe('blocked');
    expect(s.seen).toHaveLength(1);
    expect(ofType(events, 'blocked')).toEqual([
      expect.objectContaining({ status: 403, soft: false }),
    ]);
  });

  it('reports a 429 or 503 challenge page as blocked, not as a rate limit to retry', async () => {
    const s = await server({
      '/a': {
        status: 429,
        headers: { 'content-type': 'text/html', 'retry-after': '1' },
        body: CHALLENGE_PAGE,
      },
      '/b': {
        status: 503,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><div class="g-recaptcha">captcha</div></body></html>',
      },
    });
    const { http } = politeClient();
    expect(failureKind(await failure(http.getText(`${s.url}/a`)))).toBe('blocked');
    expect(failureKind(await failure(http.getText(`${s.url}/b`)))).toBe('blocked');
    expect(s.seen).toHaveLength(2);
  });

  it('reports a soft block (HTTP 200 HTML holding page where JSON was expected) as blocked', async () => {
    const page =
      "<!doctype html><html><head><title>We'll be right back</title></head><body><h1>We&#39;ll be right back</h1></body></html>";
    const s = await server({
      '/jobs': { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page },
      '/denied': {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>Reference #18.1234</BODY></HTML>',
      },
    });
    const { events, http } = politeClient();
    expect(failureKind(await failure(http.getJson(`${s.url}/jobs`)))).toBe('blocked');
    expect(failureKind(await failure(http.getJson(`${s.url}/denied`)))).toBe('blocked');
    expect(s.seen).toHaveLength(2);
    expect(ofType(events, 'blocked')).toEqual([
      expect.objectContaining({ status: 200, soft: true }),
      expect.objectContaining({ soft: true }),
    ]);
    // Asked for text, the same page is just text.
    await expect(http.getText(`${s.url}/jobs`)).resolves.toBe(page);
  });

  it('keeps calling ordinary non-JSON malformed, and JSON that mentions a captcha fine', async () => {
    const s = await server({
      '/html': {
        status: 200,
        headers: { 'content-type': 'text/html' },
        body: '<html><body>Jobs list</body></html>',
      },
      '/json': { status: 200, body: '{"title":"Captcha solver engineer"}' },
    });
    const { http } = politeClient();
    expect(failureKind(await failure(http.getJson(`${s.url}/html`)))).toBe('malformed');
    await expect(http.getJson(`${s.url}/json`)).resolves.toEqual({
      title: 'Captcha solver engineer',
    });
  });
});

describe('createPoliteHttpClient: conditional requests', () => {
  it('sends If-None-Match / If-Modified-Since and answers a 304 with the cached body', async () => {
    const lastModified = 'Wed, 01 Jan 2030 00:00:00 GMT';
    const s = await server({
      '/jobs': (req): Recorded =>
        req.headers['if-none-match'] === '"v1"'
          ? { status: 304, headers: { etag: '"v1"' } }
          : {
              status: 200,
              headers: { etag: '"v1"', 'last-modified': lastModified },
              body: '{"n":1}',
            },
    });
    const { events, http } = politeClient();
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ n: 1 });
    expect(s.seen[0]?.headers['if-none-match']).toBeUndefined();

    const res = await http.request({ url: `${s.url}/jobs` });
    expect(s.seen[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.seen[1]?.headers['if-modified-since']).toBe(lastModified);
    expect(res).toMatchObject({ status: 304, notModified: true, text: '{"n":1}' });
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ n: 1 });
    expect(ofType(events, 'not_modified')).toHaveLength(2);

    // Only GETs are conditional.
    await http.request({ url: `${s.url}/jobs`, method: 'POST', body: '{}' });
    expect(s.seen[3]?.method).toBe('POST');
    expect(s.seen[3]?.headers['if-none-match']).toBeUndefined();
  });

  it('uses an injected cache, and can be turned off', async () => {
    const s = await server({
      '/jobs': (req) =>
        req.headers['if-none-match'] === '"x"'
          ? { status: 304 }
          : { status: 200, headers: { etag: '"x"' }, body: '[1]' },
    });
    const stored = new Map<string, { etag?: string; lastModified?: string; body: string }>();
    const { http } = politeClient({
      cache: { get: (url) => stored.get(url), set: (url, entry) => void stored.set(url, entry) },
    });
    await http.getJson(`${s.url}/jobs`);
    expect(stored.get(`${s.url}/jobs`)).toEqual({ etag: '"x"', body: '[1]' });

    const { http: uncached } = politeClient({ cache: false });
    await uncached.getJson(`${s.url}/jobs`);
    await uncached.getJson(`${s.url}/jobs`);
    expect(s.seen.slice(1).map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
  });
});

describe('MemoryConditionalCache', () => {
  it('forgets the least recently used URLs beyond its entry and length budgets', () => {
    const cache = createMemoryConditionalCache({ maxEntries: 2, maxTotalLength: 10 });
    cache.set('a', { etag: '"a"', body: '1234' });
    cache.set('b', { body: '1234' });
    cache.get('a');
    cache.set('c', { body: '12' });
    expect([cache.get('a')?.etag, cache.get('b'), cache.get('c')?.body]).toEqual([
      '"a"',
      undefined,
      '12',
    ]);
    cache.set('d', { body: '123456' }); // 4 + 2 + 6 > 10: the oldest goes
    expect(cache.get('a')).toBeUndefined();
    cache.set('huge', { body: 'x'.repeat(11) });
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe('createPoliteHttpClient: identity and cancellation', () => {
  it('sends a clear user agent, overridable', async () => {
    const s = await server({ '/jobs': { status: 200, body: '[]' } });
    await politeClient().http.getJson(`${s.url}/jobs`);
    await politeClient({ userAgent: 'MyDesk/2 (me@example.org)' }).http.getJson(`${s.url}/jobs`);
    expect(s.seen[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/ApplyDesk\/[\d.]+ \(.*https?:\/\//);
    expect(s.seen[1]?.headers['user-agent']).toBe('MyDesk/2 (me@example.org)');
  });

  it('an abort signal cancels a backoff wait', async () => {
    const s = await server({ '/jobs': { status: 500 } });
    const controller = new AbortController();
    const waits: number[] = [];
    const http = createPoliteHttpClient({
      // A sleep that never ends on its own and ignores the signal: only the client's own wiring can cancel it.
      sleep: (ms) => {
        waits.push(ms);
        controller.abort();
        return new Promise<void>(() => undefined);
      },
    });
    await expect(
      settled(http.getJson(`${s.url}/jobs`, { signal: controller.signal })),
    ).resolves.toBe('AbortError');
    expect(waits).toHaveLength(1);
    expect(s.seen).toHaveLength(1);
  });

  it('an abort signal cancels a pacing wait, and an aborted request is not retried', async () => {
    const s = await server({
      '/jobs': { status: 200, body: '[]' },
      '/slow': { status: 200, body: '[]', delayMs: 1000 },
    });
    const controller = new AbortController();
    const http = createPoliteHttpClient({
      sleep: () => {
        controller.abort();
        return new Promise<void>(() => undefined);
      },
    });
    await http.getJson(`${s.url}/jobs`);
    // The second request to the host must wait 1 s; the abort ends the wait.
    await expect(
      settled(http.getJson(`${s.url}/jobs`, { signal: controller.signal })),
    ).resolves.toBe('AbortError');
    expect(s.seen).toHaveLength(1);

    // An abort mid-request is the caller's decision: rethrown, not a network failure to retry.
    const seenEvents: HttpEvent[] = [];
    const quick = createPoliteHttpClient({ minIntervalMs: 0, onEvent: (e) => seenEvents.push(e) });
    const c2 = new AbortController();
    setTimeout(() => c2.abort(), 100);
    await expect(quick.getJson(`${s.url}/slow`, { signal: c2.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(s.seen.filter((r) => r.path === '/slow')).toHaveLength(1);
    expect(seenEvents.map((e) => e.type)).toEqual(['request']);
  });
});
