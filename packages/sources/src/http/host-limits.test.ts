import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer, type Route } from '../test-support/replay-server.js';
import { createPoliteHttpClient, type HttpEvent } from './index.js';
import { fakeClock } from './test-support/fake-clock.js';

const servers: ReplayServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(routes: Record<string, Route>): Promise<ReplayServer> {
  const s = await startReplayServer(routes);
  servers.push(s);
  return s;
}

describe('createPoliteHttpClient: per-host limits', () => {
  it('keeps at most 2 requests in flight per host by default', async () => {
    let inFlight = 0;
    let most = 0;
    const delayMs = 150;
    const s = await server({
      '/jobs': () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        // Scheduled before the replay server's own answer timer, so it runs first.
        setTimeout(() => (inFlight -= 1), delayMs);
        return { status: 200, body: '[]', delayMs };
      },
    });
    const events: HttpEvent[] = [];
    // No pacing here (real time, 0 interval): only the concurrency limit holds requests back.
    const http = createPoliteHttpClient({ minIntervalMs: 0, onEvent: (e) => events.push(e) });
    await Promise.all(Array.from({ length: 6 }, (_, i) => http.getJson(`${s.url}/jobs?i=${i}`)));
    expect(s.seen).toHaveLength(6);
    expect(most).toBe(2);
    expect(events.some((e) => e.type === 'queued')).toBe(true);
  });

  it('paces requests to one host at 1 per second by default', async () => {
    const s = await server({ '/jobs': { status: 200, body: '[]' } });
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      onEvent: (e) => events.push(e),
    });
    await http.getJson(`${s.url}/jobs`);
    await http.getJson(`${s.url}/jobs`);
    await Promise.all([http.getJson(`${s.url}/jobs`), http.getJson(`${s.url}/jobs`)]);
    expect(clock.sleeps).toEqual([1000, 1000, 1000]);
    expect(events.filter((e) => e.type === 'rate_limit_wait')).toEqual([
      expect.objectContaining({ waitMs: 1000, reason: 'interval' }),
      expect.objectContaining({ waitMs: 1000, reason: 'interval' }),
      expect.objectContaining({ waitMs: 1000, reason: 'interval' }),
    ]);
  });

  it('caps requests per minute when asked', async () => {
    const s = await server({ '/jobs': { status: 200, body: '[]' } });
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      minIntervalMs: 0,
      requestsPerMinute: 2,
      onEvent: (e) => events.push(e),
    });
    for (let i = 0; i < 3; i++) await http.getJson(`${s.url}/jobs`);
    expect(clock.sleeps).toEqual([60_000]);
    expect(events.filter((e) => e.type === 'rate_limit_wait')).toEqual([
      expect.objectContaining({ reason: 'per_minute' }),
    ]);
  });

  it('takes per-host overrides', async () => {
    const s = await server({ '/jobs': { status: 200, body: '[]' } });
    const clock = fakeClock();
    const host = new URL(s.url).host;
    const http = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      hostLimits: { [host]: { minIntervalMs: 250 } },
    });
    await http.getJson(`${s.url}/jobs`);
    await http.getJson(`${s.url}/jobs`);
    expect(clock.sleeps).toEqual([250]);
  });

  it('a Retry-After from one request holds the next requests to that host too', async () => {
    const s = await server({
      '/a': { status: 429, headers: { 'retry-after': '5' } },
      '/b': { status: 200, body: '[]' },
    });
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      minIntervalMs: 0,
      maxAttempts: 1,
      onEvent: (e) => events.push(e),
    });
    await expect(http.getJson(`${s.url}/a`)).rejects.toMatchObject({
      details: { kind: 'rate_limited' },
    });
    await http.getJson(`${s.url}/b`);
    expect(clock.sleeps).toEqual([5000]);
    expect(events.filter((e) => e.type === 'rate_limit_wait')).toEqual([
      expect.objectContaining({ waitMs: 5000, reason: 'retry_after' }),
    ]);
  });

  it('keeps hosts independent: a slow, busy host never delays another', async () => {
    const slow = await server({ '/jobs': { status: 200, body: '"slow"', delayMs: 600 } });
    const fast = await server({ '/jobs': { status: 200, body: '"fast"' } });
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = createPoliteHttpClient({
      now: clock.now,
      sleep: clock.sleep,
      maxConcurrentPerHost: 1,
      onEvent: (e) => events.push(e),
    });
    const done: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => void done.push(name));
    const slowHost = new URL(slow.url).host;
    const fastHost = new URL(fast.url).host;
    await Promise.all([
      track('slow1', http.getJson(`${slow.url}/jobs`)),
      track('slow2', http.getJson(`${slow.url}/jobs`)),
      track('fast1', http.getJson(`${fast.url}/jobs`)),
    ]);
    expect(done[0]).toBe('fast1');
    expect(done).toEqual(['fast1', 'slow1', 'slow2']);
    // The slow host was paced and queued; the fast host, right after it, waited for nothing.
    const waits = events.filter((e) => e.type === 'rate_limit_wait' || e.type === 'queued');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((e) => 'host' in e && e.host === slowHost)).toBe(true);
    expect(waits.some((e) => 'host' in e && e.host === fastHost)).toBe(false);
  });
});
