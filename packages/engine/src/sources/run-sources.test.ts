import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '@applydesk/config';
import { DomainError } from '@applydesk/domain';
import { BaseSourceConfig, createHttpClient, defineSource } from '@applydesk/sources';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { runSource } from './run-sources.js';
import type { ResolvedSource } from './resolve-sources.js';

const NOW = new Date('2026-11-20T12:00:00Z');

interface BoardPosting {
  id: string;
  title?: string;
}

/** A minimal adapter in the real shape: paged JSON over HTTP, one posting per item. */
const boardSource = defineSource({
  type: 'testboard',
  label: 'Test board',
  description: 'a board served by the loopback replay server',
  terms: { termsUrl: null, attribution: null, minPollMinutes: 0, notes: '' },
  configSchema: BaseSourceConfig.extend({ baseUrl: z.url() }),
  secretSchema: z.object({}),
  test: () => Promise.resolve({ ok: true, message: 'ok' }),
  async *fetch(ctx) {
    for (let page = 1; ; page++) {
      const body = await ctx.http.getJson<{ jobs: BoardPosting[] }>(
        `${ctx.config.baseUrl}/jobs?page=${page}`,
      );
      if (body.jobs.length === 0) return;
      yield body.jobs;
    }
  },
  normalize(raw, ctx) {
    const posting = raw as BoardPosting;
    if (posting.title === undefined)
      throw new DomainError('INVALID_INPUT', `testboard posting ${posting.id}: no title`);
    return {
      sourceType: 'testboard',
      sourceId: ctx.sourceId,
      externalId: posting.id,
      url: `https://board.example/jobs/${posting.id}`,
      title: posting.title,
      company: 'Acme',
      location: 'Remote',
      descriptionHtml: `<p>${posting.title} with TypeScript</p>`,
      descriptionText: '',
      postedAt: NOW.toISOString(),
      fetchedAt: ctx.now().toISOString(),
      raw,
    };
  },
});

function resolved(server: ReplayServer, unusable: string | null = null): ResolvedSource {
  return {
    name: 'board',
    sourceId: 'testboard:board',
    adapter: boardSource,
    config: { name: 'board', type: 'testboard', baseUrl: server.url, enabled: true },
    secrets: {},
    unusable,
  };
}

const page = (jobs: BoardPosting[]) => ({ body: JSON.stringify({ jobs }) });

let engine: OpenEngine;
let server: ReplayServer;
const http = createHttpClient();

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-sources-'));
  engine = await openEngine(loadConfig({ env: { APPLYDESK_HOME: home } }), { now: () => NOW });
  server = await startReplayServer();
});
afterAll(async () => {
  await engine.close();
  await server.close();
});

describe('runSource', () => {
  it('stores every page, reports a bad posting without losing the rest, and is idempotent', async () => {
    server.route('/jobs?page=1', page([{ id: 'a', title: 'Backend Engineer' }, { id: 'b' }]));
    server.route('/jobs?page=2', page([{ id: 'c', title: 'Frontend Engineer' }]));
    server.route('/jobs?page=3', page([]));
    const first = await runSource(engine, resolved(server), { http, actor: 'test' });
    expect(first).toMatchObject({ status: 'ok', fetched: 3, created: 2, updated: 0, closed: 0 });
    expect(first.invalid).toEqual([{ externalId: 'b', reason: 'testboard posting b: no title' }]);

    const again = await runSource(engine, resolved(server), { http, actor: 'test' });
    expect(again).toMatchObject({ status: 'ok', created: 0, unchanged: 2, closed: 0 });
    expect(await engine.store.jobs.count()).toBe(2);
  });

  it('closes postings the source stopped listing after a complete fetch', async () => {
    server.route('/jobs?page=1', page([{ id: 'a', title: 'Backend Engineer (changed)' }]));
    server.route('/jobs?page=2', page([]));
    const run = await runSource(engine, resolved(server), { http, actor: 'test' });
    expect(run).toMatchObject({ status: 'ok', updated: 1, closed: 1 });
    expect((await engine.store.jobs.getByExternalId('testboard', 'c'))?.status).toBe('closed');
  });

  it('closes nothing when the fetch fails part way, and says why and when to retry', async () => {
    server.route('/jobs?page=1', page([{ id: 'a', title: 'Backend Engineer (changed)' }]));
    server.route('/jobs?page=2', { status: 429, headers: { 'retry-after': '120' }, body: '{}' });
    const before = (await engine.store.jobs.list({ status: 'open' })).totalCount;
    const run = await runSource(engine, resolved(server), { http, actor: 'test' });
    expect(run.status).toBe('failed');
    expect(run.error).toContain('429');
    expect(Date.parse(run.retryAt ?? '')).toBeGreaterThan(Date.now() + 100_000);
    expect((await engine.store.jobs.list({ status: 'open' })).totalCount).toBe(before);
  });

  it('skips a source whose secrets are missing, saying which', async () => {
    const run = await runSource(
      engine,
      resolved(server, 'set BOARD_KEY in the environment or .env'),
      { http, actor: 'test' },
    );
    expect(run).toMatchObject({
      status: 'skipped',
      fetched: 0,
      error: 'set BOARD_KEY in the environment or .env',
    });
  });
});
