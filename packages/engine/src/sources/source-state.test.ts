import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '@applydesk/config';
import { isDomainError } from '@applydesk/domain';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { sampleProfile } from '../demo/index.js';
import { saveProfile } from '../use-cases/profile.js';
import { SecretVault } from '../secrets/vault.js';
import { vaultTokenStore } from '../secrets/token-store.js';
import {
  beginSourceAuthorization,
  completeSourceAuthorization,
  forgetSourceAuthorization,
} from './authorize-source.js';
import { assessHealth } from './health.js';
import { SOURCE_RUN_HISTORY_DAYS, ingestFromSources } from './run-sources.js';
import { SOURCE_RUN_ACTIONS, sourceRunner } from '../use-cases/run-source-now.js';
import { runScheduledSource, startSourceScheduler, type SchedulerEvent } from './scheduler.js';
import { resolveSources } from './resolve-sources.js';
import { sourceStatuses } from './source-status.js';

const REMOTIVE = readFileSync(
  join(import.meta.dirname, '../../../sources/src/remotive/fixtures/remote-jobs.json'),
  'utf8',
);
const TOKENS = readFileSync(
  join(import.meta.dirname, '../../../sources/src/upwork/fixtures/token-success.json'),
  'utf8',
);
const GRAPHQL_PAGE = readFileSync(
  join(import.meta.dirname, '../../../sources/src/upwork/fixtures/graphql-search-page1.json'),
  'utf8',
);
const JOBS = (JSON.parse(REMOTIVE) as { jobs: unknown[] }).jobs.length;

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

/** An engine over a fresh home whose config lists `sources` (YAML list items), on a clock the test moves. */
async function engineWith(
  sources: string,
  clock: { now: Date },
  env: Record<string, string> = {},
  home = mkdtempSync(join(tmpdir(), 'applydesk-state-')),
): Promise<{ engine: OpenEngine; home: string }> {
  writeFileSync(join(home, 'applydesk.yaml'), `sources:\n${sources}`);
  const engine = await openEngine(loadConfig({ env: { APPLYDESK_HOME: home, ...env } }), {
    now: () => clock.now,
  });
  return { engine, home };
}

const remotive = (path: string, extra = '') =>
  `  - name: remote\n    type: remotive\n    baseUrl: ${server.url}${path}\n${extra}`;

describe('source runs', () => {
  it('records each run with its counts and keeps the conditional cache across restarts', async () => {
    let etagRequests = 0;
    server.route('/etag/api/remote-jobs', (req) => {
      if (req.headers['if-none-match'] === '"board-v1"') {
        etagRequests++;
        return { status: 304, headers: { etag: '"board-v1"' } };
      }
      return { body: REMOTIVE, headers: { etag: '"board-v1"' } };
    });
    const clock = { now: new Date('2026-03-01T08:00:00Z') };
    const first = await engineWith(remotive('/etag'), clock);
    const [run1] = await ingestFromSources(first.engine, { actor: 'test' });
    expect(run1).toMatchObject({ status: 'ok', created: JOBS });
    await first.engine.close();

    // A new process: the validators come from the database, so the board answers 304.
    clock.now = new Date('2026-03-01T10:00:00Z');
    const second = await engineWith(remotive('/etag'), clock, {}, first.home);
    const [run2] = await ingestFromSources(second.engine, { actor: 'test', trigger: 'api' });
    expect(etagRequests).toBe(1);
    expect(run2).toMatchObject({ status: 'ok', created: 0, unchanged: JOBS });

    const runs = await second.engine.store.sourceRuns.list('remotive:remote');
    expect(runs.map((r) => [r.trigger, r.status, r.counts.created, r.counts.unchanged])).toEqual([
      ['api', 'ok', 0, JOBS],
      ['manual', 'ok', JOBS, 0],
    ]);
    expect(runs[1]?.startedAt).toBe('2026-03-01T08:00:00.000Z');
    await second.engine.close();
  });

  it(`keeps ${SOURCE_RUN_HISTORY_DAYS} days of runs: older ones go when a source runs`, async () => {
    server.route('/history/api/remote-jobs', { body: REMOTIVE });
    const clock = { now: new Date('2026-06-01T08:00:00Z') };
    const { engine } = await engineWith(remotive('/history'), clock);
    const old = {
      sourceId: 'remotive:remote',
      name: 'remote',
      trigger: 'schedule' as const,
      status: 'ok' as const,
      counts: {
        fetched: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        duplicates: 0,
        closed: 0,
        invalid: 0,
      },
      invalidSamples: [],
      error: null,
      errorKind: null,
      retryAt: null,
      tookMs: 10,
    };
    const day = 86_400_000;
    for (const daysAgo of [SOURCE_RUN_HISTORY_DAYS + 30, SOURCE_RUN_HISTORY_DAYS + 1, 10]) {
      const at = new Date(clock.now.getTime() - daysAgo * day).toISOString();
      await engine.store.sourceRuns.record({ ...old, startedAt: at, finishedAt: at });
    }
    await ingestFromSources(engine, { actor: 'test' });
    const kept = await engine.store.sourceRuns.list('remotive:remote');
    expect(kept.map((r) => r.startedAt)).toEqual([
      '2026-06-01T08:00:00.000Z',
      new Date(clock.now.getTime() - 10 * day).toISOString(),
    ]);
    await engine.close();
  });

  it('holds back a source that asked to wait, says until when, and runs it when forced', async () => {
    server.route('/limited/api/remote-jobs', [
      { status: 429, headers: { 'retry-after': '7200' }, body: '{"error":"slow down"}' },
      { body: REMOTIVE },
    ]);
    const clock = { now: new Date('2026-03-02T08:00:00Z') };
    const { engine } = await engineWith(remotive('/limited'), clock);
    const [failed] = await ingestFromSources(engine, { actor: 'test' });
    expect(failed?.status).toBe('failed');
    expect(failed?.errorKind).toBe('rate_limited');
    expect(failed?.retryAt).not.toBeNull();

    clock.now = new Date(clock.now.getTime() + 60 * 60_000);
    const [held] = await ingestFromSources(engine, { actor: 'test' });
    expect(held?.status).toBe('skipped');
    expect(held?.error).toMatch(/^degraded until .* after 1 failed run .*--force/);
    expect(server.seen.filter((r) => r.path.startsWith('/limited')).length).toBe(1);

    const [status] = await sourceStatuses(engine);
    expect(status?.health).toMatchObject({
      state: 'degraded',
      consecutiveFailures: 1,
      degradedUntil: held?.retryAt,
    });

    const [forced] = await ingestFromSources(engine, { actor: 'test', force: true });
    expect(forced).toMatchObject({ status: 'ok', created: JOBS });
    const [after] = await sourceStatuses(engine);
    expect(after?.health).toMatchObject({
      state: 'healthy',
      consecutiveFailures: 0,
      degradedUntil: null,
    });
    expect(after?.health.lastSuccessAt).not.toBeNull();
    await engine.close();
  });
});

describe('health', () => {
  const base = {
    id: 'run_1',
    sourceId: 'x:y',
    name: 'y',
    trigger: 'schedule' as const,
    counts: {
      fetched: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      duplicates: 0,
      closed: 0,
      invalid: 0,
    },
    invalidSamples: [],
    retryAt: null,
    tookMs: 10,
  };
  const ok = (at: string) => ({
    ...base,
    startedAt: at,
    finishedAt: at,
    status: 'ok' as const,
    error: null,
    errorKind: null,
  });
  const failed = (at: string, errorKind: string, retryAt: string | null = null) => ({
    ...base,
    startedAt: at,
    finishedAt: at,
    status: 'failed' as const,
    error: `failed: ${errorKind}`,
    errorKind,
    retryAt,
  });

  it('is never_run without runs, healthy after a completed run', () => {
    expect(assessHealth([]).state).toBe('never_run');
    expect(assessHealth([ok('2026-01-01T00:00:00Z')])).toMatchObject({
      state: 'healthy',
      degradedUntil: null,
    });
  });

  it('backs off 15 min, then doubling per failure in a row, and honours a later Retry-After', () => {
    const runs = [
      failed('2026-01-01T03:00:00.000Z', 'server'),
      failed('2026-01-01T02:00:00.000Z', 'server'),
      failed('2026-01-01T01:00:00.000Z', 'timeout'),
      ok('2026-01-01T00:00:00.000Z'),
    ];
    expect(assessHealth(runs)).toMatchObject({
      state: 'degraded',
      consecutiveFailures: 3,
      degradedUntil: '2026-01-01T04:00:00.000Z',
      lastSuccessAt: '2026-01-01T00:00:00.000Z',
    });
    expect(
      assessHealth([failed('2026-01-01T03:00:00.000Z', 'rate_limited', '2026-01-01T09:00:00.000Z')])
        .degradedUntil,
    ).toBe('2026-01-01T09:00:00.000Z');
  });

  it('calls a failure the user must fix failing, not degraded', () => {
    expect(assessHealth([failed('2026-01-01T03:00:00.000Z', 'auth')]).state).toBe('failing');
    expect(assessHealth([failed('2026-01-01T03:00:00.000Z', 'not_found')]).state).toBe('failing');
  });
});

describe('scheduler', () => {
  it('refuses a schedule that is not a cron expression, naming the source option', () => {
    let caught: unknown;
    try {
      resolveSources({
        entries: [{ name: 'remote', type: 'remotive', schedule: 'every hour' }],
        secret: () => undefined,
      });
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught, 'CONFIG_INVALID')).toBe(true);
    expect((caught as Error).message).toMatch(
      /sources\.0\.schedule: "every hour" is not a cron expression/,
    );
  });

  it("holds a scheduled run inside the source's shortest polling interval", async () => {
    server.route('/sched/api/remote-jobs', { body: REMOTIVE });
    const clock = { now: new Date('2026-03-03T08:00:00Z') };
    const { engine } = await engineWith(remotive('/sched', '    schedule: "0 * * * *"\n'), clock);
    const [source] = resolveSources(engine.sources ?? { entries: [], secret: () => undefined });
    if (source === undefined) throw new Error('no source');
    await saveProfile(engine, sampleProfile(), 'test');
    const events: SchedulerEvent[] = [];
    expect(await runScheduledSource(engine, source, (e) => events.push(e))).toMatchObject({
      status: 'ok',
    });
    // What a scheduled run brings in is ranked at once.
    expect(events.map((e) => e.type)).toEqual(['run', 'ranked']);
    expect(events[1]).toMatchObject({ ranked: { scored: JOBS, extracted: JOBS } });
    events.length = 0;
    clock.now = new Date('2026-03-03T08:30:00Z');
    expect(await runScheduledSource(engine, source, (e) => events.push(e))).toBeNull();
    const minutes = source.adapter.terms.minPollMinutes;
    const until = new Date(Date.parse('2026-03-03T08:00:00Z') + minutes * 60_000).toISOString();
    expect(minutes).toBeGreaterThan(30);
    expect(events.map((e) => e.type)).toEqual(['held']);
    expect(events[0]).toMatchObject({ until });
    expect(events[0]).toHaveProperty(
      'reason',
      expect.stringMatching(new RegExp(`at least ${minutes} min between runs`)),
    );

    const [status] = await sourceStatuses(engine);
    expect(status).toMatchObject({ schedule: '0 * * * *', nextRunAt: until });
    clock.now = new Date(until);
    expect(await runScheduledSource(engine, source)).toMatchObject({
      status: 'ok',
      unchanged: JOBS,
    });
    expect((await engine.store.sourceRuns.list(source.sourceId)).map((r) => r.trigger)).toEqual([
      'schedule',
      'schedule',
    ]);
    await engine.close();
  });

  it('runs through the source runner: streamed like a requested run, never alongside one', async () => {
    server.route('/shared/api/remote-jobs', { body: REMOTIVE, delayMs: 300 });
    const clock = { now: new Date('2026-03-05T08:00:00Z') };
    const { engine } = await engineWith(remotive('/shared'), clock);
    const [source] = resolveSources(engine.sources ?? { entries: [], secret: () => undefined });
    if (source === undefined) throw new Error('no source');

    // A run asked for through the API is under way: the cron's run stands aside.
    const requested = await sourceRunner(engine).start(source.name, { actor: 'api' });
    const events: SchedulerEvent[] = [];
    expect(await runScheduledSource(engine, source, (e) => events.push(e))).toBeNull();
    expect(events).toEqual([
      {
        type: 'busy',
        source: source.name,
        reason: expect.stringContaining('running already') as unknown,
      },
    ]);
    await requested.done;

    clock.now = new Date('2026-03-06T12:00:00Z');
    expect(await runScheduledSource(engine, source)).toMatchObject({ status: 'ok' });
    const logged = await engine.store.events.list({ entityType: 'source', limit: 100 });
    const scheduled = logged.filter((e) => e.actor === 'scheduler');
    expect(scheduled.map((e) => e.action)).toEqual(
      expect.arrayContaining([SOURCE_RUN_ACTIONS.started, SOURCE_RUN_ACTIONS.finished]),
    );
    expect(scheduled.find((e) => e.action === SOURCE_RUN_ACTIONS.started)?.data).toMatchObject({
      trigger: 'schedule',
    });
    expect((await engine.store.sourceRuns.list(source.sourceId)).map((r) => r.trigger)).toEqual([
      'schedule',
      'api',
    ]);
    await engine.close();
  });

  it('holds a scheduled run while the source backs off, saying until when', async () => {
    server.route('/backoff/api/remote-jobs', [
      { status: 429, headers: { 'retry-after': String(3 * 86_400) }, body: '{"error":"slow"}' },
      { body: REMOTIVE },
    ]);
    const clock = { now: new Date('2026-03-07T08:00:00Z') };
    const { engine } = await engineWith(remotive('/backoff'), clock);
    const [source] = resolveSources(engine.sources ?? { entries: [], secret: () => undefined });
    if (source === undefined) throw new Error('no source');
    expect(await runScheduledSource(engine, source)).toMatchObject({ status: 'failed' });
    clock.now = new Date('2026-03-08T08:00:00Z');
    const events: SchedulerEvent[] = [];
    expect(await runScheduledSource(engine, source, (e) => events.push(e))).toBeNull();
    expect(events).toEqual([
      {
        type: 'held',
        source: source.name,
        reason: expect.stringContaining('degraded until') as unknown,
        until: expect.any(String) as unknown,
      },
    ]);
    // Until the Retry-After the source sent (counted from when it answered).
    const held = events[0] as { until: string; reason: string };
    expect(Date.parse(held.until)).toBeGreaterThan(clock.now.getTime());
    expect(held.reason).toContain(held.until);
    expect(server.seen.filter((r) => r.path.startsWith('/backoff')).length).toBe(1);
    await engine.close();
  });

  it('fires sources on their cron and stops cleanly', async () => {
    // Slow enough that the run can be seen under way.
    server.route('/cron/api/remote-jobs', { body: REMOTIVE, delayMs: 400 });
    const clock = { now: new Date() };
    // Every second; remotive's terms ask for an hour between runs, so exactly one run lands.
    const { engine } = await engineWith(remotive('/cron', '    schedule: "* * * * * *"\n'), clock);
    const events: SchedulerEvent[] = [];
    const scheduler = startSourceScheduler(engine, { onEvent: (e) => events.push(e) });
    expect(scheduler.upcoming()).toEqual([
      { source: 'remote', schedule: '* * * * * *', nextAt: expect.any(String) as unknown },
    ]);
    await vi.waitFor(() => expect(scheduler.queued()).toEqual({ active: 1, waiting: 0 }), {
      timeout: 5000,
      interval: 20,
    });
    await vi.waitFor(() => expect(events.map((e) => e.type)).toEqual(['run', 'held']), {
      timeout: 5000,
      interval: 100,
    });
    await scheduler.stop();
    expect(scheduler.queued()).toEqual({ active: 0, waiting: 0 });
    expect(scheduler.upcoming()[0]?.nextAt).toBeNull();
    expect(await engine.store.sourceRuns.list('remotive:remote')).toHaveLength(1);
    await engine.close();
  });
});

describe('secret vault', () => {
  it('keeps only ciphertext in the database and refuses another key or another name', async () => {
    const clock = { now: new Date('2026-03-04T08:00:00Z') };
    const { engine, home } = await engineWith('  []\n', clock, {
      APPLYDESK_SECRET_KEY: 'first key',
    });
    const vault = engine.vault;
    if (vault === undefined) throw new Error('no vault');
    await vault.put('oauth:upwork:mine', 'refresh-token-SECRET-123');
    expect(await vault.get('oauth:upwork:mine')).toBe('refresh-token-SECRET-123');
    const stored = await engine.store.secrets.get('oauth:upwork:mine');
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain('SECRET');
    await vault.put('oauth:upwork:mine', 'refresh-token-SECRET-123');
    expect(await engine.store.secrets.get('oauth:upwork:mine')).not.toBe(stored);

    // Copied under another name, the ciphertext does not open.
    await engine.store.secrets.put('oauth:upwork:other', stored ?? '');
    await expect(vault.get('oauth:upwork:other')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const other = new SecretVault(engine.store.secrets, () => Buffer.alloc(32, 7));
    await expect(other.get('oauth:upwork:mine')).rejects.toThrow(
      /cannot be decrypted with this secret key/,
    );
    await engine.close();

    const raw = new BetterSqlite3(join(home, 'applydesk.sqlite'), { readonly: true });
    const dump = JSON.stringify(raw.prepare('select * from secrets').all());
    raw.close();
    expect(dump).not.toContain('refresh-token');
  });
});

describe('sign-in (Upwork OAuth2)', () => {
  const upwork = () =>
    `  - name: upwork\n    type: upwork\n    query: typescript\n    baseUrl: ${server.url}\n`;
  const env = {
    UPWORK_CLIENT_ID: 'client-abc',
    UPWORK_CLIENT_SECRET: 'client-secret-xyz',
    UPWORK_REDIRECT_URI: 'http://127.0.0.1:53682/callback',
    APPLYDESK_SECRET_KEY: 'test key',
  };

  it('sends the user to Upwork with a fresh state, trades the code, and stores the tokens encrypted', async () => {
    server.route('/api/v3/oauth2/token', { body: TOKENS });
    const clock = { now: new Date('2026-03-05T08:00:00Z') };
    const config = `  - name: upwork\n    type: upwork\n    query: typescript\n    maxPages: 1\n    baseUrl: ${server.url}\n    authorizeBaseUrl: ${server.url}\n`;
    const { engine } = await engineWith(config, clock, env);
    const start = beginSourceAuthorization(engine, 'upwork');
    const url = new URL(start.url);
    expect(url.origin + url.pathname).toBe(`${server.url}/ab/account-security/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-abc',
      redirect_uri: 'http://127.0.0.1:53682/callback',
      state: start.state,
    });
    expect(beginSourceAuthorization(engine, 'upwork').state).not.toBe(start.state);

    const done = await completeSourceAuthorization(engine, 'upwork', 'the-code');
    expect(done).toEqual({
      source: 'upwork',
      expiresAt: '2026-03-06T08:00:00.000Z',
      refreshable: true,
    });
    const sent = new URLSearchParams(server.seen.at(-1)?.body ?? '');
    expect(Object.fromEntries(sent)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: 'client-abc',
      redirect_uri: 'http://127.0.0.1:53682/callback',
    });
    const vault = engine.vault;
    if (vault === undefined) throw new Error('no vault');
    expect(await vaultTokenStore(vault, 'upwork:upwork').load()).toEqual({
      accessToken: 'oauth2v2_fixture_access_5f1c0e7a9b',
      refreshToken: 'oauth2v2_fixture_refresh_8d2b4c6e1a',
      expiresAt: '2026-03-06T08:00:00.000Z',
    });
    expect(await engine.store.secrets.get('oauth:upwork:upwork')).not.toContain('oauth2v2');

    // A run of the source uses the stored tokens.
    server.route('/graphql', { body: GRAPHQL_PAGE });
    const [run] = await ingestFromSources(engine, { actor: 'test' });
    expect(run?.status).toBe('ok');
    expect(run?.created).toBeGreaterThan(0);
    const graphql = server.seen.filter((r) => r.path === '/graphql');
    expect(graphql[0]?.headers.authorization).toBe('Bearer oauth2v2_fixture_access_5f1c0e7a9b');
    expect(await forgetSourceAuthorization(engine, 'upwork')).toBe(true);
    expect(await vaultTokenStore(vault, 'upwork:upwork').load()).toBeNull();
    await engine.close();
  });

  it('says what is missing before sending anyone anywhere', async () => {
    const clock = { now: new Date('2026-03-05T08:00:00Z') };
    const { engine } = await engineWith(upwork() + remotive('/x'), clock, {});
    expect(() => beginSourceAuthorization(engine, 'upwork')).toThrow(
      /cannot sign in yet: set UPWORK_CLIENT_ID/,
    );
    expect(() => beginSourceAuthorization(engine, 'remote')).toThrow(/needs no sign-in/);
    expect(() => beginSourceAuthorization(engine, 'nope')).toThrow(/no source is named "nope"/);
    await engine.close();
  });
});
