import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@applydesk/config';
import { startReplayServer, type ReplayServer } from '@applydesk/sources/test-support';
import { sampleProfile } from '../demo/index.js';
import { openEngine, type OpenEngine } from '../open-engine.js';
import { saveProfile } from './profile.js';
import { progressThrottle, sourceRunner } from './run-source-now.js';

const SOURCES = join(import.meta.dirname, '../../../sources/src');
const REMOTIVE = readFileSync(join(SOURCES, 'remotive/fixtures/remote-jobs.json'), 'utf8');
const JOBS = (JSON.parse(REMOTIVE) as { jobs: unknown[] }).jobs.length;
const PAGE_1 = readFileSync(join(SOURCES, 'arbeitnow/fixtures/job-board-api-page-1.json'), 'utf8');
const PAGE_2 = readFileSync(join(SOURCES, 'arbeitnow/fixtures/job-board-api-page-2.json'), 'utf8');

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

async function engineWith(sources: string, env: Record<string, string> = {}): Promise<OpenEngine> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-run-now-'));
  writeFileSync(join(home, 'applydesk.yaml'), `sources:\n${sources}`);
  return openEngine(loadConfig({ env: { APPLYDESK_HOME: home, ...env } }));
}

describe('progressThrottle', () => {
  it('lets the first call through, then one per interval', () => {
    let now = 5_000;
    const due = progressThrottle(1000, () => now);
    const seen: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      seen.push(due());
      now += 400;
    }
    expect(seen).toEqual([true, false, false, true, false, false, true, false]);
  });
});

describe('SourceRunner', () => {
  it('runs one source in the background, ranks what came in, and writes throttled progress', async () => {
    server.route('/an/api/job-board-api?page=1', { body: PAGE_1 });
    server.route('/an/api/job-board-api?page=2', { body: PAGE_2 });
    const engine = await engineWith(
      `  - { name: board, type: arbeitnow, baseUrl: "${server.url}/an" }\n`,
    );
    await saveProfile(engine, sampleProfile(), 'test');
    const runner = sourceRunner(engine);
    expect(sourceRunner(engine)).toBe(runner);
    // Every progress call 400 ms after the one before: with 1 s between events, 1 in 3 is kept.
    let tick = 0;
    runner.clock = () => (tick += 400);

    const started = await runner.start('board', { actor: 'test' });
    expect(runner.running('board')).toEqual({
      id: started.id,
      source: 'board',
      startedAt: started.startedAt,
    });
    const outcome = await started.done;
    expect(runner.running('board')).toBeNull();
    expect(outcome).toMatchObject({ status: 'ok', error: null, summary: { fetched: 5 } });
    expect(outcome.summary?.created).toBeGreaterThan(0);
    expect(outcome.ranked?.scored).toBe(outcome.summary?.created);

    const events = (await engine.store.events.list({ entityType: 'source' })).filter(
      (e) => e.data.runId === started.id,
    );
    // Progress calls: page 1 (3), page 2 (5), the end of the fetch (5), ranking (5).
    expect(events.map((e) => [e.action, e.data.fetched])).toEqual([
      ['source.run_started', undefined],
      ['source.run_progress', 3],
      ['source.run_progress', 5],
      ['source.run_finished', 5],
    ]);
    expect(events[2]?.data.phase).toBe('ranking');
    expect(events.at(-1)?.data).toMatchObject({
      source: 'board',
      status: 'ok',
      created: outcome.summary?.created,
      ranked: { scored: outcome.ranked?.scored },
    });
    const [run] = await engine.store.sourceRuns.list('arbeitnow:board');
    expect(run).toMatchObject({ trigger: 'api', status: 'ok' });
    await engine.close();
  });

  it('refuses a second run of a source while one is under way, not a run of another', async () => {
    server.route('/slow/api/remote-jobs', { body: REMOTIVE, delayMs: 600 });
    server.route('/fast/api/remote-jobs', { body: REMOTIVE });
    const engine = await engineWith(
      `  - { name: slow, type: remotive, baseUrl: "${server.url}/slow" }\n` +
        `  - { name: fast, type: remotive, baseUrl: "${server.url}/fast" }\n`,
    );
    const runner = sourceRunner(engine);
    // Both asked for at once: the slot is taken before anything is awaited.
    const [first, second] = await Promise.allSettled([
      runner.start('slow', { actor: 'test' }),
      runner.start('slow', { actor: 'test' }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { code: 'CONFLICT', message: expect.stringMatching(/^slow is running already/) },
    });
    const other = await runner.start('fast', { actor: 'test' });
    await runner.idle();
    expect((await other.done).status).toBe('ok');
    if (first.status === 'fulfilled') expect((await first.value.done).status).toBe('ok');
    await expect(runner.start('nope', { actor: 'test' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await engine.close();
  });

  it('holds a source in back-off unless forced, and refuses one that lacks its secrets', async () => {
    server.route('/down/api/remote-jobs', [
      { status: 429, headers: { 'retry-after': '7200' }, body: '{"error":"slow down"}' },
      { body: REMOTIVE },
    ]);
    const engine = await engineWith(
      `  - { name: down, type: remotive, baseUrl: "${server.url}/down" }\n` +
        `  - { name: keyed, type: adzuna, country: gb }\n`,
    );
    const runner = sourceRunner(engine);
    const failed = await (await runner.start('down', { actor: 'test' })).done;
    expect(failed).toMatchObject({ status: 'failed', summary: { errorKind: 'rate_limited' } });
    const events = await engine.store.events.list({ entityType: 'source' });
    expect(events.at(-1)).toMatchObject({
      action: 'source.run_failed',
      data: { status: 'failed', errorKind: 'rate_limited', error: failed.error },
    });
    expect(events.at(-1)?.data.retryAt).toEqual(expect.any(String));

    await expect(runner.start('down', { actor: 'test' })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/^down is degraded until .* after 1 failed run/),
      details: { retryAt: expect.any(String) },
    });
    expect(runner.running('down')).toBeNull();
    const forced = await (await runner.start('down', { actor: 'test', force: true })).done;
    expect(forced).toMatchObject({ status: 'ok', summary: { created: JOBS } });

    await expect(runner.start('keyed', { actor: 'test' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^keyed cannot run: set ADZUNA_APP_ID/),
    });
    await engine.close();
  });
});
