import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Draft } from '@applydesk/domain';
import { rankedList, type OpenEngine } from '@applydesk/engine';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { seededEngine } from './test-support/seeded-engine.js';

interface ProblemJson {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; reason: string }[];
}

let engine: OpenEngine;
let app: OpenAPIHono;
let jobId = '';

beforeAll(async () => {
  engine = await seededEngine({ count: 30 });
  app = createApp({ ctx: engine, logger: createLogger('silent') });
  jobId = (await rankedList(engine, { limit: 1 }))[0]?.job.id ?? '';
});
afterAll(() => engine.close());

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function createDrafts(body: unknown = {}): Promise<Draft[]> {
  const res = await app.request(`/api/jobs/${jobId}/drafts`, json(body));
  expect(res.status).toBe(201);
  return ((await res.json()) as { drafts: Draft[] }).drafts;
}

describe('drafts API', () => {
  it('writes a draft offline when no model is configured, and lists it for review', async () => {
    const [draft] = await createDrafts();
    expect(draft).toMatchObject({ jobId, writer: 'offline', status: 'pending_review' });
    expect(draft?.notes).toEqual(['written offline: no language model is configured for drafting']);
    expect(draft?.quality?.total).toBeGreaterThan(0);

    const proposals = await app.request('/api/proposals?limit=5');
    expect(proposals.headers.get('cache-control')).toBe('no-store');
    const page = (await proposals.json()) as { items: Draft[]; total_count: number };
    expect(page.items.map((d) => d.id)).toContain(draft?.id);
    expect(page.total_count).toBeGreaterThanOrEqual(1);

    const byJob = (await (await app.request(`/api/drafts?job_id=${jobId}`)).json()) as {
      items: Draft[];
    };
    expect(byJob.items.every((d) => d.jobId === jobId)).toBe(true);
  });

  it('flags an edit that invents a fact, blocks approval, and approves once confirmed', async () => {
    const [draft] = await createDrafts({ kind: 'follow_up' });
    const id = draft?.id ?? '';
    const invented = `${draft?.text ?? ''}\n\nI spent 14 years at Google as a Distinguished Engineer.`;
    const edit = await app.request(`/api/drafts/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: invented }),
    });
    expect(edit.status).toBe(200);
    const edited = (await edit.json()) as Draft;
    const open = edited.grounding?.claims.filter((c) => !c.supported) ?? [];
    expect(open.map((c) => c.text).join(' ')).toMatch(/Google/);

    const blocked = await app.request(`/api/drafts/${id}/approve`, { method: 'POST' });
    expect(blocked.status).toBe(409);
    expect(blocked.headers.get('content-type')).toBe('application/problem+json');
    expect(((await blocked.json()) as ProblemJson).detail).toMatch(/does not back: .*Google/);

    const confirm = await app.request(`/api/drafts/${id}/confirm`, json({}));
    expect(confirm.status).toBe(200);
    const approve = await app.request(`/api/drafts/${id}/approve`, { method: 'POST' });
    expect(approve.status).toBe(200);
    expect(((await approve.json()) as Draft).status).toBe('approved');
  });

  it('answers problem+json naming the field for bad input', async () => {
    const badKind = await app.request(`/api/jobs/${jobId}/drafts`, json({ kind: 'poem' }));
    expect(badKind.status).toBe(400);
    expect(((await badKind.json()) as ProblemJson).errors?.[0]?.path).toBe('kind');

    const badModel = await app.request(`/api/jobs/${jobId}/drafts`, json({ models: ['gpt4'] }));
    expect(badModel.status).toBe(400);
    expect(((await badModel.json()) as ProblemJson).errors?.[0]).toEqual({
      path: 'models.0',
      reason: 'expected provider:model',
    });

    const empty = await app.request(`/api/drafts/drf_missing`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(empty.status).toBe(400);

    const missing = await app.request('/api/drafts/drf_missing');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ProblemJson).detail).toBe('draft drf_missing does not exist');

    const noJob = await app.request('/api/jobs/job_missing/drafts', json({}));
    expect(noJob.status).toBe(404);

    const badClaim = await createDrafts();
    const out = await app.request(
      `/api/drafts/${badClaim[0]?.id ?? ''}/confirm`,
      json({ claims: [999] }),
    );
    expect(out.status).toBe(400);
  });

  it('exports Markdown and PDF files', async () => {
    const [draft] = await createDrafts({ kind: 'tailored_resume' });
    const md = await app.request(`/api/drafts/${draft?.id ?? ''}/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.md"$/);
    expect(await md.text()).toBe(`${draft?.text ?? ''}\n`);
    const pdf = await app.request(`/api/drafts/${draft?.id ?? ''}/export?format=pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('reports spend from the ledger', async () => {
    const res = await app.request('/api/costs?by=model');
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      groupBy: string;
      rows: unknown[];
      total: { calls: number };
    };
    expect(report.groupBy).toBe('model');
    expect(report.total.calls).toBe(0);
    const bad = await app.request('/api/costs?since=yesterday');
    expect(bad.status).toBe(400);
  });
});
