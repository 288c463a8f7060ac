import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { loadConfig } from '@applydesk/config';
import type { Event } from '@applydesk/domain';
import {
  createApiToken,
  openEngine,
  saveProfile,
  sampleProfile,
  sourceRunner,
  type OpenEngine,
} from '@applydesk/engine';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { access, readUntil } from './test-support/access.js';

const SOURCES = join(import.meta.dirname, '../../../packages/sources/src');
const REMOTIVE = readFileSync(join(SOURCES, 'remotive/fixtures/remote-jobs.json'), 'utf8');
const JOBS = (JSON.parse(REMOTIVE) as { jobs: unknown[] }).jobs.length;
/** Arbeitnow's recorded page 1; further pages are the same postings under other slugs. */
const ARBEITNOW = JSON.parse(
  readFileSync(join(SOURCES, 'arbeitnow/fixtures/job-board-api-page-1.json'), 'utf8'),
) as { data: { slug: string; url: string }[]; links: Record<string, string | null> };
const PAGES = 5;

interface ProblemJson {
  code: string;
  detail: string;
  hint?: string;
}
interface SourceItem {
  name: string;
  running: { id: string } | null;
  health: {
    state: string;
    reason: string | null;
    lastRun: { trigger: string; status: string; counts: Record<string, number> } | null;
  };
}

const logger = createLogger('silent');
let replay: ReplayServer;
let engine: OpenEngine;
let app: OpenAPIHono;

beforeAll(async () => {
  replay = await startReplayServer();
  replay.route('/ok/api/remote-jobs', { body: REMOTIVE });
  replay.route('/slow/api/remote-jobs', { body: REMOTIVE, delayMs: 1500 });
  replay.route('/broken/api/remote-jobs', { status: 500, body: '{"error":"upstream exploded"}' });
  replay.route('/paged/api/job-board-api', (req) => {
    const page = Number(new URL(req.path, 'http://x').searchParams.get('page') ?? '1');
    return {
      body: JSON.stringify({
        ...ARBEITNOW,
        data: ARBEITNOW.data.map((job) => ({
          ...job,
          slug: `${job.slug}-p${page}`,
          url: `${job.url}-p${page}`,
        })),
        links: { ...ARBEITNOW.links, next: page < PAGES ? `?page=${page + 1}` : null },
      }),
    };
  });
  const home = mkdtempSync(join(tmpdir(), 'applydesk-sources-api-'));
  const remotive = (name: string, path: string) =>
    `  - { name: ${name}, type: remotive, baseUrl: "${replay.url}${path}" }\n`;
  writeFileSync(
    join(home, 'applydesk.yaml'),
    'sources:\n' +
      remotive('remote', '/ok') +
      remotive('slow', '/slow') +
      remotive('broken', '/broken') +
      `  - { name: paged, type: arbeitnow, baseUrl: "${replay.url}/paged" }\n`,
  );
  engine = await openEngine(loadConfig({ env: { APPLYDESK_HOME: home } }));
  await saveProfile(engine, sampleProfile(), 'test');
  app = createApp({ ctx: engine, logger, events: { pollMs: 20, heartbeatMs: 5000 } });
});
afterAll(async () => {
  await sourceRunner(engine).idle();
  await engine.close();
  await replay.close();
});

const run = (name: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.request(`/api/sources/${name}/run`, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function problem(res: Response, status: number): Promise<ProblemJson> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as ProblemJson;
}

async function sourceItem(name: string): Promise<SourceItem> {
  const res = await app.request('/api/sources');
  const { items } = (await res.json()) as { items: SourceItem[] };
  const item = items.find((s) => s.name === name);
  if (item === undefined) throw new Error(`no source ${name}`);
  return item;
}

/** The events a run wrote, oldest first. */
async function runEvents(runId: string): Promise<Event[]> {
  const all = await engine.store.events.list({ entityType: 'source', limit: 1000 });
  return all.filter((e) => e.data.runId === runId);
}

async function finished(runId: string): Promise<Event> {
  let last: Event | undefined;
  await vi.waitFor(
    async () => {
      last = (await runEvents(runId)).at(-1);
      expect(last?.action).toMatch(/^source\.run_(finished|failed)$/);
    },
    { timeout: 15_000, interval: 50 },
  );
  return last!;
}

describe('POST /api/sources/{name}/run', () => {
  it('answers 202 at once, streams the progress, stores and ranks the postings, and shows the run', async () => {
    const marker = await engine.store.events.append({
      actor: 'test',
      entityType: 'system',
      entityId: 'marker',
      action: 'test.marker',
    });
    const before = (await (await app.request('/api/jobs?limit=1')).json()) as {
      total_count: number;
    };
    const res = await run('remote');
    expect(res.status).toBe(202);
    const { run: started } = (await res.json()) as {
      run: { id: string; source: string; startedAt: string };
    };
    expect(started).toMatchObject({ id: expect.stringMatching(/^srun_/), source: 'remote' });
    expect(Number.isNaN(Date.parse(started.startedAt))).toBe(false);

    // The stream, resumed after the marker, carries the run from its start to its summary.
    const stream = await app.request(`/api/events/stream?after=${marker.id}&types=source`);
    const reader = stream.body!.getReader();
    const state = { text: '' };
    try {
      await readUntil(reader, /source\.run_finished/, state, 15_000);
    } finally {
      await reader.cancel();
    }
    const blocks = [...state.text.matchAll(/event: source\ndata: (.*)\n/g)].map(
      (m) => JSON.parse(m[1]!) as Event,
    );
    const actions = blocks.map((e) => e.action);
    expect(actions[0]).toBe('source.run_started');
    expect(actions.at(-1)).toBe('source.run_finished');
    expect(new Set(actions.slice(1, -1))).toEqual(new Set(['source.run_progress']));
    expect(blocks[1]?.data).toMatchObject({
      source: 'remote',
      runId: started.id,
      phase: 'fetching',
      fetched: JOBS,
    });
    expect(blocks.at(-1)).toMatchObject({
      entityType: 'source',
      entityId: 'remotive:remote',
      data: {
        source: 'remote',
        runId: started.id,
        status: 'ok',
        fetched: JOBS,
        created: JOBS,
        updated: 0,
        duplicates: 0,
        closed: 0,
        errors: 0,
        error: null,
        ranked: { scored: expect.any(Number) as unknown },
      },
    });
    expect((blocks.at(-1)?.data.ranked as { scored: number }).scored).toBeGreaterThanOrEqual(JOBS);

    const after = (await (await app.request('/api/jobs?limit=1')).json()) as {
      total_count: number;
    };
    expect(after.total_count).toBe(before.total_count + JOBS);
    const item = await sourceItem('remote');
    expect(item.running).toBeNull();
    expect(item.health.state).toBe('healthy');
    expect(item.health.lastRun).toMatchObject({
      trigger: 'api',
      status: 'ok',
      counts: { created: JOBS },
    });

    // A manual run is not held to the terms' interval between scheduled runs (as `ingest`).
    const again = await run('remote');
    expect(again.status).toBe(202);
    const { run: second } = (await again.json()) as { run: { id: string } };
    expect((await finished(second.id)).data).toMatchObject({ status: 'ok', unchanged: JOBS });
  });

  it('answers 409 while a run of the source is under way, and lists it as running', async () => {
    const first = await run('slow');
    expect(first.status).toBe(202);
    const { run: started } = (await first.json()) as { run: { id: string } };
    const body = await problem(await run('slow'), 409);
    expect(body.code).toBe('CONFLICT');
    expect(body.detail).toContain(`slow is running already (run ${started.id}`);
    expect((await sourceItem('slow')).running).toMatchObject({ id: started.id });
    // Another source is not held by it.
    expect((await sourceItem('remote')).running).toBeNull();
    // /metrics counts it as work under way.
    const metrics = await (await app.request('/metrics')).text();
    expect(metrics).toContain(
      'applydesk_queue_depth{queue="requested_source_runs",state="active"} 1',
    );

    expect((await finished(started.id)).data).toMatchObject({ status: 'ok', fetched: JOBS });
    await vi.waitFor(async () => expect((await sourceItem('slow')).running).toBeNull());
    const next = await run('slow');
    expect(next.status).toBe(202);
    await finished(((await next.json()) as { run: { id: string } }).run.id);
  });

  it('answers 404 problem+json for a name that is not configured', async () => {
    const body = await problem(await run('nope'), 404);
    expect(body.code).toBe('NOT_FOUND');
    expect(body.detail).toBe('no source is named "nope"');
    expect(body.hint).toMatch(/configured: remote, slow, broken, paged/);
  });

  it('needs a write token on a server that asks for tokens', async () => {
    const guarded = createApp({ ctx: engine, logger, server: access({ host: '0.0.0.0' }) });
    const read = (await createApiToken(engine, { name: 'reader', scope: 'read' })).secret;
    const write = (await createApiToken(engine, { name: 'writer', scope: 'write' })).secret;
    const asReader = await guarded.request('/api/sources/remote/run', {
      method: 'POST',
      headers: { authorization: `Bearer ${read}` },
    });
    const body = await problem(asReader, 403);
    expect(body.code).toBe('FORBIDDEN');
    expect(
      (await guarded.request('/api/sources', { headers: { authorization: `Bearer ${read}` } }))
        .status,
    ).toBe(200);
    // Past auth, to the handler: an unknown name, so nothing runs.
    const asWriter = await guarded.request('/api/sources/nope/run', {
      method: 'POST',
      headers: { authorization: `Bearer ${write}` },
    });
    expect((await problem(asWriter, 404)).code).toBe('NOT_FOUND');
  });

  it('writes progress at most once per interval however fast the pages come', async () => {
    const runner = sourceRunner(engine);
    runner.progressEveryMs = 2500;
    try {
      const res = await run('paged');
      expect(res.status).toBe(202);
      const { run: started } = (await res.json()) as { run: { id: string } };
      const last = await finished(started.id);
      const perPage = ARBEITNOW.data.length;
      expect(last.data).toMatchObject({ status: 'ok', fetched: PAGES * perPage });
      expect(replay.seen.filter((r) => r.path.startsWith('/paged/')).length).toBe(PAGES);

      const progress = (await runEvents(started.id)).filter(
        (e) => e.action === 'source.run_progress',
      );
      // Five pages about a second apart (the polite client's pace), yet fewer events than
      // pages, spaced by the interval, and what they count only grows.
      expect(progress.length).toBeGreaterThanOrEqual(1);
      expect(progress.length).toBeLessThan(PAGES);
      const fetched = progress.map((e) => Number(e.data.fetched));
      expect(fetched[0]).toBe(perPage);
      expect([...fetched].sort((a, b) => a - b)).toEqual(fetched);
      const at = progress.map((e) => Date.parse(e.at));
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(2400);
    } finally {
      runner.progressEveryMs = 1000;
    }
  });

  it('ends a failing run with its reason in the last event and the status, then backs off', async () => {
    const res = await run('broken');
    expect(res.status).toBe(202);
    const { run: started } = (await res.json()) as { run: { id: string } };
    const last = await finished(started.id);
    expect(last.action).toBe('source.run_failed');
    expect(last.data).toMatchObject({ status: 'failed', errorKind: 'server', created: 0 });
    expect(String(last.data.error)).toMatch(/500/);

    const item = await sourceItem('broken');
    expect(item.health.state).toBe('degraded');
    expect(item.health.reason).toBe(last.data.error);
    expect(item.health.lastRun).toMatchObject({ trigger: 'api', status: 'failed' });

    // Backing off: a second try is refused with when to retry, unless forced.
    const held = await run('broken');
    const body = await problem(held, 429);
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.detail).toMatch(/^broken is degraded until .* after 1 failed run \(.*500/);
    expect(body.hint).toContain('"force": true');
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(600);
    const forced = await run('broken', { force: true });
    expect(forced.status).toBe(202);
    const { run: retried } = (await forced.json()) as { run: { id: string } };
    expect((await finished(retried.id)).action).toBe('source.run_failed');
    expect((await sourceItem('broken')).health).toMatchObject({ state: 'degraded' });
  });
});
