import { afterEach, describe, expect, it } from 'vitest';
import { startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import {
  createPoliteHttpClient,
  redactProxyUrl,
  type HttpEvent,
  type PoliteHttpClient,
} from './index.js';
import { fakeClock } from './test-support/fake-clock.js';
import { startForwardProxy, type ForwardProxy } from './test-support/forward-proxy.js';

const closers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});

async function origin(): Promise<ReplayServer> {
  const s = await startReplayServer({ '/jobs': { status: 200, body: '{"ok":true}' } });
  closers.push(s);
  return s;
}

async function proxy(name: string, options: { broken?: boolean } = {}): Promise<ForwardProxy> {
  const p = await startForwardProxy(name, options);
  closers.push(p);
  return p;
}

function client(options: Parameters<typeof createPoliteHttpClient>[0]): PoliteHttpClient {
  const http = createPoliteHttpClient(options);
  closers.push(http);
  return http;
}

describe('createPoliteHttpClient: proxies', () => {
  it('sends requests through the configured proxies in turn', async () => {
    const s = await origin();
    const [p1, p2] = [await proxy('p1'), await proxy('p2')];
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = client({
      proxies: [p1.url, p2.url],
      now: clock.now,
      sleep: clock.sleep,
      onEvent: (e) => events.push(e),
    });
    for (let i = 0; i < 4; i++)
      await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ ok: true });
    expect(p1.seen).toEqual([`${s.url}/jobs`, `${s.url}/jobs`]);
    expect(p2.seen).toEqual([`${s.url}/jobs`, `${s.url}/jobs`]);
    expect(s.seen.map((r) => r.headers['x-proxied-by'])).toEqual(['p1', 'p2', 'p1', 'p2']);
    expect(
      events.filter((e) => e.type === 'request').map((e) => ('proxy' in e ? e.proxy : null)),
    ).toEqual([p1.url, p2.url, p1.url, p2.url]);
  });

  it('skips a proxy that fails at the network level for a cool-down, then tries it again', async () => {
    const s = await origin();
    const bad = await proxy('bad', { broken: true });
    const good = await proxy('good');
    const clock = fakeClock();
    const events: HttpEvent[] = [];
    const http = client({
      proxies: [bad.url, good.url],
      proxyCooldownMs: 60_000,
      now: clock.now,
      sleep: clock.sleep,
      onEvent: (e) => events.push(e),
    });

    // The dead proxy fails, the retry goes through the good one.
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ ok: true });
    expect(bad.seen).toHaveLength(1);
    expect(events.filter((e) => e.type === 'proxy_cooldown')).toEqual([
      expect.objectContaining({ proxy: bad.url }),
    ]);

    // While it cools down, every request uses the good proxy first time.
    await http.getJson(`${s.url}/jobs`);
    await http.getJson(`${s.url}/jobs`);
    expect(bad.seen).toHaveLength(1);
    expect(good.seen).toHaveLength(3);

    clock.advance(60_000);
    await http.getJson(`${s.url}/jobs`);
    expect(bad.seen).toHaveLength(2);
    expect(s.seen.every((r) => r.headers['x-proxied-by'] === 'good')).toBe(true);
  });

  it('never falls back to a direct connection when every proxy is down', async () => {
    const s = await origin();
    const bad = await proxy('bad', { broken: true });
    const clock = fakeClock();
    const http = client({ proxies: [bad.url], now: clock.now, sleep: clock.sleep });
    await expect(http.getJson(`${s.url}/jobs`)).rejects.toMatchObject({
      details: { kind: 'network' },
    });
    expect(bad.seen).toHaveLength(3);
    expect(s.seen).toHaveLength(0);
  });

  it('refuses proxy URLs it cannot use, and keeps credentials out of labels', () => {
    expect(() => createPoliteHttpClient({ proxies: ['socks5://127.0.0.1:1080'] })).toThrow(
      /not an HTTP\(S\) proxy/,
    );
    expect(() => createPoliteHttpClient({ proxies: ['not a url'] })).toThrow(/not a URL/);
    expect(redactProxyUrl('http://user:secret@proxy.example:8080')).toBe(
      'http://***@proxy.example:8080',
    );
  });
});
