import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApiToken, type OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { access } from './test-support/access.js';
import { seededEngine } from './test-support/seeded-engine.js';

const logger = createLogger('silent');

let engine: OpenEngine;
let app: OpenAPIHono;
beforeAll(async () => {
  engine = await seededEngine({ count: 20 });
  const call = {
    at: new Date().toISOString(),
    task: 'drafting',
    provider: 'openai',
    model: 'gpt-4.1-mini',
    inputTokens: 1200,
    outputTokens: 300,
    costUsd: 0.002,
    priceKnown: true,
    latencyMs: 900,
    outcome: 'ok' as const,
    errorKind: null,
    errorMessage: null,
    jobId: null,
    draftId: null,
  };
  await engine.store.llmCalls.record(call);
  await engine.store.llmCalls.record({
    ...call,
    outcome: 'error',
    errorKind: 'rate_limited',
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  });
  app = createApp({ ctx: engine, logger });
});
afterAll(async () => engine.close());

/** The value of one sample line, e.g. `applydesk_jobs{source_type="upwork"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  it('answers the Prometheus text format with request latency by method, route and status', async () => {
    await app.request('/api/jobs?limit=1');
    await app.request('/api/jobs/job_missing');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE applydesk_http_request_duration_seconds histogram');
    expect(
      sample(
        text,
        'applydesk_http_request_duration_seconds_count{method="GET",route="/api/jobs",status="200"}',
      ),
    ).toBe(1);
    // Route patterns, not paths: an id does not make a series of its own.
    expect(text).toContain('route="/api/jobs/:id",status="404"');
    expect(text).not.toContain('job_missing');
    expect(text).toContain('applydesk_process_cpu_seconds_total');
  });

  it('counts postings by source and LLM calls, tokens, cost and errors from the store', async () => {
    const text = await (await app.request('/metrics')).text();
    const stats = await engine.store.stats.snapshot();
    const total = stats.jobsBySource.reduce((a, r) => a + r.count, 0);
    expect(total).toBeGreaterThan(0);
    for (const r of stats.jobsBySource)
      expect(sample(text, `applydesk_jobs{source_type="${r.sourceType}"}`)).toBe(r.count);
    const model = 'provider="openai",model="gpt-4.1-mini"';
    expect(sample(text, `applydesk_llm_calls{${model},outcome="ok"}`)).toBe(1);
    expect(sample(text, `applydesk_llm_calls{${model},outcome="error"}`)).toBe(1);
    expect(sample(text, `applydesk_llm_tokens{${model},direction="input"}`)).toBe(1200);
    expect(sample(text, `applydesk_llm_tokens{${model},direction="output"}`)).toBe(300);
    expect(sample(text, `applydesk_llm_cost_usd{${model}}`)).toBeCloseTo(0.002, 10);
    expect(
      sample(text, 'applydesk_llm_provider_errors{provider="openai",error_kind="rate_limited"}'),
    ).toBe(1);
    expect(text).toContain('# TYPE applydesk_drafts gauge');
    expect(text).toContain('# TYPE applydesk_event_streams gauge');
  });

  it("reports each queue's depth, language model calls per provider and the host's own, and requests in flight", async () => {
    const llm: NonNullable<OpenEngine['llm']> = {
      hasModels: () => true,
      generate: () => Promise.reject(new Error('not called')),
      embed: () => Promise.reject(new Error('not called')),
      breakers: () => ({}),
      queues: () => ({ openai: { active: 2, waiting: 5 }, local: { active: 0, waiting: 0 } }),
    };
    const withQueues = createApp({
      ctx: { ...engine, llm },
      logger,
      queues: () => ({ source_runs: { active: 1, waiting: 3 } }),
    });
    const text = await (await withQueues.request('/metrics')).text();
    const depth = (queue: string, state: string) =>
      sample(text, `applydesk_queue_depth{queue="${queue}",state="${state}"}`);
    expect([depth('llm:openai', 'active'), depth('llm:openai', 'waiting')]).toEqual([2, 5]);
    expect([depth('llm:local', 'active'), depth('llm:local', 'waiting')]).toEqual([0, 0]);
    expect([depth('source_runs', 'active'), depth('source_runs', 'waiting')]).toEqual([1, 3]);
    expect(depth('requested_source_runs', 'active')).toBe(0);
    // The scrape itself is the one request being answered.
    expect(sample(text, 'applydesk_http_requests_in_flight')).toBe(1);
  });

  it('counts refused requests and needs a token when auth is on', async () => {
    const guarded = createApp({ ctx: engine, logger, server: access({ auth: 'required' }) });
    expect((await guarded.request('/metrics')).status).toBe(401);
    const { secret } = await createApiToken(engine, { name: 'prometheus', scope: 'read' });
    const res = await guarded.request('/metrics', {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.status).toBe(200);
    expect(
      sample(await res.text(), 'applydesk_http_requests_refused_total{reason="unauthorized"}'),
    ).toBe(1);
  });
});
