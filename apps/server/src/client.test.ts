import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApiClient, type ApiClient } from '@applydesk/api-contract/client';
import type { OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { seededEngine } from './test-support/seeded-engine.js';

let engine: OpenEngine;
let client: ApiClient;

beforeAll(async () => {
  engine = await seededEngine({ count: 30 });
  const app = createApp({ ctx: engine, logger: createLogger('silent') });
  // The client's requests go through the real app, in process.
  client = createApiClient({
    baseUrl: 'http://127.0.0.1:7070/',
    fetch: (input, init) =>
      Promise.resolve(app.request(input instanceof Request ? input.url : input.toString(), init)),
  });
});
afterAll(() => engine.close());

describe('the typed API client', () => {
  it('filters by several values of a list parameter', async () => {
    const all = await client.jobs.list({ limit: 200 });
    const types = [...new Set(all.items.map((item) => item.sourceType))];
    expect(types.length).toBeGreaterThan(2);
    const two = types.slice(0, 2);
    const page = await client.jobs.list({
      source: two,
      remote: ['remote', 'hybrid', 'onsite', 'unknown'],
      limit: 200,
    });
    expect(new Set(page.items.map((item) => item.sourceType))).toEqual(new Set(two));
    expect(page.total_count).toBe(all.items.filter((item) => two.includes(item.sourceType)).length);
  });

  it('walks the review desk: list, draft, approve, apply, insights', async () => {
    expect((await client.health()).status).toBe('ok');
    const page = await client.jobs.list({ sort: 'score', order: 'desc', limit: 5, q: '' });
    expect(page.items).toHaveLength(5);
    const jobId = page.items[0]?.id ?? '';
    const detail = await client.jobs.get(jobId);
    expect(detail.job.id).toBe(jobId);
    const { drafts } = await client.jobs.draft(jobId, { kind: 'cover_letter' });
    expect(drafts[0]?.writer).toBe('offline');
    const queue = await client.drafts.proposals({ limit: 50 });
    expect(queue.items.map((d) => d.id)).toContain(drafts[0]?.id);
    const approved = await client.drafts.approve(drafts[0]?.id ?? '');
    expect(approved.status).toBe('approved');
    const moved = await client.jobs.moveStage(jobId, { stage: 'applied', note: 'sent' });
    expect(moved.stage).toBe('applied');
    expect((await client.insights()).funnel.applied).toBeGreaterThanOrEqual(1);
    const pdf = await client.drafts.export(approved.id, 'pdf');
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it('throws the server problem as an ApiError with its code and fields', async () => {
    const error = await client.jobs
      .moveStage('job_missing', { stage: 'applied' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const invalid = await client.jobs.list({ limit: 0 }).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect((invalid as ApiError).errors[0]?.path).toBe('limit');
  });
});
