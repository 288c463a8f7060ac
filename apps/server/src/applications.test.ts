import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Application, Draft } from '@applydesk/domain';
import { rankedList, type Insights, type OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { seededEngine } from './test-support/seeded-engine.js';

let engine: OpenEngine;
let app: OpenAPIHono;
let jobIds: string[] = [];

beforeAll(async () => {
  engine = await seededEngine({ count: 30 });
  app = createApp({ ctx: engine, logger: createLogger('silent') });
  jobIds = (await rankedList(engine, { limit: 3 })).map((item) => item.job.id);
});
afterAll(() => engine.close());

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('applications API', () => {
  it('walks a posting from draft to interview and shows it in the history, the board and the funnel', async () => {
    const jobId = jobIds[0] ?? '';
    const before = (await (await app.request('/api/insights')).json()) as Insights;

    const drafted = (await (await post(`/api/jobs/${jobId}/drafts`, {})).json()) as {
      drafts: Draft[];
    };
    const draftId = drafted.drafts[0]?.id ?? '';
    expect((await post(`/api/drafts/${draftId}/approve`, {})).status).toBe(200);
    const applied = await post(`/api/jobs/${jobId}/stage`, { stage: 'applied', note: 'sent' });
    expect(applied.status).toBe(200);
    const application = (await applied.json()) as Application;
    expect(application.stage).toBe('applied');
    expect((await post(`/api/jobs/${jobId}/stage`, { stage: 'interviewing' })).status).toBe(200);

    const history = (await (
      await app.request(`/api/applications/${application.id}/history`)
    ).json()) as { items: { from: string | null; to: string; note: string | null }[] };
    // Ranking shortlisted it; the rest is this test's doing.
    expect(history.items.map((h) => h.to)).toEqual([
      'shortlisted',
      'drafting',
      'ready_for_review',
      'approved',
      'applied',
      'interviewing',
    ]);
    expect(history.items.find((h) => h.to === 'applied')?.note).toBe('sent');

    const board = (await (await app.request('/api/applications?stage=interviewing')).json()) as {
      items: { application: Application; job: { id: string; title: string } | null }[];
    };
    expect(board.items.map((i) => i.job?.id)).toEqual([jobId]);

    const after = (await (await app.request('/api/insights')).json()) as Insights;
    expect(after.funnel.applied).toBe(before.funnel.applied + 1);
    expect(after.funnel.answered).toBe(before.funnel.answered + 1);
    expect(after.funnel.interview).toBe(before.funnel.interview + 1);
    expect(after.funnel.found).toBe(before.funnel.found);
    const band = after.byScoreBand.find((b) => b.applied > 0);
    expect(band?.rate).toBe(1);
    expect(after.scoreDistribution).toHaveLength(10);
    expect(after.scoreDistribution.reduce((n, b) => n + b.count, 0)).toBeGreaterThan(0);
  });

  it('refuses an illegal move with the stages allowed, and names a bad stage', async () => {
    const jobId = jobIds[1] ?? '';
    const illegal = await post(`/api/jobs/${jobId}/stage`, { stage: 'offer' });
    expect(illegal.status).toBe(409);
    expect(illegal.headers.get('content-type')).toBe('application/problem+json');
    const bad = await post(`/api/jobs/${jobId}/stage`, { stage: 'ghosted' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('stage');
    expect((await post('/api/jobs/job_missing/stage', { stage: 'archived' })).status).toBe(404);
    expect((await app.request('/api/applications/app_missing/history')).status).toBe(404);
  });
});
